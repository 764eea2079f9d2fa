import Coverage
import GeoCore
import Support

/// The JSON shapes shared by summary.json, `assess --json` and `check`.
enum SummaryJSON {
    static func number(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }

    /// `{[id,] name, area_km2, covered_km2, covered_pct[, grid_covered_km2]}`
    /// (`id` for zones).
    static func area(_ a: AreaCoverage) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = a.id.map { [("id", .string($0))] } ?? []
        members += [
            ("name", .string(a.name)), ("area_km2", number(a.areaKm2)), ("covered_km2", number(a.coveredKm2)),
            ("covered_pct", number(a.coveredPercent)),
        ]
        if let grid = a.gridCoveredKm2 { members.append(("grid_covered_km2", number(grid))) }
        return .object(members)
    }

    /// `{points, people}`: the population points outside every zone, which
    /// the population figures count (`DemandGrid.populationOutsideZones`).
    static func populationOutside(_ grid: DemandGrid) -> JSONValue {
        .object([("points", .integer(grid.populationOutsideZones.points)), ("people", number(grid.populationOutsideZones.people))])
    }

    /// The members describing what a base set covers at one standard.
    static func coverage(
        _ e: CoverageEvaluation, resilience: Resilience, response: ResponseStatistics?,
        baseIDs: [String]
    ) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [
            ("bases", .array(baseIDs.map { .string($0) })),
            ("total", area(e.total)),
            ("zones", .array(e.zones.map(area))),
            ("hazards", .array(e.hazards.map(area))),
            ("regions", .array(e.regions.map(area))),
        ]
        if e.totalPopulation > 0 {
            members.append(
                (
                    "population",
                    .object([
                        ("covered", number(e.coveredPopulation)), ("total", number(e.totalPopulation)),
                        ("covered_pct", number(100 * e.coveredPopulation / e.totalPopulation)),
                    ])
                ))
        }
        members.append(
            (
                "resilience",
                .object([
                    ("full_pct", number(resilience.fullPercent)),
                    ("most_critical_base", resilience.mostCritical.map { .string(baseIDs[$0.base]) } ?? .null),
                    (
                        "outages",
                        .array(
                            resilience.outages.map { o in
                                .object([("base", .string(baseIDs[o.base])), ("covered_pct", number(o.coveredPercent)), ("loss_pct", number(o.lossPoints))])
                            })
                    ),
                ])
            ))
        if let r = response {
            members.append(
                (
                    "response_minutes",
                    .object([
                        ("mean", number(r.meanMinutes)), ("median", number(r.medianMinutes)), ("p90", number(r.p90Minutes)), ("max", number(r.maxMinutes)),
                    ])
                ))
        }
        return members
    }
}
