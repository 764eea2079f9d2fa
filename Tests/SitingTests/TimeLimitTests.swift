import Foundation
import Testing
@testable import Siting
import Support

/// Time limits end a solve with the best solution found and a proven bound,
/// not with "infeasible" or an error; and the p-median's Lagrangian bound
/// never passes the optimum.
@Suite struct TimeLimitTests {
    /// Demands and sites at random in a 200 × 200 square; a pair for each
    /// site within `radius`, its cost the distance (a travel time at one
    /// unit a minute).
    static func geometricInstance(seed: UInt64, demands: Int, sites: Int, radius: Double) throws -> CoverInstance {
        var g = SplitMix64(seed: seed)
        let points = (0..<demands + sites).map { _ in (x: 200 * g.unit(), y: 200 * g.unit()) }
        let pairs = (0..<demands).map { i in
            (0..<sites).compactMap { j -> (site: Int, cost: Double)? in
                let d =
                    ((points[i].x - points[demands + j].x) * (points[i].x - points[demands + j].x)
                    + (points[i].y - points[demands + j].y) * (points[i].y - points[demands + j].y)).squareRoot()
                return d <= radius ? (j, (d * 1000).rounded() / 1000) : nil
            }
        }
        return try CoverInstance(demandIDs: (0..<demands).map { "d\($0)" }, siteIDs: (0..<sites).map { "s\($0)" }, pairs: pairs)
    }

    @Test(arguments: 0..<25)
    func theLagrangianBoundStaysBelowTheOptimum(seed: Int) throws {
        let instance = try MoreModelsTests.timedInstance(seed: UInt64(7_000 + seed), density: 0.6)
        let p = 1 + seed % 4
        let reachable = (0..<instance.demandCount).filter { !instance.sites(covering: $0).isEmpty }
        let exact = try PMedian(instance: instance, p: p).solve()
        guard exact.status == .optimal else { return }
        let weight = reachable.reduce(0) { $0 + instance.weights[$1] }
        let search = PMedianInterchange(instance: instance, demands: reachable)
        let bound = PMedianLagrangian(search: search, p: p).bound(upper: nil, deadline: nil)
        let nearest = reachable.reduce(0.0) { total, i in
            total + instance.weights[i] * instance.sites(covering: i).indices.map { instance.demandCosts[$0] }.min()!
        }
        #expect(bound <= exact.objective * weight + 1e-9, "seed \(seed): \(bound) above the optimum \(exact.objective * weight)")
        #expect(bound >= nearest - 1e-9 * nearest, "seed \(seed): \(bound) below the nearest-site bound \(nearest)")
    }

    /// Each model with a 2 s limit on 1,500 demands × 150 sites (50,000
    /// pairs; CBC's root LP of the p-median alone takes longer): it returns
    /// within the limit and a 3 s margin (a debug build, on a busy machine),
    /// with a finite objective and bound, and says optimal only with the
    /// bound met.
    @Test func everyModelReturnsNearItsLimitWithASolutionAndABound() throws {
        let instance = try Self.geometricInstance(seed: 26, demands: 1_500, sites: 150, radius: 60)
        let covering = try instance.restricted(toCostAtMost: 30)
        let limit = 2.0, margin = 3.0
        let results = [
            try PMedian(instance: instance, p: 10).solve(timeLimit: limit),
            try PCenter(instance: instance, p: 10).solve(timeLimit: limit),
            try BackupCovering(instance: covering, p: 10).solve(timeLimit: limit),
            try MaximalCovering(instance: covering, limit: .sites(10)).solve(timeLimit: limit),
        ]
        for result in results {
            #expect(result.seconds <= limit + margin, "\(result.model): \(result.seconds) s")
            #expect(result.objective.isFinite && result.bound.isFinite, "\(result.model): \(result.objective), bound \(result.bound)")
            #expect(result.status != .infeasible && result.selected.count <= 10 && !result.selected.isEmpty, "\(result.model): \(result.status)")
            #expect(result.status != .optimal || result.gap <= 1e-9, "\(result.model)")
            print("\(result.model): \(result.status) \(result.objective) bound \(result.bound) in \(result.seconds) s")
        }
    }
}
