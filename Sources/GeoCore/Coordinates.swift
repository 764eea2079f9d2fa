/// A position on the WGS84 ellipsoid: longitude then latitude, in degrees.
///
/// This is the order of every coordinate that enters or leaves aircover
/// (GeoJSON, CSV, the command line). Longitude is east-positive, latitude
/// north-positive; neither is normalised on construction.
public struct LonLat: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Longitude in degrees, east positive.
    public var lon: Double
    /// Latitude in degrees, north positive, in [-90, 90] for a valid position.
    public var lat: Double

    public init(_ lon: Double, _ lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public init(lon: Double, lat: Double) {
        self.init(lon, lat)
    }

    /// The same position as planar `XY` with x = longitude, y = latitude.
    public var xy: XY { XY(lon, lat) }

    public var description: String { "(\(lon), \(lat))" }
}

/// A planar coordinate pair: metres in a projected CRS, or longitude/latitude
/// degrees (x = longitude, y = latitude) when the geometry is in WGS84.
public struct XY: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public init(x: Double, y: Double) {
        self.init(x, y)
    }

    /// Reads x as longitude and y as latitude.
    public var lonLat: LonLat { LonLat(x, y) }

    public var description: String { "(\(x), \(y))" }
}
