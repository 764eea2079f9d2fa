import Foundation
import Coverage
import GeoCore
import Isochrones
import Support

/// The national-scale coverage matrix: China's land (basemaps/china/land.geojson)
/// on an equal-area grid, against every candidate of basemaps/china/sites.csv
/// (airports and county seats), for the Liaoning instance's aircraft.
enum ChinaInstance {
    static func make(cellKm: Double) throws -> (grid: DemandGrid, sites: [LonLat]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../basemaps/china").standardized
        let land = try GeoJSONReader.features(at: root.appendingPathComponent("land.geojson"))[0].geometry!
        let zone = try HazardZone(id: "CN", name: "China", hazard: "all", risk: 1, area: land)
        let grid = try DemandGrid.build(zones: [zone], cellSize: cellKm * 1_000, weighting: .area)
        let sites = try VectorLayer.read(root.appendingPathComponent("sites.csv").path).features.compactMap { feature -> LonLat? in
            guard case .point(let p)? = feature.geometry?.coordinates else { return nil }
            return p.lonLat
        }
        return (grid, sites)
    }
}

/// Times the national coverage matrix (all cores): grid build and matrix
/// build separately, peak memory over the whole run.
func benchmarkChinaMatrix() throws {
    let cellKm = Double(argument("--cell-km", default: "2"))!, minutes = Double(argument("--minutes", default: "60"))!
    let gridStart = Date()
    let (grid, sites) = try ChinaInstance.make(cellKm: cellKm)
    let gridSeconds = Date().timeIntervalSince(gridStart)
    let cells = grid.cells.map(\.centre)
    let builder = try CoverageMatrixBuilder(model: try ReachModel(aircraft: LiaoningInstance.aircraft), standardMinutes: minutes)
    let cpu0 = cpuSeconds(), wall0 = Date()
    let matrix = try builder.build(sites: sites, cells: cells)
    let wall = Date().timeIntervalSince(wall0), cpu = cpuSeconds() - cpu0
    print(
        JSONValue.object([
            ("task", .string("china-matrix")), ("cell_km", .number(cellKm)), ("cells", .integer(cells.count)), ("sites", .integer(sites.count)),
            ("minutes", .number(minutes)), ("pairs", .integer(matrix.entryCount)), ("grid_s", .number(gridSeconds)),
            ("wall_s", .number(wall)), ("cpu_s", .number(cpu)), ("peak_rss_mb", .number(peakResidentMegabytes())),
        ]).serialized)
}
