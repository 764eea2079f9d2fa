/// Cuts lon/lat geometries at the antimeridian (±180°), as RFC 7946 §3.1.9
/// requires of GeoJSON.
///
/// Input contract: each ring or line is *continuous* in longitude — a path
/// that crosses the antimeridian either runs past ±180° (e.g. 170° to 190°)
/// or jumps by more than 180° between consecutive vertices (170° to −170°);
/// both are read as the short way across. Parts that lie beyond ±180° are
/// shifted back by 360°. A ring enclosing a pole is written closed along
/// it: its edge along latitude ±90° spans the longitudes as written (e.g.
/// from 180° back to −180°).
public enum AntimeridianSplit {
    /// The geometry with every part inside longitudes [−180°, 180°]; parts
    /// crossing the antimeridian become several parts that meet along it.
    /// A geometry already inside is returned unchanged.
    ///
    /// With `unwrapping` false the coordinates are taken as they are: the
    /// caller has already written them continuously (needed for rings closed
    /// along a pole, whose pole-side edge spans 360° of longitude on purpose).
    public static func split(_ geometry: Geometry, unwrapping: Bool = true) throws -> Geometry {
        // Continuous coordinates inside [−180°, 180°] need no cut: GEOS's
        // envelope says so without copying the coordinates out.
        if !unwrapping, let bounds = geometry.envelope, bounds.minX >= -180, bounds.maxX <= 180 { return geometry }
        let unwrapped = unwrapping ? unwrap(geometry.coordinates) : geometry.coordinates
        guard let bounds = envelope(of: unwrapped), bounds.minX < -180 || bounds.maxX > 180 else {
            return geometry
        }
        if case .point(let p) = unwrapped { return .point(XY(wrap(p.x), p.y)) }
        let shape = try Geometry(unwrapped)
        let world = Geometry.rectangle(Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90))
        var pieces: [Geometry] = []
        let firstTurn = Int(((bounds.minX + 180) / 360).rounded(.down))
        let lastTurn = Int(((bounds.maxX + 180) / 360).rounded(.down))
        for turn in firstTurn...lastTurn {
            let shift = -360.0 * Double(turn)
            let moved = turn == 0 ? shape : try Geometry(unwrapped.mapPaths { $0.map { XY($0.x + shift, $0.y) } })
            let piece = try moved.intersection(world)
            // Touching the cut line can leave lower-dimensional slivers; keep
            // only parts of the input's own dimension.
            pieces.append(contentsOf: piece.parts.filter { !$0.isEmpty && dimension($0.kind) == dimension(shape.kind) })
        }
        // Pieces from neighbouring turns can meet along a seam that is not the
        // antimeridian (a ring closed along a pole starts and ends on one
        // meridian): dissolve such seams. Pieces on either side of ±180° stay
        // apart, since −180 and 180 are different x values in the plane.
        let merged = try Geometry.union(of: pieces)
        let polygons = merged.parts.filter { $0.kind == .polygon }
        if !polygons.isEmpty, polygons.count == merged.partCount { return try Geometry.multiPolygon(polygons) }
        return merged
    }

    private static func dimension(_ kind: GeometryKind) -> Int {
        switch kind {
        case .point, .multiPoint: 0
        case .lineString, .linearRing, .multiLineString: 1
        case .polygon, .multiPolygon, .geometryCollection: 2
        }
    }

    /// Longitude brought into [−180°, 180°).
    public static func wrap(_ lon: Double) -> Double {
        let wrapped = (lon + 180).truncatingRemainder(dividingBy: 360)
        return (wrapped < 0 ? wrapped + 360 : wrapped) - 180
    }

    /// Removes jumps of more than 180° between consecutive vertices, and
    /// brings each polygon's holes next to its exterior.
    static func unwrap(_ coordinates: GeometryCoordinates) -> GeometryCoordinates {
        switch coordinates {
        case .polygon(let rings): return .polygon(unwrapRings(rings))
        case .multiPolygon(let polygons): return .multiPolygon(polygons.map(unwrapRings))
        case .collection(let items): return .collection(items.map(unwrap))
        default: return coordinates.mapPaths(unwrapPath)
        }
    }

    private static func unwrapRings(_ rings: [[XY]]) -> [[XY]] {
        guard let exterior = rings.first.map(unwrapPath), let anchor = exterior.first?.x else { return rings }
        return [exterior]
            + rings.dropFirst().map { hole in
                let path = unwrapPath(hole)
                guard let start = path.first?.x else { return path }
                let shift = 360 * ((anchor - start) / 360).rounded()
                return path.map { XY($0.x + shift, $0.y) }
            }
    }

    /// An edge along a pole (both ends at latitude ±90°, as in a ring
    /// closed around the pole) keeps the longitudes it spans as written:
    /// it is no crossing of the antimeridian.
    private static func unwrapPath(_ path: [XY]) -> [XY] {
        guard var previous = path.first else { return path }
        var previousAsWritten = previous
        var result = [previous]
        result.reserveCapacity(path.count)
        for p in path.dropFirst() {
            var x = p.x
            if abs(p.y) == 90 && p.y == previousAsWritten.y {
                x = previous.x + (p.x - previousAsWritten.x)
            } else {
                while x - previous.x > 180 { x -= 360 }
                while x - previous.x < -180 { x += 360 }
            }
            previousAsWritten = p
            previous = XY(x, p.y)
            result.append(previous)
        }
        return result
    }

    private static func envelope(of coordinates: GeometryCoordinates) -> Envelope? {
        var all: [XY] = []
        _ = coordinates.mapPaths { path in
            all.append(contentsOf: path); return path
        }
        return Envelope(covering: all)
    }
}
