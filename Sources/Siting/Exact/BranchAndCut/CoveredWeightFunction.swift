/// The weight covered by fractional site openings, split over groups of rows,
/// and its supergradient cuts: the Benders optimality cuts of maximal
/// covering (Cordeau, Furini & Ljubić 2019, "Benders decomposition for very
/// large scale partial set covering and maximal covering location problems").
///
/// For openings x ∈ [0, 1]ⁿ and a group g of rows (each row r a set N_r of
/// columns, weight w_r ≥ 0),
///
///     Φ_g(x) = Σ_{r ∈ g} w_r · min(1, s_r(x)),      s_r(x) = Σ_{j ∈ N_r} x_j,
///
/// is concave and piecewise linear, and at 0/1 points it is the weight the
/// open columns cover. Maximal covering is  max Σ_g Φ_g(x)  over the
/// integral x within the limit. At any point x̄, with S = {r ∈ g : s_r(x̄) ≥ 1},
///
///     Φ_g(x) ≤ Σ_{r ∈ S} w_r + Σ_j a_j x_j,     a_j = Σ_{r ∈ g \ S, j ∈ N_r} w_r,
///
/// for every x ≥ 0 (each row's term is at most 1 and at most s_r(x)), with
/// equality at x̄: the cut.
///
/// Groups: rows are split by `RowGroups` into parts whose columns lie close
/// together, so each cut has few columns and a cutting-plane loop needs
/// fewer rounds than with one cut for all rows.
///
/// Accuracy: values and cut terms are sums of the weights in floating point
/// (relative error about 1e-16 times the number of terms).
struct CoveredWeightFunction {
    let matrix: CoverMatrix
    let weights: [Double]
    let groups: RowGroups

    init(matrix: CoverMatrix, weights: [Double], groups: RowGroups) {
        precondition(weights.count == matrix.rowCount && groups.groupOfRow.count == matrix.rowCount)
        self.matrix = matrix
        self.weights = weights
        self.groups = groups
    }

    var columnCount: Int { matrix.columnCount }

    /// A cut θ_g ≤ constant + Σ coefficients · x over `columns`.
    struct Cut {
        var group: Int
        var constant: Double
        var columns: [Int32]
        var coefficients: [Double]
    }

    /// Reusable buffers, so that evaluations allocate nothing per call.
    struct Workspace {
        var coverage: [Double]
        var touched: [Int32] = []
        var groupValue: [Double]
        var coefficient: [Double]
        var mark: [Bool]
        init(_ function: CoveredWeightFunction) {
            coverage = Array(repeating: 0, count: function.matrix.rowCount)
            groupValue = Array(repeating: 0, count: function.groups.count)
            coefficient = Array(repeating: 0, count: function.columnCount)
            mark = Array(repeating: false, count: function.columnCount)
        }
    }

    /// Φ_g(x) for every group (into `workspace.groupValue`) from the columns
    /// with x_j > 0 (`support`), and leaves s_r(x) in `workspace.coverage`
    /// for the rows they touch (listed in `workspace.touched`). Cost: the
    /// pairs of the support's columns. Call `clear` before the next one.
    func evaluate(_ x: [Double], support: [Int], into workspace: inout Workspace) {
        for g in 0..<groups.count { workspace.groupValue[g] = 0 }
        for j in support {
            let v = x[j]
            for r in matrix.rows(ofColumn: j) {
                if workspace.coverage[Int(r)] == 0 { workspace.touched.append(r) }
                workspace.coverage[Int(r)] += v
            }
        }
        for r in workspace.touched {
            let i = Int(r)
            workspace.groupValue[groups.groupOfRow[i]] += weights[i] * min(1, workspace.coverage[i])
        }
    }

    /// Zeroes the coverage `evaluate` left.
    func clear(_ workspace: inout Workspace) {
        for r in workspace.touched { workspace.coverage[Int(r)] = 0 }
        workspace.touched.removeAll(keepingCapacity: true)
    }

    /// The cut of group g at the point `evaluate` last saw (its coverage
    /// still in `workspace`). Cost: the pairs of the group's rows.
    func cut(group g: Int, workspace: inout Workspace) -> Cut {
        var constant = 0.0
        var columns: [Int32] = []
        for r in groups.rows(of: g) {
            let i = Int(r), w = weights[i]
            if workspace.coverage[i] >= 1 { constant += w; continue }
            for j in matrix.columns(ofRow: i) {
                if !workspace.mark[Int(j)] { workspace.mark[Int(j)] = true; columns.append(j) }
                workspace.coefficient[Int(j)] += w
            }
        }
        columns.sort()
        var coefficients: [Double] = []
        coefficients.reserveCapacity(columns.count)
        for j in columns {
            coefficients.append(workspace.coefficient[Int(j)])
            workspace.coefficient[Int(j)] = 0
            workspace.mark[Int(j)] = false
        }
        return Cut(group: g, constant: constant, columns: columns, coefficients: coefficients)
    }

    /// The covered weight of an integral choice of columns: Σ_r w_r [some j ∈ N_r is open].
    func coveredWeight(of open: [Int], workspace: inout Workspace) -> Double {
        var total = 0.0
        for j in open {
            for r in matrix.rows(ofColumn: j) where workspace.coverage[Int(r)] == 0 {
                workspace.coverage[Int(r)] = 1
                workspace.touched.append(r)
                total += weights[Int(r)]
            }
        }
        clear(&workspace)
        return total
    }
}

/// A partition of a covering matrix's rows into groups of nearby rows:
/// columns in order of decreasing covered weight each claim the rows no
/// earlier column claimed, and every claim is a group. A group's rows then
/// share a column, so the columns of its cuts lie close together (within
/// two reaches of it, in geographic instances). Groups are numbered in
/// claim order; within a group rows are ascending. Deterministic.
struct RowGroups {
    let groupOfRow: [Int]
    /// Rows of group g: `members[start[g]..<start[g + 1]]`.
    let start: [Int]
    let members: [Int32]

    var count: Int { start.count - 1 }

    init(matrix: CoverMatrix, weights: [Double]) {
        let columnWeight = (0..<matrix.columnCount).map { j in matrix.rows(ofColumn: j).reduce(0.0) { $0 + weights[Int($1)] } }
        let order = (0..<matrix.columnCount).sorted { (columnWeight[$0], $1) > (columnWeight[$1], $0) }
        var group = [Int](repeating: -1, count: matrix.rowCount)
        var start = [0], members: [Int32] = []
        for j in order {
            let before = members.count
            for r in matrix.rows(ofColumn: j) where group[Int(r)] < 0 {
                group[Int(r)] = start.count - 1
                members.append(r)
            }
            if members.count > before { start.append(members.count) }
        }
        // Rows no column covers cannot be covered; they form no group and
        // the function ignores them (such rows are removed before solving).
        precondition(!group.contains(-1), "every row needs a column")
        groupOfRow = group
        self.start = start
        self.members = members
    }

    func rows(of g: Int) -> ArraySlice<Int32> { members[start[g]..<start[g + 1]] }
}
