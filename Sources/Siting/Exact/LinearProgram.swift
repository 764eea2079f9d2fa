import CClp

/// A linear program kept in COIN-OR's Clp simplex solver between solves, for
/// cutting-plane and branch-and-bound loops: rows are added and removed and
/// column bounds changed, and each re-solve starts from the last basis
/// (dual simplex), which is what makes those loops cheap.
///
///     minimise   cᵀz   subject to   rowLower ≤ A z ≤ rowUpper,   lower ≤ z ≤ upper
///
/// Owns its `Clp_Simplex`; one instance is used by one thread at a time
/// (separate instances are independent).
///
/// Accuracy: Clp's solutions satisfy rows and reduced-cost signs to its
/// tolerances (1e-7 by default), so `objectiveValue` is not a proof.
/// `provenLowerBound(rowPrices:)` turns any row prices into a bound that is
/// (Neumaier & Shcherbina 2004, "Safe bounds in linear and mixed-integer
/// programming").
final class LinearProgram {
    enum Status: Equatable { case optimal, infeasible, stopped }

    private let model: UnsafeMutableRawPointer
    let columnCount: Int
    private(set) var lower: [Double]
    private(set) var upper: [Double]
    let objective: [Double]
    /// The rows as kept here too (Clp's copy is not read back): for the
    /// proven bound and for callers.
    private(set) var rows: [(columns: [Int32], values: [Double], lower: Double, upper: Double)] = []

    /// A program with the given columns and no rows.
    init(objective: [Double], lower: [Double], upper: [Double]) {
        precondition(objective.count == lower.count && lower.count == upper.count)
        model = Clp_newModel()
        columnCount = objective.count
        self.objective = objective
        self.lower = lower
        self.upper = upper
        let starts = [CoinBigIndex](repeating: 0, count: columnCount + 1)
        Clp_loadProblem(model, Int32(columnCount), 0, starts, nil, nil, lower.map(Self.clp), upper.map(Self.clp), objective, nil, nil)
        Clp_setLogLevel(model, 0)
    }

    deinit { Clp_deleteModel(model) }

    var rowCount: Int { rows.count }

    /// Clp's infinity for an infinite bound.
    private static func clp(_ value: Double) -> Double {
        value.isFinite ? value : (value > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude)
    }

    func addRows(_ added: [(columns: [Int32], values: [Double], lower: Double, upper: Double)]) {
        guard !added.isEmpty else { return }
        var starts: [CoinBigIndex] = [0], columns: [Int32] = [], values: [Double] = []
        for row in added {
            columns += row.columns
            values += row.values
            starts.append(CoinBigIndex(columns.count))
        }
        Clp_addRows(
            model, Int32(added.count), added.map { Self.clp($0.lower) }, added.map { Self.clp($0.upper) },
            starts, columns, values)
        rows += added
    }

    /// Removes rows by index (any order).
    func deleteRows(_ which: [Int]) {
        guard !which.isEmpty else { return }
        Clp_deleteRows(model, Int32(which.count), which.map(Int32.init))
        let gone = Set(which)
        rows = rows.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
    }

    func setBounds(lower: [Double], upper: [Double]) {
        precondition(lower.count == columnCount && upper.count == columnCount)
        self.lower = lower
        self.upper = upper
        Clp_chgColumnLower(model, lower.map(Self.clp))
        Clp_chgColumnUpper(model, upper.map(Self.clp))
    }

    /// Dual simplex from the current basis, within `seconds` when given.
    func solve(seconds: Double? = nil) -> Status {
        Clp_setMaximumSeconds(model, seconds.map { max($0, 0.01) } ?? -1)
        Clp_dual(model, 0)
        switch Clp_status(model) {
        case 0: return .optimal
        case 1: return .infeasible
        default:
            // Dual simplex can stall on degenerate programs; primal finishes.
            Clp_primal(model, 0)
            switch Clp_status(model) {
            case 0: return .optimal
            case 1: return .infeasible
            default: return .stopped
            }
        }
    }

    var objectiveValue: Double { Clp_objectiveValue(model) }
    var columnValues: [Double] { Array(UnsafeBufferPointer(start: Clp_getColSolution(model), count: columnCount)) }
    var rowPrices: [Double] { Array(UnsafeBufferPointer(start: Clp_getRowPrice(model), count: rows.count)) }
    var rowActivities: [Double] { Array(UnsafeBufferPointer(start: Clp_getRowActivity(model), count: rows.count)) }

    /// A lower bound on the program's optimum that holds whatever the
    /// accuracy of `rowPrices` (any vector of row multipliers y):
    ///
    ///     min cᵀz ≥ Σ_i (y_i > 0 ? y_i L_i : y_i U_i) + Σ_j min_{z_j ∈ [l_j, u_j]} (c − Aᵀy)_j z_j
    ///
    /// where a multiplier whose row side is infinite is taken as 0 (it
    /// cannot be used with that sign). −∞ when a column's reduced cost points
    /// at an infinite bound. The sums are rounded down by a relative 1e-12
    /// of their magnitude, so rounding cannot lift the bound above the optimum.
    /// `reducedCosts` receives c − Aᵀy (for fixing columns).
    func provenLowerBound(rowPrices y: [Double], reducedCosts: inout [Double]) -> Double {
        reducedCosts = objective
        var bound = 0.0, magnitude = 0.0
        for (i, row) in rows.enumerated() {
            var price = y[i]
            if price > 0 && !row.lower.isFinite || price < 0 && !row.upper.isFinite { price = 0 }
            guard price != 0 else { continue }
            let side = price > 0 ? row.lower : row.upper
            bound += price * side
            magnitude += abs(price * side)
            for (c, v) in zip(row.columns, row.values) { reducedCosts[Int(c)] -= price * v }
        }
        for j in 0..<columnCount {
            let d = reducedCosts[j]
            let at = d >= 0 ? lower[j] : upper[j]
            if d == 0 { continue }
            guard at.isFinite else { return -.infinity }
            bound += d * at
            magnitude += abs(d * at)
        }
        return bound - 1e-12 * magnitude
    }
}
