import Foundation
import Coverage
import GeoCore
import Isochrones
import Siting
import Support

/// summary.json: every figure of a plan at full precision, keys in a fixed
/// order, with a schema version — what `aircover check` compares. Nothing
/// in it depends on timing or thread count, so the same inputs give the
/// same bytes.
///
/// Schema 3: per standard, `existing` (bases, total, zones, hazards,
/// regions, population, resilience, response_minutes), `demand_groups`,
/// `range_limits` (the aircraft whose fuel range, not the standard, bounds
/// their reach: aircraft, time_radius_km, range_radius_km, cut_km, cut_pct),
/// `lscp` and `mclp` (model, p, status, objective, bound, gap, sites,
/// grid_covered_weight, grid_total_weight, grid_covered_pct, exact_covered_pct);
/// `isochrone_tolerance_m` (`--tolerance`); `grid.population_outside_zones` (points, people: counted in the
/// population figures though outside every zone); zones carry `id` and `name`.
/// With an `[availability]` table, each standard also holds `expected`
/// (`ExpectedCoverage.json`: busy, busy_source, mission_minutes, aircraft,
/// night_share, flyable, flyable_field and base_flyable_field when given,
/// expected_covered_pct, grid_covered_pct, zones, hazards, regions), and
/// with `[siting] mexclp_p` a `mexclp` array (as `mclp`, with `p` the
/// aircraft, `objective` the expected covered weight and `aircraft` the
/// count per site), and with `malp_p` a `malp` array likewise (the
/// objective the weight reached with probability at least α), and with
/// `maxmin_p` a `maxmin` array (as `mclp`, with `objective` the total covered
/// weight, `min_group_share` the least region's share, 0…1, and
/// `least_group` that region); without them the summary is as before.
public enum PlanSummary {
    public static let schemaVersion = 3

    /// Whether `value` is a summary aircover wrote (it has a schema and standards).
    public static func isSummary(_ value: JSONValue) -> Bool { value["schema"] != nil && value["standards"] != nil }

    /// Whether a file's bytes are a summary aircover wrote, which `check --write-actual` may replace.
    public static func isSummary(_ data: Data) -> Bool { (try? JSONParser.parse([UInt8](data))).map(isSummary) ?? false }

    /// A plan's siting object (`SitingResultJSON`, layout `.plan`).
    static func siting(_ plan: PlanRun.SitingPlan) -> JSONValue { SitingResultJSON.object(plan.result, .plan(plan)) }

    public static func json(_ run: PlanRun, versions: ToolVersions) -> JSONValue {
        let n = SummaryJSON.number
        let standards: [JSONValue] = run.standards.map { s in
            var existing = SummaryJSON.coverage(s.existing, resilience: s.resilience, response: s.response, baseIDs: run.existing.map(\.id))
            existing.insert(("cells_served", .integer(s.cellsServed)), at: 5)
            var members: [(key: String, value: JSONValue)] = [
                ("minutes", n(s.minutes)),
                ("existing", .object(existing)),
                ("demand_groups", .integer(s.groups)),
                (
                    "range_limits",
                    .array(
                        s.rangeLimits.map { limit in
                            .object([
                                ("aircraft", .string(limit.aircraft)), ("time_radius_km", n(limit.timeRadiusKm)),
                                ("range_radius_km", n(limit.rangeRadiusKm)), ("cut_km", n(limit.cutKm)), ("cut_pct", n(limit.cutPercent)),
                            ])
                        })
                ),
                ("lscp", s.lscp.map(siting) ?? .null),
                ("mclp", .array(s.mclp.map(siting))),
            ]
            if let expected = s.expected { members.append(("expected", expected.json)) }
            if !s.mexclp.isEmpty { members.append(("mexclp", .array(s.mexclp.map(siting)))) }
            if !s.malp.isEmpty { members.append(("malp", .array(s.malp.map(siting)))) }
            if !s.maxmin.isEmpty { members.append(("maxmin", .array(s.maxmin.map(siting)))) }
            return .object(members)
        }
        return .object([
            ("schema", .integer(schemaVersion)),
            ("scenario", .string(run.scenario.name)),
            ("aircraft", AircraftListing.jsonValue(run.scenario.aircraft)),
            ("night", .bool(run.scenario.night)),
            ("isochrone_tolerance_m", n(run.scenario.isochroneToleranceMetres)),
            (
                "grid",
                .object([
                    ("cell_km", n(run.scenario.cellKm)), ("cells", .integer(run.grid.cells.count)),
                    ("projection", .string(run.grid.projection.proj)), ("weighting", .string(run.grid.weighting.description)),
                    ("population_outside_zones", SummaryJSON.populationOutside(run.grid)),
                ])
            ),
            ("candidates", .integer(run.candidates.count)),
            ("standards", .array(standards)),
            (
                "versions",
                .object([
                    ("aircover", .string(versions.aircover)), ("proj", .string(versions.proj)),
                    ("geos", .string(versions.geos)), ("gdal", .string(versions.gdal)), ("cbc", .string(versions.cbc)),
                ])
            ),
        ])
    }
}
