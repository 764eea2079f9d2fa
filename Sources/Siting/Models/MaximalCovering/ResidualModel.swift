import Foundation

/// The model CBC or the branch and cut solves once the Lagrangian fixings
/// are applied: the presolved rows over the sites neither fixed open nor
/// closed, without the rows a fixed-open site covers (identical rows merged
/// again).
struct ResidualModel {
    /// Rows over the free sites: column c is `columns[c]`.
    var matrix: CoverMatrix
    /// The weight of each row of `matrix`.
    var weights: [Double]
    /// Sites still free (instance indices, ascending).
    var columns: [Int]
    /// Sites fixed open.
    var mustOpen: [Int]
    /// Weight outside the model: covered by forced or fixed-open sites.
    var constant: Double

    /// The presolved model itself, nothing fixed; `fixedWeight`: the weight
    /// forced sites cover.
    init(presolve: Presolve, fixedWeight: Double) {
        (matrix, weights, columns, mustOpen, constant) = (presolve.matrix, presolve.rowWeights, presolve.sites, [], fixedWeight)
    }

    /// `open`, `closed`: fixings as columns of `presolve.matrix` (indices
    /// into `presolve.sites`); `fixedWeight`: the weight forced sites cover.
    init(presolve: Presolve, open: Set<Int>, closed: Set<Int>, fixedWeight: Double) {
        mustOpen = open.sorted().map { presolve.sites[$0] }
        let free = presolve.sites.indices.filter { !open.contains($0) && !closed.contains($0) }
        columns = free.map { presolve.sites[$0] }
        var isOpen = [Bool](repeating: false, count: presolve.sites.count)
        for c in open { isOpen[c] = true }
        var left: [Int] = []
        constant = fixedWeight
        for r in 0..<presolve.matrix.rowCount {
            if presolve.matrix.columns(ofRow: r).contains(where: { isOpen[Int($0)] }) {
                constant += presolve.rowWeights[r]
            } else {
                left.append(r)
            }
        }
        (matrix, weights) = presolve.matrix.mergedSubmatrix(rows: left, columns: free, weights: left.map { presolve.rowWeights[$0] })
    }
}
