import Testing
@testable import Siting

/// The p-median warm start: its totals and its swap pricing against direct
/// evaluation of every swap.
@Suite struct PMedianInterchangeTests {
    /// The weighted total served from `open` computed directly from the
    /// pairs (`penalty` where no open site reaches a demand).
    static func total(_ instance: CoverInstance, _ open: [Int], demands: [Int], penalty: Double) -> Double {
        demands.reduce(0) { $0 + instance.weights[$1] * (MoreModelsTests.best(instance, open, $1) ?? penalty) }
    }

    @Test(arguments: 0..<30)
    func theResultIsASwapLocalOptimum(seed: Int) throws {
        let instance = try MoreModelsTests.timedInstance(seed: UInt64(9_000 + seed), demands: 30, sites: 12, density: 0.35)
        let p = 1 + seed % 5
        let reachable = (0..<instance.demandCount).filter { !instance.sites(covering: $0).isEmpty }
        let search = PMedianInterchange(instance: instance, demands: reachable)
        let open = search.solve(p: p)
        #expect(open.count == p && Set(open).count == p)
        let value = Self.total(instance, open, demands: reachable, penalty: search.penalty)
        #expect(abs(search.total(open) - value) < 1e-9 * max(1, value))
        // No single swap is better, by direct evaluation of every one.
        for out in open {
            for into in 0..<instance.siteCount where !open.contains(into) {
                let swapped = open.filter { $0 != out } + [into]
                let other = Self.total(instance, swapped, demands: reachable, penalty: search.penalty)
                #expect(other >= value - 1e-9 * max(1, value), "seed \(seed): swapping \(out) for \(into) gives \(other) < \(value)")
            }
        }
        // Never better than the optimum (brute force over every p-set).
        let optimum = BruteForce.subsets(of: Array(0..<instance.siteCount)).filter { $0.count == p }
            .map { Self.total(instance, $0, demands: reachable, penalty: search.penalty) }.min()!
        #expect(value >= optimum - 1e-9 * max(1, optimum))
    }
}
