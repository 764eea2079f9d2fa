import Foundation

/// Maximal covering with at most p sites, by Lagrangian relaxation: an upper
/// bound, good site sets and site fixings, without an LP solver (after
/// Galvão & ReVelle 1996, "A Lagrangean heuristic for the maximal covering
/// location problem").
///
/// Relaxing every coverage constraint  y_r ≤ Σ_{j ∈ row r} x_j  with a
/// multiplier 0 ≤ λ_r ≤ w_r leaves
///
///     L(λ) = Σ_r (w_r − λ_r) + (sum of the p largest C_j),   C_j = Σ_{r ∋ j} λ_r,
///
/// an upper bound on the optimum for every such λ (weak duality; λ_r above
/// w_r never lowers it). Subgradient steps lower it; the p columns of each
/// relaxed solution, evaluated exactly, are candidate solutions.
///
/// Fixing (reduced costs): with the relaxed optimum's columns J and C_(p),
/// C_(p+1) the p-th and (p+1)-th largest column values, a solution holding a
/// column j ∉ J is worth at most L(λ) − C_(p) + C_j, and one without j ∈ J
/// at most L(λ) − C_j + C_(p+1). When that is below the best value found,
/// every better solution must leave j closed (open). Fixings from
/// different λ all hold at once: each is a property of every solution
/// better than the incumbent.
///
/// Contract: `upperBound` ≥ the optimum (lifted by `OptimalityTolerance`'s margin
/// against rounding); `sites` is a set of at most p columns worth `value`; `open`
/// and `closed` hold for every solution worth more than `value`. The bound
/// is as strong as the LP relaxation at best.
struct LagrangianMaximalCovering {
    let matrix: CoverMatrix
    let weights: [Double]
    /// Columns to open, at most.
    let p: Int

    var rowCount: Int { matrix.rowCount }
    var columnCount: Int { matrix.columnCount }

    /// `weights[r]` ≥ 0: the weight of row r of `matrix`.
    init(matrix: CoverMatrix, weights: [Double], p: Int) {
        precondition(matrix.rowCount == weights.count && p >= 0)
        self.matrix = matrix
        self.weights = weights
        self.p = min(p, matrix.columnCount)
    }

    struct Outcome {
        /// Columns of a solution worth more than the incumbent, ascending,
        /// when one was found.
        var sites: [Int]?
        /// The best value known: the incumbent's or that of `sites`.
        var value: Double
        /// A proven upper bound on the best value of at most p columns.
        var upperBound: Double
        /// Columns every solution worth more than `value` opens / leaves closed.
        var open: Set<Int>
        var closed: Set<Int>
        var iterations: Int
        /// The most valuable distinct relaxed solutions (columns ascending),
        /// best first, at most `keptSolutions`: starts for a local search.
        var relaxedSolutions: [[Int]] = []
    }

    /// How many distinct relaxed solutions `run` keeps (`relaxedSolutions`)
    /// as starts for local search.
    static let keptSolutions = 32

    /// Subgradient optimisation for at most `iterations` steps, given the
    /// value of a known solution (`incumbent`; 0 for none). Stops when the
    /// bound meets the best value within `gap` (relative), or the step has
    /// shrunk below use, or — after its first step — at `deadline` or a cancel (`SolveCancellation`).
    func run(incumbent: Double, iterations: Int = 1_000, gap: Double = OptimalityTolerance.relative, deadline: ContinuousClock.Instant? = nil) -> Outcome {
        var best: [Int]?
        var bestValue = incumbent
        let total = weights.reduce(0, +)
        // Start from λ_r = w_r / 2: rows half paid for by their columns.
        var multipliers = weights.map { $0 / 2 }
        var bestBound = Double.infinity
        var open = Set<Int>(), closed = Set<Int>()
        // Held's step rule as in Beasley's: the factor starts at 2 and halves
        // after 20 steps without a better (lower) bound; the step aims at the best value.
        var stepFactor = 2.0, stalled = 0
        var columnValue = [Double](repeating: 0, count: columnCount)
        var count = [Int32](repeating: 0, count: rowCount)
        var order = Array(0..<columnCount)
        var direction = [Double](repeating: 0, count: rowCount)
        var steps = 0
        var kept = KeptSolutions(limit: Self.keptSolutions)
        for _ in 0..<iterations {
            if steps > 0, SolveCancellation.stops(at: deadline) { break }
            steps += 1
            columnValue.withUnsafeMutableBufferPointer { value in
                multipliers.withUnsafeBufferPointer { lambda in
                    matrix.columnRows.withUnsafeBufferPointer { rows in
                        matrix.columnStart.withUnsafeBufferPointer { start in
                            for j in 0..<columnCount {
                                var s = 0.0
                                for k in start[j]..<start[j + 1] { s += lambda[Int(rows[k])] }
                                value[j] = s
                            }
                        }
                    }
                }
            }
            // The p largest column values, ties to the lower index.
            order.sort { (columnValue[$0], $1) > (columnValue[$1], $0) }
            let chosen = Array(order.prefix(p))
            var bound = 0.0
            for r in 0..<rowCount { bound += weights[r] - multipliers[r] }
            for j in chosen { bound += columnValue[j] }
            if bound < bestBound - 1e-12 * max(1, total) {
                bestBound = bound
                stalled = 0
            } else {
                stalled += 1
                if stalled >= 20 { stepFactor /= 2; stalled = 0 }
            }
            // The relaxed solution's columns, evaluated exactly.
            for r in 0..<rowCount { count[r] = 0 }
            for j in chosen { for r in matrix.rows(ofColumn: j) { count[Int(r)] += 1 } }
            var covered = 0.0
            for r in 0..<rowCount where count[r] > 0 { covered += weights[r] }
            let columns = chosen.sorted()
            if covered > bestValue + 1e-12 * max(1, total) { best = columns; bestValue = covered }
            kept.offer(columns, value: covered)
            fix(bound: bound, order: order, columnValue: columnValue, below: bestValue, open: &open, closed: &closed)
            if closes(bestBound, bestValue, gap: gap) || stepFactor < 0.001 { break }
            // Subgradient of the constraint y_r − Σ x_j ≤ 0 at the relaxed
            // optimum, deflected by half the previous direction (Camerini,
            // Fratta & Maffioli 1975), which ends lower than the plain
            // subgradient in fewer steps.
            var norm = 0.0
            for r in 0..<rowCount {
                let g = (multipliers[r] < weights[r] ? 1.0 : 0.0) - Double(count[r]) + 0.5 * direction[r]
                direction[r] = g
                norm += g * g
            }
            guard norm > 0 else { break }  // complementary: L(λ) is attained
            let length = stepFactor * (bound - bestValue) / norm
            for r in 0..<rowCount {
                multipliers[r] = min(weights[r], max(0, multipliers[r] + length * direction[r]))
            }
        }
        let safeBound = bestBound + OptimalityTolerance.margin(at: bestBound)
        return Outcome(
            sites: best, value: bestValue, upperBound: max(safeBound, bestValue),
            open: open, closed: closed, iterations: steps, relaxedSolutions: kept.solutions)
    }

    /// True when `bound` is within `gap` (relative) of `value`.
    private func closes(_ bound: Double, _ value: Double, gap: Double) -> Bool {
        bound - value <= gap * max(1, abs(value))
    }

    /// Adds the fixings L(λ) proves against solutions worth `below` or less
    /// (see the type's comment). A small margin keeps rounding from fixing
    /// a column it should not.
    private func fix(
        bound: Double, order: [Int], columnValue: [Double], below value: Double,
        open: inout Set<Int>, closed: inout Set<Int>
    ) {
        guard p > 0, p < columnCount else { return }
        let margin = OptimalityTolerance.margin(at: value)
        let last = columnValue[order[p - 1]], next = columnValue[order[p]]
        for (rank, j) in order.enumerated() {
            if rank < p {
                if bound - columnValue[j] + next < value - margin { open.insert(j) }
            } else if bound - last + columnValue[j] < value - margin {
                closed.insert(j)
            }
        }
    }
}

/// The `limit` most valuable distinct column sets offered, best first (ties:
/// the earlier offer first).
private struct KeptSolutions {
    let limit: Int
    private(set) var solutions: [[Int]] = []
    private var values: [Double] = []
    private var seen = Set<[Int]>()

    init(limit: Int) { self.limit = limit }

    mutating func offer(_ columns: [Int], value: Double) {
        guard limit > 0, solutions.count < limit || value > values[values.count - 1], !seen.contains(columns) else { return }
        let at = values.firstIndex { $0 < value } ?? values.count
        solutions.insert(columns, at: at)
        values.insert(value, at: at)
        seen.insert(columns)
        if solutions.count > limit {
            seen.remove(solutions.removeLast())
            values.removeLast()
        }
    }
}
