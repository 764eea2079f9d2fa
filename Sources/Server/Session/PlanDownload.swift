import Foundation
import GeoCore
import Hummingbird
import Planner
import Support

/// A file of `POST /api/export`, sent as an attachment: its name, media
/// type and bytes, each made by the Planner's own writers
/// (`PlanScenarioExport`, `PlanOutputs.maps`; the GeoPackage is written in
/// GDAL's memory, /vsimem/, never on disk).
struct PlanDownload: Sendable {
    let fileName: String
    let mediaType: String
    let bytes: [UInt8]

    /// The file `format` of the plan `bases` at `minutes` on `study`
    /// (already flown by day or night); `scenario` is the scenario file as
    /// read at start, with its folder (nil when the study did not come from
    /// one); `aircraftChosen`: `study` flies a catalog type chosen instead of
    /// the scenario's own, which the TOML's `[aircraft]` then names.
    static func make(
        _ format: ExportRequest.Format, bases: [Site], minutes: Double, study: Study,
        scenario: (table: ConfigTable, directory: String)?, aircraftChosen: Bool = false
    ) throws -> PlanDownload {
        switch format {
        case .toml:
            guard let scenario else { throw APIError(.conflict, "this study was not read from a scenario file, so there is none to export") }
            let source = aircraftChosen ? naming(study.scenario.aircraft.name, in: scenario.table) : scenario.table
            let text = PlanScenarioExport.toml(
                source: source, directory: scenario.directory, study: study,
                night: study.scenario.night, basesFile: ExportRequest.basesFile)
            return PlanDownload(fileName: "plan.toml", mediaType: "application/toml; charset=utf-8", bytes: Array(text.utf8))
        case .csv:
            return PlanDownload(
                fileName: ExportRequest.basesFile, mediaType: "text/csv; charset=utf-8",
                bytes: Array(PlanScenarioExport.basesCSV(study, bases: bases).utf8))
        case .geojson, .gpkg, .html:
            let assessment = try Assessment.run(study, bases: bases, standards: [minutes])
            let files = try PlanOutputs.maps(try PlanRun(assessment: assessment), versions: .current)
            let (name, mediaType) =
                switch format {
                case .geojson: ("plan.geojson", "application/geo+json")
                case .gpkg: ("plan.gpkg", "application/geopackage+sqlite3")
                default: ("report.html", "text/html; charset=utf-8")
                }
            guard let data = files[name] else { throw APIError(.internalServerError, "the Planner wrote no \(name)") }
            return PlanDownload(fileName: name, mediaType: mediaType, bytes: Array(data))
        }
    }

    /// The scenario file `table` with its `[aircraft]` table replaced by
    /// the catalog type `name` (its `catalog` file kept, where the type may
    /// come from), as `aircover assess --aircraft NAME` would fly it.
    static func naming(_ name: String, in table: ConfigTable) -> ConfigTable {
        guard case .object(var tables) = table.value else { return table }
        var aircraft: [(key: String, value: JSONValue)] = [("name", .string(name))]
        if let catalog = table.value["aircraft"]?["catalog"] { aircraft.append(("catalog", catalog)) }
        if let index = tables.firstIndex(where: { $0.key == "aircraft" }) {
            tables[index].value = .object(aircraft)
        } else {
            tables.append(("aircraft", .object(aircraft)))
        }
        return ConfigTable(source: table.source, path: table.path, value: .object(tables))
    }

    /// The reply: `Content-Disposition: attachment` with the file's name.
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = mediaType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
