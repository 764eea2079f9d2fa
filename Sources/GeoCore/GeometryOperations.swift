import CGEOS

/// Overlay, buffer, simplification and repair, through GEOS (OverlayNG).
///
/// All operations are planar and exact up to GEOS's floating-point robustness
/// (OverlayNG with snapping fallback); results are new geometries.
extension Geometry {
    /// The points shared by both geometries.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try Geometry(taking: GEOSIntersection_r(context, handle, other.handle), operation: "intersection")
    }

    /// The points of `self` not in `other`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try Geometry(taking: GEOSDifference_r(context, handle, other.handle), operation: "difference")
    }

    /// The points in either geometry.
    public func union(_ other: Geometry) throws -> Geometry {
        try Geometry(taking: GEOSUnion_r(context, handle, other.handle), operation: "union")
    }

    /// The union of many geometries at once (cascaded unary union: much faster
    /// than folding `union(_:)`; polygons by groups that share no point,
    /// `unionOfDisjointSubsets`). The union of none is an empty collection.
    public static func union(of geometries: [Geometry]) throws -> Geometry {
        let polygonal = geometries.allSatisfy { $0.kind == .polygon || $0.kind == .multiPolygon }
        return polygonal && geometries.count > 2 ? try unionOfDisjointSubsets(geometries) : try unaryUnion(geometries)
    }

    /// The region within `distance` (coordinate units) of the geometry; a
    /// negative distance shrinks polygons. `quadrantSegments` segments
    /// approximate each quarter circle (GEOS default 8).
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try Geometry(taking: GEOSBuffer_r(context, handle, distance, Int32(quadrantSegments)), operation: "buffer \(distance)")
    }

    /// A simplification whose vertices move at most `tolerance` (coordinate
    /// units) and which keeps the topology: no ring crosses itself or
    /// another, no part or hole disappears.
    public func simplifiedPreservingTopology(tolerance: Double) throws -> Geometry {
        try Geometry(taking: GEOSTopologyPreserveSimplify_r(context, handle, tolerance), operation: "simplify")
    }

    /// A valid geometry covering the same points (GEOS "structure" method:
    /// a bow-tie becomes two triangles, a self-overlapping ring its union).
    /// Collapsed parts (zero-area slivers) are dropped. A valid input is
    /// returned unchanged.
    public func makeValid() throws -> Geometry {
        if isValid { return self }
        let parameters = GEOSMakeValidParams_create_r(context)
        defer { GEOSMakeValidParams_destroy_r(context, parameters) }
        GEOSMakeValidParams_setMethod_r(context, parameters, GEOS_MAKE_VALID_STRUCTURE)
        GEOSMakeValidParams_setKeepCollapsed_r(context, parameters, 0)
        return try Geometry(taking: GEOSMakeValidWithParams_r(context, handle, parameters), operation: "make-valid")
    }

    /// The bounding box; `nil` for an empty geometry.
    public var envelope: Envelope? {
        if isEmpty { return nil }
        var e = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        GEOSGeom_getXMin_r(context, handle, &e.minX)
        GEOSGeom_getYMin_r(context, handle, &e.minY)
        GEOSGeom_getXMax_r(context, handle, &e.maxX)
        GEOSGeom_getYMax_r(context, handle, &e.maxY)
        return e
    }

    /// Whether the geometries share at least one point.
    public func intersects(_ other: Geometry) -> Bool {
        GEOSIntersects_r(context, handle, other.handle) == 1
    }

    /// Whether `other` lies in `self` with no point on `self`'s exterior and
    /// at least one interior point in common.
    public func contains(_ other: Geometry) -> Bool {
        GEOSContains_r(context, handle, other.handle) == 1
    }

    /// Whether the two geometries are the same point set.
    public func isTopologicallyEqual(to other: Geometry) -> Bool {
        GEOSEquals_r(context, handle, other.handle) == 1
    }

    /// A copy in GEOS normal form (rings start at their lowest vertex, parts
    /// sorted), so equal shapes compare equal vertex by vertex.
    public func normalized() throws -> Geometry {
        let copy = cloneHandle()
        guard GEOSNormalize_r(context, copy) == 0 else {
            GEOSGeom_destroy_r(context, copy)
            throw GeometryError("normalize: \(GEOSContext.current.takeError(or: "GEOS failed"))")
        }
        return try Geometry(taking: copy, operation: "normalize")
    }
}
