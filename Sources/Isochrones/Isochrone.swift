import GeoCore

/// The area an aircraft from one base serves within a response-time standard.
public struct Isochrone: Sendable {
    /// The base, WGS84.
    public let base: LonLat
    /// The response-time standard, minutes (dispatch included).
    public let minutes: Double
    /// The aircraft type's catalog name.
    public let aircraft: String
    /// The served area: WGS84 longitude/latitude, valid, split at the
    /// antimeridian (every longitude within ±180°).
    public let geometry: Geometry
    /// The geodesic radius in km when the area is a geodesic disc (calm air,
    /// nothing in the way); `nil` otherwise.
    public let radiusKm: Double?
    /// Which limit shapes the boundary: the time standard, the round-trip
    /// range, or both in different directions.
    public let limit: IsochroneLimit
    /// Number of boundary vertices placed (before splitting).
    public let vertexCount: Int
}

/// What bounds an isochrone.
public enum IsochroneLimit: String, Sendable, Codable {
    /// The time standard everywhere.
    case time
    /// The round-trip range (endurance) everywhere.
    case range
    /// The time standard in some directions, the range in others (wind).
    case timeAndRange = "time+range"
}
