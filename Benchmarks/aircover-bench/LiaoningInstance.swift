import Foundation
import Coverage
import GeoCore
import Isochrones

/// The Liaoning siting instance the benchmarks share with their peers:
/// demand = the province boundary on a grid of `cellKm`, weighted by area;
/// candidates = the airports of Liaoning plus a 10 km lattice over the
/// province; coverage = response time within `minutes` for a 250 km/h
/// aircraft with 15 min dispatch (the interim planning profile). Written as
/// costs.csv (demand,site,cost for every pair within the standard) and
/// weights.csv (demand,weight).
enum LiaoningInstance {
    static func write(cellKm: Double, minutes: Double, to folder: URL) throws -> (cells: Int, sites: Int, pairs: Int) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../basemaps").standardized
        let boundary = try GeoJSONReader.features(at: root.appendingPathComponent("liaoning/boundary.geojson"))[0].geometry!
        let zone = try HazardZone(id: "210000", name: "Liaoning", hazard: "all", risk: 1, area: boundary)
        let grid = try DemandGrid.build(zones: [zone], cellSize: cellKm * 1_000, weighting: .area)
        let lattice = try DemandGrid.build(zones: [zone], cellSize: 10_000, weighting: .area, projection: grid.projection)
        let airports = try VectorLayer.read(root.appendingPathComponent("china/airports.csv").path).features
            .filter { $0[field: "subdivision"]?.stringValue == "Liaoning" }
        var siteIDs: [String] = [], sites: [LonLat] = []
        for airport in airports {
            guard case .point(let p)? = airport.geometry?.coordinates else { continue }
            siteIDs.append(airport[field: "icao"]!.stringValue!)
            sites.append(p.lonLat)
        }
        for cell in lattice.cells {
            siteIDs.append("L\(cell.column)_\(cell.row)")
            sites.append(cell.centre)
        }
        let aircraft = Aircraft(name: "planning-medium", cruiseSpeedKmh: 250, dispatchDayMin: 15, dispatchNightMin: 30,
                                enduranceMin: 240, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 6000)
        let matrix = try CoverageMatrixBuilder(model: try ReachModel(aircraft: aircraft), standardMinutes: minutes)
            .build(sites: sites, cells: grid.cells.map(\.centre))
        var costs = "demand,site,cost\n"
        for c in 0..<matrix.cellCount {
            for k in matrix.cellStart[c]..<matrix.cellStart[c + 1] {
                costs += "c\(c),\(siteIDs[Int(matrix.siteIndex[k])]),\(matrix.cellMinutes[k])\n"
            }
        }
        var weights = "demand,weight\n"
        for (c, cell) in grid.cells.enumerated() { weights += "c\(c),\(cell.weight)\n" }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(costs.utf8).write(to: folder.appendingPathComponent("costs.csv"), options: .atomic)
        try Data(weights.utf8).write(to: folder.appendingPathComponent("weights.csv"), options: .atomic)
        return (grid.cells.count, sites.count, matrix.entryCount)
    }
}
