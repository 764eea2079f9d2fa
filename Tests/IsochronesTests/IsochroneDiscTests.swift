import Foundation
import Testing
import GeoCore
@testable import Isochrones

/// Calm air, nothing in the way: the isochrone is the geodesic disc of radius
/// speed × (T − dispatch), checked vertex by vertex with `Geodesic.inverse`.
@Suite struct IsochroneDiscTests {
    let base = LonLat(123.43, 41.80)  // Shenyang

    func rings(_ geometry: Geometry) -> [[XY]] {
        switch geometry.coordinates {
        case .polygon(let rings): rings
        case .multiPolygon(let polygons): polygons.flatMap { $0 }
        default: []
        }
    }

    @Test func everyVertexAndEdgeMidpointLiesOnTheDisc() throws {
        let model = try ReachModel(aircraft: TestAircraft.fast)
        let tolerance = 100.0
        let isochrone = try IsochroneBuilder(model: model, toleranceMetres: tolerance).isochrone(base: base, minutes: 60)
        let radius = 300_000.0 / 60 * 50  // 50 min at 300 km/h = 250 km
        #expect(isochrone.radiusKm == 250)
        #expect(isochrone.limit == .time)
        #expect(isochrone.geometry.isValid)
        let ring = try #require(rings(isochrone.geometry).first)
        for vertex in ring {
            let d = Geodesic.wgs84.inverse(from: base, to: vertex.lonLat).distance
            #expect(abs(d - radius) < 1e-6, "vertex \(vertex) at \(d) m")
        }
        for (a, b) in zip(ring, ring.dropFirst()) {
            let middle = LonLat((a.x + b.x) / 2, (a.y + b.y) / 2)
            let d = Geodesic.wgs84.inverse(from: base, to: middle).distance
            #expect(d <= radius + 1e-6 && radius - d <= tolerance, "edge midpoint \(middle) at \(d) m")
        }
    }

    @Test func verticesArePlacedAdaptively() throws {
        let model = try ReachModel(aircraft: TestAircraft.fast)
        let coarse = try IsochroneBuilder(model: model, toleranceMetres: 1_000).isochrone(base: base, minutes: 120)
        let fine = try IsochroneBuilder(model: model, toleranceMetres: 10).isochrone(base: base, minutes: 120)
        #expect(coarse.vertexCount > 16)
        // A chord's sagitta is r·(1 − cos(θ/2)) ≈ r θ²/8, so vertices scale as
        // 1/√tolerance: ×10 for ×100, quantised by halving edges (×5 to ×20).
        let ratio = Double(fine.vertexCount) / Double(coarse.vertexCount)
        #expect(ratio >= 5 && ratio <= 20, "\(coarse.vertexCount) → \(fine.vertexCount)")
    }

    @Test func rangeLimitBindsWhenEnduranceIsShort() throws {
        let model = try ReachModel(aircraft: TestAircraft.shortRange)
        // 120 min standard: 115 min of flight by time, but the round trip allows 45 min out.
        let isochrone = try IsochroneBuilder(model: model).isochrone(base: base, minutes: 120)
        #expect(isochrone.limit == .range)
        #expect(abs(isochrone.radiusKm! - 180) < 1e-9)
        // 30 min standard: 25 min of flight = 100 km, within range.
        let short = try IsochroneBuilder(model: model).isochrone(base: base, minutes: 30)
        #expect(short.limit == .time)
        #expect(abs(short.radiusKm! - 100) < 1e-9)
    }

    @Test func reachTimeIsGeodesicDistanceOverSpeed() throws {
        let model = try ReachModel(aircraft: TestAircraft.fast, night: true)
        let target = LonLat(121.6, 38.9)  // Dalian
        let distance = Geodesic.wgs84.inverse(from: base, to: target).distance
        let reach = model.reach(from: base, to: target)
        #expect(reach.limit == .time)
        let expected = 20 + distance / (300_000.0 / 60)
        #expect(abs(reach.responseMinutes! - expected) < 1e-9)
        // Beyond the round-trip range.
        let short = try ReachModel(aircraft: TestAircraft.shortRange)
        let far = short.reach(from: base, to: LonLat(116.4, 39.9))
        #expect(far.limit == .range && far.responseMinutes == nil)
    }

    @Test func badInputIsRejectedWithAClearMessage() throws {
        var slow = TestAircraft.fast
        slow.cruiseSpeedKmh = 0
        #expect(throws: AircraftError.self) { try ReachModel(aircraft: slow) }
        let model = try ReachModel(aircraft: TestAircraft.fast, night: true)
        do {
            _ = try IsochroneBuilder(model: model).isochrone(base: base, minutes: 15)
            Issue.record("a standard shorter than dispatch was accepted")
        } catch {
            #expect("\(error)".contains("night dispatch time (20.0 min) is not shorter than the 15.0 min standard"))
        }
        #expect(throws: IsochroneError.self) { try IsochroneBuilder(model: model).isochrones(base: base, minutes: [120, 60]) }
        #expect(throws: AircraftError.self) {
            try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(WindVector(fromDegrees: 0, speedKmh: 300)))
        }
    }
}
