import CGDAL
import Foundation

/// The affine map from pixel (column, row) to CRS coordinates, GDAL's
/// geotransform: x = c0 + col·c1 + row·c2, y = c3 + col·c4 + row·c5, where
/// (col, row) = (0, 0) is the top-left corner of the top-left pixel.
public struct GeoTransform: Sendable, Equatable {
    public let coefficients: [Double]

    public init(_ coefficients: [Double]) {
        precondition(coefficients.count == 6, "a geotransform has 6 coefficients")
        self.coefficients = coefficients
    }

    /// CRS coordinates of fractional pixel position (col, row).
    public func world(column: Double, row: Double) -> XY {
        let c = coefficients
        return XY(c[0] + column * c[1] + row * c[2], c[3] + column * c[4] + row * c[5])
    }

    /// Fractional pixel position (col, row) of CRS coordinates; `nil` when the
    /// transform is singular.
    public func pixel(of p: XY) -> (column: Double, row: Double)? {
        let c = coefficients
        let det = c[1] * c[5] - c[2] * c[4]
        guard det != 0 else { return nil }
        let dx = p.x - c[0], dy = p.y - c[3]
        return ((dx * c[5] - dy * c[2]) / det, (dy * c[1] - dx * c[4]) / det)
    }
}

/// One band of a raster read through GDAL: a DEM, a population grid, a wind
/// component. Values are row-major from the top row; `nodata` cells read as
/// `nil` through `value(column:row:)`.
public struct Raster: Sendable {
    public let path: String
    public let band: Int
    public let width: Int
    public let height: Int
    public let geoTransform: GeoTransform
    /// The CRS as WKT, or `nil` when the file has none.
    public let crsWKT: String?
    /// The CRS's EPSG code, when it has one.
    public let epsg: Int?
    /// Whether the CRS is geographic (degrees), as for EPSG:4326.
    public let isGeographic: Bool
    public let nodata: Double?
    public let values: [Double]

    /// Reads band `band` (1-based) of `path`.
    public static func read(_ path: String, band: Int = 1) throws -> Raster {
        GDALRuntime.ensureRegistered()
        func fail(_ reason: String) -> GeoDataError { GeoDataError(path: path, reason: reason) }
        guard FileManager.default.fileExists(atPath: path) else { throw fail("no such file") }
        guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil) else {
            throw fail("not a raster GDAL can read (\(GDALRuntime.takeLastError() ?? "no driver recognised it"))")
        }
        defer { GDALClose(dataset) }
        let bands = Int(GDALGetRasterCount(dataset))
        guard (1...max(bands, 1)).contains(band), bands > 0 else { throw fail("has \(bands) band(s); band \(band) asked for") }
        let width = Int(GDALGetRasterXSize(dataset)), height = Int(GDALGetRasterYSize(dataset))
        var transform = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(dataset, &transform) == CE_None else {
            throw fail("has no georeferencing (geotransform); cannot place its pixels")
        }
        var wkt: String?, epsg: Int?, geographic = false
        if let srs = GDALGetSpatialRef(dataset) {
            var text: UnsafeMutablePointer<CChar>?
            OSRExportToWkt(srs, &text)
            wkt = text.map { String(cString: $0) }
            VSIFree(text)
            if let authority = OSRGetAuthorityName(srs, nil), String(cString: authority) == "EPSG",
                let code = OSRGetAuthorityCode(srs, nil)
            {
                epsg = Int(String(cString: code))
            }
            geographic = OSRIsGeographic(srs) != 0
        }
        let handle = GDALGetRasterBand(dataset, Int32(band))
        var hasNodata: Int32 = 0
        let nodataValue = GDALGetRasterNoDataValue(handle, &hasNodata)
        var values = [Double](repeating: 0, count: width * height)
        let status = values.withUnsafeMutableBytes { buffer in
            GDALRasterIO(
                handle, GF_Read, 0, 0, Int32(width), Int32(height), buffer.baseAddress,
                Int32(width), Int32(height), GDT_Float64, 0, 0)
        }
        guard status == CE_None else { throw fail("cannot read band \(band) (\(GDALRuntime.takeLastError() ?? "I/O error"))") }
        return Raster(
            path: path, band: band, width: width, height: height, geoTransform: GeoTransform(transform),
            crsWKT: wkt, epsg: epsg, isGeographic: geographic, nodata: hasNodata != 0 ? nodataValue : nil,
            values: values)
    }

    /// The value of a pixel; `nil` outside the raster or at nodata.
    public func value(column: Int, row: Int) -> Double? {
        guard (0..<width).contains(column), (0..<height).contains(row) else { return nil }
        let v = values[row * width + column]
        if let nodata, v == nodata || (nodata.isNaN && v.isNaN) { return nil }
        return v
    }

    /// The value at CRS coordinates `p`: the pixel containing it (nearest),
    /// or bilinear between the four surrounding pixel centres; `nil` outside
    /// or where any needed pixel is nodata.
    public func sample(at p: XY, bilinear: Bool = false) -> Double? {
        guard let (column, row) = geoTransform.pixel(of: p) else { return nil }
        guard bilinear else { return value(column: Int(column.rounded(.down)), row: Int(row.rounded(.down))) }
        let x = column - 0.5, y = row - 0.5
        let c0 = Int(x.rounded(.down)), r0 = Int(y.rounded(.down))
        let tx = x - Double(c0), ty = y - Double(r0)
        guard let v00 = value(column: c0, row: r0), let v10 = value(column: c0 + 1, row: r0),
            let v01 = value(column: c0, row: r0 + 1), let v11 = value(column: c0 + 1, row: r0 + 1)
        else { return nil }
        return (v00 * (1 - tx) + v10 * tx) * (1 - ty) + (v01 * (1 - tx) + v11 * tx) * ty
    }

    /// The value at a WGS84 position, transforming it to the raster's CRS
    /// when that is not WGS84 lon/lat. Throws when the raster has no CRS.
    public func sample(at position: LonLat, bilinear: Bool = false, transformer: Transformer? = nil) throws -> Double? {
        guard let crsWKT else { throw GeoDataError(path: path, reason: "has no CRS; cannot locate longitude/latitude in it") }
        if epsg == 4326 || (isGeographic && transformer == nil) { return sample(at: position.xy, bilinear: bilinear) }
        let toRaster = try transformer ?? Transformer(from: "EPSG:4326", to: crsWKT)
        return sample(at: try toRaster.transform(position.xy), bilinear: bilinear)
    }

    /// The raster's extent in its own CRS.
    public var bounds: Envelope {
        let corners = [
            geoTransform.world(column: 0, row: 0), geoTransform.world(column: Double(width), row: 0),
            geoTransform.world(column: 0, row: Double(height)), geoTransform.world(column: Double(width), row: Double(height)),
        ]
        return Envelope(covering: corners)!
    }
}
