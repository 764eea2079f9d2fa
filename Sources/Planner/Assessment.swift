import Foundation
import Coverage
import GeoCore
import Siting
import Isochrones
import Support

/// What a given base set (an existing network) covers at each standard of a
/// study: exact coverage per zone, hazard type and region, covered
/// population, response times over served demand, and N−1 resilience.
public struct Assessment: Sendable {
    public struct Standard: Sendable {
        public let minutes: Double
        public let evaluation: CoverageEvaluation
        public let resilience: Resilience
        public let response: ResponseStatistics?
        public let served: Geometry
        /// Grid cells the bases serve (by the coverage matrix).
        public let cellsServed: Int
    }

    public let study: Study
    public let bases: [Site]
    public let standards: [Standard]

    /// Assesses `bases` (default: the scenario's existing bases) at the
    /// scenario's standards, or only at `standards` (each must be one of the
    /// scenario's; another is refused naming those it has). `coverage`:
    /// where the bases' reaches, matrix rows and N−1 pieces come from
    /// (default: computed from `study`; `aircover serve` keeps them per base).
    public static func run(
        _ study: Study, bases: [Site]? = nil, standards chosen: [Double]? = nil,
        progress: Progress = .silent, coverage: (any BaseCoverageSource)? = nil
    ) throws -> Assessment {
        let bases = bases ?? study.existing
        guard !bases.isEmpty else {
            throw InputError("no bases to assess: give some with --bases (ids or LON,LAT), or existing bases in the scenario's [bases] existing")
        }
        let all = study.scenario.minutes
        for minutes in chosen ?? [] where !all.contains(minutes) {
            throw InputError(
                "the scenario has no \(NumberText.readable(minutes)) min standard; it has \(all.map { NumberText.readable($0) }.joined(separator: ", ")) min")
        }
        let selected = chosen.map { chosen in all.filter { chosen.contains($0) } } ?? all
        progress.expect(stages: selected.count)
        var standards: [Standard] = []
        for minutes in selected {
            progress.stage("\(NumberText.readable(minutes)) min: isochrones, exact coverage, N−1 over \(bases.count) base(s)")
            let standard = try progress.tracking { try assess(study, bases: bases, minutes: minutes, coverage: coverage ?? study) }
            standards.append(standard)
        }
        progress.finish()
        return Assessment(study: study, bases: bases, standards: standards)
    }

    /// The figures of `bases` at one standard.
    private static func assess(_ study: Study, bases: [Site], minutes: Double, coverage: any BaseCoverageSource) throws -> Standard {
        let parts = try coverage.baseCoverage(of: bases, minutes: minutes)
        let reaches = parts.map(\.reach)
        // The grid estimate and response times from the bases' own coverage matrix.
        let matrix = CoverageMatrix(cellCount: study.grid.cells.count, standardMinutes: minutes, siteRows: parts.map(\.row))
        var flags = [Bool](repeating: false, count: study.grid.cells.count)
        var samples: [(minutes: Double, weight: Double)] = []
        let all = Set(bases.indices)
        for c in flags.indices {
            if let best = matrix.bestMinutes(to: c, from: all) {
                flags[c] = true
                samples.append((Double(best), study.grid.cells[c].weight))
            }
        }
        let served = try Geometry.union(of: reaches)
        let evaluation = try study.evaluate(served: served, servedCells: flags)
        return Standard(
            minutes: minutes, evaluation: evaluation,
            resilience: try Resilience.evaluate(pieces: parts.map(\.piece), full: evaluation.total),
            response: ResponseStatistics(samples), served: served,
            cellsServed: flags.filter { $0 }.count)
    }

    /// The assessment as JSON: per standard the totals, zones, hazards,
    /// regions, population, response times and resilience.
    public func json() -> JSONValue {
        .object([
            ("aircraft", .string(study.scenario.aircraft.name)),
            ("night", .bool(study.scenario.night)),
            ("isochrone_tolerance_m", SummaryJSON.number(study.scenario.isochroneToleranceMetres)),
            ("population_outside_zones", SummaryJSON.populationOutside(study.grid)),
            (
                "bases",
                .array(
                    bases.map { site in
                        .object([
                            ("id", .string(site.id)), ("name", .string(site.name)), ("lon", .number(site.position.lon)), ("lat", .number(site.position.lat)),
                        ])
                    })
            ),
            (
                "standards",
                .array(
                    standards.map { s in
                        .object(
                            [("minutes", SummaryJSON.number(s.minutes))]
                                + SummaryJSON.coverage(s.evaluation, resilience: s.resilience, response: s.response, baseIDs: bases.map(\.id)))
                    })
            ),
        ])
    }
}

extension Assessment {
    /// `assess --zones … --json`: one standard, zones listed with `id`.
    public func directJSON() -> JSONValue {
        guard let s = standards.first else { return .null }
        let n = SummaryJSON.number
        func zone(_ a: AreaCoverage) -> JSONValue {
            .object([
                ("id", .string(a.id ?? a.name)), ("name", .string(a.name)), ("area_km2", n(a.areaKm2)), ("covered_km2", n(a.coveredKm2)),
                ("covered_pct", n(a.coveredPercent)),
            ])
        }
        let members = SummaryJSON.coverage(s.evaluation, resilience: s.resilience, response: s.response, baseIDs: bases.map(\.id))
            .filter { $0.key != "zones" && $0.key != "bases" && $0.key != "regions" }
        return .object(
            [
                ("aircraft", .string(study.scenario.aircraft.name)), ("night", .bool(study.scenario.night)), ("minutes", n(s.minutes)),
                ("isochrone_tolerance_m", n(study.scenario.isochroneToleranceMetres)),
                ("bases", .array(bases.map { .object([("id", .string($0.id)), ("lon", .number($0.position.lon)), ("lat", .number($0.position.lat))]) })),
                ("zones", .array(s.evaluation.zones.map(zone))),
            ] + members)
    }

    /// The assessment for a person at a terminal.
    public func text() -> String {
        var lines = ["\(study.scenario.name): \(bases.count) base(s), aircraft \(study.scenario.aircraft.name)"]
        for s in standards {
            let e = s.evaluation
            lines.append(
                String(
                    format: "%@ min: %.2f%% covered (%.2f of %.2f km², exact)", NumberText.readable(s.minutes),
                    e.total.coveredPercent, e.total.coveredKm2, e.total.areaKm2))
            for z in e.zones { lines.append(String(format: "  zone %@: %.2f%% of %.2f km²", z.name, z.coveredPercent, z.areaKm2)) }
            if e.hazards.count > 1 { for h in e.hazards { lines.append(String(format: "  hazard %@: %.2f%%", h.name, h.coveredPercent)) } }
            for r in e.regions where r.areaKm2 > 0 { lines.append(String(format: "  region %@: %.2f%% of %.2f km²", r.name, r.coveredPercent, r.areaKm2)) }
            if e.totalPopulation > 0 {
                lines.append(
                    String(format: "  population: %.0f of %.0f (%.2f%%)", e.coveredPopulation, e.totalPopulation, 100 * e.coveredPopulation / e.totalPopulation)
                )
            }
            if let critical = s.resilience.mostCritical {
                lines.append(
                    String(
                        format: "  N−1: losing %@ costs the most, %.2f points (to %.2f%%)", bases[critical.base].id, critical.lossPoints,
                        critical.coveredPercent))
            }
            if let r = s.response {
                lines.append(
                    String(
                        format: "  response over served demand: mean %.1f, median %.1f, p90 %.1f, max %.1f min",
                        r.meanMinutes, r.medianMinutes, r.p90Minutes, r.maxMinutes))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Scenario {
    /// A scenario made from command-line inputs (`assess --zones …`): the
    /// zones file, an aircraft, one or more standards; bases come separately.
    public static func direct(
        zones: URL, idField: String?, aircraft: Aircraft, minutes: [Double], night: Bool,
        wind: WindVector?, cellKm: Double
    ) throws -> Scenario {
        guard FileManager.default.fileExists(atPath: zones.path) else { throw InputError("\(zones.path): no such file (--zones)") }
        guard cellKm >= 0.1 else { throw InputError("--cell-km must be at least 0.1") }
        return Scenario(
            name: zones.lastPathComponent, source: zones, zones: zones, zoneIDField: idField, zoneNameField: nil,
            hazardField: nil, hazard: "all", riskField: nil, population: nil, populationField: "population",
            weighting: .area, regions: nil, regionField: "name", existingBases: zones, baseFilter: [:], baseIDField: "id",
            candidates: [], candidateFilter: [:], costField: nil, aircraft: aircraft, minutes: minutes, night: night,
            wind: wind, windField: nil, noFly: nil, dem: nil, cellKm: cellKm,
            siting: .init(lscpMinutes: [], mclpMinutes: [], mclpSiteCounts: [], keepExisting: false, timeLimit: 60),
            output: zones.deletingLastPathComponent())
    }
}

/// Which bases a command works on, as typed: "LON,LAT;LON,LAT", a points
/// file, or (with a study) candidate ids "ID,ID" or "existing".
public enum BaseSelection {
    public static func parse(_ text: String, study: Study? = nil, idField: String = "id") throws -> [Site] {
        if let study {
            if text == "existing" { return study.existing }
            let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let indices = try? study.candidateIndices(ids) { return indices.map { study.candidates[$0] } }
        }
        if FileManager.default.fileExists(atPath: text) {
            return try ScenarioLayers.sites(URL(fileURLWithPath: text), idField: idField, filter: [:])
        }
        if text.contains(",") && text.first.map({ $0.isNumber || $0 == "-" }) == true {
            return try InputSyntax.positions(text).enumerated().map { index, p in site(at: p, number: index + 1) }
        }
        throw InputError("--bases \"\(text)\" is neither a file, nor LON,LAT;LON,LAT positions\(study == nil ? "" : ", nor candidate ids of the scenario")")
    }

    /// A base typed as a position: id "B<number>", named by its coordinates.
    public static func site(at position: LonLat, number: Int) -> Site {
        Site(id: "B\(number)", name: String(format: "%.4f,%.4f", position.lon, position.lat), position: position)
    }
}
