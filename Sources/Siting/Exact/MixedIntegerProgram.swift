import CCbc
import Foundation

/// A mixed-integer linear program, minimised by CBC (COIN-OR branch and cut)
/// through its C API.
///
/// Always posed as a minimisation; maximising models negate their objective
/// (so bounds never depend on CBC's sense conventions).
struct MixedIntegerProgram {
    struct Row {
        var columns: [Int32]
        var coefficients: [Double]
        var lower: Double
        var upper: Double
    }

    var objective: [Double] = []
    var lower: [Double] = []
    var upper: [Double] = []
    var isInteger: [Bool] = []
    var rows: [Row] = []
    /// CBC's own preprocessing (CglPreProcess). Off for models it can
    /// reformulate with extra columns, which breaks CBC 2.10's MIP-start
    /// bookkeeping ("Illegal index … in ClpModel::getColumnName").
    var preprocess = true
    /// Stop after the root node (its LP bound, cuts and heuristics): a
    /// cheap proven bound for heuristic runs.
    var rootOnly = false
    /// Further CBC parameters (name, value), e.g. ("cuts", "off").
    var cbcParameters: [(String, String)] = {
        // AIRCOVER_CBC="cuts=off,presolve=on" adds parameters, for experiments.
        guard let text = ProcessInfo.processInfo.environment["AIRCOVER_CBC"] else { return [] }
        return text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }()

    /// Adds a column; returns its index.
    @discardableResult
    mutating func addColumn(cost: Double, lower: Double = 0, upper: Double = 1, integer: Bool = true) -> Int {
        objective.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        isInteger.append(integer)
        return objective.count - 1
    }

    mutating func addRow(_ columns: [Int32], _ coefficients: [Double], lower: Double = -.infinity, upper: Double = .infinity) {
        rows.append(Row(columns: columns, coefficients: coefficients, lower: lower, upper: upper))
    }

    /// Nonzero coefficients of the rows.
    var nonzeros: Int { rows.reduce(0) { $0 + $1.columns.count } }

    /// The most nonzeros a model may have for CBC to run under a time limit
    /// that the model's solve must keep. CBC checks its limit only between
    /// nodes, not during its root LP, whose time grows fast with the size.
    /// Larger models return their heuristic solution with a Lagrangian bound.
    static let largestTimedProgram = 20_000

    private static let cbcLock = NSLock()

    struct Solution {
        enum Status { case optimal, feasible, infeasible, noSolutionFound }
        let status: Status
        /// Objective of the best solution found (minimisation sense).
        let objective: Double
        /// Proven lower bound on the optimum.
        let bound: Double
        let values: [Double]
    }

    /// Solves within `timeLimit` seconds, starting from `start` (a value for
    /// every column) when given.
    ///
    /// CBC 2.10's `Cbc_solve` runs its command-line driver, whose parameter
    /// tables are process-wide statics: two solves at once corrupt each
    /// other. Solves are therefore serialised by a process-wide lock.
    ///
    /// A cancelled solve (`SolveCancellation`) does not start CBC: no
    /// solution, no bound (−∞).
    func solve(timeLimit: Double?, start: [Double]? = nil) -> Solution {
        Self.cbcLock.lock()
        defer { Self.cbcLock.unlock() }
        if SolveCancellation.stops(at: nil) {
            return Solution(status: .noSolutionFound, objective: .infinity, bound: -.infinity, values: [])
        }
        let model = CbcHandle()
        let columnCount = objective.count
        // Column-major (CSC) copy of the rows.
        var counts = [Int](repeating: 0, count: columnCount)
        for row in rows { for c in row.columns { counts[Int(c)] += 1 } }
        var starts = [Int32](repeating: 0, count: columnCount + 1)
        for c in 0..<columnCount { starts[c + 1] = starts[c] + Int32(counts[c]) }
        var fill = starts.dropLast().map { Int($0) }
        var indices = [Int32](repeating: 0, count: Int(starts[columnCount]))
        var values = [Double](repeating: 0, count: Int(starts[columnCount]))
        for (r, row) in rows.enumerated() {
            for (c, v) in zip(row.columns, row.coefficients) {
                indices[fill[Int(c)]] = Int32(r)
                values[fill[Int(c)]] = v
                fill[Int(c)] += 1
            }
        }
        let big = Double.greatestFiniteMagnitude
        let rowLower = rows.map { $0.lower.isFinite ? $0.lower : -big }
        let rowUpper = rows.map { $0.upper.isFinite ? $0.upper : big }
        Cbc_loadProblem(
            model.pointer, Int32(columnCount), Int32(rows.count), starts, indices, values,
            lower, upper, objective, rowLower, rowUpper)
        for (c, integer) in isInteger.enumerated() where integer { Cbc_setInteger(model.pointer, Int32(c)) }
        Cbc_setLogLevel(model.pointer, 0)
        Cbc_setParameter(model.pointer, "threads", "1")
        // Stop only when optimality is proven (no relative gap allowed).
        Cbc_setAllowableFractionGap(model.pointer, 0)
        Cbc_setAllowableGap(model.pointer, 1e-9)
        if let timeLimit {
            // Wall-clock seconds, as the caller's limit means; CBC's default
            // counts CPU time, which runs behind the clock on a busy machine.
            Cbc_setParameter(model.pointer, "timeMode", "elapsed")
            Cbc_setMaximumSeconds(model.pointer, timeLimit)
        }
        if !preprocess { Cbc_setParameter(model.pointer, "preprocess", "off") }
        if rootOnly { Cbc_setParameter(model.pointer, "maxNodes", "0") }
        for (name, value) in cbcParameters { Cbc_setParameter(model.pointer, name, value) }
        if let start {
            // A full assignment: CBC 2.10 looks start columns up by position
            // over the whole model, so every column is given.
            let columns = (0..<Int32(columnCount)).map { $0 }
            Cbc_setMIPStartI(model.pointer, Int32(columnCount), columns, start)
        }
        Cbc_solve(model.pointer)
        let bound = Cbc_getBestPossibleObjValue(model.pointer)
        if Cbc_isProvenInfeasible(model.pointer) != 0 {
            return Solution(status: .infeasible, objective: .infinity, bound: .infinity, values: [])
        }
        guard let best = Cbc_bestSolution(model.pointer) else {
            return Solution(status: .noSolutionFound, objective: .infinity, bound: bound, values: [])
        }
        let solution = Array(UnsafeBufferPointer(start: best, count: columnCount))
        let value = zip(solution, objective).reduce(0) { $0 + $1.0 * $1.1 }
        // CBC's "proven optimal" also covers stopping on its gap tolerance
        // (secondary status 2): accept that only when the bound meets the
        // value. Status 0 (search completed) and 1 (nothing better than the
        // incumbent exists: the relaxation is worse than the cutoff) are proofs.
        let meetsBound = OptimalityTolerance.closes(value - bound, at: value)
        let secondary = Cbc_secondaryStatus(model.pointer)
        let proven = Cbc_isProvenOptimal(model.pointer) != 0 && (secondary == 0 || secondary == 1 || meetsBound)
        return Solution(status: proven ? .optimal : .feasible, objective: value, bound: proven ? value : min(bound, value), values: solution)
    }
}

/// Owns one `Cbc_Model`.
private final class CbcHandle {
    let pointer: UnsafeMutableRawPointer
    init() { pointer = Cbc_newModel() }
    deinit { Cbc_deleteModel(pointer) }
}
