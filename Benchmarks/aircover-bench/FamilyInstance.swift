import Coverage
import Foundation
import GeoCore
import Isochrones
import Support

/// One member of the siting family `tools/bench --family` runs (issue 22):
/// instances made independently of the one Liaoning instance the other
/// siting rows use, so that a speed-up shown on one is shown on many.
///
/// - Demand: the province boundary on a grid of `cellKm` cells whose
///   origin is moved by `gridShift` cells east and north (the province's
///   fitted equal-area projection with a false origin), each cell weighted
///   by its area (km²) + its people / 1,000 (GeoNames places of the
///   province, `basemaps/china/places.csv`).
/// - Candidates: the province's airports (`basemaps/china/airports.csv`),
///   its GeoNames places of 20,000 people or more, and a lattice of
///   `siteKm` with its origin moved by `siteShiftKm` east and north.
/// - Coverage: response time within `minutes` for the planning profile of
///   `LiaoningInstance` (250 km/h) with `dispatchMin` minutes of dispatch
///   (15 there; a 15-minute standard needs a crew on standby, e.g. 5).
///
/// Written as costs.csv and weights.csv by `LiaoningInstance.writeCostTables`.
struct FamilyInstance {
    let province: String
    let cellKm: Double
    let gridShift: Double
    let siteKm: Double
    let siteShiftKm: Double
    let minutes: Double
    let dispatchMin: Double

    /// GeoNames' first-level code and airportsdata's subdivision of each
    /// province the family draws on.
    static let provinces: [String: (admin1: String, subdivision: String)] = [
        "liaoning": ("19", "Liaoning"), "henan": ("09", "Henan"),
    ]

    func write(to folder: URL) throws -> (cells: Int, sites: Int, pairs: Int) {
        guard let codes = Self.provinces[province] else { throw CoverageInputError("unknown province \(province)") }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../basemaps").standardized
        let boundary = try VectorLayer.read(root.appendingPathComponent("\(province)/boundary.geojson").path).features
            .compactMap(\.geometry)
        let zone = try HazardZone(id: province, name: province, hazard: "all", risk: 1, area: try Geometry.union(of: boundary))
        let places = try VectorLayer.read(root.appendingPathComponent("china/places.csv").path).features
            .filter { $0[field: "admin1"]?.stringValue == codes.admin1 }
        var people: [PopulationPoint] = [], towns: [(String, LonLat)] = []
        for place in places {
            guard case .point(let p)? = place.geometry?.coordinates, let count = place[field: "population"]?.doubleValue else { continue }
            let id = place[field: "id"]?.stringValue ?? "\(people.count)"
            people.append(PopulationPoint(name: id, position: p.lonLat, count: count))
            if count >= 20_000 { towns.append(("T\(id)", p.lonLat)) }
        }
        let fitted = EqualAreaProjection.fitted(to: zone.area.envelope!)
        let shift = gridShift * cellKm * 1_000
        let grid = try DemandGrid.build(
            zones: [zone], population: people, cellSize: cellKm * 1_000, weighting: .area,
            projection: fitted.withFalseOrigin(eastM: shift, northM: shift))
        let lattice = try DemandGrid.build(
            zones: [zone], cellSize: siteKm * 1_000, weighting: .area,
            projection: fitted.withFalseOrigin(eastM: siteShiftKm * 1_000, northM: siteShiftKm * 1_000))
        var siteIDs: [String] = [], sites: [LonLat] = []
        for airport in try VectorLayer.read(root.appendingPathComponent("china/airports.csv").path).features
        where airport[field: "subdivision"]?.stringValue == codes.subdivision {
            guard case .point(let p)? = airport.geometry?.coordinates, let icao = airport[field: "icao"]?.stringValue else { continue }
            siteIDs.append(icao)
            sites.append(p.lonLat)
        }
        for (id, p) in towns {
            siteIDs.append(id)
            sites.append(p)
        }
        for cell in lattice.cells {
            siteIDs.append("L\(cell.column)_\(cell.row)")
            sites.append(cell.centre)
        }
        let cells = grid.cells.map(\.centre)
        var aircraft = LiaoningInstance.aircraft
        aircraft.dispatchDayMin = dispatchMin
        let matrix = try CoverageMatrixBuilder(model: try ReachModel(aircraft: aircraft), standardMinutes: minutes)
            .build(sites: sites, cells: cells)
        try LiaoningInstance.writeCostTables(
            matrix, siteIDs: siteIDs, weights: grid.cells.map { $0.weight + $0.population / 1_000 }, to: folder)
        return (cells.count, sites.count, matrix.entryCount)
    }
}

/// `aircover-bench family-instance --province P --cell-km K --grid-shift S
/// --site-km L --site-shift-km O --minutes M --dispatch-min D --out DIR`: writes one member
/// and prints its size as JSON.
func writeFamilyInstance() throws {
    let member = FamilyInstance(
        province: argument("--province", default: "liaoning"), cellKm: Double(argument("--cell-km", default: "5"))!,
        gridShift: Double(argument("--grid-shift", default: "0"))!, siteKm: Double(argument("--site-km", default: "10"))!,
        siteShiftKm: Double(argument("--site-shift-km", default: "0"))!, minutes: Double(argument("--minutes", default: "30"))!,
        dispatchMin: Double(argument("--dispatch-min", default: "15"))!)
    let wall0 = Date()
    let made = try member.write(to: URL(fileURLWithPath: argument("--out", default: "Benchmarks/.data/family")))
    print(
        JSONValue.object([
            ("task", .string("family-instance")), ("cells", .integer(made.cells)), ("sites", .integer(made.sites)),
            ("pairs", .integer(made.pairs)), ("wall_s", .number(Date().timeIntervalSince(wall0))),
        ]).serialized)
}
