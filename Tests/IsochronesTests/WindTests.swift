import Foundation
import Testing
import GeoCore
@testable import Isochrones

@Suite struct WindTests {
    @Test func windTriangleGroundSpeeds() throws {
        // A 50 m/s westerly (blowing towards the east).
        let wind = WindVector(fromDegrees: 270, speedKmh: 180)
        #expect(abs(wind.east - 50) < 1e-12 && abs(wind.north) < 1e-12)
        // Tailwind, headwind, and a pure crosswind: g = √(v² − w²).
        #expect(abs(wind.groundSpeed(trackDegrees: 90, airspeed: 80)! - 130) < 1e-12)
        #expect(abs(wind.groundSpeed(trackDegrees: 270, airspeed: 80)! - 30) < 1e-12)
        #expect(abs(wind.groundSpeed(trackDegrees: 0, airspeed: 80)! - (80.0 * 80 - 2500).squareRoot()) < 1e-12)
        // Too much headwind or crosswind: the track cannot be flown.
        #expect(wind.groundSpeed(trackDegrees: 270, airspeed: 40) == nil)
        #expect(wind.groundSpeed(trackDegrees: 0, airspeed: 50) == nil)
    }

    /// Largest distance between the isochrone's vertices and the drifted
    /// disc: radius v·t around the base moved by w·t downwind.
    func departureFromDriftedDisc(latitude: Double, flightMinutes: Double, windKmh: Double) throws -> Double {
        let base = LonLat(122.0, latitude)
        let model = try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(WindVector(fromDegrees: 250, speedKmh: windKmh)))
        let isochrone = try IsochroneBuilder(model: model, toleranceMetres: 20).isochrone(base: base, minutes: 10 + flightMinutes)
        #expect(isochrone.radiusKm == nil && isochrone.limit == .time)
        let t = flightMinutes * 60
        let centre = Geodesic.wgs84.direct(from: base, azimuthDegrees: 70, distanceMetres: windKmh / 3.6 * t).destination
        guard case .polygon(let rings) = isochrone.geometry.coordinates else { Issue.record("not a polygon"); return .infinity }
        return rings[0].map { abs(Geodesic.wgs84.inverse(from: centre, to: $0.lonLat).distance - 300 / 3.6 * t) }.max()!
    }

    /// On a plane, the points reached in flight time t under a uniform wind w
    /// form the disc of radius v·t centred at the base moved by w·t. On the
    /// ellipsoid a wind of fixed direction relative to local north turns
    /// against a geodesic track as meridians converge, so the two differ by a
    /// term of order d·r·tan(φ)/R (d the drift, r the radius, φ the
    /// latitude, R the earth's radius): nothing at the equator, and shrinking
    /// fourfold when r and d halve.
    @Test func aUniformWindDriftsTheDisc() throws {
        // At the equator meridians do not converge: the drifted disc to 5 m (r = 150 km, d = 20 km).
        #expect(try departureFromDriftedDisc(latitude: 0, flightMinutes: 30, windKmh: 40) < 5)
        // At 40.5°N the departure stays within half of d·r·tan(φ)/R, and scales as d·r.
        let large = try departureFromDriftedDisc(latitude: 40.5, flightMinutes: 30, windKmh: 40)
        let bound = 20_000.0 * 150_000 * tan(40.5 * .pi / 180) / 6_371_000
        #expect(large < 0.5 * bound, "\(large) m against a bound of \(0.5 * bound) m")
        let small = try departureFromDriftedDisc(latitude: 40.5, flightMinutes: 15, windKmh: 40)
        #expect(abs(small / large - 0.25) < 0.02, "\(small) m then \(large) m")
    }

    @Test func reachTimeAgreesWithTheIsochroneBoundary() throws {
        let base = LonLat(113.6, 34.7)
        let model = try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(WindVector(fromDegrees: 10, speedKmh: 60)))
        for azimuth in stride(from: 0.0, to: 360, by: 45) {
            let edge = model.boundary(from: base, azimuth: azimuth, timeBudget: 3_000, roundTripBudget: 1e9)
            let reach = model.reach(from: base, to: edge.position)
            #expect(abs(reach.flightMinutes! - 50) < 1e-6, "azimuth \(azimuth): \(reach.flightMinutes!)")
        }
    }

    @Test func aGriddedFieldOfConstantValuesActsLikeUniformWind() throws {
        let vector = WindVector(fromDegrees: 300, speedKmh: 50)
        let field = try WindField(
            origin: LonLat(110, 30), spacingLon: 0.5, spacingLat: 0.5, columns: 61, rows: 61,
            east: Array(repeating: vector.east, count: 61 * 61),
            north: Array(repeating: vector.north, count: 61 * 61))
        let uniform = try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(vector))
        let gridded = try ReachModel(aircraft: TestAircraft.fast, wind: .field(field))
        // One 8-point panel (uniform) against panels of a quarter degree (field), up to 1,800 km.
        let a = LonLat(115, 35)
        for b in [LonLat(117.5, 37.2), LonLat(129, 45), LonLat(112, 30.5)] {
            let u = uniform.reach(from: a, to: b).flightMinutes!, g = gridded.reach(from: a, to: b).flightMinutes!
            #expect(abs(u - g) < 1e-10 * u, "\(b): \(u) against \(g)")
        }
    }

    @Test func aGriddedFieldIsInterpolatedBilinearly() throws {
        let field = try WindField(
            origin: LonLat(0, 0), spacingLon: 1, spacingLat: 1, columns: 2, rows: 2,
            east: [0, 10, 20, 30], north: [1, 1, 1, 5])
        let v = field.vector(at: LonLat(0.25, 0.5))
        #expect(abs(v.east - 12.5) < 1e-12)  // (0·.75 + 10·.25)·.5 + (20·.75 + 30·.25)·.5
        #expect(abs(v.north - 1.5) < 1e-12)  // 1·.5 + (1·.75 + 5·.25)·.5
        #expect(field.vector(at: LonLat(-5, 9)) == WindVector(east: 20, north: 1))  // clamped to the nearest edge
        #expect(throws: WindFieldError.self) {
            try WindField(origin: LonLat(0, 0), spacingLon: 1, spacingLat: 1, columns: 2, rows: 2, east: [0], north: [0])
        }
    }
}
