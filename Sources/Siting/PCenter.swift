import Foundation

/// The p-center problem: at most p sites minimising the worst response
/// time over the demands that some site reaches (demands no site reaches are
/// listed and left out).
///
/// Solved by search over the distinct response times t of the instance: t is
/// achievable exactly when the set-covering problem "cover every demand with
/// sites within t" needs at most p sites. Binary search needs O(log n) exact
/// LSCP solves; the answer is the smallest achievable t. The bound is the
/// next time above the largest t proven unachievable.
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
        let unreachable = instance.uncoverable
        let times = Array(Set(instance.demandCosts)).sorted()
        guard !times.isEmpty else {
            return SiteChoice.result(model: "pcenter", instance: instance, selected: [], status: .optimal, objective: 0, bound: 0,
                                     uncovered: unreachable, since: clock)
        }
        var low = 0, high = times.count - 1  // times[high] is achievable by covering everything reachable
        var best: SitingResult?
        var proven = true
        // Check the largest first: it must be achievable with p sites, or nothing is.
        func attempt(_ k: Int) throws -> SitingResult? {
            let cover = try SetCovering(instance: try instance.restricted(toCostAtMost: times[k])).solve(timeLimit: timeLimit)
            if cover.status != .optimal { proven = false }
            // Feasible within t only if all reachable demands stay coverable at t.
            guard cover.uncoveredDemands.count == unreachable.count else { return nil }
            return cover.selected.count <= p ? cover : nil
        }
        guard let widest = try attempt(high) else {
            return SiteChoice.result(model: "pcenter", instance: instance, selected: [], status: .infeasible,
                                     objective: .infinity, bound: .infinity, uncovered: unreachable, since: clock)
        }
        best = widest
        while low < high {
            let middle = (low + high) / 2
            if let found = try attempt(middle) {
                best = found
                high = middle
            } else {
                low = middle + 1
            }
        }
        let chosen = best!.selected
        let worst = worstTime(chosen)
        return SiteChoice.result(model: "pcenter", instance: instance, selected: chosen, status: proven ? .optimal : .feasible,
                                 objective: worst, bound: proven ? worst : times[0], uncovered: unreachable, since: clock)
    }

    /// The largest, over reachable demands, of the fastest response from `open`.
    func worstTime(_ open: [Int]) -> Double {
        let isOpen = Set(open)
        var worst = 0.0
        for i in 0..<instance.demandCount where !instance.sites(covering: i).isEmpty {
            let best = (instance.demandStart[i]..<instance.demandStart[i + 1])
                .filter { isOpen.contains(Int(instance.demandSites[$0])) }.map { instance.demandCosts[$0] }.min() ?? .infinity
            worst = max(worst, best)
        }
        return worst
    }
}
