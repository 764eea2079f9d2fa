import CGEOS

/// A geometry indexed by GEOS for many predicate tests against it (point in
/// polygon, cell intersects zone). Build once, test many times.
///
/// Not thread-safe: GEOS builds its internal indexes lazily on first use, so
/// create one `PreparedGeometry` per thread.
public final class PreparedGeometry {
    /// The geometry this was prepared from; kept alive for GEOS.
    public let geometry: Geometry
    private let handle: OpaquePointer

    public init(_ geometry: Geometry) {
        self.geometry = geometry
        handle = GEOSPrepare_r(GEOSContext.current.handle, geometry.handle)!
    }

    deinit { GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, handle) }

    /// Whether `other` lies inside (no point outside, one inside).
    public func contains(_ other: Geometry) -> Bool {
        GEOSPreparedContains_r(GEOSContext.current.handle, handle, other.handle) == 1
    }

    /// Whether the point lies inside or on the boundary.
    public func covers(_ point: XY) -> Bool {
        let probe = Geometry.point(point)
        return withExtendedLifetime(probe) {
            GEOSPreparedCovers_r(GEOSContext.current.handle, handle, probe.handle) == 1
        }
    }

    /// Whether the point lies strictly inside (not on the boundary).
    public func contains(_ point: XY) -> Bool {
        contains(Geometry.point(point))
    }

    /// Whether `other` shares at least one point.
    public func intersects(_ other: Geometry) -> Bool {
        GEOSPreparedIntersects_r(GEOSContext.current.handle, handle, other.handle) == 1
    }
}
