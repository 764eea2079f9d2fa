import Foundation
import Coverage
import GeoCore
import Isochrones

/// The Liaoning siting instance the benchmarks share with their peers:
/// demand = the province boundary on a grid of `cellKm`, weighted by area;
/// candidates = the airports of Liaoning plus a lattice over the province
/// (10 km unless `siteKm` says otherwise; a coarser one keeps instances
/// small enough for peers with dense models); coverage = response time within `minutes` for a 250 km/h
/// aircraft with 15 min dispatch (the interim planning profile). Written as
/// costs.csv (demand,site,cost for every pair within the standard),
/// weights.csv (demand,weight) and groups.csv (demand,group: the
/// prefecture-level city whose boundary holds the cell's centre, from
/// basemaps/liaoning/cities.geojson; "outside" for centres in none, on the
/// coast), for the max–min model.
enum LiaoningInstance {
    /// The demand cell centres and the candidate sites (ids and positions).
    static func make(cellKm: Double, siteKm: Double = 10) throws -> (cells: [LonLat], siteIDs: [String], sites: [LonLat], grid: DemandGrid) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../basemaps").standardized
        let boundary = try GeoJSONReader.features(at: root.appendingPathComponent("liaoning/boundary.geojson"))[0].geometry!
        let zone = try HazardZone(id: "210000", name: "Liaoning", hazard: "all", risk: 1, area: boundary)
        let grid = try DemandGrid.build(zones: [zone], cellSize: cellKm * 1_000, weighting: .area)
        let lattice = try DemandGrid.build(zones: [zone], cellSize: siteKm * 1_000, weighting: .area, projection: grid.projection)
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
        return (grid.cells.map(\.centre), siteIDs, sites, grid)
    }

    static let aircraft = Aircraft(
        name: "planning-medium", cruiseSpeedKmh: 250, dispatchDayMin: 15, dispatchNightMin: 30,
        enduranceMin: 240, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 6000)

    /// Writes the instance; with `pointsOnly`, only cells.csv and sites.csv
    /// (what the coverage-matrix peer reads) and no pairs.
    static func write(
        cellKm: Double, siteKm: Double = 10, minutes: Double, to folder: URL,
        pointsOnly: Bool = false
    ) throws -> (cells: Int, sites: Int, pairs: Int) {
        let (cells, siteIDs, sites, grid) = try make(cellKm: cellKm, siteKm: siteKm)
        var cellTable = "id,lon,lat\n", siteTable = "id,lon,lat\n"
        for (c, p) in cells.enumerated() { cellTable += "c\(c),\(p.lon),\(p.lat)\n" }
        for (id, p) in zip(siteIDs, sites) { siteTable += "\(id),\(p.lon),\(p.lat)\n" }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(cellTable.utf8).write(to: folder.appendingPathComponent("cells.csv"), options: .atomic)
        try Data(siteTable.utf8).write(to: folder.appendingPathComponent("sites.csv"), options: .atomic)
        if pointsOnly { return (grid.cells.count, sites.count, 0) }
        let matrix = try CoverageMatrixBuilder(model: try ReachModel(aircraft: aircraft), standardMinutes: minutes)
            .build(sites: sites, cells: cells)
        try writeCostTables(matrix, siteIDs: siteIDs, weights: grid.cells.map(\.weight), to: folder)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../basemaps").standardized
        let cities = try VectorLayer.read(root.appendingPathComponent("liaoning/cities.geojson").path).features.compactMap { city in
            city.geometry.map { (name: city[field: "name"]?.stringValue ?? "city \(city.id)", area: PreparedGeometry($0)) }
        }
        var groups = "demand,group\n"
        for (c, p) in cells.enumerated() {
            groups += "c\(c),\(cities.first { $0.area.covers(XY(p.lon, p.lat)) }?.name ?? "outside")\n"
        }
        try Data(groups.utf8).write(to: folder.appendingPathComponent("groups.csv"), options: .atomic)
        return (grid.cells.count, sites.count, matrix.entryCount)
    }

    /// costs.csv (demand,site,cost: every pair of `matrix`, cells named
    /// c0, c1, …) and weights.csv (demand,weight), what `aircover solve`
    /// and the peers read.
    static func writeCostTables(_ matrix: CoverageMatrix, siteIDs: [String], weights: [Double], to folder: URL) throws {
        var costs = "demand,site,cost\n"
        for c in 0..<matrix.cellCount {
            for (site, minutes) in zip(matrix.sites(serving: c), matrix.minutes(serving: c)) {
                costs += "c\(c),\(siteIDs[Int(site)]),\(minutes)\n"
            }
        }
        var table = "demand,weight\n"
        for (c, weight) in weights.enumerated() { table += "c\(c),\(weight)\n" }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(costs.utf8).write(to: folder.appendingPathComponent("costs.csv"), options: .atomic)
        try Data(table.utf8).write(to: folder.appendingPathComponent("weights.csv"), options: .atomic)
    }
}
