import Foundation
import Testing
@testable import GeoCore

/// The chord estimate of geodesic distances against Karney's geodesic (the
/// independent reference, itself checked against GeographicLib).
@Suite struct ChordGeodesicTests {
    /// Random pairs over the whole globe (poles and antimeridian included),
    /// 10 m to 1,500 km apart: within the documented bound, which is what
    /// the coverage matrix's safety band relies on (with a factor of 10).
    @Test func staysWithinItsBoundEverywhere() {
        var generator = SplitMix64(seed: 11)
        var worstRatio = 0.0
        for _ in 0..<60_000 {
            let start = LonLat(Double.random(in: -180...180, using: &generator), asin(Double.random(in: -1...1, using: &generator)) * 180 / .pi)
            let distance = exp(Double.random(in: log(10.0)...log(1_500_000), using: &generator))
            let end = Geodesic.wgs84.direct(from: start, azimuthDegrees: Double.random(in: 0..<360, using: &generator),
                                            distanceMetres: distance).destination
            let exact = Geodesic.wgs84.inverse(from: start, to: end).distance
            let estimate = ChordGeodesic.distance(from: SurfacePoint(start), to: SurfacePoint(end))
            let error = abs(estimate - exact)
            worstRatio = max(worstRatio, error / ChordGeodesic.errorBound(distance: exact))
            #expect(error <= ChordGeodesic.errorBound(distance: exact), "\(start) → \(end): \(estimate) m vs \(exact) m")
        }
        // The bound is not so loose that the band would be meaningless.
        #expect(worstRatio > 0.05)
    }

    @Test func coincidentPointsAreZeroApartAndFourLanesAgreeWithOne() {
        let p = SurfacePoint(LonLat(123.4, 41.8))
        #expect(ChordGeodesic.distance(from: p, to: p) == 0)
        let others = [LonLat(123.4, 41.8), LonLat(124, 42), LonLat(-179.9, 89.9), LonLat(121, 39)].map(SurfacePoint.init)
        let table = SurfacePointTable(others)
        let four = table.withColumns { ChordGeodesic.distances(from: p, to: $0.load4(0)) }
        for (lane, q) in others.enumerated() {
            #expect(four.distance[lane] == ChordGeodesic.distance(from: p, to: q))
            let dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z
            #expect(four.chordSquared[lane] == dx * dx + dy * dy + dz * dz)
        }
    }

    /// The chord formula's analytic case: on a sphere (M = N = R) the
    /// estimate is the series of 2R·asin(c / 2R), to its truncation.
    @Test func reducesToTheSphericalSeriesAlongTheEquatorNearby() {
        // Along the equator the normal section is the equator itself: a
        // circle of radius a, so s = 2a·asin(c / 2a).
        let a = 6_378_137.0
        for degrees in [0.01, 0.1, 1.0, 3.0] {
            let p = SurfacePoint(LonLat(100, 0)), q = SurfacePoint(LonLat(100 + degrees, 0))
            let c = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
            let arc = a * degrees * .pi / 180
            #expect(abs(2 * a * asin(c / (2 * a)) - arc) < 1e-6)
            #expect(abs(ChordGeodesic.distance(from: p, to: q) - arc) < 1e-6 + 1e-12 * arc * pow(degrees, 4))
        }
    }
}
