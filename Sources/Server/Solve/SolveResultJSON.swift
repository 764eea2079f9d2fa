import GeoCore
import Planner
import Support

/// A finished solve as `/api/solve/{id}` reports it: the object
/// `aircover site --json` prints for the plan (`ScenarioSiting.json`:
/// minutes, model, p, status, objective, bound, gap, sites, grid and exact
/// coverage), followed by `bases`, the chosen sites `{id, name, lon, lat,
/// existing}` in the order of `sites`; a curve's (`curve`) lists its points.
enum SolveResultJSON {
    static func json(_ plan: PlanRun.SitingPlan, minutes: Double, study: Study) -> JSONValue {
        guard case .object(let members) = ScenarioSiting.json(plan, minutes: minutes) else { return .null }
        let existing = Set(study.existing.map(\.id))
        let byID = Dictionary(study.candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let bases: [JSONValue] = plan.sites.compactMap { id in
            byID[id].map { site in
                .object([
                    ("id", .string(site.id)), ("name", .string(site.name)), ("lon", .number(site.position.lon)),
                    ("lat", .number(site.position.lat)), ("existing", .bool(existing.contains(site.id))),
                ])
            }
        }
        return .object(members + [("bases", .array(bases))])
    }

    /// A finished curve: `{model: "curve", minutes, points}`, each point the
    /// object `aircover curve --json` prints for it (without the aircraft,
    /// night and cell size it records: the job's request has them).
    static func curve(_ points: [PlanRun.SitingPlan], minutes: Double) -> JSONValue {
        .object([
            ("model", .string("curve")), ("minutes", .number(minutes)),
            ("points", .array(points.map { ScenarioSiting.json($0, minutes: minutes) })),
        ])
    }
}
