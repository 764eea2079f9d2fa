import Foundation
import GeoCore

extension IsochroneBuilder {
    /// The region reached when obstacles must be flown around.
    ///
    /// A point is reached through some *source*: the base, or a turning point
    /// at its fastest arrival time (`BaseRoutes`). From each source the
    /// reached region is its open-air region for the time (and round-trip
    /// time) left on arrival, minus the *shadows* the obstacles cast as seen
    /// from it — the points whose geodesic from the source crosses an
    /// obstacle. The isochrone is the union over sources, minus the
    /// obstacles themselves: the same rule `ReachModel.reach(via:to:)` applies
    /// point by point.
    func aroundObstacles(base: LonLat, direct: Geometry, timeBudget: Double, roundTripBudget: Double) throws -> Geometry {
        let airspace = model.airspace
        guard let blocked = airspace.blocked else { return direct }
        let routes = model.routes(from: base, maximumFlightSeconds: timeBudget)
        var pieces = [try direct.difference(try shadows(of: blocked, from: base, within: direct))]
        for (index, node) in routes.nodes.enumerated() {
            let out = routes.outSeconds[index], back = routes.backSeconds[index]
            guard out < timeBudget, out + back < roundTripBudget else { continue }
            let (region, _) = try reachable(from: node, timeBudget: timeBudget - out, roundTripBudget: roundTripBudget - out - back)
            pieces.append(try region.difference(try shadows(of: blocked, from: node, within: region)))
        }
        return try Geometry.union(of: pieces).difference(blocked)
    }

    /// The points of `region` hidden from `source` behind `blocked`: for each
    /// obstacle edge facing the source, the area between the edge and the
    /// geodesics from the source through its ends, out past `region`.
    private func shadows(of blocked: Geometry, from source: LonLat, within region: Geometry) throws -> Geometry {
        guard let bounds = region.envelope else { return try Geometry.union(of: []) }
        let geodesic = Geodesic.wgs84
        // Far enough to leave the region: its diagonal from the source, plus a margin.
        let corners = [XY(bounds.minX, bounds.minY), XY(bounds.maxX, bounds.minY), XY(bounds.maxX, bounds.maxY), XY(bounds.minX, bounds.maxY)]
        let far = corners.map { geodesic.inverse(from: source, to: $0.lonLat).distance }.max()! + 10_000
        var quads: [Geometry] = []
        for polygon in blocked.parts where polygon.kind == .polygon && polygon.intersects(region) {
            guard case .polygon(let rings) = polygon.coordinates else { continue }
            for ring in rings {
                for (a, b) in zip(ring, ring.dropFirst()) {
                    if let quad = try shadow(of: a.lonLat, b.lonLat, from: source, reaching: far) { quads.append(quad) }
                }
            }
        }
        return try Geometry.union(of: quads)
    }

    /// The shadow of segment a–b as seen from `source`, as a polygon whose
    /// sides follow the geodesics from the source (sampled every ~5 km).
    private func shadow(of a: LonLat, _ b: LonLat, from source: LonLat, reaching distance: Double) throws -> Geometry? {
        let geodesic = Geodesic.wgs84
        let toA = geodesic.inverse(from: source, to: a), toB = geodesic.inverse(from: source, to: b)
        var sweep = toB.azimuth1 - toA.azimuth1
        if sweep > 180 { sweep -= 360 }
        if sweep < -180 { sweep += 360 }
        guard abs(sweep) > 1e-9, toA.distance < distance, toB.distance < distance else { return nil }
        func ray(_ azimuth: Double, from start: Double) -> [XY] {
            let count = max(2, Int(((distance - start) / 5_000).rounded(.up)))
            return (0...count).map { i in
                geodesic.direct(from: source, azimuthDegrees: azimuth, distanceMetres: start + (distance - start) * Double(i) / Double(count)).destination.xy
            }
        }
        let arcCount = max(2, Int(abs(sweep).rounded(.up)))
        let arc = (1..<arcCount).map { i in
            geodesic.direct(from: source, azimuthDegrees: toA.azimuth1 + sweep * Double(i) / Double(arcCount), distanceMetres: distance).destination.xy
        }
        var ring = ray(toA.azimuth1, from: toA.distance) + arc + ray(toB.azimuth1, from: toB.distance).reversed()
        for i in 1..<ring.count {
            while ring[i].x - ring[i - 1].x > 180 { ring[i].x -= 360 }
            while ring[i].x - ring[i - 1].x < -180 { ring[i].x += 360 }
        }
        let quad = try Geometry.polygon(exterior: ring)
        return quad.isValid ? quad : try quad.makeValid()
    }
}
