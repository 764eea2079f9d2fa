import Foundation

/// Best-improvement swap search for a fixed number of open columns (Teitz &
/// Bart's interchange): replace one open column by a closed allowed one
/// while that raises the covered weight, until no swap does.
///
/// For each row covered exactly once it keeps the one open column covering
/// it, so one pass prices every swap (j out, c in) exactly in time
/// proportional to the candidate columns' row lists: per candidate, the
/// weight of its uncovered rows (gained whatever closes) and, per open
/// column, the weight of its rows covered by that column alone (kept if it
/// closes); arrays indexed by position, no hash maps.
///
/// Contract: the result has as many columns as the start, holds every
/// column of `fixed`, never opens one `allowed` rejects, covers at least the
/// start's weight, and no single swap raises its weight by more than a
/// relative 1e-12. Ties keep the current set; candidates are scanned in
/// index order and the open columns in their order (a swapped-in column
/// goes last), so the result is deterministic.
struct SwapLocalSearch {
    let matrix: CoverMatrix
    let weights: [Double]
    let fixed: Set<Int>
    let allowed: (Int) -> Bool

    /// Stops early, with the swaps made so far, once `deadline` has passed
    /// or the solve is cancelled (`SolveCancellation`).
    func improve(_ start: [Int], deadline: ContinuousClock.Instant? = nil) -> [Int] {
        var open = start
        var counts = [Int32](repeating: 0, count: matrix.rowCount)
        for j in open { for r in matrix.rows(ofColumn: j) { counts[Int(r)] += 1 } }
        let tolerance = 1e-12 * max(1, weights.reduce(0, +))
        // Position of each open column in `open` (−1: closed), and per
        // singly covered row the position of its one open column.
        var position = [Int](repeating: -1, count: matrix.columnCount)
        var sole = [Int32](repeating: -1, count: matrix.rowCount)
        var saved = [Double](repeating: 0, count: open.count)
        while true {
            if SolveCancellation.stops(at: deadline) { return open }
            for (p, j) in open.enumerated() { position[j] = p }
            // Weight only each open column covers: lost when it closes.
            var loss = [Double](repeating: 0, count: open.count)
            for (p, j) in open.enumerated() {
                for r in matrix.rows(ofColumn: j) where counts[Int(r)] == 1 {
                    sole[Int(r)] = Int32(p)
                    loss[p] += weights[Int(r)]
                }
            }
            var best: (gain: Double, out: Int, into: Int)?
            for into in 0..<matrix.columnCount where position[into] < 0 && allowed(into) {
                // Weight `into` adds whatever closes, and per open column what it would save.
                var added = 0.0
                for p in saved.indices { saved[p] = 0 }
                for r in matrix.rows(ofColumn: into) {
                    let c = counts[Int(r)], w = weights[Int(r)]
                    if c == 0 { added += w } else if c == 1 { saved[Int(sole[Int(r)])] += w }
                }
                for (p, out) in open.enumerated() where !fixed.contains(out) {
                    let gain = added + saved[p] - loss[p]
                    if gain > tolerance, gain > (best?.gain ?? 0) { best = (gain, out, into) }
                }
            }
            for j in open { position[j] = -1 }
            guard let move = best else { return open }
            open.removeAll { $0 == move.out }
            open.append(move.into)
            for r in matrix.rows(ofColumn: move.out) { counts[Int(r)] -= 1 }
            for r in matrix.rows(ofColumn: move.into) { counts[Int(r)] += 1 }
        }
    }
}
