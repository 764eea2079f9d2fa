import GeoCore
import Planner

/// A finished solve as `/api/solve/{id}` reports it: the object
/// `aircover site --json` prints for the plan (`ScenarioSiting.json`:
/// minutes, model, p, status, objective, bound, gap, sites, grid and exact
/// coverage), followed by `bases`, the chosen sites `{id, name, lon, lat,
/// existing}` in the order of `sites`.
enum SolveResultJSON {
    static func json(_ plan: PlanRun.SitingPlan, minutes: Double, study: Study) -> JSONValue {
        guard case .object(let members) = ScenarioSiting.json(plan, minutes: minutes) else { return .null }
        let existing = Set(study.existing.map(\.id))
        let byID = Dictionary(study.candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let bases: [JSONValue] = plan.sites.compactMap { id in
            byID[id].map { site in
                .object([("id", .string(site.id)), ("name", .string(site.name)), ("lon", .number(site.position.lon)),
                         ("lat", .number(site.position.lat)), ("existing", .bool(existing.contains(site.id)))])
            }
        }
        return .object(members + [("bases", .array(bases))])
    }
}
