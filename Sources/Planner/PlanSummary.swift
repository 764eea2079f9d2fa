import Coverage
import GeoCore
import Isochrones
import Siting

/// summary.json: every figure of a plan at full precision, keys in a fixed
/// order, with a schema version — what `aircover check` will compare.
/// Nothing in it depends on timing or thread count, so the same inputs give
/// the same bytes.
public enum PlanSummary {
    public static let schemaVersion = 1

    public static func json(_ run: PlanRun, versions: ToolVersions) -> JSONValue {
        func n(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }
        func area(_ a: AreaCoverage) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = [
                ("name", .string(a.name)), ("area_km2", n(a.areaKm2)), ("covered_km2", n(a.coveredKm2)),
                ("covered_pct", n(a.coveredPercent)),
            ]
            if let grid = a.gridCoveredKm2 { members.append(("grid_covered_km2", n(grid))) }
            return .object(members)
        }
        func siting(_ plan: PlanRun.SitingPlan) -> JSONValue {
            .object([
                ("model", .string(plan.model)), ("p", plan.p.map { .integer($0) } ?? .null), ("status", .string(plan.result.status.rawValue)),
                ("objective", n(plan.result.objective)), ("bound", n(plan.result.bound)), ("gap", n(plan.result.gap)),
                ("sites", .array(plan.sites.map { .string($0) })),
                ("grid_covered_weight", n(plan.result.coveredWeight)), ("grid_total_weight", n(plan.result.totalWeight)),
                ("exact_covered_pct", n(plan.exactCoveredPercent)),
            ])
        }
        let a = run.scenario.aircraft
        let standards: [JSONValue] = run.standards.map { s in
            var existing: [(key: String, value: JSONValue)] = [
                ("bases", .array(run.existing.map { .string($0.id) })),
                ("total", area(s.existing.total)),
                ("zones", .array(s.existing.zones.map(area))),
                ("hazards", .array(s.existing.hazards.map(area))),
                ("cells_served", .integer(s.cellsServed)),
                ("resilience", .object([
                    ("full_pct", n(s.resilience.fullPercent)),
                    ("most_critical_base", s.resilience.mostCritical.map { .string(run.existing[$0.base].id) } ?? .null),
                    ("outages", .array(s.resilience.outages.map { o in
                        .object([("base", .string(run.existing[o.base].id)), ("covered_pct", n(o.coveredPercent)), ("loss_points", n(o.lossPoints))])
                    })),
                ])),
            ]
            if let r = s.response {
                existing.append(("response_minutes", .object([
                    ("mean", n(r.meanMinutes)), ("median", n(r.medianMinutes)), ("p90", n(r.p90Minutes)), ("max", n(r.maxMinutes)),
                ])))
            }
            return .object([
                ("minutes", n(s.minutes)),
                ("existing", .object(existing)),
                ("demand_groups", .integer(s.groups)),
                ("lscp", s.lscp.map(siting) ?? .null),
                ("mclp", .array(s.mclp.map(siting))),
            ])
        }
        return .object([
            ("schema", .integer(schemaVersion)),
            ("scenario", .string(run.scenario.name)),
            ("aircraft", AircraftListing.jsonValue(a)),
            ("night", .bool(run.scenario.night)),
            ("grid", .object([
                ("cell_km", n(run.scenario.cellKm)), ("cells", .integer(run.grid.cells.count)),
                ("projection", .string(run.grid.projection.proj)), ("weighting", .string(run.grid.weighting.description)),
            ])),
            ("candidates", .integer(run.candidates.count)),
            ("standards", .array(standards)),
            ("versions", .object([("aircover", .string(versions.aircover)), ("proj", .string(versions.proj)),
                                  ("geos", .string(versions.geos)), ("gdal", .string(versions.gdal)), ("cbc", .string(versions.cbc))])),
        ])
    }
}
