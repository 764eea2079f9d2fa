import CProj

// TEMPORARY minimal geodesic (replaced by the full Geodesic from the geodesic branch on merge).
public struct GeodesicInverse: Sendable { public var distance: Double; public var azimuth1: Double; public var azimuth2: Double }
public struct GeodesicDirect: Sendable { public var destination: LonLat; public var azimuth2: Double }
public struct Geodesic: @unchecked Sendable {
    var g = geod_geodesic()
    public static let wgs84: Geodesic = { var x = Geodesic(); geod_init(&x.g, 6378137, 1 / 298.257223563); return x }()
    public func inverse(from a: LonLat, to b: LonLat) -> GeodesicInverse {
        var s = 0.0, a1 = 0.0, a2 = 0.0
        var copy = g
        geod_inverse(&copy, a.lat, a.lon, b.lat, b.lon, &s, &a1, &a2)
        return GeodesicInverse(distance: s, azimuth1: a1, azimuth2: a2)
    }
    public func direct(from a: LonLat, azimuthDegrees: Double, distanceMetres: Double) -> GeodesicDirect {
        var lat = 0.0, lon = 0.0, a2 = 0.0
        var copy = g
        geod_direct(&copy, a.lat, a.lon, azimuthDegrees, distanceMetres, &lat, &lon, &a2)
        return GeodesicDirect(destination: LonLat(lon, lat), azimuth2: a2)
    }
}
