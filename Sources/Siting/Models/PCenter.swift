import Foundation

/// The p-center problem: at most p sites minimising the worst response
/// time over the demands that some site reaches (demands no site reaches are
/// listed and left out).
///
/// Solved by search over the distinct response times t of the instance: t is
/// achievable exactly when the set-covering problem "cover every demand with
/// sites within t" needs at most p sites. Binary search needs O(log n)
/// LSCP solves, between the largest of the demands' fastest times (no
/// choice does better: a proven bound from the start) and the largest time;
/// the answer is the smallest achievable t. The bound is the time above the
/// largest t proven unachievable.
///
/// With a time limit (wall-clock seconds), each LSCP gets the time left; a
/// t whose LSCP is cut short, neither covered with p sites nor proven to
/// need more, is left undecided (never taken as unachievable). The
/// interchange heuristic's sites (`PMedianInterchange`) are the first
/// solution, so a cut-short search still returns the best solution found,
/// with status feasible and the proven bound. The run ends within one
/// LSCP's overrun of the limit (`SetCovering`: its heuristics, and CBC's
/// root node).
public struct PCenter: Sendable {
    public let instance: CoverInstance
    public let p: Int

    public init(instance: CoverInstance, p: Int) throws {
        guard p >= 1, p <= instance.siteCount else {
            throw SitingInputError("p = \(p) must be between 1 and the \(instance.siteCount) candidate sites")
        }
        self.instance = instance
        self.p = p
    }

    public func solve(timeLimit: Double? = nil) throws -> SitingResult {
        let clock = ContinuousClock.now
        let deadline = timeLimit.map { clock + .seconds($0) }
        let unreachable = instance.uncoverable
        let times = Array(Set(instance.demandCosts)).sorted()
        guard !times.isEmpty else {
            return SiteChoice.result(
                model: "pcenter", instance: instance, selected: [], status: .optimal, objective: 0, bound: 0,
                uncovered: unreachable, since: clock)
        }
        let reachable = (0..<instance.demandCount).filter { !instance.sites(covering: $0).isEmpty }
        // Every demand is served at its fastest time at best.
        let fastest = reachable.map { instance.sites(covering: $0).indices.map { instance.demandCosts[$0] }.min()! }.max() ?? times[0]
        var low = times.firstIndex(of: fastest)!, high = times.count - 1  // the answer lies in times[low...high]
        var bound = low  // times below times[bound] are proven unachievable
        var best: (sites: [Int], worst: Double)?
        let heuristic = PMedianInterchange(instance: instance, demands: reachable).solve(p: p, deadline: deadline)
        if worstTime(heuristic).isFinite { best = (heuristic, worstTime(heuristic)) }
        func offer(_ sites: [Int]) {
            let worst = worstTime(sites)
            if worst < best?.worst ?? .infinity { best = (sites, worst) }
        }
        enum Outcome { case achievable, unachievable, undecided }
        func attempt(_ k: Int) throws -> Outcome {
            let left = deadline.map { max(($0 - ContinuousClock.now) / .seconds(1), 0.1) }
            // The fewest sites (unit costs, whatever the instance's site costs) covering within t.
            let within = try instance.restricted(toCostAtMost: times[k])
            let unitCosts = try CoverInstance(
                demandIDs: within.demandIDs, siteIDs: within.siteIDs, weights: within.weights, siteCosts: nil,
                demandStart: within.demandStart, demandSites: within.demandSites, demandCosts: within.demandCosts)
            let cover = try SetCovering(instance: unitCosts).solve(timeLimit: left)
            // Within t only if all reachable demands stay coverable at t.
            guard cover.uncoveredDemands.count == unreachable.count else { return .unachievable }
            if cover.selected.count <= p {
                offer(cover.selected)
                return .achievable
            }
            // The bound is on the number of sites: more than p proves t unachievable.
            return cover.bound > Double(p) + 1e-9 ? .unachievable : .undecided
        }
        // Achievable times are those at or above the answer: search for the first.
        while low <= high {
            if let best, times[low] >= best.worst { break }
            if let deadline, ContinuousClock.now >= deadline { break }
            let middle = best.map { (low + min(high, times.firstIndex(of: $0.worst)!)) / 2 } ?? high
            switch try attempt(middle) {
            case .achievable: high = middle - 1
            case .unachievable:
                low = middle + 1
                bound = max(bound, middle + 1)
            case .undecided: low = middle + 1
            }
            if best == nil, bound > times.count - 1 {
                return SiteChoice.result(
                    model: "pcenter", instance: instance, selected: [], status: .infeasible,
                    objective: .infinity, bound: .infinity, uncovered: unreachable, since: clock)
            }
        }
        guard let best else {
            throw SitingInputError(
                "no p-center solution found within the time limit: \(p) sites reaching every reachable demand "
                    + "were not found in time; raise --time-limit or -p")
        }
        let proven = times[min(bound, times.count - 1)] >= best.worst
        return SiteChoice.result(
            model: "pcenter", instance: instance, selected: best.sites.sorted(), status: proven ? .optimal : .feasible,
            objective: best.worst, bound: proven ? best.worst : times[min(bound, times.count - 1)],
            uncovered: unreachable, since: clock)
    }

    /// The largest, over reachable demands, of the fastest response from `open`.
    func worstTime(_ open: [Int]) -> Double {
        let isOpen = Set(open)
        var worst = 0.0
        for i in 0..<instance.demandCount where !instance.sites(covering: i).isEmpty {
            let best =
                (instance.demandStart[i]..<instance.demandStart[i + 1])
                .filter { isOpen.contains(Int(instance.demandSites[$0])) }.map { instance.demandCosts[$0] }.min() ?? .infinity
            worst = max(worst, best)
        }
        return worst
    }
}
