import GeoCore
import Planner

/// The body of `POST /api/export`: the plan as `/api/assess` takes it, and
/// the file wanted: `{"bases": [...], "minutes": M, "night": false,
/// "format": "toml"|"csv"|"geojson"|"gpkg"|"html"}`.
///
/// - `format`: `toml`, the scenario file with the plan as its existing
///   bases (`PlanScenarioExport`), naming `ExportRequest.basesFile` beside
///   it; `csv`, that bases file; `geojson`, `gpkg` and `html`, the
///   plan.geojson, plan.gpkg (GeoPackage, one table per layer: reach, zone,
///   uncovered, base) and report.html `aircover assess --output` writes for the plan.
/// - `bases`, `minutes`, `night`, `aircraft`: as `AssessRequest`; the TOML
///   of a plan flying another catalog type than the scenario's names that
///   type in its `[aircraft]` table (the scenario's figures there go).
struct ExportRequest {
    enum Format: String, CaseIterable { case toml, csv, geojson, gpkg, html }

    let plan: AssessRequest
    let format: Format

    /// The bases CSV's name, which the TOML names (beside it).
    static let basesFile = "plan-bases.csv"

    init(body: [UInt8], study: Study, aircraft: AircraftTypes) throws(APIError) {
        let value = try RequestJSON.object(
            body, shape: #"{"bases": [...], "minutes": M, "night": false, "format": "toml"}"#,
            members: AssessRequest.members + ["format"])
        let formats = ListFormat.and(Format.allCases.map { "\"\($0.rawValue)\"" })
        switch value["format"] {
        case nil, .null?: throw .badRequest("format is missing: give \(formats)")
        case .string(let name)?:
            guard let format = Format(rawValue: name) else { throw .badRequest("unknown format \"\(name)\"; give \(formats)") }
            self.format = format
        case let other?: throw .badRequest("format must be \(formats), not \(other.typeName)")
        }
        plan = try AssessRequest(value, study: study, aircraft: aircraft)
    }
}
