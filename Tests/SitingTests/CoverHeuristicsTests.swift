import Testing
@testable import Siting
import Support

/// The set-covering heuristics and reductions, against brute force on
/// random instances: covers are covers, bounds never pass the optimum, the
/// local search reaches it, and presolve's fixed sites belong to every
/// cheapest cover.
@Suite struct CoverHeuristicsTests {
    /// Random rows over `columns` columns, each row non-empty.
    static func randomRows(seed: UInt64, rows: Int, columns: Int, density: Double) -> [[Int32]] {
        var g = SplitMix64(seed: seed)
        return (0..<rows).map { _ in
            let row = (0..<columns).filter { _ in g.unit() < density }.map(Int32.init)
            return row.isEmpty ? [Int32(g.next() % UInt64(columns))] : row
        }
    }

    static func isCover(_ cover: [Int], of rows: [[Int32]]) -> Bool {
        let chosen = Set(cover.map(Int32.init))
        return rows.allSatisfy { $0.contains(where: chosen.contains) }
    }

    /// The cheapest cover's cost, by trying every subset.
    static func optimum(_ rows: [[Int32]], costs: [Double]) -> Double {
        BruteForce.subsets(of: Array(costs.indices)).filter { isCover($0, of: rows) }
            .map { $0.reduce(0) { $0 + costs[$1] } }.min()!
    }

    @Test(arguments: 0..<30)
    func lagrangianBoundAndCoverBracketTheOptimum(seed: Int) {
        var g = SplitMix64(seed: UInt64(500 + seed))
        let columns = 14
        let rows = Self.randomRows(seed: UInt64(seed), rows: 40, columns: columns, density: 0.2)
        let costs = (0..<columns).map { _ in seed % 2 == 0 ? 1 : Double(Int(g.unit() * 20) + 1) }
        let lagrangian = LagrangianCover(matrix: CoverMatrix(rows: rows, columnCount: costs.count), costs: costs)
        let greedy = lagrangian.greedy(reduced: costs)
        let outcome = lagrangian.run(start: greedy)
        let best = Self.optimum(rows, costs: costs)
        #expect(Self.isCover(outcome.cover, of: rows))
        #expect(abs(outcome.coverCost - lagrangian.cost(of: outcome.cover)) < 1e-9)
        #expect(outcome.coverCost <= lagrangian.cost(of: greedy) + 1e-9)
        #expect(outcome.lowerBound <= best + 1e-9, "seed \(seed): bound \(outcome.lowerBound) above the optimum \(best)")
        #expect(outcome.coverCost >= best - 1e-9)
    }

    /// On every instance the bound is useful: within 25 % of the optimum
    /// (the LP relaxation itself is that close on these).
    @Test func lagrangianBoundIsNotTrivial() {
        for seed in 0..<10 {
            let rows = Self.randomRows(seed: UInt64(seed), rows: 40, columns: 14, density: 0.2)
            let costs = [Double](repeating: 1, count: 14)
            let lagrangian = LagrangianCover(matrix: CoverMatrix(rows: rows, columnCount: costs.count), costs: costs)
            let outcome = lagrangian.run(start: lagrangian.greedy(reduced: costs))
            #expect(outcome.lowerBound >= 0.75 * Self.optimum(rows, costs: costs), "seed \(seed): bound \(outcome.lowerBound)")
        }
    }

    @Test(arguments: 0..<30)
    func localSearchFindsTheFewestColumns(seed: Int) {
        let columns = 16
        let rows = Self.randomRows(seed: UInt64(100 + seed), rows: 60, columns: columns, density: 0.15)
        let costs = [Double](repeating: 1, count: columns)
        let start = LagrangianCover(matrix: CoverMatrix(rows: rows, columnCount: costs.count), costs: costs).greedy(reduced: costs)
        let search = RowWeightingLocalSearch(matrix: CoverMatrix(rows: rows, columnCount: columns))
        let cover = search.improve(start, steps: 5_000, lowerBound: 1)
        #expect(Self.isCover(cover, of: rows))
        #expect(cover.count <= start.count)
        #expect(Double(cover.count) == Self.optimum(rows, costs: costs), "seed \(seed): \(cover.count) columns")
        // Deterministic: the same answer again.
        #expect(search.improve(start, steps: 5_000, lowerBound: 1) == cover)
    }

    @Test func localSearchStopsAtTheLowerBound() {
        // Rows {0,1}, {1,2}, {2,3}: columns 1 and 2 (or 1 and 3, 0 and 2) cover all; 2 is the minimum.
        let rows: [[Int32]] = [[0, 1], [1, 2], [2, 3]]
        let search = RowWeightingLocalSearch(matrix: CoverMatrix(rows: rows, columnCount: 4))
        let cover = search.improve([0, 1, 2, 3], steps: 1_000_000, lowerBound: 2)
        #expect(cover.count == 2 && Self.isCover(cover, of: rows))
    }

    @Test func presolveFixesSitesThatAloneCoverADemand() throws {
        // d0 only s3 covers; d1 s0 or s1; d2 s1 or s2; d3 s3 or s2.
        let instance = try CoverInstance(
            demandIDs: ["d0", "d1", "d2", "d3"], siteIDs: ["s0", "s1", "s2", "s3"],
            coveringSites: [[3], [0, 1], [1, 2], [3, 2]])
        let presolve = Presolve(instance: instance, demands: [0, 1, 2, 3], allowed: { _ in true }, costsMatter: true, setCovering: true)
        // s0's only demand (d1) s1 covers too: s0 drops, d1 is left to s1 alone, so s1 is fixed as well;
        // with s1 and s3 every demand is covered and no row remains.
        #expect(presolve.fixedSites == [1, 3])
        #expect(presolve.matrix.rowCount == 0 && presolve.sites.isEmpty)
        // Without the set-covering rules nothing is fixed and the rows stay.
        let weighted = Presolve(instance: instance, demands: [0, 1, 2, 3], allowed: { _ in true }, costsMatter: false)
        #expect(weighted.fixedSites.isEmpty && weighted.matrix.rowCount == 4)
        let result = try SetCovering(instance: instance).solve()
        #expect(result.selected == [1, 3] && result.status == .optimal && result.objective == 2)
    }
}
