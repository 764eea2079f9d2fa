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

    /// Greedy (+ swap search for the cardinality form), then unless
    /// `heuristicOnly` CBC on the presolved model, warm-started from it.
    /// With `heuristicOnly`, the bound is CBC's root-node bound (LP relaxation plus cuts).
    public func solve(heuristicOnly: Bool = false, timeLimit: Double? = nil) -> SitingResult {
        let clock = ContinuousClock.now
        let heuristic = heuristicSolution()
        SitingTrace.log("heuristic", since: clock)
        let openCount = instance.coverCounts(Array(forced))
        let fixed = (0..<instance.demandCount).reduce(0.0) { $0 + (openCount[$1] > 0 ? instance.weights[$1] : 0) }
        let remaining = (0..<instance.demandCount).filter { openCount[$0] == 0 && instance.weights[$0] > 0 }
        let costsMatter: Bool
        if case .budget = limit { costsMatter = true } else { costsMatter = false }
        let presolve = Presolve(instance: instance, demands: remaining,
                                allowed: { !excluded.contains($0) && !forced.contains($0) }, costsMatter: costsMatter)

        SitingTrace.log("presolve (\(presolve.rows.count) rows, \(presolve.sites.count) sites)", since: clock)
        var program = MixedIntegerProgram()
        program.preprocess = false
        for _ in presolve.sites { program.addColumn(cost: 0) }
        let column = Dictionary(uniqueKeysWithValues: presolve.sites.enumerated().map { ($1, Int32($0)) })
        for (row, weight) in zip(presolve.rows, presolve.rowWeights) {
            let y = program.addColumn(cost: -weight, integer: false)
            // y − Σ x ≤ 0
            program.addRow([Int32(y)] + row.map { column[Int($0)]! }, [1] + Array(repeating: -1, count: row.count), upper: 0)
        }
        let siteColumns = (0..<Int32(presolve.sites.count)).map { $0 }
        switch limit {
        case .sites(let p):
            program.addRow(siteColumns, Array(repeating: 1, count: siteColumns.count), upper: Double(p - forced.count))
        case .budget(let budget):
            let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
            program.addRow(siteColumns, presolve.sites.map { instance.siteCosts[$0] }, upper: budget - forcedCost)
        }
        let heuristicValue = instance.coveredWeight(by: heuristic)
        var selected = heuristic, objective = heuristicValue, bound: Double, status: SolutionStatus
        if presolve.rows.isEmpty {
            (bound, status) = (heuristicValue, .optimal)
        } else if heuristicOnly {
            // The root node's bound (LP relaxation strengthened by cuts).
            var root = program
            root.rootOnly = true
            let lp = root.solve(timeLimit: timeLimit)
            bound = lp.bound.isFinite ? min(fixed - lp.bound, instance.weights.reduce(0, +)) : instance.weights.reduce(0, +)
            status = bound - heuristicValue <= 1e-9 * max(1, heuristicValue) ? .optimal : .feasible
        } else {
            let chosen = Set(heuristic)
            var start = presolve.sites.map { chosen.contains($0) ? 1.0 : 0.0 }
            // Columns are the sites, then one y per row: y_r = 1 when the heuristic covers row r.
            for row in presolve.rows { start.append(row.contains { chosen.contains(Int($0)) } ? 1 : 0) }
            let solution = program.solve(timeLimit: timeLimit, start: start)
            bound = solution.bound.isFinite ? fixed - solution.bound : instance.weights.reduce(0, +)
            if solution.status == .optimal || solution.status == .feasible {
                let picked = presolve.sites.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element)
                let value = instance.coveredWeight(by: Array(forced) + picked)
                if value >= heuristicValue - 1e-9 { selected = (Array(forced) + picked).sorted(); objective = value }
            }
            status = solution.status == .optimal ? .optimal : .feasible
            // A bound that meets the objective proves it too.
            if bound - objective <= 1e-9 * max(1, objective) { status = .optimal }
            if status == .optimal { bound = objective }
        }
        SitingTrace.log("solved", since: clock)
        return SiteChoice.result(model: modelName, instance: instance, selected: selected.sorted(), status: status,
                                 objective: objective, bound: max(bound, objective), since: clock)
    }

    /// Forced sites, then lazy greedy up to the limit; for the cardinality
    /// form, then best-improvement swaps.
    func heuristicSolution() -> [Int] {
        let greedy = LazyGreedy(instance: instance)
        switch limit {
        case .sites(let p):
            let start = greedy.run(forced: Array(forced), excluded: excluded) { $0.count >= p }
            return SwapLocalSearch(instance: instance, fixed: forced, excluded: excluded).improve(start).sorted()
        case .budget(let budget):
            // Greedy by covered weight per unit cost, skipping what no longer fits.
            let run = greedy.run(forced: Array(forced), excluded: excluded, affordable: { site, chosen in
                chosen.reduce(0) { $0 + instance.siteCosts[$1] } + instance.siteCosts[site] <= budget + 1e-9
            }) { _ in false }
            return run.sorted()
        }
    }
}
