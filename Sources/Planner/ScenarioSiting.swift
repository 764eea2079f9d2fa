import Foundation
import Coverage
import GeoCore
import Siting

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

    /// Solves `model` (`keep`: candidate indices that stay open). Bound to
    /// a cancelled `SolveCancellation`, the solver stops early and this
    /// throws `CancellationError`.
    public func solve(_ model: SolveRequest.Model, p: Int?, budget: Double?, keep: Set<Int>, timeLimit: Double?,
                      heuristicOnly: Bool = false, minCoveragePercent: Double? = nil) throws -> PlanRun.SitingPlan {
        let instance = coverage.instance
        let result: SitingResult
        do {
            switch model {
            case .lscp:
                guard p == nil, budget == nil else { throw InputError("lscp takes neither -p nor --budget: it finds the fewest (cheapest) bases covering everything") }
                result = try SetCovering(instance: instance, forced: keep).solve(heuristicOnly: heuristicOnly, timeLimit: timeLimit)
            case .mclp:
                let limit = try SolveRequest.mclpLimit(p: p, budget: budget)
                result = try MaximalCovering(instance: instance, limit: limit, forced: keep).solve(heuristicOnly: heuristicOnly, timeLimit: timeLimit)
            case .mexclp, .malp, .maxmin:
                throw InputError("\(model.rawValue) works with aircover solve only, so far (it needs \(model == .maxmin ? "--groups" : "--busy"), which site does not take)")
            case .backup, .pcenter, .pmedian:
                guard let p, budget == nil else { throw InputError("\(model.rawValue) needs -p N (and no --budget)") }
                guard keep.isEmpty else { throw InputError("--keep works with lscp and mclp only, so far") }
                guard !heuristicOnly else { throw InputError("--heuristic works with lscp and mclp only, so far") }
                switch model {
                case .backup: result = try BackupCovering(instance: instance, p: p).solve(timeLimit: timeLimit)
                case .pcenter: result = try PCenter(instance: try coverage.timedInstance(study: study), p: p).solve(timeLimit: timeLimit)
                default:
                    let requirement = minCoveragePercent.map { PMedian.CoverageRequirement(standard: minutes, share: $0 / 100) }
                    result = try PMedian(instance: try coverage.timedInstance(study: study), p: p, requirement: requirement).solve(timeLimit: timeLimit)
                }
            }
        } catch let error as SitingInputError {
            throw InputError(error.message)
        }
        // A cancelled solve (`SolveCancellation`) is not wanted: its sites' exact coverage is not computed.
        if SolveCancellation.current?.isCancelled == true { throw CancellationError() }
        return try plan(result, p: p)
    }

    /// MCLP for p = 1 … k (never fewer than the kept bases).
    public func curve(upTo k: Int, keep: Set<Int>, timeLimitPerPoint: Double?) throws -> [PlanRun.SitingPlan] {
        guard k >= max(1, keep.count) else { throw InputError("--max-p must be at least \(max(1, keep.count)) (the bases kept open)") }
        guard k <= study.candidates.count else { throw InputError("--max-p \(k) is more than the \(study.candidates.count) candidate sites") }
        return try (max(1, keep.count)...k).map { p in
            try plan(try MaximalCovering(instance: coverage.instance, limit: .sites(p), forced: keep).solve(timeLimit: timeLimitPerPoint), p: p)
        }
    }

    func plan(_ result: SitingResult, p: Int?) throws -> PlanRun.SitingPlan {
        let chosen = result.selected.map { study.candidates[$0] }
        let exact = try study.exactCoveredPercent(of: chosen, minutes: minutes)
        return PlanRun.SitingPlan(model: result.model, p: p, result: result, sites: chosen.map(\.id), exactCoveredPercent: exact)
    }

    /// The plan as JSON (the summary's siting object with the minutes).
    public static func json(_ plan: PlanRun.SitingPlan, minutes: Double) -> JSONValue {
        guard case .object(let members) = PlanSummary.siting(plan) else { return .null }
        return .object([("minutes", SummaryJSON.number(minutes))] + members)
    }
}
