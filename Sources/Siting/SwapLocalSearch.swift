/// Best-improvement swap search for a fixed number of open sites (Teitz &
/// Bart's interchange): replace one open free site by a closed allowed one
/// while that raises the covered weight; ties keep the current set, so the
/// search ends at a local optimum deterministically.
///
/// For each demand covered exactly once it keeps the one open site covering
/// it, so a swap is evaluated in time proportional to the two sites' demand
/// lists.
struct SwapLocalSearch {
    let instance: CoverInstance
    let fixed: Set<Int>
    let excluded: Set<Int>

    func improve(_ start: [Int]) -> [Int] {
        var open = start
        var counts = instance.coverCounts(open)
        let tolerance = 1e-12 * max(1, instance.weights.reduce(0, +))
        while true {
            let isOpen = Set(open)
            // The open site covering each singly covered demand.
            var sole = [Int32](repeating: -1, count: instance.demandCount)
            for j in open {
                for i in instance.demands(coveredBy: j) where counts[Int(i)] == 1 { sole[Int(i)] = Int32(j) }
            }
            // Weight only each open site covers: lost when it closes.
            var loss: [Int: Double] = [:]
            for out in open where !fixed.contains(out) {
                loss[out] = instance.demands(coveredBy: out).reduce(0) { counts[Int($1)] == 1 ? $0 + instance.weights[Int($1)] : $0 }
            }
            var best: (gain: Double, out: Int, into: Int)?
            for into in 0..<instance.siteCount where !isOpen.contains(into) && !excluded.contains(into) {
                // Weight `into` adds whatever closes, and per open site what it would save.
                var added = 0.0
                var saved: [Int: Double] = [:]
                for i in instance.demands(coveredBy: into) {
                    let c = counts[Int(i)], w = instance.weights[Int(i)]
                    if c == 0 { added += w } else if c == 1 { saved[Int(sole[Int(i)]), default: 0] += w }
                }
                for out in open where !fixed.contains(out) {
                    let gain = added + (saved[out] ?? 0) - loss[out]!
                    if gain > tolerance, gain > (best?.gain ?? 0) { best = (gain, out, into) }
                }
            }
            guard let move = best else { return open }
            open.removeAll { $0 == move.out }
            open.append(move.into)
            for i in instance.demands(coveredBy: move.out) { counts[Int(i)] -= 1 }
            for i in instance.demands(coveredBy: move.into) { counts[Int(i)] += 1 }
        }
    }
}
