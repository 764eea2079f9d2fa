import Foundation

/// The model CBC solves once the Lagrangian fixings are applied: the
/// presolved rows over the sites neither fixed open nor closed, without the
/// rows a fixed-open site covers (identical rows merged again).
struct ResidualModel {
    var rows: [[Int32]]
    var weights: [Double]
    /// Sites still free (instance indices, ascending).
    var columns: [Int]
    /// Sites fixed open.
    var mustOpen: [Int]
    /// Weight outside the model: covered by forced or fixed-open sites.
    var constant: Double

    init(rows: [[Int32]], weights: [Double], columns: [Int], mustOpen: [Int], constant: Double) {
        (self.rows, self.weights, self.columns, self.mustOpen, self.constant) = (rows, weights, columns, mustOpen, constant)
    }

    /// `open`, `closed`: fixings as indices into `presolve.sites`;
    /// `fixedWeight`: the weight forced sites cover.
    init(presolve: Presolve, open: Set<Int>, closed: Set<Int>, fixedWeight: Double) {
        mustOpen = open.sorted().map { presolve.sites[$0] }
        columns = presolve.sites.enumerated().filter { !open.contains($0.offset) && !closed.contains($0.offset) }.map(\.element)
        let opened = Set(mustOpen.map(Int32.init)), kept = Set(columns.map(Int32.init))
        var left: [Int] = []
        constant = fixedWeight
        for r in presolve.rows.indices {
            if presolve.rows[r].contains(where: opened.contains) { constant += presolve.rowWeights[r] } else { left.append(r) }
        }
        (rows, weights) = Presolve.merged(left.map { presolve.rows[$0].filter(kept.contains) }, left.map { presolve.rowWeights[$0] })
    }
}
