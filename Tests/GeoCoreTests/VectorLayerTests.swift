import Foundation
import Testing
@testable import GeoCore
import TestSupport

/// Fixtures are written by GDAL's own tools during the test, in each format,
/// and read back through `VectorLayer`.
@Suite struct VectorLayerTests {
    /// Two zones near Shenyang: a 0.2° square and a triangle, with attributes.
    static let zonesGeoJSON = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"Hunhe floodplain","hazard":"flood","risk":3,"weight":1.5},
         "geometry":{"type":"Polygon","coordinates":[[[123.3,41.7],[123.5,41.7],[123.5,41.9],[123.3,41.9],[123.3,41.7]]]}},
        {"type":"Feature","properties":{"name":"Fushun mine","hazard":"mine","risk":2,"weight":null},
         "geometry":{"type":"Polygon","coordinates":[[[123.9,41.8],[124.0,41.8],[123.95,41.9],[123.9,41.8]]]}}
        ]}
        """

    func writeZones(in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("zones.geojson")
        try Self.zonesGeoJSON.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func checkZones(_ layer: VectorLayer, tolerance: Double = 1e-9) throws {
        #expect(layer.features.count == 2)
        let square = try #require(layer.features.first { $0[field: "name"] == .string("Hunhe floodplain") })
        #expect(square[field: "hazard"] == .string("flood"))
        #expect(square[field: "risk"]?.doubleValue == 3)
        let bounds = try #require(square.geometry?.envelope)
        #expect(abs(bounds.minX - 123.3) < tolerance && abs(bounds.maxX - 123.5) < tolerance, "\(bounds)")
        #expect(abs(bounds.minY - 41.7) < tolerance && abs(bounds.maxY - 41.9) < tolerance, "\(bounds)")
        let triangle = try #require(layer.features.first { $0[field: "name"] == .string("Fushun mine") })
        #expect(abs(triangle.geometry!.area - 0.005) < 1e-9 + tolerance)
    }

    @Test(arguments: [("GPKG", "gpkg"), ("FlatGeobuf", "fgb"), ("KML", "kml"), ("GeoJSON", "geojson")])
    func readsWhatGDALWrites(driver: String, suffix: String) throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try writeZones(in: directory)
        let target = directory.appendingPathComponent("zones-copy.\(suffix)")
        try GDALTools.run("ogr2ogr", ["-f", driver, target.path, source.path])
        let layer = try VectorLayer.read(target.path)
        try checkZones(layer)
        if driver == "GPKG" { #expect(layer.fieldNames == ["name", "hazard", "risk", "weight"]) }
        if driver == "GPKG" { #expect(layer.features[1][field: "weight"] == .null) }
    }

    @Test func reprojectsAShapefileInUTMToLonLat() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try writeZones(in: directory)
        let shapefile = directory.appendingPathComponent("zones-utm.shp")
        try GDALTools.run("ogr2ogr", ["-f", "ESRI Shapefile", "-t_srs", "EPSG:32651", shapefile.path, source.path])
        // The file really is in metres…
        let info = try GDALTools.run("ogrinfo", ["-ro", "-al", "-so", shapefile.path])
        #expect(info.contains("UTM zone 51N"))
        // …and comes back in lon/lat, to PROJ's round-trip precision.
        let layer = try VectorLayer.read(shapefile.path)
        #expect(layer.sourceCRS?.contains("UTM zone 51N") == true)
        try checkZones(layer, tolerance: 1e-8)
    }

    @Test func readsACSVWithLonLatColumns() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("airports.csv")
        try "icao,name,lon,lat,elevation_m\nZYTX,Shenyang Taoxian,123.4836,41.6398,60\nZYTL,Dalian Zhoushuizi,121.5386,38.9657,33\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let layer = try VectorLayer.read(csv.path)
        #expect(layer.features.count == 2)
        let dalian = layer.features[1]
        #expect(dalian[field: "icao"] == .string("ZYTL"))
        #expect(dalian[field: "elevation_m"]?.doubleValue == 33)
        #expect(dalian.geometry?.coordinates == .point(XY(121.5386, 38.9657)))
        #expect(!layer.fieldNames.contains("lon"))
    }

    @Test func badFilesGiveClearErrors() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func message(_ path: String, layer: String? = nil) -> String {
            do { _ = try VectorLayer.read(path, layer: layer); return "no error" } catch { return "\(error)" }
        }
        let missing = directory.appendingPathComponent("missing.geojson").path
        #expect(message(missing) == "\(missing): no such file")
        let text = directory.appendingPathComponent("notes.txt")
        try "These are not geodata.\n".write(to: text, atomically: true, encoding: .utf8)
        #expect(message(text.path).hasPrefix("\(text.path): not a vector file GDAL can read"))
        let corrupt = directory.appendingPathComponent("corrupt.geojson")
        try String(Self.zonesGeoJSON.prefix(200)).write(to: corrupt, atomically: true, encoding: .utf8)
        #expect(message(corrupt.path).hasPrefix("\(corrupt.path): "), "\(message(corrupt.path))")
        #expect(message(corrupt.path) != "no error")
        let zones = try writeZones(in: directory)
        #expect(message(zones.path, layer: "roads").contains("no layer named \"roads\"; its layers are zones"))
        // Projected coordinates without any CRS are not taken for lon/lat.
        let noCRS = directory.appendingPathComponent("nocrs.csv")
        try "x,y,name\n512000,4620000,a\n".write(to: noCRS, atomically: true, encoding: .utf8)
        #expect(message(noCRS.path).contains("has no CRS and its coordinates"))
    }
}
