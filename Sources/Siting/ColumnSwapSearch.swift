/// Best-improvement swap search (Teitz & Bart's interchange) over the
/// columns of a covering matrix with row weights: replace one open column by
/// a closed one while that raises the covered weight, until no swap does.
///
/// One pass costs the pairs of the candidate columns: for each candidate c,
/// the weight of its uncovered rows (gained whatever closes) and, per open
/// column j, the weight of its rows covered by j alone (kept if j closes),
/// from which every swap (j out, c in) is priced exactly; no hash maps.
///
/// Contract: the result has as many columns as the start, holds `kept`,
/// never opens a column `allowed` rejects, covers at least the start's
/// weight, and no single swap raises its weight by more than a relative
/// 1e-12. Ties keep the current set; candidates are scanned in index order,
/// so the result is deterministic.
struct ColumnSwapSearch {
    let matrix: CoverRows
    let weights: [Double]

    func improve(_ start: [Int], kept: Set<Int> = [], allowed: (Int) -> Bool) -> [Int] {
        var open = start
        var count = [Int32](repeating: 0, count: matrix.rowCount)
        for j in open { for r in matrix.rows(ofColumn: j) { count[Int(r)] += 1 } }
        let tolerance = 1e-12 * max(1, weights.reduce(0, +))
        var position = [Int](repeating: -1, count: matrix.columnCount)
        var sole = [Int32](repeating: -1, count: matrix.rowCount)
        var saved = [Double](repeating: 0, count: open.count)
        while true {
            for (p, j) in open.enumerated() { position[j] = p }
            // The position of the open column covering each singly covered row,
            // and the weight each open column covers alone (lost if it closes).
            var loss = [Double](repeating: 0, count: open.count)
            for (p, j) in open.enumerated() {
                for r in matrix.rows(ofColumn: j) where count[Int(r)] == 1 {
                    sole[Int(r)] = Int32(p)
                    loss[p] += weights[Int(r)]
                }
            }
            var best: (gain: Double, out: Int, into: Int)?
            for c in 0..<matrix.columnCount where position[c] < 0 && allowed(c) {
                var added = 0.0
                for p in saved.indices { saved[p] = 0 }
                for r in matrix.rows(ofColumn: c) {
                    let i = Int(r)
                    if count[i] == 0 { added += weights[i] } else if count[i] == 1 { saved[Int(sole[i])] += weights[i] }
                }
                for (p, j) in open.enumerated() where !kept.contains(j) {
                    let gain = added + saved[p] - loss[p]
                    if gain > tolerance, gain > (best?.gain ?? 0) { best = (gain, p, c) }
                }
            }
            for j in open { position[j] = -1 }
            guard let move = best else { return open }
            for r in matrix.rows(ofColumn: open[move.out]) { count[Int(r)] -= 1 }
            for r in matrix.rows(ofColumn: move.into) { count[Int(r)] += 1 }
            open[move.out] = move.into
        }
    }
}
