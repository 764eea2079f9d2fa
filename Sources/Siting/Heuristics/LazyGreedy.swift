/// Greedy site selection with lazy evaluation (Minoux's accelerated greedy).
///
/// Each step opens the site with the largest marginal gain per unit cost.
/// Gains only shrink as sites open (coverage is submodular), so a site's
/// stale gain in the priority queue is an upper bound: pop the best, refresh
/// its gain, and take it if it still beats the next one's bound — most sites
/// are never re-evaluated. Ties go to the lowest site index.
struct LazyGreedy {
    let instance: CoverInstance

    /// Sites chosen in order, starting from `forced` (opened first) and never
    /// choosing `excluded`; stops when `stop(chosen, gain)` says so or no site
    /// adds anything. `gain(site, covered)` is the site's marginal value.
    func run(
        forced: [Int], excluded: Set<Int>, affordable: (Int, [Int]) -> Bool = { _, _ in true },
        shouldStop: ([Int]) -> Bool
    ) -> [Int] {
        var chosen = forced
        var coverCount = instance.coverCounts(forced)
        func gain(_ site: Int) -> Double {
            var total = 0.0
            for i in instance.demands(coveredBy: site) where coverCount[Int(i)] == 0 { total += instance.weights[Int(i)] }
            return total / instance.siteCosts[site]
        }
        var heap = MaxHeap<Candidate>()
        let open = Set(forced)
        for site in 0..<instance.siteCount where !excluded.contains(site) && !open.contains(site) {
            heap.push(Candidate(gain: gain(site), site: site))
        }
        while !shouldStop(chosen), var top = heap.pop() {
            top.gain = gain(top.site)
            if let next = heap.peek(), next > top {
                heap.push(top)
                continue
            }
            guard top.gain > 0 else { break }
            guard affordable(top.site, chosen) else { continue }
            chosen.append(top.site)
            for i in instance.demands(coveredBy: top.site) { coverCount[Int(i)] += 1 }
        }
        return chosen
    }

    struct Candidate: Comparable {
        var gain: Double
        let site: Int
        /// Larger gain first; on equal gain, the lower index first.
        static func < (a: Candidate, b: Candidate) -> Bool {
            a.gain != b.gain ? a.gain < b.gain : a.site > b.site
        }
    }
}
