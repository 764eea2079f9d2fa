import CGEOS

/// Building geometries from coordinates.
///
/// Rings are closed automatically when their last coordinate differs from the
/// first. Nothing is repaired here: an invalid ring (self-crossing, too few
/// points) is built as given and reported by `isValid` / `validityReason`;
/// use `makeValid()` to repair it.
extension Geometry {
    /// A point.
    public static func point(_ p: XY) -> Geometry {
        let context = GEOSContext.current.handle
        return try! Geometry(taking: GEOSGeom_createPointFromXY_r(context, p.x, p.y), operation: "point")
    }

    /// A line string through `points` (at least two).
    public static func lineString(_ points: [XY]) throws -> Geometry {
        guard points.count >= 2 else {
            throw GeometryError("a line string needs at least 2 points, got \(points.count)")
        }
        let context = GEOSContext.current.handle
        let sequence = try coordinateSequence(points)
        return try Geometry(taking: GEOSGeom_createLineString_r(context, sequence), operation: "line string")
    }

    /// A polygon with an exterior ring and optional holes. Each ring needs at
    /// least three distinct points; rings are closed if open.
    public static func polygon(exterior: [XY], holes: [[XY]] = []) throws -> Geometry {
        let context = GEOSContext.current.handle
        let shell = try linearRing(exterior, name: "exterior ring")
        var holeHandles: [OpaquePointer?] = []
        for (index, hole) in holes.enumerated() {
            do {
                holeHandles.append(try linearRing(hole, name: "hole \(index + 1)"))
            } catch {
                GEOSGeom_destroy_r(context, shell)
                holeHandles.forEach { GEOSGeom_destroy_r(context, $0) }
                throw error
            }
        }
        let polygon = holeHandles.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(context, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        return try Geometry(taking: polygon, operation: "polygon")
    }

    /// An axis-aligned rectangle.
    public static func rectangle(_ envelope: Envelope) -> Geometry {
        try! polygon(exterior: [
            XY(envelope.minX, envelope.minY), XY(envelope.maxX, envelope.minY),
            XY(envelope.maxX, envelope.maxY), XY(envelope.minX, envelope.maxY),
        ])
    }

    /// A multi-polygon from polygons (multi-polygon parts are flattened in).
    public static func multiPolygon(_ polygons: [Geometry]) throws -> Geometry {
        var parts: [Geometry] = []
        for geometry in polygons {
            switch geometry.kind {
            case .polygon: parts.append(geometry)
            case .multiPolygon: parts.append(contentsOf: geometry.parts)
            default: throw GeometryError("a multi-polygon takes polygons, got a \(geometry.kind)")
            }
        }
        return try collection(parts, kind: .multiPolygon)
    }

    /// A heterogeneous collection of copies of `geometries`.
    public static func collection(_ geometries: [Geometry]) throws -> Geometry {
        try collection(geometries, kind: .geometryCollection)
    }

    static func collection(_ geometries: [Geometry], kind: GeometryKind) throws -> Geometry {
        let context = GEOSContext.current.handle
        var handles: [OpaquePointer?] = geometries.map { $0.cloneHandle() }
        let result = handles.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(context, kind.rawValue, buffer.baseAddress, UInt32(buffer.count))
        }
        return try Geometry(taking: result, operation: "\(kind)")
    }

    static func coordinateSequence(_ points: [XY]) throws -> OpaquePointer {
        let context = GEOSContext.current.handle
        // One flat buffer x₀, y₀, x₁, y₁, … handed to GEOS in one copy.
        let flat = [Double](unsafeUninitializedCapacity: 2 * points.count) { buffer, count in
            for (i, p) in points.enumerated() {
                buffer[2 * i] = p.x
                buffer[2 * i + 1] = p.y
            }
            count = 2 * points.count
        }
        guard
            let sequence = flat.withUnsafeBufferPointer({ buffer in
                GEOSCoordSeq_copyFromBuffer_r(context, buffer.baseAddress, UInt32(points.count), 0, 0)
            })
        else {
            throw GeometryError("coordinate sequence: \(GEOSContext.current.takeError(or: "GEOS refused it"))")
        }
        return sequence
    }

    private static func linearRing(_ points: [XY], name: String) throws -> OpaquePointer {
        var ring = points
        if let first = ring.first, let last = ring.last, first != last { ring.append(first) }
        guard ring.count >= 4 else {
            throw GeometryError("\(name) needs at least 3 distinct points, got \(max(0, ring.count - 1))")
        }
        if let bad = ring.first(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            throw GeometryError("\(name) has a non-finite coordinate \(bad)")
        }
        let context = GEOSContext.current.handle
        let sequence = try coordinateSequence(ring)
        guard let result = GEOSGeom_createLinearRing_r(context, sequence) else {
            throw GeometryError("\(name): \(GEOSContext.current.takeError(or: "GEOS refused the ring"))")
        }
        return result
    }
}
