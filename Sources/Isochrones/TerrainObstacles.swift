import Foundation
import GeoCore

/// High terrain as an obstacle: the parts of a DEM above an aircraft's
/// maximum operating altitude.
public enum TerrainObstacles {
    /// The DEM's pixels higher than `altitude` metres, merged into polygons
    /// (WGS84 lon/lat), limited to `area` (lon/lat) when given. `nil` when no
    /// pixel is that high.
    ///
    /// Pixels are whole squares of the DEM's grid: a pixel above the ceiling
    /// blocks its whole footprint. Runs of such pixels along a row are merged
    /// before the union, and the result is simplified (topology kept) by a
    /// tenth of a pixel, which removes collinear staircase vertices only.
    /// Nodata pixels are not obstacles. The DEM must have a CRS.
    public static func above(_ altitude: Double, dem: Raster, within area: Envelope? = nil) throws -> Obstacle? {
        guard let crs = dem.crsWKT else {
            throw GeoDataError(path: dem.path, reason: "the DEM has no CRS; terrain cannot be placed (assign one, e.g. gdal_edit.py -a_srs EPSG:4326)")
        }
        let toDEM = dem.epsg == 4326 ? nil : try Transformer(from: "EPSG:4326", to: crs)
        var columns = 0..<dem.width, rows = 0..<dem.height
        if let area {
            let corners = [XY(area.minX, area.minY), XY(area.maxX, area.minY), XY(area.maxX, area.maxY), XY(area.minX, area.maxY)]
            let projected = try toDEM?.transform(corners) ?? corners
            let pixels = projected.compactMap { dem.geoTransform.pixel(of: $0) }
            guard pixels.count == 4 else { throw GeoDataError(path: dem.path, reason: "the DEM's geotransform is singular") }
            let c0 = max(0, Int(pixels.map(\.column).min()!.rounded(.down)) - 1), c1 = min(dem.width, Int(pixels.map(\.column).max()!.rounded(.up)) + 1)
            let r0 = max(0, Int(pixels.map(\.row).min()!.rounded(.down)) - 1), r1 = min(dem.height, Int(pixels.map(\.row).max()!.rounded(.up)) + 1)
            guard c0 < c1, r0 < r1 else { return nil }
            columns = c0..<c1
            rows = r0..<r1
        }
        var runs: [Geometry] = []
        for row in rows {
            var start: Int?
            for column in columns.lowerBound...columns.upperBound {
                let high = column < columns.upperBound && (dem.value(column: column, row: row).map { $0 > altitude } ?? false)
                if high, start == nil { start = column }
                if !high, let first = start {
                    let corners = [
                        dem.geoTransform.world(column: Double(first), row: Double(row)),
                        dem.geoTransform.world(column: Double(column), row: Double(row)),
                        dem.geoTransform.world(column: Double(column), row: Double(row + 1)),
                        dem.geoTransform.world(column: Double(first), row: Double(row + 1)),
                    ]
                    runs.append(try Geometry.polygon(exterior: corners))
                    start = nil
                }
            }
        }
        guard !runs.isEmpty else { return nil }
        let pixelSize = min(abs(dem.geoTransform.coefficients[1]), abs(dem.geoTransform.coefficients[5]))
        var merged = try Geometry.union(of: runs).simplifiedPreservingTopology(tolerance: pixelSize / 10)
        if let toDEM { merged = try toDEM.transform(merged, inverse: true) }
        return try Obstacle(name: "terrain above \(Int(altitude)) m", kind: .terrain, area: merged)
    }
}
