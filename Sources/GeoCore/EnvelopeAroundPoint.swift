import Foundation

extension Envelope {
    /// A lon/lat box holding every point within `radiusMetres` (geodesic) of
    /// `centre` on WGS84; the whole longitude range near the poles. A
    /// degree of latitude is at least 110,574 m; every path of length r
    /// stays within the latitude band, where a degree of longitude is at
    /// least 111,319 m × cos(widest latitude), so the longitude bound holds
    /// for geodesics that bulge poleward too. Longitudes may extend past
    /// ±180° (not wrapped).
    public static func around(_ centre: LonLat, radiusMetres radius: Double) -> Envelope {
        let dLat = radius / 110_574 + 1e-9
        let maxLat = min(90, centre.lat + dLat), minLat = max(-90, centre.lat - dLat)
        let widest = max(abs(maxLat), abs(minLat))
        guard widest < 89.9 else { return Envelope(minX: -180, minY: minLat, maxX: 180, maxY: maxLat) }
        let dLon = min(180, radius / (111_319 * cos(widest * .pi / 180)) + 1e-9)
        return Envelope(minX: centre.lon - dLon, minY: minLat, maxX: centre.lon + dLon, maxY: maxLat)
    }
}
