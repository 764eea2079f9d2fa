import Foundation
import GeoCore
import Support

/// Builds isochrone polygons: the set of points an aircraft from a base
/// serves within a response-time standard.
///
/// The boundary is sampled by azimuth from the base: at each azimuth the
/// farthest point within both the time standard and the round-trip range
/// (`ReachModel.boundary`). Vertices are placed adaptively: an edge is split
/// while the midpoint of its chord (a straight segment in longitude/latitude,
/// as GeoJSON draws it) lies farther than `toleranceMetres` (geodesic
/// distance) from the true boundary point at the middle azimuth — so strongly
/// curved parts get more vertices and straight-ish parts fewer.
///
/// Boundary points are solved on their own rays, except in a uniform wind
/// where the range provably binds nowhere: there the boundary is smooth, and
/// vertices come from trigonometric series through 32 solved points
/// (`BoundarySeries`, accepted only when its measured error shows its
/// points within 10 µm of the solved boundary; the error bound is added to
/// every edge test).
///
/// Regions holding a pole are closed along the pole; a region holding both
/// poles (wider than a hemisphere) is built as the world minus the unserved
/// region around the antipode. Results are split at the antimeridian.
public struct IsochroneBuilder: Sendable {
    public let model: ReachModel
    /// Largest allowed distance between the polygon's edges and the true
    /// reach boundary, metres.
    public let toleranceMetres: Double

    /// The tolerances users may ask for, metres. Below 1 m the vertex count
    /// grows without bound (about 1/√tolerance per curved stretch; 1 mm
    /// ran for minutes and aborted on a multi-gigabyte allocation), finer
    /// than any planning input (demand cells are 0.1 km and up). Above
    /// 10 km the polygon is coarser than any demand cell it is meant to cover.
    public static let acceptedTolerances: ClosedRange<Double> = 1...10_000

    public init(model: ReachModel, toleranceMetres: Double = 100) {
        precondition(toleranceMetres > 0, "tolerance must be positive")
        self.model = model
        self.toleranceMetres = toleranceMetres
    }

    /// The isochrones of one base for several standards (minutes, ascending).
    public func isochrones(base: LonLat, minutes: [Double]) throws -> [Isochrone] {
        try Self.checkThresholds(minutes)
        return try minutes.map { try isochrone(base: base, minutes: $0) }
    }

    /// The isochrones of many bases, computed in parallel over bases; the
    /// result is the same whatever the thread count: `[base][threshold]`.
    public func isochrones(bases: [LonLat], minutes: [Double]) throws -> [[Isochrone]] {
        try Self.checkThresholds(minutes)
        let results = ParallelMap.map(bases.count) { index in
            Result { try self.isochrones(base: bases[index], minutes: minutes) }
        }
        return try results.map { try $0.get() }
    }

    /// The isochrone of one base for one standard.
    public func isochrone(base: LonLat, minutes: Double) throws -> Isochrone {
        guard abs(base.lat) <= 90, base.lon.isFinite else {
            throw AircraftError(aircraft: model.aircraft.name, problem: "base \(base) is not a WGS84 longitude, latitude")
        }
        let timeBudget = try model.flightBudgetSeconds(forStandard: minutes)
        let roundTripBudget = model.roundTripBudgetSeconds
        let (shape, ring) = try reachable(from: base, timeBudget: timeBudget, roundTripBudget: roundTripBudget)
        // `shape` is valid (`polygon` makes it so); a detour around
        // obstacles may not be.
        var geometry = shape
        if !model.airspace.isEmpty {
            geometry = try aroundObstacles(base: base, direct: shape, timeBudget: timeBudget, roundTripBudget: roundTripBudget)
            if !geometry.isValid { geometry = try geometry.makeValid() }
        }
        geometry = try AntimeridianSplit.split(geometry, unwrapping: false)
        let byTime = ring.contains { $0.limit == .time }, byRange = ring.contains { $0.limit == .range }
        let limit: IsochroneLimit = byTime && !byRange ? .time : byRange && !byTime ? .range : .timeAndRange
        let isDisc = model.wind.isCalm && model.airspace.isEmpty
        return Isochrone(
            base: base, minutes: minutes, aircraft: model.aircraft.name, geometry: geometry,
            radiusKm: isDisc ? ring[0].distance / 1000 : nil, limit: limit, vertexCount: ring.count)
    }

    /// The region reached from `origin` in open air (obstacles ignored), in
    /// continuous longitudes (not yet split), and its boundary points.
    func reachable(from origin: LonLat, timeBudget: Double, roundTripBudget: Double) throws -> (Geometry, [BoundaryPoint]) {
        let model = self.model, fan = GeodesicFan(origin: origin)
        var disc: CalmDisc?
        let edge: (Double) -> BoundaryPoint
        var initial: [BoundaryPoint] = []  // a uniform wind's 16 solved points at 0°, 22.5°, …
        var series: BoundarySeries?
        // In calm air the reach is mirror-symmetric about the base's meridian
        // (the ellipsoid is a surface of revolution): the eastern half is
        // built and reflected (away from the poles, where the meridian is
        // undefined).
        let symmetric = model.wind.isCalm && abs(origin.lat) < 89
        // Along a fan the boundary's arc is a smooth function of the azimuth:
        // each ray's search starts from the arc interpolated from 16 rays
        // solved in full (`AzimuthSeries`); the point is still solved to
        // full accuracy on its own ray.
        if let fan, model.wind.isCalm {
            let (byTime, byRange) = model.calmDistances(timeBudget: timeBudget, roundTripBudget: roundTripBudget)
            let radius = min(byTime, byRange), limit: ReachLimit = byTime <= byRange ? .time : .range
            let arcs = AzimuthSeries.sampling(even: symmetric) { fan.ray(azimuth: $0).arc(forDistance: radius).arc }
            edge = {
                let ray = fan.ray(azimuth: $0)
                let (arc, longitude) = ray.arc(forDistance: radius, start: arcs.value(sin: ray.sinAzimuth, cos: ray.cosAzimuth))
                return BoundaryPoint(azimuth: $0, distance: radius, position: ray.point(atArc: arc, longitudeIntegral: longitude), limit: limit)
            }
            disc = CalmDisc(centre: origin, radius: radius)
        } else if let fan, case .uniform(let vector) = model.wind {
            let conditions = UniformWindRay.Conditions(wind: vector, airspeed: model.timer.airspeed)
            func solve(_ azimuth: Double, _ arcs: AzimuthSeries?) -> (point: BoundaryPoint, timeArc: Double) {
                let ray = fan.ray(azimuth: azimuth)
                return ReachModel.uniformWindBoundary(
                    UniformWindRay(ray: ray, conditions: conditions),
                    timeBudget: timeBudget, roundTripBudget: roundTripBudget,
                    timeArc: arcs?.value(sin: ray.sinAzimuth, cos: ray.cosAzimuth))
            }
            let coarse = (0..<16).map { solve(Double($0) * 22.5, nil) }
            let arcs = AzimuthSeries(samples: coarse.map(\.timeArc))
            // Out and back, the ground speed lies between v − w and v + w: at
            // the time limit the round trip takes at most budget (1 + (v + w)/(v − w)).
            // When that fits the range binds nowhere, and the boundary is
            // smooth enough for series (`BoundarySeries`), checked on 16 more rays.
            initial = coarse.map(\.point)
            if timeBudget * (1 + conditions.speedRatio) <= roundTripBudget,
                let boundary = BoundarySeries(
                    base: origin, samples: (0..<32).map { $0 % 2 == 0 ? coarse[$0 / 2].point : solve(Double($0) * 11.25, arcs).point },
                    maximumPointError: Self.seriesPointError)
            {
                series = boundary
                edge = boundary.point(azimuth:)
            } else {
                edge = { solve($0, arcs).point }
            }
        } else {
            edge = { model.boundary(from: origin, fan: fan, azimuth: $0, timeBudget: timeBudget, roundTripBudget: roundTripBudget) }
        }
        let ring: [BoundaryPoint]
        if symmetric {
            ring = mirroredRing(adaptiveRing(edge, disc: disc, halfTurn: true), base: origin)
        } else if let series {
            // Vertices from the series lie within its error bound of the true
            // boundary, so an edge between two lies within that bound of the
            // chord between the true points; middles are probed within
            // `probeError`.
            ring = series.ring(from: initial, target: refinementTarget, scale: LocalScale(middleOf: initial))
        } else if !initial.isEmpty {
            // A uniform wind's 16 solved points (a zero wind counts as calm
            // and has none).
            ring = predictedRing(edge, initial: initial)
        } else {
            ring = adaptiveRing(edge, disc: disc, halfTurn: false)
        }
        let south = symmetric ? ring.first { $0.azimuth == 180 } ?? edge(180) : edge(180)
        return (try polygon(ring: ring, base: origin, boundaryNorth: ring[0], boundarySouth: south), ring)
    }

    /// Boundary points in azimuth order from 0° (exclusive of 360°), or from
    /// 0° to 180° inclusive for `halfTurn`.
    private func adaptiveRing(_ edge: (Double) -> BoundaryPoint, disc: CalmDisc?, halfTurn: Bool) -> [BoundaryPoint] {
        let initial = halfTurn ? 8 : 16, span = halfTurn ? 180.0 : 360.0
        let starts = (0...initial).map { edge(Double($0) * span / Double(initial)) }
        var ring: [BoundaryPoint] = []
        ring.reserveCapacity(256)
        for i in 0..<initial {
            refine(starts[i], starts[i + 1], depth: 0, edge: edge, disc: disc, into: &ring)
        }
        if halfTurn { ring.append(starts[initial]) }
        return ring
    }

    /// Boundary points in azimuth order from 0° (exclusive of 360°) for a
    /// smooth boundary (a uniform wind), from the `initial` points at 0°,
    /// 22.5°, … 337.5°: the ring is refined in passes, each
    /// edge checked against the middle predicted from its neighbours
    /// (`BoundaryPrediction`, its error estimate added), so that a boundary
    /// point is solved for only where a vertex is placed; where the
    /// prediction is unavailable or its error estimate exceeds a quarter of
    /// the target, the middle is solved for as in `refine`.
    private func predictedRing(_ edge: (Double) -> BoundaryPoint, initial: [BoundaryPoint]) -> [BoundaryPoint] {
        let target = refinementTarget
        var ring = initial
        let scale = LocalScale(middleOf: initial)
        // kept[i]: edge i (ring[i] to ring[i + 1]) passed the last pass's
        // test unsplit. An edge kept whose neighbouring edges were kept too
        // has the same four points as then, so it passes again untested.
        var kept = [Bool](repeating: false, count: ring.count)
        for _ in 0..<24 {
            var next: [BoundaryPoint] = [], nextKept: [Bool] = []
            next.reserveCapacity(2 * ring.count)
            nextKept.reserveCapacity(2 * ring.count)
            let n = ring.count
            for i in 0..<n {
                let a = ring[i]
                next.append(a)
                // Neighbours' indices (no integer division: this loop is hot).
                let before = i > 0 ? i - 1 : n - 1, after = i + 1 < n ? i + 1 : 0, afterNext = after + 1 < n ? after + 1 : 0
                if kept[i] && kept[before] && kept[after] {
                    nextKept.append(true)
                    continue
                }
                let b = ring[after], chordMiddle = Self.chordMiddle(a, b)
                let bAzimuth = i + 1 < n ? b.azimuth : b.azimuth + 360
                var middle: BoundaryPoint?
                let deviation: Double
                if let prediction = BoundaryPrediction(ring[before], a, b, ring[afterNext]),
                    prediction.errorEstimate <= 0.25 * target
                {
                    deviation = scale.distance(chordMiddle, prediction.middle) + prediction.errorEstimate
                } else {
                    middle = edge((a.azimuth + bAzimuth) / 2)
                    deviation = scale.distance(chordMiddle, middle!.position)
                }
                guard deviation > target else {
                    nextKept.append(true)
                    continue
                }
                // 5% over: a piece's deviation, estimated as the edge's over
                // k², is slightly optimistic where the distance grows along
                // the edge, and splitting a piece again costs more than one
                // more vertex now (the benchmark's wind: 221 → 192 vertices).
                let pieces = Self.pieces(deviation: 1.05 * deviation, target: target)
                for k in 1..<pieces {
                    next.append(pieces == 2 && middle != nil ? middle! : edge(a.azimuth + (bAzimuth - a.azimuth) * Double(k) / Double(pieces)))
                }
                nextKept.append(contentsOf: repeatElement(false, count: pieces))
            }
            if next.count == n { return ring }
            ring = next
            kept = nextKept
        }
        return ring
    }

    /// The full ring from its eastern half (azimuths 0…180° inclusive): the
    /// points strictly between 0° and 180°, reflected across the base's
    /// meridian (azimuth 360° − α, longitude 2 λ₀ − λ), in reverse order.
    private func mirroredRing(_ east: [BoundaryPoint], base: LonLat) -> [BoundaryPoint] {
        let west = east.dropFirst().dropLast().reversed().map { point in
            var lon = 2 * base.lon - point.position.lon
            if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
            return BoundaryPoint(
                azimuth: 360 - point.azimuth, distance: point.distance,
                position: LonLat(lon, point.position.lat), limit: point.limit)
        }
        return east + west
    }

    /// Appends `a` and the points refining the edge from `a` to `b`.
    private func refine(
        _ a: BoundaryPoint, _ b: BoundaryPoint, depth: Int,
        edge: (Double) -> BoundaryPoint, disc: CalmDisc?, into ring: inout [BoundaryPoint]
    ) {
        let chordMiddle = Self.chordMiddle(a, b)
        // A disc's boundary is at a known distance from its centre; otherwise
        // the chord's middle is compared with the boundary point at the
        // middle azimuth.
        var middle: BoundaryPoint?
        let deviation: Double
        if let disc {
            deviation = disc.distanceToEdge(chordMiddle)
        } else {
            middle = edge((a.azimuth + b.azimuth) / 2)
            deviation = Self.shortDistance(chordMiddle, middle!.position)
        }
        let target = refinementTarget
        guard deviation > target, depth < 24 else {
            ring.append(a)
            return
        }
        let pieces = Self.pieces(deviation: deviation, target: target)
        // Piece by piece (no array of points: this runs once per edge).
        var from = a
        for k in 1...pieces {
            let to = k == pieces ? b : pieces == 2 && middle != nil ? middle! : edge(a.azimuth + (b.azimuth - a.azimuth) * Double(k) / Double(pieces))
            refine(from, to, depth: depth + 1, edge: edge, disc: disc, into: &ring)
            from = to
        }
    }

    /// The middle of the straight lon/lat segment from `a` to `b` (the
    /// shorter way round in longitude), as GeoJSON draws an edge.
    static func chordMiddle(_ a: BoundaryPoint, _ b: BoundaryPoint) -> LonLat {
        var bLon = b.position.lon
        while bLon - a.position.lon > 180 { bLon -= 360 }
        while bLon - a.position.lon < -180 { bLon += 360 }
        return LonLat((a.position.lon + bLon) / 2, (a.position.lat + b.position.lat) / 2)
    }

    /// How many pieces an edge whose middle deviates by `deviation` is split
    /// into: a chord's departure from a smooth curve grows with the square
    /// of the angle it spans, so k pieces with k² ≥ deviation/target (each
    /// piece is checked again, so this only saves work).
    static func pieces(deviation: Double, target: Double) -> Int {
        min(64, max(2, Int((deviation / target).squareRoot().rounded(.up))))
    }

    /// Distance between two nearby points from the local radii of curvature
    /// of WGS84 (meridian M, prime vertical N): within 0.1% of the geodesic
    /// distance below 10 km, which is all the refinement test needs.
    static func shortDistance(_ p: LonLat, _ q: LonLat) -> Double {
        let a = 6_378_137.0, e2 = 0.006_694_379_990_141_317
        let (sinPhi, cosPhi) = SmallAngle.sinCos(degrees: (p.lat + q.lat) / 2)
        // n = a / √w and m = a (1 − e²) / w^(3/2): one square root, one division.
        let r = 1 / (1 - e2 * sinPhi * sinPhi).squareRoot()
        let n = a * r, m = a * (1 - e2) * r * r * r
        var dLon = q.lon - p.lon
        if dLon > 180 { dLon -= 360 }
        if dLon < -180 { dLon += 360 }
        let x = n * cosPhi * dLon * .pi / 180, y = m * (q.lat - p.lat) * .pi / 180
        return (x * x + y * y).squareRoot()
    }

    /// The polygon bounded by `ring`, closed along a pole or complemented as
    /// needed, in continuous longitudes (not yet split) and valid: a ring
    /// certified simple around the base (`StarShapedRing`) skips GEOS's
    /// validity test, any other shape is tested and repaired if need be.
    private func polygon(ring: [BoundaryPoint], base: LonLat, boundaryNorth: BoundaryPoint, boundarySouth: BoundaryPoint) throws -> Geometry {
        let geodesic = Geodesic.wgs84
        let holdsNorthPole = boundaryNorth.distance > geodesic.inverse(from: base, to: LonLat(base.lon, 90)).distance
        let holdsSouthPole = boundarySouth.distance > geodesic.inverse(from: base, to: LonLat(base.lon, -90)).distance
        var path: [XY] = []
        for point in ring {
            var lon = point.position.lon
            if let previous = path.last {
                while lon - previous.x > 180 { lon -= 360 }
                while lon - previous.x < -180 { lon += 360 }
            }
            path.append(XY(lon, point.position.lat))
        }
        // Close the ring continuously: the first vertex again, unwrapped.
        var closing = path[0]
        while closing.x - path[path.count - 1].x > 180 { closing.x -= 360 }
        while closing.x - path[path.count - 1].x < -180 { closing.x += 360 }
        var shape: Geometry
        switch (holdsNorthPole, holdsSouthPole) {
        case (false, false):
            shape = try Geometry.polygon(exterior: path)
            // The base in the ring's continuous longitudes.
            var centre = XY(base.lon, base.lat)
            while centre.x - path[0].x > 180 { centre.x -= 360 }
            while centre.x - path[0].x < -180 { centre.x += 360 }
            if StarShapedRing.isCertifiedSimple(path, around: centre) { return shape }
        case (true, false), (false, true):
            // The ring winds once around the pole: its longitude advances by
            // ±360°. Close it along the pole's latitude.
            let poleLat = holdsNorthPole ? 90.0 : -90.0
            shape = try Geometry.polygon(exterior: path + [closing, XY(closing.x, poleLat), XY(path[0].x, poleLat)])
        case (true, true):
            let centre = (path.map(\.x).min()! + path.map(\.x).max()!) / 2
            let world = Geometry.rectangle(Envelope(minX: centre - 180, minY: -90, maxX: centre + 180, maxY: 90))
            shape = try world.difference(try Geometry.polygon(exterior: path))
        }
        if !shape.isValid { shape = try shape.makeValid() }
        return shape
    }

    /// The largest expected error of a boundary series' points
    /// (`BoundarySeries.pointError`) accepted, metres: 10 µm, a tenth of
    /// a microsecond of flight, as close as the solved points' time budget
    /// is met.
    static let seriesPointError = 1e-5

    /// The deviation edges are refined to, metres: 80% of the tolerance,
    /// since the chord's worst point is near, not exactly at, its middle.
    var refinementTarget: Double { 0.8 * toleranceMetres }

    static func checkThresholds(_ minutes: [Double]) throws {
        guard !minutes.isEmpty else { throw IsochroneError("no time thresholds given") }
        for (a, b) in zip(minutes, minutes.dropFirst()) where !(a < b) {
            throw IsochroneError("time thresholds must be strictly increasing, got \(minutes.map { String($0) }.joined(separator: ", "))")
        }
    }
}

public struct IsochroneError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
