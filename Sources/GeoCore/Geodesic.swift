import CProj

/// The solution of the inverse geodesic problem: the shortest path between
/// two points on the ellipsoid.
public struct GeodesicInverse: Sendable, Equatable {
    /// Length of the geodesic, metres.
    public var distance: Double
    /// Azimuth at the first point, degrees clockwise from north, in [−180, 180].
    public var azimuth1: Double
    /// Azimuth at the second point (the direction of travel there), degrees.
    public var azimuth2: Double
}

/// The solution of the direct geodesic problem: where a geodesic of given
/// start, azimuth and length ends.
public struct GeodesicDirect: Sendable, Equatable {
    public var destination: LonLat
    /// Azimuth at the destination (the direction of travel there), degrees.
    public var azimuth2: Double
}

/// Geodesics on an ellipsoid (WGS84 by default) through PROJ's
/// implementation of C. F. F. Karney's algorithms ("Algorithms for
/// geodesics", J. Geodesy 87, 2013), the same as GeographicLib's.
///
/// Accuracy: round-off of about 15 nanometres in distance and 1e-15° in
/// position for any pair of points, including nearly antipodal ones (tested
/// against GeographicLib to 1e-6 m and 1e-9° on 1,250 reference geodesics).
/// The value is immutable and safe to use from any number of threads.
public struct Geodesic: Sendable {
    private let storage: Storage

    /// An ellipsoid of equatorial radius `a` metres and flattening `f`.
    public init(equatorialRadius a: Double, flattening f: Double) {
        storage = Storage(a: a, f: f)
    }

    /// The WGS84 ellipsoid (a = 6,378,137 m, f = 1/298.257223563).
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// The shortest path from `a` to `b`.
    public func inverse(from a: LonLat, to b: LonLat) -> GeodesicInverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        geod_inverse(storage.pointer, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2)
        return GeodesicInverse(distance: s12, azimuth1: azi1, azimuth2: azi2)
    }

    /// The end of the geodesic leaving `start` at `azimuthDegrees` (clockwise
    /// from north) for `distanceMetres` (negative goes backwards). The
    /// longitude returned is in [−180, 180].
    public func direct(from start: LonLat, azimuthDegrees: Double, distanceMetres: Double) -> GeodesicDirect {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        geod_direct(storage.pointer, start.lat, start.lon, azimuthDegrees, distanceMetres, &lat2, &lon2, &azi2)
        return GeodesicDirect(destination: LonLat(lon2, lat2), azimuth2: azi2)
    }

    /// `count` points (at least 2) equally spaced by distance along the
    /// geodesic from `a` to `b`, both ends included.
    public func points(from a: LonLat, to b: LonLat, count: Int) -> [LonLat] {
        precondition(count >= 2, "a geodesic sample needs at least its two ends")
        var line = geod_geodesicline()
        geod_inverseline(&line, storage.pointer, a.lat, a.lon, b.lat, b.lon, 0)
        let length = line.s13
        return (0..<count).map { i in
            if i == 0 { return a }
            if i == count - 1 { return b }
            var lat = 0.0, lon = 0.0
            geod_position(&line, length * Double(i) / Double(count - 1), &lat, &lon, nil)
            return LonLat(lon, lat)
        }
    }

    /// Points along the geodesic from `a` to `b`, ends included, at most
    /// `maxSpacingMetres` apart (equally spaced).
    public func points(from a: LonLat, to b: LonLat, maxSpacingMetres: Double) -> [LonLat] {
        precondition(maxSpacingMetres > 0, "spacing must be positive")
        let length = inverse(from: a, to: b).distance
        return points(from: a, to: b, count: max(2, Int((length / maxSpacingMetres).rounded(.up)) + 1))
    }

    /// Owns the `geod_geodesic` constants; never mutated after `init`.
    private final class Storage: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<geod_geodesic>
        init(a: Double, f: Double) {
            pointer = .allocate(capacity: 1)
            pointer.initialize(to: geod_geodesic())
            geod_init(pointer, a, f)
        }
        deinit { pointer.deallocate() }
    }
}
