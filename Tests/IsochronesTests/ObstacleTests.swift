import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// No-fly zones: paths go around them, points inside are unreachable, and
/// the isochrone polygon agrees with the point-by-point reach time.
@Suite struct ObstacleTests {
    func box(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double, name: String = "zone") throws -> Obstacle {
        try Obstacle(name: name, kind: .noFlyZone, area: .rectangle(Envelope(minX: minLon, minY: minLat, maxX: maxLon, maxY: maxLat)))
    }

    @Test func aSquareZoneBetweenBaseAndPointGivesTheHandComputedDetour() throws {
        let airspace = try Airspace(obstacles: [try box(0.4, -0.05, 0.6, 0.05)])
        let model = try ReachModel(aircraft: TestAircraft.fast, airspace: airspace)
        let base = LonLat(0, 0), target = LonLat(1, 0)
        let reach = model.reach(from: base, to: target)
        // Around the northern (or southern: symmetric) corners: three geodesic legs.
        let g = Geodesic.wgs84
        let legs =
            g.inverse(from: base, to: LonLat(0.4, 0.05)).distance
            + g.inverse(from: LonLat(0.4, 0.05), to: LonLat(0.6, 0.05)).distance
            + g.inverse(from: LonLat(0.6, 0.05), to: target).distance
        let expectedMinutes = legs / 5_000  // 300 km/h = 5 km/min
        // By hand on the equator (1° of longitude 111.32 km, of latitude 110.57 km): 44.87 + 22.26 + 44.87 km.
        #expect(abs(legs / 1000 - 112.0) < 0.1)
        let flight = try #require(reach.flightMinutes)
        #expect(flight >= expectedMinutes - 1e-9 && flight < expectedMinutes * 1.01, "\(flight) min against \(expectedMinutes) min")
        #expect(flight > g.inverse(from: base, to: target).distance / 5_000)
        // A point inside the zone cannot be served.
        #expect(model.reach(from: base, to: LonLat(0.5, 0.01)).limit == .obstacle)
    }

    @Test func theIsochroneExcludesTheShadowBehindAWall() throws {
        let wall = try box(0.3, -0.5, 0.5, 0.5, name: "wall")
        let model = try ReachModel(aircraft: TestAircraft.fast, airspace: try Airspace(obstacles: [wall]))
        let base = LonLat(0, 0)
        // 30 min standard: 20 min of flight, 100 km.
        let isochrone = try IsochroneBuilder(model: model, toleranceMetres: 100).isochrone(base: base, minutes: 30)
        #expect(isochrone.geometry.isValid)
        let prepared = PreparedGeometry(isochrone.geometry)
        #expect(!prepared.covers(XY(0.6, 0)))  // 67 km straight, but 143 km around the wall
        #expect(prepared.covers(XY(-0.8, 0)))  // open side, 89 km
        #expect(!prepared.covers(XY(0.4, 0)))  // inside the wall
        // Polygon membership agrees with the reach time point by point.
        let routes = model.routes(from: base, maximumFlightSeconds: 20 * 60)
        var generator = SplitMix64(seed: 11)
        var checked = 0
        for _ in 0..<1_500 {
            let p = LonLat(Double.random(in: -1...1, using: &generator), Double.random(in: -1...1, using: &generator))
            let reach = model.reach(via: routes, to: p)
            let minutes = reach.responseMinutes ?? .infinity
            guard abs(minutes - 30) > 0.2 else { continue }  // within 1 km of the edge: either answer is within tolerance
            if reach.limit == .obstacle && airspace(model).isBlocked(p) { #expect(!prepared.covers(p.xy)); continue }
            checked += 1
            #expect(prepared.covers(p.xy) == (minutes <= 30), "\(p): \(minutes) min")
        }
        #expect(checked > 1_000)
    }

    func airspace(_ model: ReachModel) -> Airspace { model.airspace }
}
