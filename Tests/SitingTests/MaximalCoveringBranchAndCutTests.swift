import Testing
@testable import Siting
import Support

/// The branch and cut of maximal covering against brute force, and its cuts
/// against direct evaluation of the covered-weight function.
@Suite struct MaximalCoveringBranchAndCutTests {
    /// A random covering matrix of `rows` × `columns` with weights 1…9,
    /// every row covered by at least one column.
    static func randomFunction(seed: UInt64, rows: Int = 40, columns: Int = 16, density: Double = 0.2) -> CoveredWeightFunction {
        var g = SplitMix64(seed: seed)
        var lists = (0..<rows).map { _ in (0..<Int32(columns)).filter { _ in g.unit() < density } }
        for r in lists.indices where lists[r].isEmpty { lists[r] = [Int32(g.next() % UInt64(columns))] }
        let weights = (0..<rows).map { _ in Double(Int(g.unit() * 9) + 1) }
        let matrix = CoverMatrix(rows: lists, columnCount: columns)
        return CoveredWeightFunction(matrix: matrix, weights: weights, groups: RowGroups(matrix: matrix, weights: weights))
    }

    /// Φ(x) summed row by row, straight from the definition.
    static func phi(_ f: CoveredWeightFunction, _ x: [Double]) -> Double {
        (0..<f.matrix.rowCount).reduce(0.0) { total, r in
            total + f.weights[r] * min(1, f.matrix.columns(ofRow: r).reduce(0.0) { $0 + x[Int($1)] })
        }
    }

    /// The best covered weight over column sets within the limit, by enumeration.
    static func bruteForce(_ f: CoveredWeightFunction, limit: MaximalCoveringBranchAndCut.Limit) -> Double {
        var best = 0.0
        for mask in 0..<(1 << f.columnCount) {
            let open = (0..<f.columnCount).filter { mask & (1 << $0) != 0 }
            switch limit {
            case .count(let k): guard open.count <= k else { continue }
            case .budget(let costs, let total): guard open.reduce(0.0, { $0 + costs[$1] }) <= total + 1e-9 else { continue }
            }
            best = max(best, phi(f, (0..<f.columnCount).map { open.contains($0) ? 1 : 0 }))
        }
        return best
    }

    @Test(arguments: 0..<20)
    func cutsBoundTheFunctionEverywhereAndTouchItAtTheirPoint(seed: Int) {
        let f = Self.randomFunction(seed: UInt64(seed))
        var g = SplitMix64(seed: UInt64(500 + seed))
        var workspace = CoveredWeightFunction.Workspace(f)
        for _ in 0..<5 {
            let at = (0..<f.columnCount).map { _ in g.unit() < 0.3 ? g.unit() : 0 }
            f.evaluate(at, support: (0..<f.columnCount).filter { at[$0] > 0 }, into: &workspace)
            #expect(abs(workspace.groupValue.reduce(0, +) - Self.phi(f, at)) < 1e-9)
            let cuts = (0..<f.groups.count).map { f.cut(group: $0, workspace: &workspace) }
            f.clear(&workspace)
            func cutValue(_ x: [Double]) -> Double {
                cuts.reduce(0.0) { total, cut in total + cut.constant + zip(cut.columns, cut.coefficients).reduce(0.0) { $0 + x[Int($1.0)] * $1.1 } }
            }
            #expect(abs(cutValue(at) - Self.phi(f, at)) < 1e-9, "the cuts touch Φ at their point")
            for _ in 0..<20 {
                let x = (0..<f.columnCount).map { _ in g.unit() < 0.5 ? g.unit() * 1.5 : 0 }
                #expect(cutValue(x) >= Self.phi(f, x) - 1e-9, "a cut below Φ at \(x)")
            }
        }
    }

    @Test(arguments: 0..<30)
    func findsTheBruteForceOptimumFromNothing(seed: Int) {
        let f = Self.randomFunction(seed: UInt64(100 + seed), rows: 30 + seed, columns: 12 + seed % 5)
        var g = SplitMix64(seed: UInt64(900 + seed))
        let costs = (0..<f.columnCount).map { _ in Double(Int(g.unit() * 5) + 1) }
        let limits: [MaximalCoveringBranchAndCut.Limit] = [.count(2 + seed % 4), .budget(costs: costs, total: Double(4 + seed % 6))]
        for limit in limits {
            let expected = Self.bruteForce(f, limit: limit)
            // An empty start: the search itself must find the optimum.
            let outcome = MaximalCoveringBranchAndCut(function: f, limit: limit).run(start: [], deadline: nil)
            #expect(outcome.finished)
            #expect(abs(outcome.value - expected) < 1e-9, "seed \(seed) \(limit): \(outcome.value) against \(expected)")
            #expect(abs(outcome.bound - outcome.value) < 1e-9)
            let x = (0..<f.columnCount).map { outcome.columns.contains($0) ? 1.0 : 0.0 }
            #expect(abs(Self.phi(f, x) - outcome.value) < 1e-9, "the columns are worth what is claimed")
            switch limit {
            case .count(let k): #expect(outcome.columns.count <= k)
            case .budget(let costs, let total): #expect(outcome.columns.reduce(0.0) { $0 + costs[$1] } <= total + 1e-9)
            }
        }
    }

    @Test func theSearchBranches() {
        // The instances above are not all settled at the root: branching,
        // fixings and node bounds are exercised.
        let nodes = (0..<30).map { seed in
            let f = Self.randomFunction(seed: UInt64(100 + seed), rows: 30 + seed, columns: 12 + seed % 5)
            return MaximalCoveringBranchAndCut(function: f, limit: .count(2 + seed % 4)).run(start: [], deadline: nil).nodes
        }
        #expect(nodes.filter { $0 > 1 }.count >= 5, "nodes per instance: \(nodes)")
    }

    @Test(arguments: 0..<10)
    func boundsStayHonestWhenTheTimeRunsOut(seed: Int) {
        let f = Self.randomFunction(seed: UInt64(300 + seed), rows: 60, columns: 18, density: 0.25)
        let limit = MaximalCoveringBranchAndCut.Limit.count(4)
        let expected = Self.bruteForce(f, limit: limit)
        // A deadline already passed: no node is solved, the bound stays above the optimum.
        let outcome = MaximalCoveringBranchAndCut(function: f, limit: limit).run(start: [0, 1], deadline: .now)
        #expect(outcome.bound >= expected - 1e-9)
        #expect(outcome.value <= expected + 1e-9)
        #expect(!outcome.finished || abs(outcome.value - expected) < 1e-9)
    }

    @Test(arguments: 0..<5)
    func boundsStayHonestWhenTheSearchIsCutShort(seed: Int) {
        let f = Self.randomFunction(seed: UInt64(700 + seed), rows: 300, columns: 14, density: 0.3)
        let limit = MaximalCoveringBranchAndCut.Limit.count(5)
        let expected = Self.bruteForce(f, limit: limit)
        // Deadlines inside the search: whatever was solved by then, the bound holds.
        for milliseconds in [1, 5, 20] {
            let outcome = MaximalCoveringBranchAndCut(function: f, limit: limit).run(start: [], deadline: .now + .milliseconds(milliseconds))
            #expect(outcome.bound >= expected - 1e-9, "seed \(seed), \(milliseconds) ms: bound \(outcome.bound) below \(expected)")
            #expect(outcome.value <= expected + 1e-9)
            #expect(!outcome.finished || abs(outcome.value - expected) < 1e-9)
        }
    }

    @Test func theProvenBoundHoldsForAnyPrices() {
        // min −x₀ − x₁ s.t. x₀ + x₁ ≤ 1.5, 0 ≤ x ≤ 1: optimum −1.5.
        let lp = LinearProgram(objective: [-1, -1], lower: [0, 0], upper: [1, 1])
        lp.addRows([(columns: [0, 1], values: [1, 1], lower: -.infinity, upper: 1.5)])
        #expect(lp.solve() == .optimal)
        #expect(abs(lp.objectiveValue + 1.5) < 1e-9)
        var reduced: [Double] = []
        #expect(abs(lp.provenLowerBound(rowPrices: lp.rowPrices, reducedCosts: &reduced) + 1.5) < 1e-9)
        // Any other prices give a weaker, still valid, bound; a wrong sign is ignored.
        for price in [-2.0, -0.5, 0, 0.7] {
            #expect(lp.provenLowerBound(rowPrices: [price], reducedCosts: &reduced) <= -1.5 + 1e-12)
        }
    }
}
