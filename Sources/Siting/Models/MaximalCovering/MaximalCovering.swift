import Foundation

/// The maximal covering location problem (MCLP; Church & ReVelle 1974): at
/// most p sites — or sites within a budget — maximising the covered weight.
///
///     maximise   Σ_i w_i y_i
///     subject to y_i ≤ Σ_{j ∈ N_i} x_j          for every demand i
///                Σ_j x_j ≤ p                   (cardinality)   or   Σ_j c_j x_j ≤ B   (budget)
///                x_j = 1 forced, x_j = 0 excluded, x_j ∈ {0, 1}, 0 ≤ y_i ≤ 1
///
/// y needs no integrality: for integral x the optimum sets y_i = 1 exactly
/// where a site covers i.
public struct MaximalCovering: Sendable {
    public enum Limit: Sendable, Equatable {
        /// At most this many sites, forced ones included.
        case sites(Int)
        /// Total site cost at most this, forced ones included.
        case budget(Double)
    }

    public let instance: CoverInstance
    public let limit: Limit
    public let forced: Set<Int>
    public let excluded: Set<Int>
    /// Which exact search runs after the bounds; tests pin one.
    var exactSearch = ExactSearch.bySize

    enum ExactSearch {
        /// CBC up to `largestCompactModel` pairs, branch and cut above.
        case bySize
        case compact
        case branchAndCut
    }

    public init(instance: CoverInstance, limit: Limit, forced: Set<Int> = [], excluded: Set<Int> = []) throws {
        try SiteChoice.check(instance: instance, forced: forced, excluded: excluded)
        switch limit {
        case .sites(let p):
            let available = instance.siteCount - excluded.count
            guard p >= 1 else { throw SitingInputError("p must be at least 1, got \(p)") }
            guard p <= available else {
                throw SitingInputError("p = \(p) is more than the \(available) candidate sites available; ask for at most \(available)")
            }
            guard forced.count <= p else {
                throw SitingInputError("\(forced.count) sites are kept, more than p = \(p); raise p or keep fewer")
            }
        case .budget(let budget):
            let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
            guard budget.isFinite, budget >= forcedCost else {
                throw SitingInputError("the budget \(budget) is below the \(forcedCost) the kept sites cost; raise it or keep fewer sites")
            }
        }
        self.instance = instance
        self.limit = limit
        self.forced = forced
        self.excluded = excluded
    }

    var modelName: String {
        if case .budget = limit { return "mclp-budget" }
        return "mclp"
    }

    /// Greedy (+ swap search for the cardinality form); for the cardinality
    /// form then a Lagrangian bound with site fixings
    /// (`LagrangianMaximalCovering`) and swap searches from its best relaxed
    /// solutions (when they find a better solution, the relaxation runs
    /// again against it, for more fixings); then, unless `heuristicOnly` or the
    /// bound already proves the solution optimal, the exact search on the
    /// presolved model (fixed sites taken out), from the best solution: CBC
    /// on the compact MIP up to `largestCompactModel` row–site pairs, the
    /// branch and cut over the sites above.
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
        let presolve = Presolve(instance: instance, demands: remaining,
                                allowed: { !excluded.contains($0) && !forced.contains($0) }, costsMatter: costsMatter)
        SitingTrace.log("presolve (\(presolve.rows.count) rows, \(presolve.sites.count) sites)", since: clock)

        var selected = heuristic, objective = instance.coveredWeight(by: heuristic)
        var bound = total
        var residual = ResidualModel(rows: presolve.rows, weights: presolve.rowWeights, columns: presolve.sites,
                                     mustOpen: [], constant: fixed)
        // The exact search: CBC on the compact model when small, else the
        // branch and cut, whose own LP bound fixes sites sooner and better
        // than the Lagrangian's (Liaoning 1 km, p = 8: 799 of 1,511 sites
        // fixed at its root against 681 by the Lagrangian's 781 steps, 12 s).
        let presolvedPairs = presolve.rows.reduce(0) { $0 + $1.count }
        let compact = exactSearch == .compact || exactSearch == .bySize && presolvedPairs <= Self.largestCompactModel
        if case .sites(let p) = limit, !presolve.rows.isEmpty, heuristicOnly || compact {
            // Rows over column indices 0..<sites.count.
            var columnOf = [Int32](repeating: -1, count: instance.siteCount)
            for (c, j) in presolve.sites.enumerated() { columnOf[j] = Int32(c) }
            let relaxation = LagrangianMaximalCovering(rows: presolve.rows.map { $0.map { columnOf[Int($0)] } }, weights: presolve.rowWeights,
                                                       columnCount: presolve.sites.count, p: p - forced.count)
            // Half the time limit at most, so the exact search gets the rest.
            let searchDeadline = timeLimit.map { clock + .seconds($0 / 2) }
            let outcome = lagrangianSearch(relaxation, presolve: presolve, fixed: fixed, selected: &selected, objective: &objective,
                                           deadline: searchDeadline, since: clock)
            bound = min(bound, fixed + outcome.upperBound)
            SitingTrace.log("lagrangian (\(outcome.iterations) steps, bound \(bound), value \(objective), "
                            + "\(outcome.open.count) fixed open, \(outcome.closed.count) fixed closed)", since: clock)
            // Fixings hold for every solution better than the incumbent of
            // the relaxation (never better than `objective`).
            residual = ResidualModel(presolve: presolve, open: outcome.open, closed: outcome.closed, fixedWeight: fixed)
        }
        if proves(bound, objective) || presolve.rows.isEmpty {
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
            let solved = compact
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
        return SiteChoice.result(model: modelName, instance: instance, selected: selected.sorted(), status: status,
                                 objective: objective, bound: max(bound, objective), since: clock)
    }

    /// The Lagrangian relaxation of the presolved model, then swap searches
    /// from its best relaxed solutions (after Galvão & ReVelle's Lagrangian
    /// heuristic). When they find a better solution than `objective`, the
    /// relaxation runs again against it, for more fixings; the first run's
    /// bound and fixings stay valid, as they hold against its incumbent,
    /// which is worth less. Updates `selected` and `objective` (weight
    /// `fixed` covered by forced sites included).
    private func lagrangianSearch(_ relaxation: LagrangianMaximalCovering, presolve: Presolve, fixed: Double,
                                  selected: inout [Int], objective: inout Double, deadline: ContinuousClock.Instant?,
                                  since clock: ContinuousClock.Instant)
        -> LagrangianMaximalCovering.Outcome {
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
        SitingTrace.log("lagrangian (\(outcome.iterations) steps, bound \(fixed + outcome.upperBound)), swaps from "
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

    /// The most row–site pairs a presolved model may hold to go to CBC as
    /// the compact model (a y per row); larger ones go to the branch and cut
    /// over the sites alone (`MaximalCoveringBranchAndCut`). CBC's root LP
    /// is not interruptible by the time limit (CBC checks the clock between
    /// nodes) and takes about 6 s for Liaoning's 0.6 million pairs (5 km,
    /// 30 min) on one core, growing faster than linearly, while every LP of
    /// the branch and cut is small and its time limit holds. Below this size
    /// CBC's search (strong branching, pseudo-costs) proves optima the branch
    /// and cut does not reach in the same time (Liaoning 5 km, p = 12).
    public static let largestCompactModel = 1_000_000

    /// `sites` without the free sites that cover no weight alone (highest
    /// index dropped first): the covered weight stays the same, and a
    /// planner is not shown bases that add nothing.
    private func withoutIdleSites(_ sites: [Int]) -> [Int] {
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

    /// True when `bound` meets `objective` (relative 1e-9).
    private func proves(_ bound: Double, _ objective: Double) -> Bool {
        bound - objective <= 1e-9 * max(1, objective)
    }

    /// The MIP of a residual model: its columns (free sites) and rows, with
    /// its `mustOpen` sites already open.
    private func program(_ model: ResidualModel) -> MixedIntegerProgram {
        let columns = model.columns
        var program = MixedIntegerProgram()
        program.preprocess = false
        for _ in columns { program.addColumn(cost: 0) }
        let column = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, Int32($0)) })
        for (row, weight) in zip(model.rows, model.weights) {
            let y = program.addColumn(cost: -weight, integer: false)
            // y − Σ x ≤ 0
            program.addRow([Int32(y)] + row.map { column[Int($0)]! }, [1] + Array(repeating: -1, count: row.count), upper: 0)
        }
        let siteColumns = (0..<Int32(columns.count)).map { $0 }
        switch limit {
        case .sites(let p):
            program.addRow(siteColumns, Array(repeating: 1, count: siteColumns.count), upper: Double(p - forced.count - model.mustOpen.count))
        case .budget(let budget):
            let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
            program.addRow(siteColumns, columns.map { instance.siteCosts[$0] }, upper: budget - forcedCost)
        }
        return program
    }

    /// CBC on the residual model as the compact MIP. `picked`: the whole
    /// site set of its best solution (forced and fixed-open sites included);
    /// `bound`: a proven upper bound on the residual rows' weight (−∞ when no
    /// solution respects the fixings).
    private func solveCompact(_ model: ResidualModel, start: [Int], timeLimit: Double?) -> (picked: [Int]?, bound: Double) {
        let base = Array(forced) + model.mustOpen
        if case .sites(let p) = limit, p - forced.count - model.mustOpen.count < 0 {
            // More fixed-open sites than p: no solution beats the incumbent.
            return (nil, -.infinity)
        }
        guard !model.rows.isEmpty else { return (base, 0) }
        let chosen = Set(start)
        // The incumbent as a start when it respects the fixings.
        var warm: [Double]?
        if model.mustOpen.allSatisfy(chosen.contains), chosen.subtracting(base).isSubset(of: Set(model.columns)) {
            var values = model.columns.map { chosen.contains($0) ? 1.0 : 0.0 }
            // Columns are the sites, then one y per row: y_r = 1 when the start covers row r.
            for row in model.rows { values.append(row.contains { chosen.contains(Int($0)) } ? 1 : 0) }
            warm = values
        }
        let solution = program(model).solve(timeLimit: timeLimit.map { max($0, 1) }, start: warm)
        // Minimisation sense; for a proven optimum the bound is its value.
        let bound = solution.bound.isFinite ? -solution.bound : model.weights.reduce(0, +)
        switch solution.status {
        case .infeasible: return (nil, -.infinity)
        case .noSolutionFound: return (nil, bound)
        case .optimal, .feasible:
            let picked = base + model.columns.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element)
            return (picked.sorted(), bound)
        }
    }

    /// Branch and cut (`MaximalCoveringBranchAndCut`) on the residual model.
    /// `picked`: the whole site set of its best solution (forced and
    /// fixed-open sites included); `bound`: a proven upper bound on the
    /// residual rows' weight (−∞ when no solution respects the fixings).
    private func branchAndCut(_ model: ResidualModel, start: [Int], deadline: ContinuousClock.Instant?) -> (picked: [Int]?, bound: Double) {
        let started = ContinuousClock.now
        let base = Array(forced) + model.mustOpen
        let limit: MaximalCoveringBranchAndCut.Limit
        switch self.limit {
        case .sites(let p):
            let k = p - forced.count - model.mustOpen.count
            // More fixed-open sites than p: no solution beats the incumbent.
            guard k >= 0 else { return (nil, -.infinity) }
            limit = .count(k)
        case .budget(let budget):
            let spent = base.reduce(0) { $0 + instance.siteCosts[$1] }
            guard budget - spent >= -1e-9 * max(1, budget) else { return (nil, -.infinity) }
            limit = .budget(costs: model.columns.map { instance.siteCosts[$0] }, total: max(0, budget - spent))
        }
        guard !model.rows.isEmpty else { return (base, 0) }
        var columnOf = [Int32](repeating: -1, count: instance.siteCount)
        for (c, j) in model.columns.enumerated() { columnOf[j] = Int32(c) }
        let matrix = CoverRows(rows: model.rows, renumbered: columnOf, columnCount: model.columns.count)
        let function = CoveredWeightFunction(matrix: matrix, weights: model.weights, groups: RowGroups(matrix: matrix, weights: model.weights))
        // The incumbent as a start when it respects the fixings.
        let chosen = Set(start)
        let startColumns = model.mustOpen.allSatisfy(chosen.contains) ? chosen.subtracting(base).compactMap { j -> Int? in
            columnOf[j] >= 0 ? Int(columnOf[j]) : nil
        } : []
        let outcome = MaximalCoveringBranchAndCut(function: function, limit: limit).run(start: startColumns.sorted(), deadline: deadline)
        SitingTrace.log("branch and cut (\(function.groups.count) groups, \(outcome.nodes) nodes, \(outcome.cuts) cuts, "
                        + "value \(model.constant + outcome.value), bound \(model.constant + outcome.bound))", since: started)
        let picked = base + outcome.columns.map { model.columns[$0] }
        return (picked.sorted(), outcome.bound)
    }

    /// Forced sites, then lazy greedy up to the limit; for the cardinality
    /// form, then best-improvement swaps.
    func heuristicSolution() -> [Int] {
        let greedy = LazyGreedy(instance: instance)
        switch limit {
        case .sites(let p):
            let start = greedy.run(forced: Array(forced), excluded: excluded) { $0.count >= p }
            return SwapLocalSearch(matrix: instance, weights: instance.weights, fixed: forced) { !excluded.contains($0) }
                .improve(start).sorted()
        case .budget(let budget):
            // Greedy by covered weight per unit cost, skipping what no longer fits.
            let run = greedy.run(forced: Array(forced), excluded: excluded, affordable: { site, chosen in
                chosen.reduce(0) { $0 + instance.siteCosts[$1] } + instance.siteCosts[site] <= budget + 1e-9
            }) { _ in false }
            return run.sorted()
        }
    }
}

/// The model CBC solves once the Lagrangian fixings are applied: the
/// presolved rows over the sites neither fixed open nor closed, without the
/// rows a fixed-open site covers (identical rows merged again).
struct ResidualModel {
    var rows: [[Int32]]
    var weights: [Double]
    /// Sites still free (instance indices, ascending).
    var columns: [Int]
    /// Sites fixed open.
    var mustOpen: [Int]
    /// Weight outside the model: covered by forced or fixed-open sites.
    var constant: Double

    init(rows: [[Int32]], weights: [Double], columns: [Int], mustOpen: [Int], constant: Double) {
        (self.rows, self.weights, self.columns, self.mustOpen, self.constant) = (rows, weights, columns, mustOpen, constant)
    }

    /// `open`, `closed`: fixings as indices into `presolve.sites`;
    /// `fixedWeight`: the weight forced sites cover.
    init(presolve: Presolve, open: Set<Int>, closed: Set<Int>, fixedWeight: Double) {
        mustOpen = open.sorted().map { presolve.sites[$0] }
        columns = presolve.sites.enumerated().filter { !open.contains($0.offset) && !closed.contains($0.offset) }.map(\.element)
        let opened = Set(mustOpen.map(Int32.init)), kept = Set(columns.map(Int32.init))
        var left: [Int] = []
        constant = fixedWeight
        for r in presolve.rows.indices {
            if presolve.rows[r].contains(where: opened.contains) { constant += presolve.rowWeights[r] } else { left.append(r) }
        }
        (rows, weights) = Presolve.merged(left.map { presolve.rows[$0].filter(kept.contains) }, left.map { presolve.rowWeights[$0] })
    }
}
