import Foundation
import GeoCore
@testable import Siting
import Testing
@testable import Planner
import Support

/// Other optimal sets (`AlternativeOptima`) against brute force over every
/// site set of small random instances with many ties (unit weights).
@Suite struct AlternativeOptimaTests {
    /// 8 sites, 12 demands, each covered by 1–3 random sites.
    static func instance(seed: UInt64) throws -> CoverInstance {
        var random = SplitMix64(seed: seed)
        let sites = 8, demands = 12
        let covering = (0..<demands).map { _ in
            Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 0..<sites, using: &random) })).sorted()
        }
        return try CoverInstance(demandIDs: (0..<demands).map { "d\($0)" }, siteIDs: (0..<sites).map { "s\($0)" }, coveringSites: covering)
    }

    /// Covered weight of `set` (bit mask) and its size.
    static func value(_ instance: CoverInstance, _ set: Int) -> (weight: Double, size: Int) {
        var weight = 0.0
        for i in 0..<instance.demandCount where instance.sites(covering: i).contains(where: { set & (1 << Int($0)) != 0 }) { weight += instance.weights[i] }
        return (weight, set.nonzeroBitCount)
    }

    static func mask(_ sites: [Int]) -> Int { sites.reduce(0) { $0 | (1 << $1) } }

    @Test(arguments: 1...12)
    func lscpAlternativesAreOptimalAndTheirExistenceIsExact(seed: UInt64) throws {
        let instance = try Self.instance(seed: seed)
        let total = instance.weights.reduce(0, +)
        let all = 1 << instance.siteCount
        let covers = (0..<all).filter { Self.value(instance, $0).weight == total }
        let fewest = covers.map(\.nonzeroBitCount).min()!
        let optimal = Set(covers.filter { $0.nonzeroBitCount == fewest })
        let preferred: Set<Int> = [0, 1]
        let first = try SitingModel.lscp.solve(on: instance, options: SitingOptions())
        let optima = try AlternativeOptima.search(.lscp, on: instance, options: SitingOptions(), first: first, limit: 10, preferred: preferred)
        #expect(optima.othersExist == (optimal.count > 1), "seed \(seed): \(optimal.count) optimal sets")
        let reported = [optima.best] + optima.others
        for r in reported { #expect(optimal.contains(Self.mask(r.selected)), "seed \(seed): \(r.selected) is not optimal") }
        #expect(Set(reported.map { Self.mask($0.selected) }).count == reported.count)
        // With fewer than 10 others, every optimal set is found (Lawler's partition).
        if optimal.count <= 10 { #expect(reported.count == optimal.count, "seed \(seed)") }
        // The first reported holds the most preferred sites of those reported.
        let held = reported.map { $0.selected.filter(preferred.contains).count }
        #expect(held[0] == held.max())
    }

    @Test(arguments: 1...12)
    func mclpAlternativesAreOptimalAndTheirExistenceIsExact(seed: UInt64) throws {
        let instance = try Self.instance(seed: seed + 100)
        var options = SitingOptions()
        options.p = 2
        let best = (0..<(1 << instance.siteCount)).filter { $0.nonzeroBitCount <= 2 }.map { Self.value(instance, $0).weight }.max()!
        let first = try SitingModel.mclp.solve(on: instance, options: options)
        #expect(first.objective == best)
        let optima = try AlternativeOptima.search(.mclp, on: instance, options: options, first: first, limit: 5, preferred: [])
        // Another optimal set of at most 2 sites that does not contain the first one's sites.
        let chosen = Self.mask(first.selected)
        let others = (0..<(1 << instance.siteCount)).filter { $0.nonzeroBitCount <= 2 && $0 & chosen != chosen && Self.value(instance, $0).weight == best }
        #expect(optima.othersExist == !others.isEmpty, "seed \(seed)")
        for r in [optima.best] + optima.others { #expect(Self.value(instance, Self.mask(r.selected)).weight == best) }
        // Every optimal set without a site that adds nothing is found (fewer than the limit here).
        let optimal = (0..<(1 << instance.siteCount)).filter { $0.nonzeroBitCount <= 2 && Self.value(instance, $0).weight == best }
        let minimal = optimal.filter { set in !optimal.contains { $0 != set && $0 & set == $0 } }
        if minimal.count <= 5 {
            #expect(Set(([optima.best] + optima.others).map { Self.mask($0.selected) }) == Set(minimal), "seed \(seed)")
        }
    }

    @Test func onlyLSCPAndMCLPAndAnUnprovenFirstSaysNothing() throws {
        let instance = try Self.instance(seed: 3)
        var options = SitingOptions()
        options.p = 2
        let first = try SitingModel.mclp.solve(on: instance, options: options)
        #expect(throws: InputError.self) { try AlternativeOptima.search(.backup, on: instance, options: options, first: first, limit: 2, preferred: []) }
        let heuristic = SitingResult(
            model: "mclp", status: .feasible, objective: first.objective, bound: first.objective + 1, selected: first.selected,
            coveredWeight: first.coveredWeight, totalWeight: first.totalWeight, coveredDemandCount: 0, uncoveredDemands: [], seconds: 0)
        let optima = try AlternativeOptima.search(.mclp, on: instance, options: options, first: heuristic, limit: 2, preferred: [])
        #expect(optima.othersExist == nil && optima.others.isEmpty)
    }
}
