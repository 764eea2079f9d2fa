import GeoCore
import Siting
import Support

/// The one JSON encoder of a `SitingResult`. It writes two layouts, whose
/// keys stay as their readers (tests, `aircover check`, scripts) know them:
///
/// - `.solve(instance)`, `aircover solve --json`: model, status, objective,
///   bound, gap, selected (site ids, sorted), covered_weight, total_weight,
///   covered_demand_count, uncovered_demand (demand ids), seconds; then
///   `aircraft` (site id → aircraft, ids sorted) for the models placing
///   aircraft and `min_group_share` (0…1) for maxmin. Whole numbers below
///   10¹⁵ are written as integers.
/// - `.plan(plan)`, the siting object of summary.json (also `site --json`
///   and the server's solve results): model, p, status, objective, bound,
///   gap, sites (the plan's ids, in its order), grid_covered_weight,
///   grid_total_weight, grid_covered_pct, exact_covered_pct; every number
///   a double at full precision (`SummaryJSON.number`), so the summary's
///   bytes stay those `check` compares; then `aircraft` (site id →
///   aircraft, in the plan's order) for the models placing aircraft, and
///   `min_group_share` (0…1) with `least_group` (its region) for maxmin
///   over a scenario's regions.
///
/// Both write a non-finite figure as null.
public enum SitingResultJSON {
    public enum Layout {
        case solve(CoverInstance)
        case plan(PlanRun.SitingPlan)
    }

    public static func object(_ result: SitingResult, _ layout: Layout) -> JSONValue {
        let number: (Double) -> JSONValue
        switch layout {
        case .solve: number = wholeAsInteger
        case .plan: number = SummaryJSON.number
        }
        var members: [(key: String, value: JSONValue)] = [("model", .string(result.model))]
        if case .plan(let plan) = layout { members.append(("p", plan.p.map { .integer($0) } ?? .null)) }
        members += [
            ("status", .string(result.status.rawValue)), ("objective", number(result.objective)), ("bound", number(result.bound)),
            ("gap", SummaryJSON.number(result.gap)),
        ]
        switch layout {
        case .solve(let instance):
            members += [
                ("selected", .array(result.selected.map { instance.siteIDs[$0] }.sorted().map { .string($0) })),
                ("covered_weight", number(result.coveredWeight)),
                ("total_weight", number(result.totalWeight)),
                ("covered_demand_count", .integer(result.coveredDemandCount)),
                ("uncovered_demand", .array(result.uncoveredDemands.map { .string(instance.demandIDs[$0]) })),
                ("seconds", .number(result.seconds)),
            ]
            if let counts = result.aircraft {
                let bySite = zip(result.selected, counts).map { (instance.siteIDs[$0], JSONValue.integer($1)) }.sorted { $0.0 < $1.0 }
                members.append(("aircraft", .object(bySite.map { (key: $0.0, value: $0.1) })))
            }
            if let share = result.minGroupShare { members.append(("min_group_share", number(share))) }
        case .plan(let plan):
            members += [
                ("sites", .array(plan.sites.map { .string($0) })),
                ("grid_covered_weight", number(result.coveredWeight)), ("grid_total_weight", number(result.totalWeight)),
                ("grid_covered_pct", number(result.totalWeight > 0 ? 100 * result.coveredWeight / result.totalWeight : 0)),
                ("exact_covered_pct", number(plan.exactCoveredPercent)),
            ]
            if let counts = result.aircraft {
                members.append(("aircraft", .object(zip(plan.sites, counts).map { (key: $0, value: .integer($1)) })))
            }
            if let least = plan.leastGroup {
                members += [("min_group_share", number(least.share)), ("least_group", .string(least.name))]
            }
        }
        return .object(members)
    }

    /// A whole number below 10¹⁵ as an integer, another finite one as a
    /// double, a non-finite one as null.
    static func wholeAsInteger(_ v: Double) -> JSONValue {
        v.isFinite ? NumberText.json(v) : .null
    }
}
