import Foundation
import Testing
@testable import Siting

/// MEXCLP and MALP I with kept sites (existing bases that stay): each kept
/// site holds at least one of the P aircraft. Checked against every
/// placement that gives each kept site one aircraft at least.
@Suite struct AvailabilityKeptSitesTests {
    /// Every placement of `aircraft` at the instance's sites, at most
    /// `perSite` at a site, with one aircraft at least at each kept site.
    static func placements(_ instance: CoverInstance, aircraft: Int, perSite: Int, kept: Set<Int>) -> [[Int]] {
        BruteForce.placements(aircraft: aircraft, sites: instance.siteCount, perSite: perSite)
            .filter { counts in kept.allSatisfy { counts[$0] >= 1 } }
    }

    /// Two or three kept sites drawn from the seed.
    static func keptSites(seed: Int, sites: Int) -> Set<Int> {
        Set([seed % sites, (seed * 3 + 1) % sites, (seed * 5 + 2) % sites].prefix(2 + seed % 2))
    }

    static func checkKept(_ result: SitingResult, _ instance: CoverInstance, kept: Set<Int>, aircraft: Int, perSite: Int, seed: Int) {
        let counts = AvailabilityTests.counts(result, sites: instance.siteCount)
        #expect(kept.allSatisfy { counts[$0] >= 1 }, "seed \(seed): \(counts) with kept \(kept.sorted())")
        #expect(counts.reduce(0, +) == aircraft && counts.allSatisfy { $0 <= perSite }, "seed \(seed): \(counts)")
    }

    @Test(arguments: 0..<20)
    func expectedCoveringWithKeptSitesIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(7_100 + seed), demands: 12, sites: 7, density: 0.35)
        let kept = Self.keptSites(seed: seed, sites: instance.siteCount)
        let perSite = 1 + seed % 2, aircraft = kept.count + 1 + seed % 2, q = AvailabilityTests.busyValues[seed % 5]
        let best = Self.placements(instance, aircraft: aircraft, perSite: perSite, kept: kept)
            .map { AvailabilityTests.expected(instance, $0, q: q) }.max()!
        let model = try ExpectedCovering(instance: instance, aircraft: aircraft, busy: q, perSite: perSite, kept: kept)
        let result = model.solve()
        #expect(result.status == .optimal, "seed \(seed)")
        #expect(abs(result.objective - best) <= 1e-9 * max(1, best), "seed \(seed): \(result.objective) against \(best)")
        Self.checkKept(result, instance, kept: kept, aircraft: aircraft, perSite: perSite, seed: seed)
        let greedy = model.greedy()
        #expect(kept.allSatisfy { greedy[$0] >= 1 } && greedy.reduce(0, +) == aircraft, "seed \(seed): greedy \(greedy)")
    }

    @Test(arguments: 0..<20)
    func maximumAvailabilityWithKeptSitesIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(7_300 + seed), demands: 12, sites: 7, density: 0.4)
        let kept = Self.keptSites(seed: seed, sites: instance.siteCount)
        let perSite = 1 + seed % 2, aircraft = kept.count + 1 + seed % 2
        let (q, alpha) = [(0.3, 0.85), (0.5, 0.7), (0.2, 0.75), (0.0, 0.9)][seed % 4]
        let b = (1...).first { 1 - pow(q, Double($0)) >= alpha }!
        let best = Self.placements(instance, aircraft: aircraft, perSite: perSite, kept: kept)
            .map { AvailabilityTests.available(instance, $0, b: b) }.max()!
        let result = try MaximumAvailability(instance: instance, aircraft: aircraft, busy: q, reliability: alpha, perSite: perSite, kept: kept).solve()
        #expect(result.status == .optimal, "seed \(seed)")
        #expect(abs(result.objective - best) < 1e-9, "seed \(seed) (b = \(b)): \(result.objective) against \(best)")
        Self.checkKept(result, instance, kept: kept, aircraft: aircraft, perSite: perSite, seed: seed)
    }

    /// Site A reaches nothing but is kept: one of the two aircraft stays
    /// there, the other goes to B (weight 5) over C (weight 3); by hand,
    /// 5 × (1 − 0.4) = 3 expected.
    @Test func aKeptSiteReachingNothingStillHoldsAnAircraft() throws {
        let instance = try CoverInstance(
            demandIDs: ["d1", "d2"], siteIDs: ["A", "B", "C"], weights: [5, 3], coveringSites: [[1], [2]])
        let result = try ExpectedCovering(instance: instance, aircraft: 2, busy: 0.4, kept: [0]).solve()
        #expect(result.status == .optimal && result.selected == [0, 1] && result.aircraft == [1, 1], "\(result.selected) \(result.aircraft ?? [])")
        #expect(abs(result.objective - 3) < 1e-12, "\(result.objective)")
        let malp = try MaximumAvailability(instance: instance, aircraft: 2, busy: 0.4, reliability: 0.5, kept: [0]).solve()
        #expect(malp.selected == [0, 1] && malp.objective == 5)
    }

    @Test func moreKeptSitesThanAircraftAreRefused() throws {
        let instance = try BruteForce.randomInstance(seed: 5, demands: 6, sites: 5)
        #expect(throws: SitingInputError.self) { try ExpectedCovering(instance: instance, aircraft: 1, busy: 0.3, kept: [0, 1]) }
        #expect(throws: SitingInputError.self) { try MaximumAvailability(instance: instance, aircraft: 1, busy: 0.3, reliability: 0.5, kept: [0, 1]) }
        #expect(throws: SitingInputError.self) { try ExpectedCovering(instance: instance, aircraft: 2, busy: 0.3, kept: [7]) }
    }
}
