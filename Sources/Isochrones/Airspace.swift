import Foundation
import GeoCore

/// One area an aircraft must not enter: a no-fly zone (restricted airspace)
/// or terrain above its maximum operating altitude.
public struct Obstacle: Sendable {
    public enum Kind: String, Sendable, Codable {
        case noFlyZone = "no_fly_zone"
        case terrain
    }

    /// A name for messages and maps (the zone's name, or "terrain above 3000 m").
    public let name: String
    public let kind: Kind
    /// The area, WGS84 lon/lat, valid, polygonal, within ±180° of longitude.
    public let area: Geometry

    public init(name: String, kind: Kind, area: Geometry) throws {
        guard area.kind == .polygon || area.kind == .multiPolygon else {
            throw IsochroneError("obstacle \"\(name)\" is a \(area.kind), not a polygon")
        }
        self.name = name
        self.kind = kind
        self.area = area.isValid ? area : try area.makeValid()
    }
}

/// The obstacles aircraft fly around: no-fly zones and high terrain.
///
/// Paths go around obstacles through *turning points* placed `clearance`
/// metres outside each convex corner (a shortest path among polygons only
/// bends at convex corners), so a detour is longer than the true shortest
/// path by at most a few times the clearance.
public struct Airspace: Sendable {
    public let obstacles: [Obstacle]
    /// Distance kept from obstacle corners, metres.
    public let clearance: Double
    /// Turning points around the obstacles, WGS84.
    let turningPoints: [LonLat]
    /// All obstacles as one geometry, for point and path tests.
    let blocked: Geometry?
    private let index: SpatialIndex
    private let envelopes: [Envelope]

    public init(obstacles: [Obstacle], clearance: Double = 20) throws {
        self.obstacles = obstacles
        self.clearance = clearance
        blocked = obstacles.isEmpty ? nil : try Geometry.union(of: obstacles.map(\.area))
        let polygons = blocked?.parts.filter { $0.kind == .polygon } ?? []
        envelopes = polygons.compactMap(\.envelope)
        index = SpatialIndex(envelopes)
        var points: [LonLat] = []
        for polygon in polygons {
            guard case .polygon(let rings) = polygon.coordinates else { continue }
            for ring in rings { points.append(contentsOf: Self.cornersOutside(ring: ring, clearance: clearance, isHole: ring != rings[0])) }
        }
        turningPoints = points
    }

    public static let empty = try! Airspace(obstacles: [])

    public var isEmpty: Bool { obstacles.isEmpty }

    /// Whether `point` lies in an obstacle (boundary included).
    public func isBlocked(_ point: LonLat) -> Bool {
        guard let blocked else { return false }
        return !index.query(point.xy).isEmpty && blocked.intersects(.point(point.xy))
    }

    /// Whether the geodesic from `a` to `b` stays out of every obstacle.
    /// The geodesic is followed through points at most `step` metres apart
    /// (straight lon/lat segments between them depart from it by well under a
    /// metre at 5 km spacing).
    public func isClear(from a: LonLat, to b: LonLat, step: Double = 5_000) -> Bool {
        guard let blocked else { return true }
        let line = Geodesic.wgs84.inverse(from: a, to: b)
        let count = max(1, Int((line.distance / step).rounded(.up)))
        var path = [a.xy]
        for i in 1..<count {
            path.append(Geodesic.wgs84.direct(from: a, azimuthDegrees: line.azimuth1, distanceMetres: line.distance * Double(i) / Double(count)).destination.xy)
        }
        path.append(b.xy)
        // Unwrap longitudes so a path across the antimeridian stays continuous.
        for i in 1..<path.count {
            while path[i].x - path[i - 1].x > 180 { path[i].x -= 360 }
            while path[i].x - path[i - 1].x < -180 { path[i].x += 360 }
        }
        guard let box = Envelope(covering: path), !index.query(box).isEmpty,
            let segment = try? Geometry.lineString(path)
        else { return true }
        return !blocked.intersects(segment)
    }

    /// Points `clearance` metres outside the convex corners of a ring.
    /// For an exterior ring (any orientation) a convex corner turns the same
    /// way as the ring; for a hole, the opposite way.
    private static func cornersOutside(ring: [XY], clearance: Double, isHole: Bool) -> [LonLat] {
        var vertices = ring
        if vertices.first == vertices.last { vertices.removeLast() }
        guard vertices.count >= 3 else { return [] }
        let orientation = signedArea(vertices) > 0 ? 1.0 : -1.0
        var corners: [LonLat] = []
        for i in vertices.indices {
            let previous = vertices[(i + vertices.count - 1) % vertices.count]
            let current = vertices[i], next = vertices[(i + 1) % vertices.count]
            let turn = (current.x - previous.x) * (next.y - current.y) - (current.y - previous.y) * (next.x - current.x)
            let convex = (turn * orientation > 0) != isHole
            guard convex else { continue }
            // Step outwards along the bisector of the two edges' outward directions.
            let here = current.lonLat
            let back = Geodesic.wgs84.inverse(from: here, to: previous.lonLat).azimuth1
            let ahead = Geodesic.wgs84.inverse(from: here, to: next.lonLat).azimuth1
            var bisector = (back + ahead) / 2
            if abs(back - ahead) > 180 { bisector += 180 }
            // The bisector of the two edge directions points inside at a convex corner: go the other way.
            let outward = bisector + 180
            corners.append(Geodesic.wgs84.direct(from: here, azimuthDegrees: outward, distanceMetres: clearance * 1.5).destination)
        }
        return corners
    }

    private static func signedArea(_ ring: [XY]) -> Double {
        var sum = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }
}
