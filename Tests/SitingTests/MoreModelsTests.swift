import Testing
@testable import Siting
import Support

/// Backup coverage, p-center, p-median (and its hybrid) and the tradeoff
/// curve against exhaustive search on small random instances.
@Suite struct MoreModelsTests {
    /// A random instance with response times: each pair reachable with
    /// probability `density`, at a time of 5…95 minutes.
    static func timedInstance(seed: UInt64, demands: Int = 12, sites: Int = 8, density: Double = 0.45) throws -> CoverInstance {
        var g = SplitMix64(seed: seed)
        let pairs = (0..<demands).map { _ in
            (0..<sites).compactMap { j -> (site: Int, cost: Double)? in g.unit() < density ? (j, Double(Int(g.unit() * 90) + 5)) : nil }
        }
        return try CoverInstance(
            demandIDs: (0..<demands).map { "d\($0)" }, siteIDs: (0..<sites).map { "s\($0)" },
            weights: (0..<demands).map { _ in Double(Int(g.unit() * 9) + 1) }, pairs: pairs)
    }

    static func best(_ instance: CoverInstance, _ open: [Int], _ i: Int) -> Double? {
        (instance.demandStart[i]..<instance.demandStart[i + 1]).filter { open.contains(Int(instance.demandSites[$0])) }
            .map { instance.demandCosts[$0] }.min()
    }

    @Test(arguments: 0..<25)
    func backupCoverageIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(5_000 + seed), density: 0.35)
        let p = 2 + seed % 3
        let primary = BruteForce.maximalCover(instance, limit: .sites(p), forced: [], excluded: [])
        var expected = -1.0
        for subset in BruteForce.subsets(of: Array(0..<instance.siteCount)) where subset.count <= p {
            guard instance.coveredWeight(by: subset) >= primary - 1e-9 else { continue }
            let counts = instance.coverCounts(subset)
            expected = max(expected, (0..<instance.demandCount).reduce(0) { $0 + (counts[$1] >= 2 ? instance.weights[$1] : 0) })
        }
        let result = try BackupCovering(instance: instance, p: p).solve()
        #expect(result.status == .optimal)
        #expect(abs(result.objective - expected) < 1e-9, "seed \(seed): \(result.objective) against \(expected)")
        #expect(abs(result.coveredWeight - primary) < 1e-9)
    }

    @Test(arguments: 0..<25)
    func pCenterIsOptimal(seed: Int) throws {
        let instance = try Self.timedInstance(seed: UInt64(6_000 + seed))
        let p = 1 + seed % 4
        let reachable = (0..<instance.demandCount).filter { !instance.sites(covering: $0).isEmpty }
        var expected = Double.infinity
        for subset in BruteForce.subsets(of: Array(0..<instance.siteCount)) where subset.count <= p && !subset.isEmpty {
            let worst = reachable.map { Self.best(instance, subset, $0) ?? .infinity }.max() ?? 0
            expected = min(expected, worst)
        }
        let result = try PCenter(instance: instance, p: p).solve()
        if expected.isInfinite {
            #expect(result.status == .infeasible)
        } else {
            #expect(result.status == .optimal)
            #expect(result.objective == expected, "seed \(seed): \(result.objective) against \(expected)")
        }
        #expect(result.uncoveredDemands == instance.uncoverable)
    }

    @Test(arguments: 0..<25)
    func pMedianAndTheHybridAreOptimal(seed: Int) throws {
        let instance = try Self.timedInstance(seed: UInt64(7_000 + seed), density: 0.6)
        let p = 1 + seed % 4
        let reachable = (0..<instance.demandCount).filter { !instance.sites(covering: $0).isEmpty }
        let weight = reachable.reduce(0) { $0 + instance.weights[$1] }, total = instance.weights.reduce(0, +)
        let requirement = PMedian.CoverageRequirement(standard: 40, share: 0.4)
        var expected = Double.infinity, expectedHybrid = Double.infinity
        for subset in BruteForce.subsets(of: Array(0..<instance.siteCount)) where subset.count <= p && !subset.isEmpty {
            let times = reachable.map { Self.best(instance, subset, $0) }
            guard !times.contains(where: { $0 == nil }) else { continue }
            let mean = zip(reachable, times).reduce(0) { $0 + instance.weights[$1.0] * $1.1! } / weight
            expected = min(expected, mean)
            let within = zip(reachable, times).reduce(0) { $0 + ($1.1! <= 40 ? instance.weights[$1.0] : 0) }
            if within >= 0.4 * total - 1e-9 { expectedHybrid = min(expectedHybrid, mean) }
        }
        for (model, want) in [
            (try PMedian(instance: instance, p: p), expected),
            (try PMedian(instance: instance, p: p, requirement: requirement), expectedHybrid),
        ] {
            let result = try model.solve()
            if want.isInfinite {
                #expect(result.status == .infeasible, "seed \(seed)")
            } else {
                #expect(result.status == .optimal)
                #expect(abs(result.objective - want) < 1e-9, "seed \(seed) \(result.model): \(result.objective) against \(want)")
                #expect(result.bound <= result.objective + 1e-9)
            }
        }
    }

    @Test func theTradeoffCurveRisesAndEachPointIsOptimal() throws {
        let instance = try BruteForce.randomInstance(seed: 99, demands: 16, sites: 9)
        let curve = try TradeoffCurve.solve(instance: instance, upTo: 5)
        #expect(curve.count == 5)
        for (p, point) in curve.enumerated() {
            #expect(point.status == .optimal)
            #expect(abs(point.objective - BruteForce.maximalCover(instance, limit: .sites(p + 1), forced: [], excluded: [])) < 1e-9)
        }
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.objective <= $1.objective })
    }
}
