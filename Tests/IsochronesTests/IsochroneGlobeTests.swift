import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// Isochrones across the antimeridian, around a pole and wider than a
/// hemisphere: membership of random points in the polygon must agree with
/// the geodesic distance from the base, away from a thin band at the edge.
@Suite struct IsochroneGlobeTests {
    /// Checks `count` random points: inside ⇔ distance < radius, except within `band` metres of the boundary.
    func checkMembership(_ isochrone: Isochrone, radius: Double, band: Double, count: Int = 3_000) {
        let prepared = PreparedGeometry(isochrone.geometry)
        var generator = SplitMix64(seed: 2026)
        var checked = 0
        for _ in 0..<count {
            let p = LonLat(
                Double.random(in: -180...180, using: &generator),
                asin(Double.random(in: -1...1, using: &generator)) * 180 / .pi)
            let d = Geodesic.wgs84.inverse(from: isochrone.base, to: p).distance
            guard abs(d - radius) > band else { continue }
            checked += 1
            #expect(prepared.covers(p.xy) == (d < radius), "\(p) at \(d) m from \(isochrone.base), radius \(radius)")
        }
        #expect(checked > count / 2)
    }

    func checkLongitudes(_ geometry: Geometry) {
        let envelope = geometry.envelope!
        #expect(envelope.minX >= -180 && envelope.maxX <= 180)
        #expect(geometry.isValid)
    }

    /// Near a pole, with wind or with a zero wind (which counts as calm),
    /// the isochrone holding the pole is built and written as valid GeoJSON.
    @Test(arguments: [
        (LonLat(0, 88), WindVector(fromDegrees: 270, speedKmh: 40)), (LonLat(0, 89.9), WindVector(fromDegrees: 0, speedKmh: 80)),
        (LonLat(45, 89), WindVector(fromDegrees: 90, speedKmh: 150)), (LonLat(0, -89.99), WindVector(fromDegrees: 0, speedKmh: 0)),
    ])
    func reachesAroundAPoleInWindAreWritten(base: LonLat, wind: WindVector) throws {
        let builder = IsochroneBuilder(model: try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(wind)))
        let isochrone = try builder.isochrone(base: base, minutes: 120)
        checkLongitudes(isochrone.geometry)
        #expect(PreparedGeometry(isochrone.geometry).covers(XY(base.lon, base.lat > 0 ? 89.999 : -89.999)))
        let text = try GeoJSONWriter().geometry(isochrone.geometry)
        let written = try #require(try GeoJSONReader.features(parsing: text).first?.geometry)
        // Written to 1e-6°, the area moves by about 1e-6 of itself.
        #expect(written.isValid && abs(written.area - isochrone.geometry.area) < 1e-5 * written.area)
    }

    @Test func crossingTheAntimeridianSplitsThePolygon() throws {
        let model = try ReachModel(aircraft: TestAircraft.fast)
        let builder = IsochroneBuilder(model: model)
        let fiji = try builder.isochrone(base: LonLat(179.5, -17), minutes: 120)
        #expect(fiji.geometry.kind == .multiPolygon)
        checkLongitudes(fiji.geometry)
        // The same disc at longitude 0 has the same planar lon/lat area.
        let shifted = try builder.isochrone(base: LonLat(-0.5, -17), minutes: 120)
        #expect(abs(fiji.geometry.area - shifted.geometry.area) < 1e-6 * shifted.geometry.area)
        checkMembership(fiji, radius: 550_000, band: 2_000, count: 20_000)
    }

    @Test func aReachAroundThePoleIsClosedAlongIt() throws {
        let model = try ReachModel(aircraft: TestAircraft.fast)
        let arctic = try IsochroneBuilder(model: model).isochrone(base: LonLat(20, 87), minutes: 120)
        checkLongitudes(arctic.geometry)
        #expect(PreparedGeometry(arctic.geometry).covers(XY(-160, 89.99)))
        checkMembership(arctic, radius: 550_000, band: 2_000, count: 50_000)
    }

    @Test func aReachWiderThanAHemisphereHoldsBothPoles() throws {
        let model = try ReachModel(aircraft: TestAircraft.global)
        // 60 min at 12,000 km/h: 12,000 km, beyond both poles from 10°N.
        let huge = try IsochroneBuilder(model: model, toleranceMetres: 1_000).isochrone(base: LonLat(100, 10), minutes: 60)
        checkLongitudes(huge.geometry)
        let prepared = PreparedGeometry(huge.geometry)
        #expect(prepared.covers(XY(0, 89.9)) && prepared.covers(XY(0, -89.9)))
        checkMembership(huge, radius: 12_000_000, band: 20_000)
    }

    @Test func manyBasesInParallelMatchOneByOne() throws {
        let model = try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(WindVector(fromDegrees: 300, speedKmh: 30)))
        let builder = IsochroneBuilder(model: model)
        let bases = (0..<6).map { LonLat(120 + Double($0), 40 + Double($0) / 2) }
        let parallel = try builder.isochrones(bases: bases, minutes: [60, 120])
        for (index, base) in bases.enumerated() {
            let serial = try builder.isochrones(base: base, minutes: [60, 120])
            #expect(parallel[index].map { $0.geometry.wkb } == serial.map { $0.geometry.wkb })
        }
    }
}
