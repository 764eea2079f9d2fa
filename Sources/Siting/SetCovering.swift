import Foundation

/// The location set covering problem (LSCP; Toregas et al. 1971): the
/// cheapest set of sites (the fewest, with unit costs) covering every
/// coverable demand.
///
///     minimise   Σ_j c_j x_j
///     subject to Σ_{j ∈ N_i} x_j ≥ 1   for every demand i some allowed site covers
///                x_j = 1 for forced sites, x_j = 0 for excluded ones, x_j ∈ {0, 1}
///
/// Demands no allowed site covers cannot be covered by any choice: they are
/// left out of the constraints and listed in the result, never silently.
public struct SetCovering: Sendable {
    public let instance: CoverInstance
    public let forced: Set<Int>
    public let excluded: Set<Int>

    public init(instance: CoverInstance, forced: Set<Int> = [], excluded: Set<Int> = []) throws {
        try SiteChoice.check(instance: instance, forced: forced, excluded: excluded)
        self.instance = instance
        self.forced = forced
        self.excluded = excluded
    }

    /// Greedy + redundancy removal, then (unless `heuristicOnly`) CBC on the
    /// presolved model, warm-started from the greedy cover. With
    /// `heuristicOnly`, the bound is the LP relaxation's.
    public func solve(heuristicOnly: Bool = false, timeLimit: Double? = nil) -> SitingResult {
        let clock = ContinuousClock.now
        let allowed = { (j: Int) in !excluded.contains(j) }
        let uncoverable = (0..<instance.demandCount).filter { i in !instance.sites(covering: i).contains { allowed(Int($0)) } }
        let coverable = Set(0..<instance.demandCount).subtracting(uncoverable)
        let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
        let openCount = instance.coverCounts(Array(forced))
        let remaining = coverable.filter { openCount[$0] == 0 }.sorted()
        let presolve = Presolve(instance: instance, demands: remaining,
                                allowed: { allowed($0) && !forced.contains($0) }, costsMatter: true, dropDominatedRows: true)

        SitingTrace.log("presolve (\(presolve.rows.count) rows, \(presolve.sites.count) sites)", since: clock)
        // Greedy on unit row weights (each row counts once), cost-effectiveness order.
        let greedy = Self.greedyCover(presolve: presolve, costs: instance.siteCosts)
        SitingTrace.log("greedy (\(greedy.count) sites)", since: clock)
        var program = MixedIntegerProgram()
        for j in presolve.sites { program.addColumn(cost: instance.siteCosts[j]) }
        let column = Dictionary(uniqueKeysWithValues: presolve.sites.enumerated().map { ($1, Int32($0)) })
        for row in presolve.rows {
            program.addRow(row.map { column[Int($0)]! }, Array(repeating: 1, count: row.count), lower: 1)
        }
        let greedyCost = greedy.reduce(0) { $0 + instance.siteCosts[$1] }
        var selected = greedy, objective = greedyCost, bound: Double, status: SolutionStatus
        if presolve.rows.isEmpty {
            (bound, status) = (0, .optimal)
        } else if heuristicOnly {
            // The root node's bound (LP relaxation strengthened by cuts).
            var root = program
            root.rootOnly = true
            let lp = root.solve(timeLimit: timeLimit)
            bound = lp.bound.isFinite ? max(0, lp.bound) : 0
            status = greedyCost - bound <= 1e-9 * max(1, greedyCost) ? .optimal : .feasible
        } else {
            let start = presolve.sites.map { greedy.contains($0) ? 1.0 : 0.0 }
            let solution = program.solve(timeLimit: timeLimit, start: start)
            bound = solution.bound.isFinite ? max(0, solution.bound) : 0
            if solution.status == .optimal || solution.status == .feasible, solution.objective <= greedyCost {
                selected = presolve.sites.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element)
                objective = selected.reduce(0) { $0 + instance.siteCosts[$1] }
            }
            status = solution.status == .optimal ? .optimal : .feasible
            // A bound that meets the objective proves it too.
            if objective - bound <= 1e-9 * max(1, objective) { status = .optimal }
            if status == .optimal { bound = objective }
        }
        SitingTrace.log("solved", since: clock)
        let all = (Array(forced) + selected).sorted()
        return SiteChoice.result(model: "lscp", instance: instance, selected: all, status: status,
                                 objective: objective + forcedCost, bound: bound + forcedCost,
                                 uncovered: uncoverable, since: clock)
    }

    /// A cover of every row: cheapest cost per newly covered row first, then
    /// sites made redundant by later choices removed, dearest first.
    static func greedyCover(presolve: Presolve, costs: [Double]) -> [Int] {
        guard !presolve.rows.isEmpty else { return [] }
        var rowsOf: [Int: [Int]] = [:]
        for (r, row) in presolve.rows.enumerated() { for j in row { rowsOf[Int(j), default: []].append(r) } }
        var covered = [Int](repeating: 0, count: presolve.rows.count)
        var heap = MaxHeap<LazyGreedy.Candidate>()
        for j in presolve.sites { heap.push(.init(gain: Double(rowsOf[j]?.count ?? 0) / costs[j], site: j)) }
        var chosen: [Int] = []
        var left = presolve.rows.count
        while left > 0, var top = heap.pop() {
            top.gain = Double(rowsOf[top.site, default: []].filter { covered[$0] == 0 }.count) / costs[top.site]
            if let next = heap.peek(), next > top { heap.push(top); continue }
            guard top.gain > 0 else { break }
            chosen.append(top.site)
            for r in rowsOf[top.site, default: []] {
                if covered[r] == 0 { left -= 1 }
                covered[r] += 1
            }
        }
        for j in chosen.sorted(by: { (costs[$0], $0) > (costs[$1], $1) }) {
            let rows = rowsOf[j, default: []]
            if rows.allSatisfy({ covered[$0] > 1 }) {
                rows.forEach { covered[$0] -= 1 }
                chosen.removeAll { $0 == j }
            }
        }
        return chosen.sorted()
    }
}

/// Checks and result assembly shared by the models.
enum SiteChoice {
    static func check(instance: CoverInstance, forced: Set<Int>, excluded: Set<Int>) throws {
        for j in forced.union(excluded) where !(0..<instance.siteCount).contains(j) {
            throw SitingInputError("site index \(j) is not among the \(instance.siteCount) candidate sites")
        }
        if let both = forced.intersection(excluded).min() {
            throw SitingInputError("site \(instance.siteIDs[both]) is both kept and excluded")
        }
    }

    static func result(model: String, instance: CoverInstance, selected: [Int], status: SolutionStatus,
                       objective: Double, bound: Double, uncovered: [Int]? = nil, since start: ContinuousClock.Instant) -> SitingResult {
        let counts = instance.coverCounts(selected)
        let missing = uncovered ?? (0..<instance.demandCount).filter { counts[$0] == 0 }
        let coveredCount = counts.filter { $0 > 0 }.count
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        return SitingResult(model: model, status: status, objective: objective, bound: bound, selected: selected,
                            coveredWeight: instance.coveredWeight(by: selected), totalWeight: instance.weights.reduce(0, +),
                            coveredDemandCount: coveredCount, uncoveredDemands: missing, seconds: seconds)
    }
}
