import Foundation
import Coverage
import GeoCore
import Siting
import Support

/// `aircover site` and `aircover curve`: siting models on a study's coverage
/// at one standard, with the exact coverage of every chosen set.
public struct ScenarioSiting: Sendable {
    public let study: Study
    public let coverage: StandardCoverage

    public init(study: Study, minutes: Double) throws {
        self.study = study
        coverage = try StandardCoverage(study: study, minutes: minutes)
    }

    public var minutes: Double { coverage.minutes }

    /// Solves `model` (`keep`: candidate indices that stay open) through
    /// `SitingModel.solve`, the standard as its time threshold, with the
    /// options `aircover solve` takes by the same names, checked and refused
    /// as it refuses them (`SitingOptions.checkRanges`, then the model).
    /// mexclp and malp take their busy share from the scenario's
    /// `[availability]`, at most `perSite` aircraft at one site (default the
    /// scenario's `[siting] per_site`, 1 without it; kept sites hold one of
    /// the P aircraft each), malp its α from `alpha` or else
    /// `[siting] malp_alpha`. maxmin groups the cells by the scenario's
    /// reporting regions (`RegionGroups`); with `minGroupCoveragePercent` X
    /// it maximises the total with every region at X % at least (the
    /// constraint form; infeasible, with no sites, when no p sites give
    /// that). Bound to a cancelled `SolveCancellation`, the solver stops
    /// early and this throws `CancellationError`.
    public func solve(
        _ model: SitingModel, p: Int?, budget: Double?, keep: Set<Int>, timeLimit: Double?,
        heuristicOnly: Bool = false, minCoveragePercent: Double? = nil, alpha: Double? = nil,
        perSite: Int? = nil, minGroupCoveragePercent: Double? = nil
    ) throws -> PlanRun.SitingPlan {
        var asked = SitingOptions()
        (asked.perSite, asked.minGroupCoveragePercent) = (perSite, minGroupCoveragePercent)
        try asked.checkRanges()
        if alpha != nil && model != .malp { throw InputError("--alpha works with malp only") }
        var options = SitingOptions()
        options.perSite = perSite
        options.minGroupCoveragePercent = minGroupCoveragePercent
        if model == .mexclp || model == .malp {
            // The busy share of the scenario's [availability] table, given or estimated at this standard.
            guard let availability = study.scenario.availability else {
                throw InputError("\(model.rawValue) on a scenario needs its [availability] table (busy, or missions_per_year with turnaround_min)")
            }
            options.busy = try ExpectedCoverage.evaluate(study: study, minutes: minutes, options: availability).busy
            options.perSite = perSite ?? study.scenario.siting.mexclpPerSite
            if model == .malp {
                guard let reliability = alpha ?? study.scenario.siting.malpAlpha else {
                    throw InputError("malp needs --alpha α (0 < α < 1), the reliability a demand must be served with, or [siting] malp_alpha in the scenario")
                }
                options.alpha = reliability
            }
        }
        var regions: RegionGroups?
        if model == .maxmin {
            if !keep.isEmpty { throw InputError("maxmin does not keep sites open: leave out --keep") }
            let groups = try RegionGroups(study: study, coverage: coverage, key: "maxmin on a scenario")
            options.demandGroups = (groups.names, groups.groupOfDemand)
            regions = groups
        }
        options.p = p
        options.budget = budget
        options.keep = keep
        options.timeLimit = timeLimit
        options.heuristicOnly = heuristicOnly
        options.threshold = minutes
        options.minCoveragePercent = minCoveragePercent
        let result: SitingResult
        do {
            result = try model.solve(
                on: regions?.instance ?? coverage.instance, timed: { try coverage.timedInstance(study: study) }, options: options)
        } catch let error as SitingInputError {
            throw InputError(error.message)
        }
        // A cancelled solve (`SolveCancellation`) is not wanted: its sites' exact coverage is not computed.
        if SolveCancellation.current?.isCancelled == true { throw CancellationError() }
        var found = try plan(result, p: p)
        if let regions, result.status != .infeasible { found.leastGroup = regions.least(result.selected) }
        return found
    }

    /// `solve`, then up to `limit` other optimal sets of an LSCP or MCLP
    /// (`AlternativeOptima`), the existing bases preferred among them: the
    /// plan is the set the tie-breaking reports first.
    public func solve(
        _ model: SitingModel, p: Int?, budget: Double?, keep: Set<Int>, timeLimit: Double?,
        alternatives limit: Int
    ) throws -> (plan: PlanRun.SitingPlan, optima: AlternativeOptima) {
        guard model == .lscp || model == .mclp else { throw InputError("--alternatives works with lscp and mclp only, so far") }
        guard (1...100).contains(limit) else { throw InputError("--alternatives is \(limit); it must be from 1 to 100 other sets") }
        let first = try solve(model, p: p, budget: budget, keep: keep, timeLimit: timeLimit)
        var options = SitingOptions()
        options.p = p
        options.budget = budget
        options.keep = keep
        options.timeLimit = timeLimit
        let optima = try AlternativeOptima.search(
            model, on: coverage.instance, options: options, first: first.result, limit: limit,
            preferred: study.existingIndices)
        return (optima.best == first.result ? first : try plan(optima.best, p: p), optima)
    }

    /// MCLP for p = 1 … k (never fewer than the kept bases). Bound to a
    /// cancelled `SolveCancellation`, it stops before the next point and
    /// throws `CancellationError`.
    public func curve(upTo k: Int, keep: Set<Int>, timeLimitPerPoint: Double?) throws -> [PlanRun.SitingPlan] {
        guard k >= max(1, keep.count) else { throw InputError("--max-p must be at least \(max(1, keep.count)) (the bases kept open)") }
        guard k <= study.candidates.count else { throw InputError("--max-p \(k) is more than the \(study.candidates.count) candidate sites") }
        return try (max(1, keep.count)...k).map { p in
            // Cancelled (`SolveCancellation`): no further point, nor its exact coverage.
            if SolveCancellation.current?.isCancelled == true { throw CancellationError() }
            var options = SitingOptions()
            options.p = p
            options.keep = keep
            options.timeLimit = timeLimitPerPoint
            return try plan(try SitingModel.mclp.solve(on: coverage.instance, options: options), p: p)
        }
    }

    func plan(_ result: SitingResult, p: Int?) throws -> PlanRun.SitingPlan {
        try PlanRun.SitingPlan(result, p: p, study: study, minutes: minutes)
    }

    /// The plan as JSON: the minutes, then the summary's siting object
    /// (`SitingResultJSON`, layout `.plan`).
    public static func json(_ plan: PlanRun.SitingPlan, minutes: Double) -> JSONValue {
        guard case .object(let members) = SitingResultJSON.object(plan.result, .plan(plan)) else { return .null }
        return .object([("minutes", SummaryJSON.number(minutes))] + members)
    }
}
