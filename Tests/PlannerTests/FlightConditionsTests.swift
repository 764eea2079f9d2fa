import Foundation
import GeoCore
import Isochrones
import Testing
import TestSupport
@testable import Planner

/// `FlightConditions`: no-fly zones read through GDAL in any vector format
/// give the same reach, and they cut it.
@Suite final class FlightConditionsTests: Sendable {
    let root: URL
    init() throws { root = try GDALTools.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: root) }

    static let aircraft = Aircraft(
        name: "T", cruiseSpeedKmh: 240, dispatchDayMin: 10, dispatchNightMin: 20,
        enduranceMin: 200, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 3000)
    static let base = LonLat(122.5, 41.4)
    /// A 0.2° × 0.2° no-fly square 30 km east of the base, inside its 40-min reach (120 km).
    static let noFly =
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"range"},"geometry":{"type":"Polygon","coordinates":[[[122.85,41.3],[123.05,41.3],[123.05,41.5],[122.85,41.5],[122.85,41.3]]]}}]}"#

    func reach(_ conditions: FlightConditions) throws -> Geometry {
        let model = try conditions.reachModel(aircraft: Self.aircraft, bases: [Self.base], minutes: 40)
        return try IsochroneBuilder(model: model).isochrone(base: Self.base, minutes: 40).geometry
    }

    @Test func noFlyZonesInGeoPackageAndShapefileGiveTheGeoJSONReach() throws {
        let geoJSON = root.appendingPathComponent("nf.geojson")
        try Self.noFly.write(to: geoJSON, atomically: true, encoding: .utf8)
        let geoPackage = root.appendingPathComponent("nf.gpkg"), shapefile = root.appendingPathComponent("nf.shp")
        try GDALTools.run("ogr2ogr", ["-f", "GPKG", geoPackage.path, geoJSON.path])
        try GDALTools.run("ogr2ogr", ["-f", "ESRI Shapefile", shapefile.path, geoJSON.path])
        let fromGeoJSON = try reach(FlightConditions(noFly: geoJSON))
        let calm = try reach(FlightConditions())
        // The no-fly square is flown around: the reach loses at least the square itself.
        let square = Geometry.rectangle(Envelope(minX: 122.85, minY: 41.3, maxX: 123.05, maxY: 41.5))
        #expect(fromGeoJSON.area < calm.area - 0.9 * square.area)
        #expect(try fromGeoJSON.intersection(square).area < 1e-6 * square.area)
        for file in [geoPackage, shapefile] {
            let other = try reach(FlightConditions(noFly: file))
            #expect(other.isTopologicallyEqual(to: fromGeoJSON), "\(file.lastPathComponent)")
        }
    }

    @Test func aNoFlyFileOfPointsIsRefusedNamingTheFeature() throws {
        let points = root.appendingPathComponent("points.csv")
        try "name,lon,lat\ntower,122.9,41.4\n".write(to: points, atomically: true, encoding: .utf8)
        #expect {
            _ = try self.reach(FlightConditions(noFly: points))
        } throws: { error in
            "\(error)".contains("points.csv: feature 0 (tower) is a point; no-fly zones must be polygons")
        }
    }
}
