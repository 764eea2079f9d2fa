import Foundation
import Testing
import GeoCore
@testable import Isochrones

/// `AzimuthSeries` and the searches it starts: trigonometric polynomials of
/// degree ≤ 7 are reproduced exactly, and a ray's crossing or arc found from
/// an interpolated start equals the one found from the usual guess.
@Suite struct AzimuthSeriesTests {
    @Test func trigonometricPolynomialsAreReproduced() {
        func f(_ degrees: Double) -> Double {
            let a = degrees * .pi / 180
            return 0.3 + 0.2 * cos(a) - 0.1 * sin(3 * a) + 0.05 * cos(7 * a) + 0.01 * sin(7 * a)
        }
        let series = AzimuthSeries.sampling(even: false, f)
        for degrees in stride(from: 0.0, to: 360, by: 3.7) {
            let a = degrees * .pi / 180
            #expect(abs(series.value(sin: sin(a), cos: cos(a)) - f(degrees)) < 1e-15)
        }
        let even = AzimuthSeries.sampling(even: true) { cos($0 * .pi / 90) }
        #expect(abs(even.value(sin: sin(1), cos: cos(1)) - cos(2)) < 1e-15)
    }

    @Test func interpolatedStartsGiveTheSameCrossings() throws {
        let wind = WindVector(fromDegrees: 250, speedKmh: 90)
        for origin in [LonLat(113.6, 34.7), LonLat(10, 70), LonLat(-60, -35)] {
            let fan = try #require(GeodesicFan(origin: origin))
            let conditions = UniformWindRay.Conditions(wind: wind, airspeed: 280 / 3.6)
            let arcs = AzimuthSeries.sampling(even: false) {
                UniformWindRay(ray: fan.ray(azimuth: $0), conditions: conditions).crossing(budget: 6_600, roundTrip: false, limit: 1).arc
            }
            let distances = AzimuthSeries.sampling(even: false) { fan.ray(azimuth: $0).arc(forDistance: 600_000).arc }
            for azimuth in stride(from: 1.0, to: 360, by: 7.3) {
                let ray = fan.ray(azimuth: azimuth)
                let windRay = UniformWindRay(ray: ray, conditions: conditions)
                let usual = windRay.crossing(budget: 6_600, roundTrip: false, limit: 1)
                let started = windRay.crossing(budget: 6_600, roundTrip: false, limit: 1, start: arcs.value(sin: ray.sinAzimuth, cos: ray.cosAzimuth))
                #expect(abs(started.arc - usual.arc) < 1e-14 && abs(started.integrals[2] - 6_600) < 1e-7, "\(origin) \(azimuth)")
                let plain = ray.arc(forDistance: 600_000)
                let guided = ray.arc(forDistance: 600_000, start: distances.value(sin: ray.sinAzimuth, cos: ray.cosAzimuth))
                #expect(abs(guided.arc - plain.arc) < 1e-15 && abs(guided.longitudeIntegral - plain.longitudeIntegral) < 1e-15, "\(origin) \(azimuth)")
            }
        }
    }
}
