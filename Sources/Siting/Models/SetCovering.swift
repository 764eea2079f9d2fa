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

    /// Presolve, then greedy and Lagrangian covers (`LagrangianCover`), then
    /// unless `heuristicOnly` CBC on the presolved model, warm-started from
    /// the best cover. With `heuristicOnly`, the bound is the Lagrangian one
    /// (at most the LP relaxation's; rounded up when all costs are integers).
    public func solve(heuristicOnly: Bool = false, timeLimit: Double? = nil) -> SitingResult {
        let clock = ContinuousClock.now
        let allowed = { (j: Int) in !excluded.contains(j) }
        let uncoverable = (0..<instance.demandCount).filter { i in !instance.sites(covering: i).contains { allowed(Int($0)) } }
        let coverable = Set(0..<instance.demandCount).subtracting(uncoverable)
        let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
        let openCount = instance.coverCounts(Array(forced))
        let remaining = coverable.filter { openCount[$0] == 0 }.sorted()
        let presolve = Presolve(
            instance: instance, demands: remaining,
            allowed: { allowed($0) && !forced.contains($0) }, costsMatter: true, setCovering: true)
        SitingTrace.log("presolve (\(presolve.matrix.rowCount) rows, \(presolve.sites.count) sites, \(presolve.fixedSites.count) fixed)", since: clock)
        var selected: [Int] = [], objective = 0.0, bound = 0.0, status = SolutionStatus.optimal
        if presolve.matrix.rowCount > 0 {
            (selected, objective, bound, status) = solvePresolved(presolve, heuristicOnly: heuristicOnly, timeLimit: timeLimit, since: clock)
        }
        SitingTrace.log("solved", since: clock)
        let fixedCost = presolve.fixedSites.reduce(0) { $0 + instance.siteCosts[$1] }
        let all = (Array(forced) + presolve.fixedSites + selected).sorted()
        return SiteChoice.result(
            model: "lscp", instance: instance, selected: all, status: status,
            objective: objective + forcedCost + fixedCost, bound: bound + forcedCost + fixedCost,
            uncovered: uncoverable, since: clock)
    }

    /// The cheapest cover of the presolved rows (sites, their cost, a proven
    /// lower bound, whether proven optimal).
    private func solvePresolved(
        _ presolve: Presolve, heuristicOnly: Bool, timeLimit: Double?,
        since clock: ContinuousClock.Instant
    ) -> ([Int], Double, Double, SolutionStatus) {
        let costs = presolve.sites.map { instance.siteCosts[$0] }
        let matrix = presolve.matrix
        let greedy = Self.greedyCover(matrix, costs: costs)
        SitingTrace.log("greedy (\(greedy.count) sites)", since: clock)
        // Half the time limit at most for the heuristics, so CBC gets the rest.
        let heuristicDeadline = timeLimit.map { clock + .seconds($0 / 2) }
        let lagrangian = LagrangianCover(matrix: matrix, costs: costs).run(start: greedy, deadline: heuristicDeadline)
        SitingTrace.log("lagrangian (cover \(lagrangian.coverCost), bound \(lagrangian.lowerBound))", since: clock)
        let integral = costs.allSatisfy { $0 == $0.rounded() }
        var bound = integral ? (lagrangian.lowerBound - 1e-6).rounded(.up) : lagrangian.lowerBound
        var cover = lagrangian.cover, objective = lagrangian.coverCost
        let proven = { OptimalityTolerance.closes(objective - bound, at: objective) }
        let unitCosts = costs.allSatisfy { $0 == costs[0] }
        if !proven(), unitCosts {
            let unit = costs[0]
            // Unit costs: the fewest columns; row-weighting local search.
            let search = RowWeightingLocalSearch(matrix: matrix)
            cover = search.improve(
                cover, steps: Self.localSearchSteps, lowerBound: Int((bound / unit - 1e-6).rounded(.up)),
                deadline: heuristicDeadline)
            objective = Double(cover.count) * unit
            SitingTrace.log("local search (cover \(objective))", since: clock)
        }
        if !proven() && !heuristicOnly {
            var program = MixedIntegerProgram()
            for c in costs { program.addColumn(cost: c) }
            for r in 0..<matrix.rowCount {
                let row = Array(matrix.columns(ofRow: r))
                program.addRow(row, Array(repeating: 1, count: row.count), lower: 1)
            }
            // The start is usually optimal or close: CBC's own primal
            // heuristics cost more than they find here. With unit costs (an
            // RWLS start, a degenerate LP) strong branching also costs more
            // than it saves; with weighted costs (OR-Library) it pays. CBC's
            // cutting planes barely move the bound of these covering LPs and
            // slow every node.
            program.cbcParameters.insert(("heuristics", "off"), at: 0)
            program.cbcParameters.insert(("cuts", "off"), at: 1)
            if unitCosts { program.cbcParameters.insert(("strongBranching", "0"), at: 2) }
            let chosen = Set(cover)
            let left = timeLimit.map { max($0 - (ContinuousClock.now - clock) / .seconds(1), 0.1) }
            let solution = program.solve(timeLimit: left, start: costs.indices.map { chosen.contains($0) ? 1.0 : 0.0 })
            if solution.status == .optimal || solution.status == .feasible, solution.objective < objective {
                cover = costs.indices.filter { solution.values[$0] > 0.5 }
                objective = cover.reduce(0) { $0 + costs[$1] }
            }
            if solution.status == .optimal { bound = objective }
            if solution.bound.isFinite { bound = max(bound, min(solution.bound, objective)) }
        }
        let status: SolutionStatus = proven() ? .optimal : .feasible
        return (cover.map { presolve.sites[$0] }, objective, proven() ? objective : bound, status)
    }

    /// Swaps the unit-cost local search may make: a step budget, so runs
    /// without a time limit repeat exactly; with one, the Lagrangian steps
    /// and this search also stop at half the limit, and CBC gets the rest.
    static let localSearchSteps = 50_000

    /// A cover of every row of `matrix` (columns costing `costs`): cheapest
    /// cost per newly covered row first (ties: the lower column), then
    /// columns made redundant by later choices removed, dearest first.
    static func greedyCover(_ matrix: CoverMatrix, costs: [Double]) -> [Int] {
        guard matrix.rowCount > 0 else { return [] }
        var covered = [Int](repeating: 0, count: matrix.rowCount)
        var heap = MaxHeap<LazyGreedy.Candidate>()
        for j in 0..<matrix.columnCount { heap.push(.init(gain: Double(matrix.rowCount(ofColumn: j)) / costs[j], site: j)) }
        var chosen: [Int] = []
        var left = matrix.rowCount
        while left > 0, var top = heap.pop() {
            top.gain = Double(matrix.rows(ofColumn: top.site).filter { covered[Int($0)] == 0 }.count) / costs[top.site]
            if let next = heap.peek(), next > top { heap.push(top); continue }
            guard top.gain > 0 else { break }
            chosen.append(top.site)
            for r in matrix.rows(ofColumn: top.site) {
                if covered[Int(r)] == 0 { left -= 1 }
                covered[Int(r)] += 1
            }
        }
        for j in chosen.sorted(by: { (costs[$0], $0) > (costs[$1], $1) }) {
            let rows = matrix.rows(ofColumn: j)
            if rows.allSatisfy({ covered[Int($0)] > 1 }) {
                rows.forEach { covered[Int($0)] -= 1 }
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

    static func result(
        model: String, instance: CoverInstance, selected: [Int], status: SolutionStatus,
        objective: Double, bound: Double, uncovered: [Int]? = nil, aircraft: [Int]? = nil,
        since start: ContinuousClock.Instant
    ) -> SitingResult {
        let counts = instance.coverCounts(selected)
        let missing = uncovered ?? (0..<instance.demandCount).filter { counts[$0] == 0 }
        let coveredCount = counts.filter { $0 > 0 }.count
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        return SitingResult(
            model: model, status: status, objective: objective, bound: bound, selected: selected,
            coveredWeight: instance.coveredWeight(by: selected), totalWeight: instance.weights.reduce(0, +),
            coveredDemandCount: coveredCount, uncoveredDemands: missing, seconds: seconds, aircraft: aircraft)
    }
}
