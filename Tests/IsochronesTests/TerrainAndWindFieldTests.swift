import Foundation
import Testing
import GeoCore
import TestSupport
@testable import Isochrones

@Suite struct TerrainAndWindFieldTests {
    /// A 10×6 DEM of 0.1° pixels from (0°E, 0.3°N) at the top-left, with a
    /// ridge of 3,500 m in columns 4–5, rows 1–4 (0.4–0.6°E, −0.2–0.2°N);
    /// everything else is 200 m.
    static func demText() -> String {
        var rows: [String] = []
        for row in 0..<6 {
            rows.append((0..<10).map { column in (4...5).contains(column) && (1...4).contains(row) ? "3500" : "200" }.joined(separator: " "))
        }
        return "ncols 10\nnrows 6\nxllcorner 0\nyllcorner -0.3\ncellsize 0.1\nNODATA_value -9999\n" + rows.joined(separator: "\n") + "\n"
    }

    func makeDEM(_ directory: URL, srs: String?) throws -> Raster {
        let ascii = directory.appendingPathComponent("dem.asc")
        try Self.demText().write(to: ascii, atomically: true, encoding: .utf8)
        let tiff = directory.appendingPathComponent("dem-\(srs == nil ? "nocrs" : "wgs84").tif")
        try GDALTools.run("gdal_translate", ["-q"] + (srs.map { ["-a_srs", $0] } ?? []) + [ascii.path, tiff.path])
        return try Raster.read(tiff.path)
    }

    @Test func terrainAboveTheCeilingIsFlownAround() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dem = try makeDEM(directory, srs: "EPSG:4326")
        let ridge = try #require(try TerrainObstacles.above(3_000, dem: dem))
        #expect(ridge.kind == .terrain)
        let bounds = try #require(ridge.area.envelope)
        for (got, want) in [(bounds.minX, 0.4), (bounds.minY, -0.2), (bounds.maxX, 0.6), (bounds.maxY, 0.2)] {
            #expect(abs(got - want) < 1e-12, "\(bounds)")
        }
        #expect(abs(ridge.area.area - 0.08) < 1e-12)
        #expect(try TerrainObstacles.above(4_000, dem: dem) == nil)
        let model = try ReachModel(aircraft: TestAircraft.fast, airspace: try Airspace(obstacles: [ridge]))
        let base = LonLat(0, 0), target = LonLat(1, 0)
        let flight = try #require(model.reach(from: base, to: target).flightMinutes)
        let g = Geodesic.wgs84
        let around =
            g.inverse(from: base, to: LonLat(0.4, 0.2)).distance + g.inverse(from: LonLat(0.4, 0.2), to: LonLat(0.6, 0.2)).distance
            + g.inverse(from: LonLat(0.6, 0.2), to: target).distance
        #expect(flight >= around / 5_000 - 1e-9 && flight < around / 5_000 * 1.01)
        #expect(model.reach(from: base, to: LonLat(0.5, 0)).limit == .obstacle)
        // A ceiling above the ridge: nothing in the way.
        let high = try ReachModel(aircraft: TestAircraft.global, airspace: .empty)
        #expect(high.reach(from: base, to: target).limit == .time)
    }

    @Test func aDEMWithoutCRSIsRefused() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dem = try makeDEM(directory, srs: nil)
        #expect(throws: GeoDataError.self) { try TerrainObstacles.above(3_000, dem: dem) }
    }

    @Test func aWindFieldIsReadFromTwoBands() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var bands: [String] = []
        for (name, values) in [("u", ["1 2 3", "4 5 6"]), ("v", ["-1 -1 -1", "0 0 2"])] {
            let url = directory.appendingPathComponent("\(name).asc")
            try ("ncols 3\nnrows 2\nxllcorner 120\nyllcorner 40\ncellsize 1\n" + values.joined(separator: "\n") + "\n")
                .write(to: url, atomically: true, encoding: .utf8)
            bands.append(url.path)
        }
        let vrt = directory.appendingPathComponent("wind.vrt").path, tiff = directory.appendingPathComponent("wind.tif").path
        try GDALTools.run("gdalbuildvrt", ["-q", "-separate", vrt] + bands)
        try GDALTools.run("gdal_translate", ["-q", "-a_srs", "EPSG:4326", vrt, tiff])
        let field = try WindField.load(tiff)
        // Pixel centres: columns at 120.5, 121.5, 122.5°E; rows at 41.5 (top) and 40.5°N.
        #expect(field.vector(at: LonLat(121.5, 41.5)) == WindVector(east: 2, north: -1))
        #expect(field.vector(at: LonLat(122.5, 40.5)) == WindVector(east: 6, north: 2))
        let between = field.vector(at: LonLat(122, 41))  // the mean of u 2,3,5,6 and v −1,−1,0,2
        #expect(abs(between.east - 4) < 1e-12 && abs(between.north - 0) < 1e-12)
    }
}
