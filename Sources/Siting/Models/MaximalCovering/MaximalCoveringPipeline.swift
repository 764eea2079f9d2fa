import Foundation

extension MaximalCovering {
    /// Greedy (+ swap search for the cardinality form); for the cardinality
    /// form up to `largestCompactModel` presolved row–site pairs, then a
    /// Lagrangian bound with site fixings (`LagrangianMaximalCovering`) and
    /// swap searches from its best relaxed solutions (when they find a
    /// better solution, the relaxation runs again against it, for more
    /// fixings); then, unless `heuristicOnly` or the bound already proves the
    /// solution optimal, the exact search on the presolved model (fixed
    /// sites taken out), from the best solution (see `ExactSearch.bySize`):
    /// for the cardinality form the branch and cut over the sites, whose
    /// root reaches the LP bound (on geographic instances far closer to the
    /// optimum than the Lagrangian's) and fixes sites by its reduced costs;
    /// for the budget form CBC on the compact MIP up to
    /// `largestCompactModel` pairs, the branch and cut above.
    ///
    /// With `heuristicOnly` the bound is the Lagrangian bound (cardinality)
    /// or CBC's root-node bound (budget: LP relaxation plus cuts).
    public func solve(heuristicOnly: Bool = false, timeLimit: Double? = nil) -> SitingResult {
        let clock = ContinuousClock.now
        let heuristic = heuristicSolution()
        SitingTrace.log("heuristic", since: clock)
        let openCount = instance.coverCounts(Array(forced))
        let fixed = (0..<instance.demandCount).reduce(0.0) { $0 + (openCount[$1] > 0 ? instance.weights[$1] : 0) }
        let remaining = (0..<instance.demandCount).filter { openCount[$0] == 0 && instance.weights[$0] > 0 }
        let total = instance.weights.reduce(0, +)
        let costsMatter: Bool
        if case .budget = limit { costsMatter = true } else { costsMatter = false }
        let presolve = Presolve(
            instance: instance, demands: remaining,
            allowed: { !excluded.contains($0) && !forced.contains($0) }, costsMatter: costsMatter)
        SitingTrace.log("presolve (\(presolve.matrix.rowCount) rows, \(presolve.sites.count) sites)", since: clock)

        var selected = heuristic, objective = instance.coveredWeight(by: heuristic)
        var bound = total
        var residual = ResidualModel(presolve: presolve, fixedWeight: fixed)
        // The exact search: the branch and cut for the cardinality form,
        // whose own LP bound fixes sites sooner and better than the
        // Lagrangian's; for the budget form CBC on the compact model when small.
        let presolvedPairs = presolve.matrix.entryCount
        let small = presolvedPairs <= Self.largestCompactModel
        // `costsMatter`: the budget form.
        let compact = exactSearch == .compact || exactSearch == .bySize && costsMatter && small
        if case .sites(let p) = limit, presolve.matrix.rowCount > 0, heuristicOnly || small || compact {
            let relaxation = LagrangianMaximalCovering(matrix: presolve.matrix, weights: presolve.rowWeights, p: p - forced.count)
            // Half the time limit at most, so the exact search gets the rest.
            let searchDeadline = timeLimit.map { clock + .seconds($0 / 2) }
            let outcome = lagrangianSearch(
                relaxation, presolve: presolve, fixed: fixed, selected: &selected, objective: &objective,
                deadline: searchDeadline, since: clock)
            bound = min(bound, fixed + outcome.upperBound)
            SitingTrace.log(
                "lagrangian (\(outcome.iterations) steps, bound \(bound), value \(objective), "
                    + "\(outcome.open.count) fixed open, \(outcome.closed.count) fixed closed)", since: clock)
            // Fixings hold for every solution better than the incumbent of
            // the relaxation (never better than `objective`).
            residual = ResidualModel(presolve: presolve, open: outcome.open, closed: outcome.closed, fixedWeight: fixed)
        }
        if proves(bound, objective) || presolve.matrix.rowCount == 0 {
            bound = objective
        } else if heuristicOnly {
            if case .budget = limit {
                // The root node's bound (LP relaxation strengthened by cuts).
                var root = program(residual)
                root.rootOnly = true
                let lp = root.solve(timeLimit: timeLimit)
                if lp.bound.isFinite { bound = min(bound, residual.constant - lp.bound) }
            }
        } else {
            let solved =
                compact
                ? solveCompact(residual, start: selected, timeLimit: timeLimit.map { $0 - (ContinuousClock.now - clock) / .seconds(1) })
                : branchAndCut(residual, start: selected, deadline: timeLimit.map { clock + .seconds($0) })
            if let picked = solved.picked {
                let value = instance.coveredWeight(by: picked)
                if value > objective { (selected, objective) = (picked, value) }
            }
            // Solutions breaking a fixing are worth no more than `objective`.
            bound = min(bound, max(objective, residual.constant + solved.bound))
        }
        let status: SolutionStatus = proves(bound, objective) ? .optimal : .feasible
        if status == .optimal { bound = objective }
        selected = withoutIdleSites(selected)
        SitingTrace.log("solved", since: clock)
        return SiteChoice.result(
            model: modelName, instance: instance, selected: selected.sorted(), status: status,
            objective: objective, bound: max(bound, objective), since: clock)
    }

    /// The Lagrangian relaxation of the presolved model, then swap searches
    /// from its best relaxed solutions (after Galvão & ReVelle's Lagrangian
    /// heuristic). When they find a better solution than `objective`, the
    /// relaxation runs again against it, for more fixings; the first run's
    /// bound and fixings stay valid, as they hold against its incumbent,
    /// which is worth less. Updates `selected` and `objective` (weight
    /// `fixed` covered by forced sites included).
    func lagrangianSearch(
        _ relaxation: LagrangianMaximalCovering, presolve: Presolve, fixed: Double,
        selected: inout [Int], objective: inout Double, deadline: ContinuousClock.Instant?,
        since clock: ContinuousClock.Instant
    )
        -> LagrangianMaximalCovering.Outcome
    {
        func offer(_ columns: [Int]) -> Bool {
            let candidate = (Array(forced) + columns.map { presolve.sites[$0] }).sorted()
            let value = instance.coveredWeight(by: candidate)
            guard value > objective else { return false }
            (selected, objective) = (candidate, value)
            return true
        }
        var outcome = relaxation.run(incumbent: objective - fixed, deadline: deadline)
        let swaps = SwapLocalSearch(matrix: relaxation.matrix, weights: relaxation.weights, fixed: []) { _ in true }
        var improved = false
        for start in outcome.relaxedSolutions {
            if SolveCancellation.stops(at: deadline) { break }
            if offer(swaps.improve(start, deadline: deadline)) { improved = true }
        }
        SitingTrace.log(
            "lagrangian (\(outcome.iterations) steps, bound \(fixed + outcome.upperBound)), swaps from "
                + "\(outcome.relaxedSolutions.count) relaxed solutions: value \(objective)", since: clock)
        guard improved else { return outcome }
        let first = outcome
        outcome = relaxation.run(incumbent: objective - fixed, deadline: deadline)
        outcome.upperBound = min(outcome.upperBound, first.upperBound)
        outcome.open.formUnion(first.open)
        outcome.closed.formUnion(first.closed)
        if let sites = outcome.sites { _ = offer(sites) }
        return outcome
    }

    /// The most row–site pairs a presolved model may hold for the
    /// Lagrangian search before the exact search, and for a budget model to
    /// go to CBC as the compact model (a y per row); larger budget models go
    /// to the branch and cut over the sites alone
    /// (`MaximalCoveringBranchAndCut`). CBC's root LP is not interruptible
    /// by the time limit (CBC checks the clock between nodes) and grows
    /// faster than linearly with the pairs, while every LP of the branch and
    /// cut is small and its time limit holds.
    public static let largestCompactModel = 1_000_000

    /// `sites` without the free sites that cover no weight alone (highest
    /// index dropped first): the covered weight stays the same, and a
    /// planner is not shown bases that add nothing.
    func withoutIdleSites(_ sites: [Int]) -> [Int] {
        var counts = instance.coverCounts(sites)
        var kept = sites
        for j in sites.sorted(by: >) where !forced.contains(j) {
            let alone = instance.demands(coveredBy: j).contains { counts[Int($0)] == 1 && instance.weights[Int($0)] > 0 }
            guard !alone else { continue }
            for i in instance.demands(coveredBy: j) { counts[Int(i)] -= 1 }
            kept.removeAll { $0 == j }
        }
        return kept
    }

    /// True when `bound` meets `objective` within `OptimalityTolerance`.
    func proves(_ bound: Double, _ objective: Double) -> Bool {
        OptimalityTolerance.closes(bound - objective, at: objective)
    }

    /// Forced sites, then lazy greedy up to the limit; for the cardinality
    /// form, then best-improvement swaps.
    func heuristicSolution() -> [Int] {
        let greedy = LazyGreedy(instance: instance)
        switch limit {
        case .sites(let p):
            let start = greedy.run(forced: Array(forced), excluded: excluded) { $0.count >= p }
            return SwapLocalSearch(matrix: instance.matrix, weights: instance.weights, fixed: forced) { !excluded.contains($0) }
                .improve(start).sorted()
        case .budget(let budget):
            // Greedy by covered weight per unit cost, skipping what no longer fits.
            let run = greedy.run(
                forced: Array(forced), excluded: excluded,
                affordable: { site, chosen in
                    chosen.reduce(0) { $0 + instance.siteCosts[$1] } + instance.siteCosts[site] <= budget + 1e-9
                }
            ) { _ in false }
            return run.sorted()
        }
    }
}
