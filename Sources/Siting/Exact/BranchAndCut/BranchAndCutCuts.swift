import Foundation

/// Separation: the cuts θ_g ≤ Φ_g at a point.
extension MaximalCoveringBranchAndCut.Search {
    /// Adds the cuts at point x of the groups whose θ (`theta`, the LP's
    /// values; nil: all groups) the cut at x violates at `current` (the LP
    /// optimum; x itself when nil). Returns how many were added.
    @discardableResult
    mutating func addCuts(at x: [Double], theta: [Double]?, current: [Double]? = nil) -> Int {
        let support = (0..<n).filter { x[$0] > 1e-12 }
        function.evaluate(x, support: support, into: &workspace)
        var rows: [(columns: [Int32], values: [Double], lower: Double, upper: Double)] = []
        for g in 0..<groups {
            var cutValueAtCurrent = workspace.groupValue[g]
            var cut: CoveredWeightFunction.Cut?
            if let current, current != x {
                let c = function.cut(group: g, workspace: &workspace)
                cutValueAtCurrent = c.constant + zip(c.columns, c.coefficients).reduce(0.0) { $0 + current[Int($1.0)] * $1.1 }
                cut = c
            }
            if let theta, theta[g] <= cutValueAtCurrent + tolerance { continue }
            let c = cut ?? function.cut(group: g, workspace: &workspace)
            // θ_g − Σ a_j x_j ≤ constant, without the columns fixed for the
            // whole search (closed: no term; open: its term is a constant).
            var columns: [Int32] = [], values: [Double] = [], constant = c.constant
            for (j, a) in zip(c.columns, c.coefficients) {
                if globalUpper[Int(j)] == 0 { continue }
                if globalLower[Int(j)] == 1 { constant += a; continue }
                columns.append(j)
                values.append(-a)
            }
            rows.append((columns: columns + [Int32(n + g)], values: values + [1], lower: -.infinity, upper: constant))
            cutAge.append(0)
        }
        function.clear(&workspace)
        program.addRows(rows)
        cutsAdded += rows.count
        return rows.count
    }
}
