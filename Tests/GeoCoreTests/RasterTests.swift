import Foundation
import Testing
@testable import GeoCore
import TestSupport

@Suite struct RasterTests {
    /// A 4×3 grid of known values, 0.5° cells from (120°E, 42°N) at its top-left corner.
    static let grid = """
        ncols 4
        nrows 3
        xllcorner 120.0
        yllcorner 40.5
        cellsize 0.5
        NODATA_value -9999
        1 2 3 4
        5 6 7 8
        9 10 -9999 12
        """

    func makeTIFF(_ directory: URL, srs: String?) throws -> URL {
        let ascii = directory.appendingPathComponent("grid.asc")
        try Self.grid.write(to: ascii, atomically: true, encoding: .utf8)
        let tiff = directory.appendingPathComponent("grid-\(srs?.replacingOccurrences(of: ":", with: "") ?? "none").tif")
        try GDALTools.run("gdal_translate", ["-q", "-of", "GTiff"] + (srs.map { ["-a_srs", $0] } ?? []) + [ascii.path, tiff.path])
        return tiff
    }

    @Test func readsValuesGeotransformCRSAndNodata() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let raster = try Raster.read(try makeTIFF(directory, srs: "EPSG:4326").path)
        #expect(raster.width == 4 && raster.height == 3)
        #expect(raster.geoTransform == GeoTransform([120, 0.5, 0, 42, 0, -0.5]))
        #expect(raster.epsg == 4326 && raster.isGeographic)
        #expect(raster.nodata == -9999)
        #expect(raster.value(column: 0, row: 0) == 1 && raster.value(column: 3, row: 2) == 12)
        #expect(raster.value(column: 2, row: 2) == nil)  // nodata
        // Nearest: (121.2°E, 41.1°N) is in column 2, row 1.
        #expect(try raster.sample(at: LonLat(121.2, 41.1)) == 7)
        // Bilinear between the centres of columns 0–1, rows 0–1 (centres 120.25/120.75°E, 41.75/41.25°N):
        // at (120.5, 41.5), the mean of 1, 2, 5, 6.
        #expect(try raster.sample(at: LonLat(120.5, 41.5), bilinear: true) == 3.5)
        // Next to the nodata pixel, bilinear has no answer.
        #expect(try raster.sample(at: LonLat(121.0, 41.0), bilinear: true) == nil)
        #expect(try raster.sample(at: LonLat(100, 10)) == nil)
    }

    @Test func samplesARasterInAProjectedCRS() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lonlat = try makeTIFF(directory, srs: "EPSG:4326")
        let utm = directory.appendingPathComponent("grid-utm.tif")
        try GDALTools.run("gdalwarp", ["-q", "-t_srs", "EPSG:32651", "-r", "near", "-tr", "2000", "2000", lonlat.path, utm.path])
        let raster = try Raster.read(utm.path)
        #expect(raster.epsg == 32651 && !raster.isGeographic)
        // The middle of pixel (1, 1) of the original grid keeps its value through the warp.
        #expect(try raster.sample(at: LonLat(120.75, 41.25)) == 6)
    }

    @Test func aRasterWithoutCRSIsReported() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let raster = try Raster.read(try makeTIFF(directory, srs: nil).path)
        #expect(raster.crsWKT == nil)
        #expect(throws: GeoDataError.self) { try raster.sample(at: LonLat(120.5, 41.5)) }
    }

    @Test func badRastersGiveClearErrors() throws {
        let directory = try GDALTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("dem.tif")
        try "not a tiff".write(to: text, atomically: true, encoding: .utf8)
        #expect(throws: GeoDataError.self) { try Raster.read(text.path) }
        #expect(throws: GeoDataError.self) { try Raster.read(directory.appendingPathComponent("none.tif").path) }
        #expect(throws: GeoDataError.self) { try Raster.read(try makeTIFF(directory, srs: "EPSG:4326").path, band: 2) }
    }
}
