import Foundation
import GeoCore
import Siting
import Testing
@testable import Planner

/// The siting façade (`SitingModel.solve`) and the one result encoder
/// (`SitingResultJSON`), in process: optima against brute force over every
/// site set, refusals by message, both JSON layouts by key and number form.
@Suite struct SitingModelTests {
    /// 7 demands, 5 sites; weights and coverage chosen so that the best sets
    /// differ from the greedy ones.
    static let covering: [[Int]] = [[0, 1], [1], [1, 2], [2, 3], [3], [3, 4], [0, 4]]
    static let weights: [Double] = [4, 3, 2, 5, 1, 2, 6]

    static func instance() throws -> CoverInstance {
        try CoverInstance(
            demandIDs: (0..<7).map { "d\($0)" }, siteIDs: (0..<5).map { "S\($0)" }, weights: weights,
            coveringSites: covering)
    }

    /// Every subset of the 5 sites (as bit masks), its size and covered weight.
    static func subsets() -> [(sites: Set<Int>, weight: Double)] {
        (0..<(1 << 5)).map { mask in
            let sites = Set((0..<5).filter { mask & (1 << $0) != 0 })
            let weight = zip(covering, weights).reduce(0.0) { $0 + ($1.0.contains(where: sites.contains) ? $1.1 : 0) }
            return (sites, weight)
        }
    }

    @Test func mclpAndLscpMeetBruteForce() throws {
        let instance = try Self.instance()
        let all = Self.subsets()
        for p in 1...4 {
            for keep in [Set<Int>(), [2]] {
                for exclude in [Set<Int>(), [0]] {
                    var options = SitingOptions()
                    options.p = p
                    options.keep = keep
                    options.exclude = exclude
                    let result = try SitingModel.mclp.solve(on: instance, options: options)
                    let best =
                        all.filter { $0.sites.count <= p && keep.isSubset(of: $0.sites) && $0.sites.isDisjoint(with: exclude) }
                        .map(\.weight).max() ?? -1
                    #expect(result.status == .optimal)
                    #expect(result.objective == best, "p = \(p), keep \(keep), exclude \(exclude)")
                    #expect(Set(result.selected).isDisjoint(with: exclude) && keep.isSubset(of: Set(result.selected)))
                }
            }
        }
        let lscp = try SitingModel.lscp.solve(on: instance, options: SitingOptions())
        let fewest = all.filter { $0.weight == Self.weights.reduce(0, +) }.map(\.sites.count).min()
        #expect(lscp.status == .optimal)
        #expect(lscp.selected.count == fewest)
    }

    @Test func refusesOptionsTheModelDoesNotTake() throws {
        let instance = try Self.instance()
        func message(_ model: SitingModel, _ edit: (inout SitingOptions) -> Void) -> String? {
            var options = SitingOptions()
            edit(&options)
            do {
                _ = try model.solve(on: instance, options: options)
                return nil
            } catch {
                return (error as? InputError)?.message
            }
        }
        #expect(message(.lscp) { $0.p = 2 } == "lscp takes neither -p nor --budget: it finds the fewest (cheapest) sites covering everything")
        #expect(message(.mclp) { _ in } == "mclp needs exactly one of -p N or --budget B")
        #expect(
            message(.backup) {
                $0.p = 2; $0.keep = [1]
            } == "--keep works with lscp, mclp, mexclp and malp only, so far")
        #expect(
            message(.backup) {
                $0.p = 2; $0.exclude = [1]
            } == "--exclude works with lscp and mclp only, so far")
        #expect(
            message(.pmedian) {
                $0.p = 2; $0.keep = [1]; $0.exclude = [0]
            } == "--keep and --exclude work with lscp and mclp only, so far")
        #expect(
            message(.pcenter) {
                $0.p = 2; $0.heuristicOnly = true
            } == "--heuristic works with lscp and mclp only, so far")
        #expect(
            message(.mclp) {
                $0.p = 2; $0.busy = 0.3
            } == "--busy and --per-site work with mexclp and malp only")
        #expect(message(.mexclp) { $0.p = 2 } == "mexclp needs --busy q, the probability that an aircraft is busy (0 ≤ q < 1)")
        #expect(message(.maxmin) { $0.p = 2 } == "maxmin needs --groups GROUPS.csv, a demand,group table")
        #expect(
            message(.pmedian) {
                $0.p = 2; $0.minCoveragePercent = 90
            } == "--min-coverage needs --threshold, the time standard")
    }

    /// The two layouts: keys in their documented order; `.solve` writes whole
    /// numbers as integers, `.plan` as doubles (summary.json's bytes).
    @Test func encoderLayouts() throws {
        let instance = try Self.instance()
        var options = SitingOptions()
        options.p = 1
        // One site: S0 covers d0 and d6 (10), S4 d5 and d6 (8), S1 9, S3 8, S2 7.
        let result = try SitingModel.mclp.solve(on: instance, options: options)
        #expect(result.objective == 10 && result.selected == [0])
        let solve = SitingResultJSON.object(result, .solve(instance))
        guard case .object(let solveMembers) = solve else { Issue.record("not an object"); return }
        #expect(
            solveMembers.map(\.key) == [
                "model", "status", "objective", "bound", "gap", "selected", "covered_weight", "total_weight",
                "covered_demand_count", "uncovered_demand", "seconds",
            ])
        #expect(solve.serialized.contains(#""objective":10,"bound":10,"gap":0,"selected":["S0"],"covered_weight":10,"total_weight":23,"#))
        #expect(solve.serialized.contains(#""uncovered_demand":["d1","d2","d3","d4","d5"]"#))
        let plan = PlanRun.SitingPlan(model: result.model, p: 1, result: result, sites: ["S0"], exactCoveredPercent: 12.5)
        let summary = SitingResultJSON.object(result, .plan(plan))
        guard case .object(let planMembers) = summary else { Issue.record("not an object"); return }
        #expect(
            planMembers.map(\.key) == [
                "model", "p", "status", "objective", "bound", "gap", "sites", "grid_covered_weight",
                "grid_total_weight", "grid_covered_pct", "exact_covered_pct",
            ])
        #expect(summary.serialized.contains(#""objective":10.0,"bound":10.0,"gap":0,"sites":["S0"],"grid_covered_weight":10.0,"grid_total_weight":23.0,"#))
        #expect(summary.serialized.contains(#""exact_covered_pct":12.5"#))
    }
}
