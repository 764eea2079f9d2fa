import Foundation
import Testing
@testable import Siting

/// MEXCLP and MALP I against every placement on small random instances,
/// with K = 1 and K = 2; an analytic case; their limits that are MCLP
/// (q = 0 for MEXCLP, b = 1 for MALP); b's computation and the refusals.
@Suite struct AvailabilityTests {
    static let busyValues = [0.1, 0.3, 0.5, 0.7, 0.999]

    /// Σ_i h_i (1 − q^{n_i}), straight from the definition.
    static func expected(_ instance: CoverInstance, _ counts: [Int], q: Double) -> Double {
        zip(BruteForce.coverCounts(instance, counts), instance.weights).reduce(0) { $0 + $1.1 * (1 - pow(q, Double($1.0))) }
    }

    static func available(_ instance: CoverInstance, _ counts: [Int], b: Int) -> Double {
        zip(BruteForce.coverCounts(instance, counts), instance.weights).reduce(0) { $0 + ($1.0 >= b ? $1.1 : 0) }
    }

    /// The counts per site of a result (0 at the sites not selected).
    static func counts(_ result: SitingResult, sites: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: sites)
        for (j, n) in zip(result.selected, result.aircraft ?? []) { counts[j] = n }
        return counts
    }

    static func checkPlacement(_ result: SitingResult, _ instance: CoverInstance, aircraft: Int, perSite: Int, seed: Int) {
        let aircraftCounts = result.aircraft ?? []
        #expect(aircraftCounts.count == result.selected.count, "seed \(seed)")
        #expect(aircraftCounts.reduce(0, +) == aircraft, "seed \(seed): \(aircraftCounts) placed, \(aircraft) asked")
        #expect(aircraftCounts.allSatisfy { (1...perSite).contains($0) }, "seed \(seed): \(aircraftCounts) with K = \(perSite)")
        #expect(result.selected == result.selected.sorted())
    }

    @Test(arguments: 0..<25)
    func expectedCoveringIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(9_000 + seed), demands: 12, sites: 7, density: 0.35)
        let perSite = 1 + seed % 2, aircraft = 2 + seed % 3, q = Self.busyValues[seed % 5]
        let best = BruteForce.placements(aircraft: aircraft, sites: instance.siteCount, perSite: perSite)
            .map { Self.expected(instance, $0, q: q) }.max()!
        let model = try ExpectedCovering(instance: instance, aircraft: aircraft, busy: q, perSite: perSite)
        let result = model.solve()
        #expect(result.model == "mexclp")
        #expect(result.status == .optimal, "seed \(seed)")
        #expect(abs(result.objective - best) <= 1e-9 * max(1, best), "seed \(seed): \(result.objective) against \(best)")
        #expect(result.bound == result.objective && result.gap == 0)
        Self.checkPlacement(result, instance, aircraft: aircraft, perSite: perSite, seed: seed)
        let placed = Self.counts(result, sites: instance.siteCount)
        #expect(abs(Self.expected(instance, placed, q: q) - result.objective) <= 1e-9 * max(1, best))
        #expect(abs(result.coveredWeight - instance.coveredWeight(by: result.selected)) < 1e-9)
        let greedy = model.greedy()
        #expect(greedy.reduce(0, +) == aircraft && greedy.allSatisfy { $0 <= perSite })
        #expect(Self.expected(instance, greedy, q: q) <= best + 1e-9)
    }

    /// 30 seeds: 6 of them ask for b > P and check the refusal, 24 are solved.
    @Test(arguments: 0..<30)
    func maximumAvailabilityIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(9_500 + seed), demands: 12, sites: 7, density: 0.4)
        let perSite = 1 + seed % 2, aircraft = 2 + seed % 3
        let (q, alpha) = [(0.3, 0.85), (0.5, 0.7), (0.2, 0.75), (0.6, 0.8), (0.3, 0.95)][seed % 5]
        // b from its definition: the fewest aircraft with 1 − q^b ≥ α.
        let b = (1...).first { 1 - pow(q, Double($0)) >= alpha }!
        guard b <= aircraft else {
            #expect(throws: SitingInputError.self) {
                try MaximumAvailability(instance: instance, aircraft: aircraft, busy: q, reliability: alpha, perSite: perSite)
            }
            return
        }
        let model = try MaximumAvailability(instance: instance, aircraft: aircraft, busy: q, reliability: alpha, perSite: perSite)
        #expect(model.requiredAircraft == b, "seed \(seed): q = \(q), α = \(alpha)")
        let best = BruteForce.placements(aircraft: aircraft, sites: instance.siteCount, perSite: perSite)
            .map { Self.available(instance, $0, b: b) }.max()!
        let result = model.solve()
        #expect(result.model == "malp")
        #expect(result.status == .optimal, "seed \(seed)")
        #expect(abs(result.objective - best) < 1e-9, "seed \(seed) (b = \(b), K = \(perSite), P = \(aircraft)): \(result.objective) against \(best)")
        Self.checkPlacement(result, instance, aircraft: aircraft, perSite: perSite, seed: seed)
        #expect(abs(Self.available(instance, Self.counts(result, sites: instance.siteCount), b: b) - result.objective) < 1e-9)
        let greedy = model.greedy()
        #expect(greedy.reduce(0, +) == aircraft && greedy.allSatisfy { $0 <= perSite })
        #expect(Self.available(instance, greedy, b: b) <= best + 1e-9)
    }

    /// One demand (weight 10) two sites reach: with both, 1 − 0.3² = 0.91 of it.
    @Test func oneDemandTwoSites() throws {
        let instance = try CoverInstance(demandIDs: ["d"], siteIDs: ["A", "B", "C"], weights: [10], coveringSites: [[0, 1]])
        let both = try ExpectedCovering(instance: instance, aircraft: 2, busy: 0.3).solve()
        #expect(both.status == .optimal && both.selected == [0, 1] && both.aircraft == [1, 1])
        #expect(abs(both.objective - 9.1) < 1e-12, "\(both.objective)")
        // Two aircraft at A do as well; one alone serves 0.7 of it.
        let stacked = try ExpectedCovering(instance: instance, aircraft: 2, busy: 0.3, perSite: 2)
        #expect(abs(stacked.expectedCoveredWeight([2, 0, 0]) - 9.1) < 1e-12)
        #expect(abs(try ExpectedCovering(instance: instance, aircraft: 1, busy: 0.3).solve().objective - 7) < 1e-12)
        // Three aircraft, one per site: the third (at C) adds nothing.
        let three = try ExpectedCovering(instance: instance, aircraft: 3, busy: 0.3).solve()
        #expect(abs(three.objective - 9.1) < 1e-12 && three.aircraft == [1, 1, 1])
        // α = 0.91 is met by exactly two (b = 2), not by one.
        let malp = try MaximumAvailability(instance: instance, aircraft: 2, busy: 0.3, reliability: 0.91)
        #expect(malp.requiredAircraft == 2)
        #expect(malp.solve().objective == 10)
        #expect(try MaximumAvailability.requiredAircraft(reliability: 0.92, busy: 0.3) == 3)
    }

    /// With q = 0 every aircraft is free: MEXCLP is MCLP with p = P. With
    /// q = 10⁻¹², within 10⁻⁹ of it.
    @Test(arguments: 0..<12)
    func mexclpWithoutBusyAircraftIsMCLP(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(9_800 + seed), density: 0.3)
        let p = 1 + seed % 4
        let mclp = try MaximalCovering(instance: instance, limit: .sites(p)).solve()
        let free = try ExpectedCovering(instance: instance, aircraft: p, busy: 0).solve()
        #expect(free.status == .optimal)
        #expect(abs(free.objective - mclp.objective) < 1e-9, "seed \(seed): \(free.objective) against MCLP \(mclp.objective)")
        let rare = try ExpectedCovering(instance: instance, aircraft: p, busy: 1e-12).solve()
        #expect(abs(rare.objective - mclp.objective) < 1e-9 * max(1, mclp.objective), "seed \(seed)")
    }

    /// With b = 1 (here q = 0.5, α = 0.4, and q = 0) MALP is MCLP with p = P.
    @Test(arguments: 0..<12)
    func malpWithOneAircraftNeededIsMCLP(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(9_900 + seed), density: 0.3)
        let p = 1 + seed % 4
        let mclp = try MaximalCovering(instance: instance, limit: .sites(p)).solve()
        for (q, alpha) in [(0.5, 0.4), (0.0, 0.99)] {
            let malp = try MaximumAvailability(instance: instance, aircraft: p, busy: q, reliability: alpha)
            #expect(malp.requiredAircraft == 1)
            let result = malp.solve()
            #expect(result.status == .optimal && abs(result.objective - mclp.objective) < 1e-9, "seed \(seed): \(result.objective) against \(mclp.objective)")
            #expect(abs(result.objective - result.coveredWeight) < 1e-9)
        }
    }

    /// 1,200 demands × 120 sites, a quarter of the pairs covering (36,000
    /// pairs, above `largestTimedProgram`): under a 1 s limit both models
    /// return P aircraft with an honest bound within the limit and a margin
    /// (a round of moves, in a debug build), and the moves never lose what
    /// the greedy found.
    @Test func aTimeLimitEndsWithAPlacementAndABound() throws {
        let instance = try BruteForce.randomInstance(seed: 42, demands: 1_200, sites: 120, density: 0.25)
        let limit = 1.0, margin = 2.0
        let mexclp = try ExpectedCovering(instance: instance, aircraft: 12, busy: 0.4, perSite: 2)
        let malp = try MaximumAvailability(instance: instance, aircraft: 12, busy: 0.4, reliability: 0.8, perSite: 2)
        for (model, greedyValue, result) in [
            ("mexclp", mexclp.expectedCoveredWeight(mexclp.greedy()), mexclp.solve(timeLimit: limit)),
            ("malp", malp.availableWeight(malp.greedy()), malp.solve(timeLimit: limit)),
        ] {
            #expect(result.seconds <= limit + margin, "\(model): \(result.seconds) s")
            #expect(result.status == .feasible || result.status == .optimal)
            #expect(result.bound >= result.objective && result.objective >= greedyValue - 1e-9, "\(model): \(result.objective), greedy \(greedyValue)")
            #expect((result.aircraft ?? []).reduce(0, +) == 12 && (result.aircraft ?? []).allSatisfy { $0 <= 2 })
        }
    }

    @Test func requiredAircraftAndRefusals() throws {
        #expect(try MaximumAvailability.requiredAircraft(reliability: 0.99, busy: 0) == 1)
        #expect(try MaximumAvailability.requiredAircraft(reliability: 0.91, busy: 0.3) == 2)
        #expect(try MaximumAvailability.requiredAircraft(reliability: 0.9, busy: 0.5) == 4)  // 1 − 0.5³ = 0.875
        #expect(try MaximumAvailability.requiredAircraft(reliability: 0.875, busy: 0.5) == 3)
        #expect(try MaximumAvailability.requiredAircraft(reliability: 1e-6, busy: 0.9) == 1)
        for (alpha, q) in [(0.9, 1.0), (0.9, -0.1), (0.9, .nan), (0.0, 0.3), (1.0, 0.3), (.nan, 0.3), (.infinity, 0.3)] {
            #expect(throws: SitingInputError.self, "α = \(alpha), q = \(q)") { try MaximumAvailability.requiredAircraft(reliability: alpha, busy: q) }
        }
        #expect(throws: SitingInputError.self) { try MaximumAvailability.requiredAircraft(reliability: 1 - 1e-16, busy: 1 - 1e-15) }
        let instance = try BruteForce.randomInstance(seed: 3, sites: 4)
        func message(_ body: () throws -> Any) -> String {
            do { _ = try body(); return "no error" } catch { return "\(error)" }
        }
        #expect(
            message { try ExpectedCovering(instance: instance, aircraft: 5, busy: 0.2) }.contains("5 aircraft do not fit 1 per site at the 4 candidate sites"))
        #expect(message { try ExpectedCovering(instance: instance, aircraft: 8, busy: 0.2, perSite: 2) } == "no error")
        #expect(message { try ExpectedCovering(instance: instance, aircraft: 2, busy: 0.2, perSite: 0) }.contains("per site must be 1 or more"))
        #expect(message { try ExpectedCovering(instance: instance, aircraft: 0, busy: 0.2) }.contains("must be 1 or more"))
        #expect(message { try ExpectedCovering(instance: instance, aircraft: 2, busy: 1) }.contains("below 1"))
        #expect(
            message { try MaximumAvailability(instance: instance, aircraft: 2, busy: 0.5, reliability: 0.9) }
                .contains("needs b = 4 aircraft within reach, more than the 2 placed"))
    }
}
