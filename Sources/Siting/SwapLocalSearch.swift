/// Best-improvement swap search for a fixed number of open sites (Teitz &
/// Bart's interchange): replace one open free site by a closed allowed one
/// while that raises the covered weight; ties keep the current set, so the
/// search ends at a local optimum deterministically.
struct SwapLocalSearch {
    let instance: CoverInstance
    let fixed: Set<Int>
    let excluded: Set<Int>

    func improve(_ start: [Int]) -> [Int] {
        var open = start
        var counts = instance.coverCounts(open)
        while true {
            var best: (gain: Double, out: Int, into: Int)?
            let isOpen = Set(open)
            for out in open where !fixed.contains(out) {
                // Weight only `out` covers: lost when it closes.
                var loss = 0.0
                for i in instance.demands(coveredBy: out) where counts[Int(i)] == 1 { loss += instance.weights[Int(i)] }
                for into in 0..<instance.siteCount where !isOpen.contains(into) && !excluded.contains(into) {
                    var gain = -loss
                    for i in instance.demands(coveredBy: into) {
                        let c = counts[Int(i)]
                        // Newly covered, or covered only by `out` (kept covered by `into`).
                        if c == 0 { gain += instance.weights[Int(i)] }
                        else if c == 1 && instance.sites(covering: Int(i)).contains(Int32(out)) { gain += instance.weights[Int(i)] }
                    }
                    if gain > 1e-12 * max(1, instance.weights.reduce(0, +)), gain > (best?.gain ?? 0) {
                        best = (gain, out, into)
                    }
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
