import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// Flight times of `UniformWindRay` (quadrature on the auxiliary sphere)
/// against a brute-force integration along Karney's geodesic: composite
/// Simpson over `Geodesic.direct` track azimuths, the wind triangle of
/// `WindVector.groundSpeed` at each sample.
@Suite struct UniformWindRayTests {
    func bruteForce(
        origin: LonLat, azimuth: Double, distance: Double, wind: WindVector, airspeed: Double,
        panels: Int = 10_000
    ) -> (out: Double, back: Double) {
        let h = distance / Double(2 * panels)
        var out = 0.0, back = 0.0
        for i in 0...(2 * panels) {
            let track = Geodesic.wgs84.direct(from: origin, azimuthDegrees: azimuth, distanceMetres: Double(i) * h).azimuth2
            let weight = (i == 0 || i == 2 * panels) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
            out += weight / wind.groundSpeed(trackDegrees: track, airspeed: airspeed)!
            back += weight / wind.groundSpeed(trackDegrees: track + 180, airspeed: airspeed)!
        }
        return (out * h / 3, back * h / 3)
    }

    @Test func timesAgreeWithBruteForceIntegration() throws {
        let airspeed = 300 / 3.6
        let cases: [(LonLat, Double, Double, WindVector)] = [
            (LonLat(123.4, 41.8), 37, 550_000, WindVector(fromDegrees: 270, speedKmh: 40)),  // the benchmark's setting
            (LonLat(123.4, 41.8), 200, 3_000_000, WindVector(fromDegrees: 10, speedKmh: 120)),
            (LonLat(-60, -35), 95, 2_000_000, WindVector(fromDegrees: 300, speedKmh: 270)),  // 90% of the airspeed
            (LonLat(10, 0), 90, 1_500_000, WindVector(fromDegrees: 0, speedKmh: 200)),  // along the equator, crosswind
            (LonLat(20, 80), 3, 2_500_000, WindVector(fromDegrees: 45, speedKmh: 100)),  // passes 0.5° from the pole
            (LonLat(-150, -75), 178, 2_000_000, WindVector(fromDegrees: 120, speedKmh: 150)),
        ]
        for (origin, azimuth, distance, wind) in cases {
            let fan = try #require(GeodesicFan(origin: origin))
            let ray = fan.ray(azimuth: azimuth)
            let arc = ray.arc(forDistance: distance).arc
            let times = UniformWindRay(ray: ray, wind: wind, airspeed: airspeed).integrals(from: 0, to: arc)
            let reference = bruteForce(origin: origin, azimuth: azimuth, distance: distance, wind: wind, airspeed: airspeed)
            #expect(abs(times[0] - distance) < 1e-6)
            #expect(abs(times[2] - reference.out) < 1e-9 * reference.out, "\(origin) \(azimuth): out \(times[2]) against \(reference.out)")
            #expect(abs(times[3] - reference.back) < 1e-9 * reference.back, "\(origin) \(azimuth): back \(times[3]) against \(reference.back)")
        }
    }

    /// One 4-point panel (spans up to a quarter of the panel width) against
    /// 8-point panels of a sixteenth of the span.
    @Test func theFourPointPanelAgreesWithFinePanels() throws {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let origin = LonLat(Double.random(in: -180...180, using: &generator), Double.random(in: -85...85, using: &generator))
            let fan = try #require(GeodesicFan(origin: origin))
            let wind = WindVector(fromDegrees: Double.random(in: 0..<360, using: &generator), speedKmh: Double.random(in: 0...250, using: &generator))
            let ray = UniformWindRay(ray: fan.ray(azimuth: Double.random(in: 0..<360, using: &generator)), wind: wind, airspeed: 300 / 3.6)
            let arc = Double.random(in: 0.001...0.5, using: &generator)
            let width = ray.panelWidth(from: 0, to: arc)
            guard arc <= width / 4 else { continue }
            let coarse = ray.integrals(from: 0, to: arc), fine = ray.integrals(from: 0, to: arc, width: arc / 16)
            for k in 0..<4 {
                #expect(abs(coarse[k] - fine[k]) <= 1e-13 * abs(fine[k]), "\(origin) \(wind) arc \(arc): \(coarse) against \(fine)")
            }
        }
    }

    @Test func theCrossingMeetsTheBudget() throws {
        let fan = try #require(GeodesicFan(origin: LonLat(113.6, 34.7)))
        let wind = WindVector(fromDegrees: 250, speedKmh: 60)
        for azimuth in stride(from: 0.0, to: 360, by: 30) {
            let ray = UniformWindRay(ray: fan.ray(azimuth: azimuth), wind: wind, airspeed: 280 / 3.6)
            let (arc, sums) = ray.crossing(budget: 6_600, roundTrip: false, limit: 1)
            #expect(abs(sums[2] - 6_600) < 1e-7)
            // The sums are those of the arc found, integrated afresh.
            let fresh = ray.integrals(from: 0, to: arc)
            #expect(abs(fresh[2] - sums[2]) < 1e-9 && abs(fresh[0] - sums[0]) < 1e-6)
            let roundTrip = ray.crossing(budget: 9_000, roundTrip: true, limit: arc)
            #expect(abs(roundTrip.integrals[2] + roundTrip.integrals[3] - 9_000) < 1e-7)
        }
    }
}
