import Foundation

/// A p-median heuristic: greedy addition, then the fast vertex-substitution
/// interchange of Whitaker (1983) — the warm start for the exact p-median.
///
/// Every demand is served by its fastest open site among the pairs of the
/// instance; a demand no open site reaches costs `penalty` (more than any
/// pair, so the search first serves every demand it can). The result is a
/// local optimum: no single swap of an open site for a closed one lowers the
/// weighted total. Deterministic: ties keep the current set, then the lowest
/// site index.
///
/// A swap (close k, open j) is priced from each demand's fastest and
/// second-fastest open times d₁ ≤ d₂ and fastest site n:
///
///     Δ(j, k) = −G_j + B_k + C_jk,   G_j = Σ_{t_ij < d₁} w_i (d₁ − t_ij),
///     B_k = Σ_{n_i = k} w_i (d₂ − d₁),
///     C_jk = Σ_{n_i = k, i ∈ cover(j)} w_i · { −(d₂ − d₁) if t_ij < d₁; t_ij − d₂ if d₁ ≤ t_ij < d₂; 0 otherwise }
///
/// so one candidate j costs its own pairs plus p, and a pass over all
/// candidates costs the number of pairs plus p times the sites.
struct PMedianInterchange {
    let instance: CoverInstance
    /// Demands that some site reaches (the others are not served by any choice).
    let demands: [Int]
    /// Per site, its demands and their times, aligned with `instance.siteDemands`.
    let siteTimes: [Double]
    let penalty: Double

    init(instance: CoverInstance, demands: [Int]) {
        self.instance = instance
        self.demands = demands
        var times = [Double](repeating: 0, count: instance.siteDemands.count)
        var fill = Array(instance.siteStart.dropLast())
        for i in 0..<instance.demandCount {
            for k in instance.demandStart[i]..<instance.demandStart[i + 1] {
                let j = Int(instance.demandSites[k])
                times[fill[j]] = instance.demandCosts[k]
                fill[j] += 1
            }
        }
        siteTimes = times
        penalty = 10 * ((instance.demandCosts.max() ?? 0) + 1)
    }

    /// The weighted total time of serving `demands` from `open`, with
    /// `penalty` for demands no open site reaches.
    func total(_ open: [Int]) -> Double {
        let state = Assignment(self, open: open)
        return demands.reduce(0) { $0 + instance.weights[$1] * state.first[$1] }
    }

    /// p sites: greedy addition, then interchange to a local optimum, or
    /// to the last improving swap before `deadline` (checked between swaps).
    func solve(p: Int, deadline: ContinuousClock.Instant? = nil) -> [Int] {
        var open: [Int] = []
        var state = Assignment(self, open: open)
        while open.count < min(p, instance.siteCount) {
            var best: (gain: Double, site: Int)?
            let isOpen = Set(open)
            for j in 0..<instance.siteCount where !isOpen.contains(j) {
                let gain = additionGain(j, state)
                if best == nil || gain > best!.gain { best = (gain, j) }
            }
            open.append(best!.site)
            state = Assignment(self, open: open)
        }
        return interchange(open, deadline: deadline)
    }

    /// Best-improvement swaps until none lowers the total (or `deadline`
    /// has passed).
    func interchange(_ start: [Int], deadline: ContinuousClock.Instant? = nil) -> [Int] {
        var open = start.sorted()
        let tolerance = 1e-12 * max(1, demands.reduce(0) { $0 + instance.weights[$1] } * penalty)
        while true {
            if let deadline, ContinuousClock.now >= deadline { return open }
            let state = Assignment(self, open: open)
            let isOpen = Set(open)
            var removal = [Double](repeating: 0, count: instance.siteCount)  // B_k
            for i in demands where state.nearest[i] >= 0 {
                removal[Int(state.nearest[i])] += instance.weights[i] * (state.second[i] - state.first[i])
            }
            var best: (delta: Double, into: Int, out: Int)?
            var correction = [Double](repeating: 0, count: instance.siteCount)
            var touched: [Int] = []  // sites whose correction is set, reset after each candidate
            for j in 0..<instance.siteCount where !isOpen.contains(j) {
                var gain = 0.0
                for position in instance.siteStart[j]..<instance.siteStart[j + 1] {
                    let i = Int(instance.siteDemands[position]), t = siteTimes[position], w = instance.weights[i]
                    let d1 = state.first[i], d2 = state.second[i]
                    if t < d1 { gain += w * (d1 - t) }
                    let k = Int(state.nearest[i])
                    guard k >= 0 else { continue }
                    if t < d1 {
                        correction[k] -= w * (d2 - d1)
                    } else if t < d2 {
                        correction[k] += w * (t - d2)
                    } else {
                        continue
                    }
                    touched.append(k)
                }
                for k in open {
                    let delta = -gain + removal[k] + correction[k]
                    if delta < -tolerance, best == nil || delta < best!.delta - tolerance { best = (delta, j, k) }
                }
                for k in touched { correction[k] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            guard let swap = best else { return open }
            open = (open.filter { $0 != swap.out } + [swap.into]).sorted()
        }
    }

    private func additionGain(_ j: Int, _ state: Assignment) -> Double {
        var gain = 0.0
        for position in instance.siteStart[j]..<instance.siteStart[j + 1] {
            let i = Int(instance.siteDemands[position]), t = siteTimes[position]
            if t < state.first[i] { gain += instance.weights[i] * (state.first[i] - t) }
        }
        return gain
    }

    /// Each demand's fastest and second-fastest open times (`penalty` when
    /// there is none) and its fastest open site (−1 when none).
    struct Assignment {
        var first: [Double], second: [Double], nearest: [Int32]

        init(_ search: PMedianInterchange, open: [Int]) {
            let instance = search.instance
            first = [Double](repeating: search.penalty, count: instance.demandCount)
            second = first
            nearest = [Int32](repeating: -1, count: instance.demandCount)
            for j in open.sorted() {
                for position in instance.siteStart[j]..<instance.siteStart[j + 1] {
                    let i = Int(instance.siteDemands[position]), t = search.siteTimes[position]
                    if t < first[i] {
                        second[i] = first[i]
                        first[i] = t
                        nearest[i] = Int32(j)
                    } else if t < second[i] {
                        second[i] = t
                    }
                }
            }
        }
    }
}
