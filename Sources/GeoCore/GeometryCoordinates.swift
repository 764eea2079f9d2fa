import CGEOS

/// A geometry as plain coordinates, the shape GeoJSON uses: polygons are
/// lists of rings (exterior first, then holes), each ring closed (first
/// coordinate repeated last).
public indirect enum GeometryCoordinates: Hashable, Sendable {
    case point(XY)
    case lineString([XY])
    case polygon([[XY]])
    case multiPoint([XY])
    case multiLineString([[XY]])
    case multiPolygon([[[XY]]])
    case collection([GeometryCoordinates])

    /// The same shape with every coordinate replaced by `transform(coordinate)`.
    /// `transform` receives whole rings/lines at once so it can batch work
    /// (e.g. one PROJ call per ring).
    public func mapPaths(_ transform: ([XY]) throws -> [XY]) rethrows -> GeometryCoordinates {
        switch self {
        case .point(let p): return .point(try transform([p])[0])
        case .lineString(let line): return .lineString(try transform(line))
        case .polygon(let rings): return .polygon(try rings.map(transform))
        case .multiPoint(let points): return .multiPoint(try transform(points))
        case .multiLineString(let lines): return .multiLineString(try lines.map(transform))
        case .multiPolygon(let polygons): return .multiPolygon(try polygons.map { try $0.map(transform) })
        case .collection(let items): return .collection(try items.map { try $0.mapPaths(transform) })
        }
    }
}

extension Geometry {
    /// Builds a geometry from plain coordinates.
    public convenience init(_ coordinates: GeometryCoordinates) throws {
        let built: Geometry
        switch coordinates {
        case .point(let p): built = .point(p)
        case .lineString(let line): built = try .lineString(line)
        case .polygon(let rings): built = try .polygon(rings)
        case .multiPoint(let points): built = try .collection(points.map { .point($0) }, kind: .multiPoint)
        case .multiLineString(let lines): built = try .collection(lines.map { try .lineString($0) }, kind: .multiLineString)
        case .multiPolygon(let polygons): built = try .collection(polygons.map { try .polygon($0) }, kind: .multiPolygon)
        case .collection(let items): built = try .collection(items.map { try Geometry($0) })
        }
        try self.init(taking: built.cloneHandle(), operation: "copy")
    }

    /// The geometry's coordinates, rings closed as GEOS stores them.
    public var coordinates: GeometryCoordinates {
        switch kind {
        case .point:
            if isEmpty { return .multiPoint([]) }
            return .point(Self.path(of: handle)[0])
        case .lineString, .linearRing: return .lineString(Self.path(of: handle))
        case .polygon: return .polygon(Self.rings(of: handle))
        case .multiPoint: return .multiPoint(partHandles.map { Self.path(of: $0)[0] })
        case .multiLineString: return .multiLineString(partHandles.map { Self.path(of: $0) })
        case .multiPolygon: return .multiPolygon(partHandles.map { Self.rings(of: $0) })
        case .geometryCollection:
            return .collection(parts.map(\.coordinates))
        }
    }

    private static func polygon(_ rings: [[XY]]) throws -> Geometry {
        guard let exterior = rings.first else { return emptyPolygon() }
        return try polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    private static func emptyPolygon() -> Geometry {
        try! Geometry(taking: GEOSGeom_createEmptyPolygon_r(GEOSContext.current.handle), operation: "empty polygon")
    }

    /// Borrowed handles of the parts (valid while `self` lives).
    private var partHandles: [OpaquePointer] {
        (0..<Int32(partCount)).map { GEOSGetGeometryN_r(context, handle, $0)! }
    }

    private static func rings(of polygon: OpaquePointer) -> [[XY]] {
        let context = GEOSContext.current.handle
        if GEOSisEmpty_r(context, polygon) == 1 { return [] }
        var rings = [path(of: GEOSGetExteriorRing_r(context, polygon)!)]
        for index in 0..<GEOSGetNumInteriorRings_r(context, polygon) {
            rings.append(path(of: GEOSGetInteriorRingN_r(context, polygon, index)!))
        }
        return rings
    }

    private static func path(of simple: OpaquePointer) -> [XY] {
        let context = GEOSContext.current.handle
        guard let sequence = GEOSGeom_getCoordSeq_r(context, simple) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(context, sequence, &size)
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        flat.withUnsafeMutableBufferPointer { buffer in
            _ = GEOSCoordSeq_copyToBuffer_r(context, sequence, buffer.baseAddress, 0, 0)
        }
        return (0..<Int(size)).map { XY(flat[2 * $0], flat[2 * $0 + 1]) }
    }
}

extension GeometryKind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }
}

extension Geometry {
    /// The first position that is not a WGS84 longitude (−180…180),
    /// latitude (−90…90), if any: for refusing files with swapped or
    /// projected coordinates where lon/lat is required.
    public var firstPositionOutsideWGS84: XY? {
        guard let bounds = envelope,
            bounds.minX < -180 || bounds.maxX > 180 || bounds.minY < -90 || bounds.maxY > 90
        else { return nil }
        var found: XY?
        _ = coordinates.mapPaths { path in
            if found == nil { found = path.first { !(-180...180).contains($0.x) || !(-90...90).contains($0.y) } }
            return path
        }
        return found
    }

    /// `firstPositionOutsideWGS84` in a planner's words; `nil` when every position is lon/lat.
    public var positionOutsideWGS84Problem: String? {
        firstPositionOutsideWGS84.map {
            "position \($0.x),\($0.y) is outside WGS84 (longitude −180…180, latitude −90…90); is it LAT,LON? Positions are LON,LAT"
        }
    }
}
