/// Best-improvement swap search for a fixed number of open sites (Teitz &
/// Bart's interchange): replace one open free site by a closed allowed one
/// while that raises the covered weight; ties keep the current set, so the
/// search ends at a local optimum deterministically.
///
/// For each demand covered exactly once it keeps the one open site covering
/// it, so one pass prices every swap in time proportional to the candidate
/// sites' demand lists (arrays indexed by position, no hash maps).
struct SwapLocalSearch {
    let instance: CoverInstance
    let fixed: Set<Int>
    let excluded: Set<Int>

    func improve(_ start: [Int]) -> [Int] {
        var open = start
        var counts = instance.coverCounts(open)
        let tolerance = 1e-12 * max(1, instance.weights.reduce(0, +))
        // Position of each open site in `open` (−1: closed), and per
        // singly covered demand the position of its one open site.
        var position = [Int](repeating: -1, count: instance.siteCount)
        var sole = [Int32](repeating: -1, count: instance.demandCount)
        var saved = [Double](repeating: 0, count: open.count)
        while true {
            for (p, j) in open.enumerated() { position[j] = p }
            // Weight only each open site covers: lost when it closes.
            var loss = [Double](repeating: 0, count: open.count)
            for (p, j) in open.enumerated() {
                for i in instance.demands(coveredBy: j) where counts[Int(i)] == 1 {
                    sole[Int(i)] = Int32(p)
                    loss[p] += instance.weights[Int(i)]
                }
            }
            var best: (gain: Double, out: Int, into: Int)?
            for into in 0..<instance.siteCount where position[into] < 0 && !excluded.contains(into) {
                // Weight `into` adds whatever closes, and per open site what it would save.
                var added = 0.0
                for p in saved.indices { saved[p] = 0 }
                for i in instance.demands(coveredBy: into) {
                    let c = counts[Int(i)], w = instance.weights[Int(i)]
                    if c == 0 { added += w } else if c == 1 { saved[Int(sole[Int(i)])] += w }
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
            for i in instance.demands(coveredBy: move.out) { counts[Int(i)] -= 1 }
            for i in instance.demands(coveredBy: move.into) { counts[Int(i)] += 1 }
        }
    }
}
