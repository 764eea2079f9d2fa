import Foundation
import Testing
import GeoCore
import TestSupport
@testable import Coverage

@Suite struct PopulationRasterTests {
    @Test func populatedPixelsBecomePointsAtTheirCentres() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ascii = directory.appendingPathComponent("people.asc")
        try "ncols 3\nnrows 2\nxllcorner 122\nyllcorner 41\ncellsize 0.5\nNODATA_value -1\n100 0 -1\n0 250 7\n"
            .write(to: ascii, atomically: true, encoding: .utf8)
        let tiff = directory.appendingPathComponent("people.tif")
        try GDALTools.run("gdal_translate", ["-q", "-a_srs", "EPSG:4326", ascii.path, tiff.path])
        let points = try PopulationPoint.fromRaster(try Raster.read(tiff.path))
        #expect(points.map(\.count) == [100, 250, 7])
        #expect(points[0].position == LonLat(122.25, 41.75))
        #expect(points[1].position == LonLat(122.75, 41.25))
        // Counted into the grid cell that holds them.
        let zone = try HazardZone(
            id: "z", name: "z", hazard: "flood", risk: 1,
            area: .rectangle(Envelope(minX: 122, minY: 41, maxX: 123.5, maxY: 42)))
        let grid = try DemandGrid.build(zones: [zone], population: points, cellSize: 5_000, weighting: .population)
        #expect(grid.cells.reduce(0) { $0 + $1.weight } == 357)
        // Negative counts are refused.
        try "ncols 1\nnrows 1\nxllcorner 122\nyllcorner 41\ncellsize 0.5\n-5\n".write(to: ascii, atomically: true, encoding: .utf8)
        try GDALTools.run("gdal_translate", ["-q", "-a_srs", "EPSG:4326", ascii.path, tiff.path])
        #expect(throws: CoverageInputError.self) { try PopulationPoint.fromRaster(try Raster.read(tiff.path)) }
    }
}
