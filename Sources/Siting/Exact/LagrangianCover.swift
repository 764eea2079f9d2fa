import Foundation

/// Set covering by Lagrangian relaxation: a lower bound and good covers,
/// without an LP solver (Beasley 1990, "A Lagrangian heuristic for
/// set-covering problems"; the greedy's scores after Caprara, Fischetti &
/// Toth 1999).
///
/// Relaxing every row  Σ_{j ∈ row i} x_j ≥ 1  with a multiplier u_i ≥ 0 gives
///
///     L(u) = Σ_i u_i + Σ_j min(0, C_j),   C_j = c_j − Σ_{i ∋ j} u_i,
///
/// a lower bound on the optimum for every u ≥ 0 (weak duality). Subgradient
/// steps raise it; at every few steps a greedy cover priced by the Lagrangian
/// costs C_j (then stripped of redundant columns) gives an upper bound.
///
/// Contract: `cover` is a cover of every row (columns ascending), and
/// `lowerBound` ≤ the optimum (exact arithmetic aside: it is lowered by
/// `OptimalityTolerance`'s margin so that rounding never makes it exceed
/// the optimum). The bound is as strong as the LP relaxation at best.
struct LagrangianCover {
    let matrix: CoverMatrix
    let costs: [Double]

    var rowCount: Int { matrix.rowCount }
    var columnCount: Int { costs.count }

    /// Rows of `matrix` to cover, with the cost of each column; every row
    /// has at least one column.
    init(matrix: CoverMatrix, costs: [Double]) {
        precondition(matrix.columnCount == costs.count && (0..<matrix.rowCount).allSatisfy { !matrix.columns(ofRow: $0).isEmpty }, "every row needs a column")
        self.matrix = matrix
        self.costs = costs
    }

    struct Outcome {
        /// Columns of the best cover found, ascending.
        var cover: [Int]
        var coverCost: Double
        /// A proven lower bound on the cheapest cover.
        var lowerBound: Double
    }

    /// Subgradient optimisation for at most `iterations` steps, starting
    /// from the cover `start` (any cover, e.g. a greedy one) as the upper
    /// bound. Stops early when the bound proves the cover optimal (costs all
    /// integers and ⌈bound⌉ reaches the cover's cost) or the step has shrunk
    /// below use, or — after its first step — at `deadline` or a cancel (`SolveCancellation`).
    func run(start: [Int], iterations: Int = 2_000, deadline: ContinuousClock.Instant? = nil) -> Outcome {
        let integral = costs.allSatisfy { $0 == $0.rounded() }
        var best = redundantRemoved(start)
        var bestCost = cost(of: best)
        var multipliers = (0..<rowCount).map { i in
            matrix.columns(ofRow: i).map { costs[Int($0)] / Double(matrix.rowCount(ofColumn: Int($0))) }.min()!
        }
        var bestBound = -Double.infinity
        // Beasley's step rule: the factor starts at 2 and halves after 30
        // steps without a better bound; steps aim at 1.05 × the best cover.
        var stepFactor = 2.0, stalled = 0
        var reduced = [Double](repeating: 0, count: columnCount)
        var gradient = [Double](repeating: 0, count: rowCount)
        for step in 0..<iterations {
            if step > 0, SolveCancellation.stops(at: deadline) { break }
            // Lagrangian costs and the bound L(u).
            var bound = multipliers.reduce(0, +)
            for j in 0..<columnCount {
                var c = costs[j]
                for i in matrix.rows(ofColumn: j) { c -= multipliers[Int(i)] }
                reduced[j] = c
                if c < 0 { bound += c }
            }
            if bestBound == -.infinity || bound > bestBound + OptimalityTolerance.margin(at: bestBound) {
                bestBound = bound
                stalled = 0
            } else {
                stalled += 1
                if stalled >= 30 { stepFactor /= 2; stalled = 0 }
            }
            if step % 5 == 0 {
                let cover = redundantRemoved(greedy(reduced: reduced), reduced: reduced)
                let value = cost(of: cover)
                if value < bestCost - 1e-9 { best = cover; bestCost = value }
            }
            if proves(bestBound, bestCost, integral: integral) || stepFactor < 0.005 { break }
            // Subgradient: 1 − (columns with negative Lagrangian cost covering row i).
            var norm = 0.0
            for i in 0..<rowCount {
                var g = 1.0
                for j in matrix.columns(ofRow: i) where reduced[Int(j)] < 0 { g -= 1 }
                if multipliers[i] == 0 && g < 0 { g = 0 }
                gradient[i] = g
                norm += g * g
            }
            // The relaxed solution covers every row, and every row with a
            // positive multiplier exactly once: it is a cover costing L(u),
            // hence optimal.
            guard norm > 0 else {
                let cover = (0..<columnCount).filter { reduced[$0] < 0 }
                if cost(of: cover) < bestCost { best = cover; bestCost = cost(of: cover) }
                break
            }
            let length = stepFactor * (1.05 * bestCost - bound) / norm
            for i in 0..<rowCount { multipliers[i] = max(0, multipliers[i] + length * gradient[i]) }
        }
        let safeBound = bestBound - OptimalityTolerance.margin(at: bestBound)
        return Outcome(cover: best.sorted(), coverCost: bestCost, lowerBound: min(safeBound, bestCost))
    }

    private func proves(_ bound: Double, _ value: Double, integral: Bool) -> Bool {
        let rounded = integral ? (bound - 1e-6).rounded(.up) : bound
        return rounded >= value - OptimalityTolerance.margin(at: value)
    }

    func cost(of cover: [Int]) -> Double { cover.reduce(0) { $0 + costs[$1] } }

    /// Covers every row by repeatedly taking the column with the lowest score,
    /// C_j / μ_j for C_j > 0 and C_j · μ_j otherwise (μ_j: rows it would newly
    /// cover). Scores only rise as rows get covered, so stale scores in the
    /// queue are lower bounds and most columns are never rescored.
    func greedy(reduced: [Double]) -> [Int] {
        var uncovered = (0..<columnCount).map { matrix.rowCount(ofColumn: $0) }
        var covered = [Bool](repeating: false, count: rowCount)
        func score(_ j: Int) -> Double {
            let m = Double(uncovered[j])
            return reduced[j] > 0 ? reduced[j] / m : reduced[j] * m
        }
        var heap = MaxHeap<LazyGreedy.Candidate>()
        for j in 0..<columnCount where uncovered[j] > 0 { heap.push(.init(gain: -score(j), site: j)) }
        var left = rowCount, chosen: [Int] = []
        while left > 0, var top = heap.pop() {
            guard uncovered[top.site] > 0 else { continue }
            top.gain = -score(top.site)
            if let next = heap.peek(), next > top { heap.push(top); continue }
            chosen.append(top.site)
            for i in matrix.rows(ofColumn: top.site) where !covered[Int(i)] {
                covered[Int(i)] = true
                left -= 1
                for j in matrix.columns(ofRow: Int(i)) { uncovered[Int(j)] -= 1 }
            }
        }
        return chosen
    }

    /// The cover without columns every row of which another chosen column
    /// also covers, tried dearest first (by cost, then Lagrangian cost).
    func redundantRemoved(_ cover: [Int], reduced: [Double]? = nil) -> [Int] {
        var count = [Int](repeating: 0, count: rowCount)
        for j in cover { for i in matrix.rows(ofColumn: j) { count[Int(i)] += 1 } }
        var kept = Set(cover)
        let order = cover.sorted { a, b in
            (costs[a], reduced?[a] ?? 0, b) > (costs[b], reduced?[b] ?? 0, a)
        }
        for j in order where matrix.rows(ofColumn: j).allSatisfy({ count[Int($0)] > 1 }) {
            for i in matrix.rows(ofColumn: j) { count[Int(i)] -= 1 }
            kept.remove(j)
        }
        return kept.sorted()
    }
}
