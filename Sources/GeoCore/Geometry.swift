import CGEOS

/// The kind of a geometry, as in the OGC Simple Features model.
public enum GeometryKind: Int32, Sendable {
    case point = 0, lineString, linearRing, polygon
    case multiPoint, multiLineString, multiPolygon, geometryCollection
}

/// A planar geometry held by GEOS.
///
/// `Geometry` owns one GEOS handle and frees it when the value goes away; the
/// handle never leaves GeoCore. Geometries are immutable: every operation
/// returns a new geometry. Reading one geometry from several threads at once
/// is safe (each thread uses its own GEOS context); `PreparedGeometry` is not.
///
/// Coordinates are planar: metres in a projected CRS, or degrees (x = lon,
/// y = lat) for WGS84. Measures (`area`, `length`, `buffer` distances) are in
/// the units of the coordinates, so exact areas in km² come from geometries
/// projected to an equal-area CRS (see `EqualAreaProjection`).
public final class Geometry: @unchecked Sendable, CustomStringConvertible {
    let handle: OpaquePointer

    /// Takes ownership of a GEOS geometry. `nil` means the GEOS call failed.
    init(taking handle: OpaquePointer?, operation: @autoclosure () -> String) throws {
        guard let handle else {
            let context = GEOSContext.current
            throw GeometryError("\(operation()) failed: \(context.takeError(or: "GEOS gave no reason"))")
        }
        self.handle = handle
        Self.computeEnvelopes(handle, context: GEOSContext.current.handle)
    }

    /// Computes the envelope of the geometry and of every part and ring in
    /// it, as GEOS 3.12 and later do when they build a geometry. GEOS 3.11
    /// (Debian 12) computes them lazily on first use and caches them in the
    /// geometry, so threads reading a fresh geometry at once race to write
    /// the cache (GEOS pull request 824, trac ticket 855); computed here, on
    /// the thread that built it, they make shared reading read-only.
    private static func computeEnvelopes(_ handle: OpaquePointer, context: OpaquePointer) {
        guard GEOSisEmpty_r(context, handle) == 0 else { return }
        var ignored = 0.0
        GEOSGeom_getXMin_r(context, handle, &ignored)
        switch GEOSGeomTypeId_r(context, handle) {
        case GeometryKind.polygon.rawValue:
            if let exterior = GEOSGetExteriorRing_r(context, handle) { computeEnvelopes(exterior, context: context) }
            for index in 0..<max(0, GEOSGetNumInteriorRings_r(context, handle)) {
                if let hole = GEOSGetInteriorRingN_r(context, handle, index) { computeEnvelopes(hole, context: context) }
            }
        case GeometryKind.multiPoint.rawValue, GeometryKind.multiLineString.rawValue,
            GeometryKind.multiPolygon.rawValue, GeometryKind.geometryCollection.rawValue:
            for index in 0..<max(0, GEOSGetNumGeometries_r(context, handle)) {
                if let part = GEOSGetGeometryN_r(context, handle, index) { computeEnvelopes(part, context: context) }
            }
        default:
            break
        }
    }

    deinit { GEOSGeom_destroy_r(GEOSContext.current.handle, handle) }

    var context: OpaquePointer { GEOSContext.current.handle }

    /// A deep copy whose handle this caller may give away to GEOS.
    func cloneHandle() -> OpaquePointer { GEOSGeom_clone_r(context, handle)! }

    // MARK: Properties

    public var kind: GeometryKind { GeometryKind(rawValue: GEOSGeomTypeId_r(context, handle)) ?? .geometryCollection }

    public var isEmpty: Bool { GEOSisEmpty_r(context, handle) == 1 }

    /// Whether the geometry is valid in the OGC sense (rings closed and simple,
    /// holes inside shells, no self-intersection).
    public var isValid: Bool { GEOSisValid_r(context, handle) == 1 }

    /// Why the geometry is invalid (with the location GEOS found), or
    /// "Valid Geometry".
    public var validityReason: String {
        guard let text = GEOSisValidReason_r(context, handle) else { return "unknown" }
        defer { GEOSFree_r(context, text) }
        return String(cString: text)
    }

    /// Planar area in squared coordinate units (m² in a metric projection).
    /// Zero for points and lines.
    public var area: Double {
        var value = 0.0
        GEOSArea_r(context, handle, &value)
        return value
    }

    /// Planar length (perimeter for areal geometries) in coordinate units.
    public var length: Double {
        var value = 0.0
        GEOSLength_r(context, handle, &value)
        return value
    }

    /// Number of parts of a multi-geometry or collection; 1 for a single one.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(context, handle)) }

    /// The parts of a multi-geometry or collection (copies); `[self]` for a
    /// single geometry.
    public var parts: [Geometry] {
        switch kind {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return (0..<Int32(partCount)).map { index in
                let part = GEOSGetGeometryN_r(context, handle, index)!
                return try! Geometry(taking: GEOSGeom_clone_r(context, part), operation: "clone part")
            }
        default:
            return [self]
        }
    }

    public var description: String { (try? wkt(precision: 9)) ?? "<geometry>" }
}
