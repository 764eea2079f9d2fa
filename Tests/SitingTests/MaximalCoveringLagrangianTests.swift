import Testing
@testable import Siting
import Support

/// The Lagrangian relaxation of maximal covering against brute force on
/// random weighted instances: its bound is never below the optimum, its
/// solutions are worth what it says, and its fixings hold for every
/// solution better than the incumbent.
@Suite struct MaximalCoveringLagrangianTests {
    struct Case {
        let rows: [[Int32]]
        let weights: [Double]
        let columns: Int
        let p: Int
    }

    static func randomCase(seed: Int) -> Case {
        var g = SplitMix64(seed: UInt64(900 + seed))
        let columns = 13
        let rows = CoverHeuristicsTests.randomRows(seed: UInt64(seed), rows: 45, columns: columns, density: 0.18)
        // Merged-looking weights: mostly small, a few heavy rows.
        let weights = rows.map { _ in g.unit() < 0.1 ? Double(Int(g.unit() * 60) + 20) : Double(Int(g.unit() * 9) + 1) }
        return Case(rows: rows, weights: weights, columns: columns, p: 2 + seed % 4)
    }

    static func value(_ columns: [Int], _ c: Case) -> Double {
        let chosen = Set(columns.map(Int32.init))
        return zip(c.rows, c.weights).reduce(0) { $0 + ($1.0.contains(where: chosen.contains) ? $1.1 : 0) }
    }

    /// Every set of at most p columns with its value.
    static func allSolutions(_ c: Case) -> [(columns: [Int], value: Double)] {
        BruteForce.subsets(of: Array(0..<c.columns)).filter { $0.count <= c.p }.map { ($0, value($0, c)) }
    }

    @Test(arguments: 0..<30)
    func boundSolutionsAndFixingsAreHonest(seed: Int) {
        let c = Self.randomCase(seed: seed)
        let solutions = Self.allSolutions(c)
        let optimum = solutions.map(\.value).max()!
        // A weak incumbent (the best single column), so that improvements and
        // fixings both get exercised.
        let incumbent = (0..<c.columns).map { Self.value([$0], c) }.max()!
        let relaxation = LagrangianMaximalCovering(matrix: CoverMatrix(rows: c.rows, columnCount: c.columns), weights: c.weights, p: c.p)
        let outcome = relaxation.run(incumbent: incumbent)
        #expect(outcome.upperBound >= optimum - 1e-9, "bound \(outcome.upperBound) below the optimum \(optimum)")
        #expect(outcome.value <= optimum + 1e-9)
        if let sites = outcome.sites {
            #expect(sites.count <= c.p)
            #expect(abs(Self.value(sites, c) - outcome.value) < 1e-9)
            #expect(outcome.value > incumbent)
        } else {
            #expect(outcome.value == incumbent)
        }
        // Fixings: every solution worth more than the final value opens the
        // `open` columns and none of the `closed` ones.
        for solution in solutions where solution.value > outcome.value + 1e-9 {
            let set = Set(solution.columns)
            #expect(outcome.open.isSubset(of: set), "solution \(solution.columns) lacks a fixed-open column of \(outcome.open)")
            #expect(outcome.closed.isDisjoint(with: set), "solution \(solution.columns) holds a fixed-closed column of \(outcome.closed)")
        }
        #expect(outcome.open.isDisjoint(with: outcome.closed) || solutions.allSatisfy { $0.value <= outcome.value + 1e-9 })
        // The kept relaxed solutions: distinct sets of at most p columns,
        // ascending, best first, the best of them worth the best found.
        let kept = outcome.relaxedSolutions
        #expect(!kept.isEmpty && kept.count <= LagrangianMaximalCovering.keptSolutions)
        #expect(Set(kept).count == kept.count)
        #expect(kept.allSatisfy { $0.count <= c.p && $0 == $0.sorted() })
        let values = kept.map { Self.value($0, c) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 }, "not best first: \(values)")
        if let sites = outcome.sites { #expect(kept.first == sites) }
    }

    /// From the optimum as incumbent, a solution worth more does not exist:
    /// the fixings may be anything, but no column may be reported better.
    @Test(arguments: 0..<10)
    func anOptimalIncumbentStays(seed: Int) {
        let c = Self.randomCase(seed: 100 + seed)
        let optimum = Self.allSolutions(c).map(\.value).max()!
        let outcome = LagrangianMaximalCovering(matrix: CoverMatrix(rows: c.rows, columnCount: c.columns), weights: c.weights, p: c.p)
            .run(incumbent: optimum)
        #expect(outcome.sites == nil)
        #expect(outcome.upperBound >= optimum - 1e-9)
    }

    /// Where each row has one column of its own, the LP relaxation is
    /// integral: the bound must close on the optimum (the p heaviest rows).
    @Test func disjointColumnsCloseTheGap() {
        let weights = [5.0, 9, 1, 7, 3, 8, 2]
        let rows = weights.indices.map { [Int32($0)] }
        let outcome = LagrangianMaximalCovering(matrix: CoverMatrix(rows: rows, columnCount: rows.count), weights: weights, p: 3)
            .run(incumbent: 0)
        #expect(outcome.value == 24)  // 9 + 8 + 7
        #expect(outcome.sites == [1, 3, 5])
        #expect(outcome.upperBound - 24 < 1e-6)
    }
}
