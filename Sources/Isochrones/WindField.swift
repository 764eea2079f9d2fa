import Foundation
import GeoCore

/// A gridded wind field on a regular longitude/latitude grid, bilinearly
/// interpolated between grid nodes; constant beyond the grid's edge (the
/// nearest edge value).
public struct WindField: Sendable {
    /// Longitude and latitude of node (0, 0), degrees.
    public let origin: LonLat
    /// Grid spacing in degrees (positive; rows go north when `spacing.lat` > 0).
    public let spacingLon: Double
    public let spacingLat: Double
    public let columns: Int
    public let rows: Int
    /// Eastward (u) and northward (v) components, m/s, row-major.
    public let east: [Double]
    public let north: [Double]

    /// A field from node values; `east` and `north` hold `rows × columns`
    /// values, row-major, row 0 at `origin.lat`.
    public init(
        origin: LonLat, spacingLon: Double, spacingLat: Double, columns: Int, rows: Int,
        east: [Double], north: [Double]
    ) throws {
        guard columns >= 1, rows >= 1, east.count == columns * rows, north.count == columns * rows else {
            throw WindFieldError("a \(columns)×\(rows) wind grid needs \(columns * rows) u and v values, got \(east.count) and \(north.count)")
        }
        guard spacingLon != 0, spacingLat != 0, spacingLon.isFinite, spacingLat.isFinite else {
            throw WindFieldError("the wind grid spacing must be non-zero")
        }
        if let bad = zip(east, north).first(where: { !$0.0.isFinite || !$0.1.isFinite }) {
            throw WindFieldError("the wind grid holds a non-finite value \(bad); fill gaps before use")
        }
        self.origin = origin
        self.spacingLon = spacingLon
        self.spacingLat = spacingLat
        self.columns = columns
        self.rows = rows
        self.east = east
        self.north = north
    }

    /// The interpolated wind at `position`.
    public func vector(at position: LonLat) -> WindVector {
        let fx = min(max((position.lon - origin.lon) / spacingLon, 0), Double(columns - 1))
        let fy = min(max((position.lat - origin.lat) / spacingLat, 0), Double(rows - 1))
        let x0 = min(Int(fx), max(columns - 2, 0)), y0 = min(Int(fy), max(rows - 2, 0))
        let x1 = min(x0 + 1, columns - 1), y1 = min(y0 + 1, rows - 1)
        let tx = fx - Double(x0), ty = fy - Double(y0)
        func blend(_ values: [Double]) -> Double {
            let a = values[y0 * columns + x0] * (1 - tx) + values[y0 * columns + x1] * tx
            let b = values[y1 * columns + x0] * (1 - tx) + values[y1 * columns + x1] * tx
            return a * (1 - ty) + b * ty
        }
        return WindVector(east: blend(east), north: blend(north))
    }

    /// The largest wind speed on the grid, m/s.
    public var maximumSpeed: Double {
        zip(east, north).map { ($0 * $0 + $1 * $1).squareRoot() }.max() ?? 0
    }
}

public struct WindFieldError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
