import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// `BoundarySeries` against boundary points solved on their own rays at
/// 1,000 azimuths: the series' points within its `pointError` (and 10 µm),
/// its probes within `probeError`; and refused where the boundary is not
/// smooth enough.
@Suite struct BoundarySeriesTests {
    func series(base: LonLat, wind: WindVector, timeBudget: Double) throws -> (BoundarySeries?, (Double) -> BoundaryPoint) {
        let model = try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(wind))
        let exact = { model.boundary(from: base, azimuth: $0, timeBudget: timeBudget, roundTripBudget: 1e9) }
        let samples = (0..<32).map { exact(Double($0) * 11.25) }
        return (BoundarySeries(base: base, samples: samples, maximumPointError: IsochroneBuilder.seriesPointError), exact)
    }

    @Test func pointsAgreeWithSolvedOnes() throws {
        let cases: [(LonLat, WindVector, Double)] = [
            (LonLat(121.5, 41.2), WindVector(fromDegrees: 270, speedKmh: 40), 6_600),  // the benchmark's
            (LonLat(179.5, -20), WindVector(fromDegrees: 150, speedKmh: 60), 3_600),  // across the antimeridian
            (LonLat(-70, -50), WindVector(fromDegrees: 20, speedKmh: 80), 3_000),
            (LonLat(30, 10), WindVector(fromDegrees: 200, speedKmh: 100), 7_200),
        ]
        for (base, wind, budget) in cases {
            let (found, exact) = try series(base: base, wind: wind, timeBudget: budget)
            let series = try #require(found, "\(base) \(wind): series refused")
            #expect(series.pointError <= 1e-5 && series.errorBound <= 1)
            var worstPoint = 0.0, worstProbe = 0.0
            for i in 0..<1_000 {
                let azimuth = Double(i) * 0.36 + 0.17
                let truth = exact(azimuth).position
                worstPoint = max(worstPoint, IsochroneBuilder.shortDistance(series.point(azimuth: azimuth).position, truth))
                worstProbe = max(worstProbe, IsochroneBuilder.shortDistance(series.probe(azimuth: azimuth), truth))
            }
            #expect(worstPoint <= series.pointError && worstPoint <= 1e-5, "\(base): points off by \(worstPoint) m (estimate \(series.pointError))")
            #expect(worstProbe <= series.probeError, "\(base): probes off by \(worstProbe) m (bound \(series.probeError))")
        }
    }

    @Test func roughBoundariesAreRefused() throws {
        // The reach holds the North Pole: the longitude is not periodic.
        #expect(try series(base: LonLat(10, 84), wind: WindVector(fromDegrees: 45, speedKmh: 60), timeBudget: 6_600).0 == nil)
        // A wind at 90% of the airspeed: singularities close to the real axis.
        let fast = TestAircraft.fast.cruiseSpeedKmh
        #expect(try series(base: LonLat(10, 40), wind: WindVector(fromDegrees: 45, speedKmh: 0.9 * fast), timeBudget: 6_600).0 == nil)
    }

    /// `LocalScale` against `IsochroneBuilder.shortDistance` for points up to
    /// 10 km apart, near and far from its latitude: within 2e-4 relative.
    @Test func localScaleAgreesWithShortDistance() {
        var generator = SplitMix64(seed: 23)
        for _ in 0..<5_000 {
            let scale = LocalScale(latitude: Double.random(in: -80...80, using: &generator))
            let p = LonLat(
                Double.random(in: -180...180, using: &generator),
                max(-89, min(89, scale.latitude + Double.random(in: -8...8, using: &generator))))
            let q = LonLat(
                p.lon + Double.random(in: -0.1...0.1, using: &generator), max(-89.5, min(89.5, p.lat + Double.random(in: -0.1...0.1, using: &generator))))
            let reference = IsochroneBuilder.shortDistance(p, q)
            #expect(abs(scale.distance(p, q) - reference) <= 2e-4 * reference, "\(scale.latitude): \(p) \(q)")
        }
    }
}
