import Foundation
import GeoCore

extension PopulationPoint {
    /// The people of a population raster (counts per pixel, e.g. WorldPop or
    /// LandScan), one point per populated pixel at its centre (WGS84).
    /// Nodata and zero pixels are skipped; negative counts are an error. The
    /// raster must have a CRS.
    public static func fromRaster(_ raster: Raster) throws -> [PopulationPoint] {
        guard let crs = raster.crsWKT else {
            throw CoverageInputError("\(raster.path): the population raster has no CRS; assign one (e.g. EPSG:4326)")
        }
        var centres: [XY] = [], counts: [Double] = [], names: [String] = []
        for row in 0..<raster.height {
            for column in 0..<raster.width {
                guard let count = raster.value(column: column, row: row), count != 0 else { continue }
                guard count > 0, count.isFinite else {
                    throw CoverageInputError("\(raster.path): pixel (\(column), \(row)) holds \(count) people; counts must be zero or positive")
                }
                centres.append(raster.geoTransform.world(column: Double(column) + 0.5, row: Double(row) + 0.5))
                counts.append(count)
                names.append("pixel \(column),\(row)")
            }
        }
        let positions = raster.epsg == 4326 ? centres : try Transformer(from: crs, to: "EPSG:4326").transform(centres)
        return zip(zip(names, positions), counts).map { PopulationPoint(name: $0.0, position: $0.1.lonLat, count: $1) }
    }
}
