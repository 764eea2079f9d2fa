import Foundation
import GeoCore

extension WindField {
    /// A wind field from a raster whose band `uBand` holds the eastward and
    /// band `vBand` the northward component, in m/s, on a longitude/latitude
    /// grid (EPSG:4326). Grid nodes are the pixel centres. Nodata is refused:
    /// a wind field must be complete over its extent.
    public static func load(_ path: String, uBand: Int = 1, vBand: Int = 2) throws -> WindField {
        let u = try Raster.read(path, band: uBand), v = try Raster.read(path, band: vBand)
        guard u.crsWKT != nil else { throw GeoDataError(path: path, reason: "the wind field has no CRS; it must be in longitude/latitude (EPSG:4326)") }
        guard u.isGeographic else {
            throw GeoDataError(path: path, reason: "the wind field must be on a longitude/latitude grid (EPSG:4326), not a projected CRS")
        }
        let c = u.geoTransform.coefficients
        guard c[2] == 0, c[4] == 0 else { throw GeoDataError(path: path, reason: "the wind field's grid is rotated; warp it north-up first") }
        if let row = (0..<u.height).first(where: { r in (0..<u.width).contains { u.value(column: $0, row: r) == nil || v.value(column: $0, row: r) == nil } }) {
            throw GeoDataError(path: path, reason: "the wind field has nodata in row \(row); fill it before use")
        }
        do {
            return try WindField(
                origin: LonLat(c[0] + c[1] / 2, c[3] + c[5] / 2), spacingLon: c[1], spacingLat: c[5],
                columns: u.width, rows: u.height, east: u.values, north: v.values)
        } catch let error as WindFieldError {
            throw GeoDataError(path: path, reason: error.message)
        }
    }
}
