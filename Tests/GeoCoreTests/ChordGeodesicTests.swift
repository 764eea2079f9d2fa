import Foundation
import Testing
@testable import GeoCore
import Support

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
            let end = Geodesic.wgs84.direct(
                from: start, azimuthDegrees: Double.random(in: 0..<360, using: &generator),
                distanceMetres: distance
            ).destination
            let exact = Geodesic.wgs84.inverse(from: start, to: end).distance
            let estimate = ChordGeodesic.distance(from: SurfacePoint(start), to: SurfacePoint(end))
            let error = abs(estimate - exact)
            worstRatio = max(worstRatio, error / ChordGeodesic.errorBound(distance: exact))
            #expect(error <= ChordGeodesic.errorBound(distance: exact), "\(start) → \(end): \(estimate) m vs \(exact) m")
        }
        // The bound is not so loose that the band would be meaningless.
        #expect(worstRatio > 0.05)
    }

    /// Points whose chord is just under `chord(below: s)` have estimates
    /// under s, wherever and whichever way they lie (the estimate's
    /// curvature is largest along meridians at the equator), and the chord
    /// is not needlessly short.
    @Test func chordsBelowTheLimitHaveShorterEstimates() {
        var generator = SplitMix64(seed: 12)
        let a = 6_378_137.0, e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563)
        for trial in 0..<20_000 {
            // Every fourth start on the equator heading along a meridian.
            let equatorial = trial % 4 == 0
            let start = LonLat(
                Double.random(in: -180...180, using: &generator),
                equatorial ? 0 : asin(Double.random(in: -1...1, using: &generator)) * 180 / .pi)
            let azimuth = equatorial ? [0.0, 180][trial % 8 / 4] : Double.random(in: 0..<360, using: &generator)
            let limit = exp(Double.random(in: log(1_000.0)...log(1_500_000), using: &generator))
            let chordLimit = ChordGeodesic.chord(below: limit)
            let p = SurfacePoint(start)
            func chord(_ q: SurfacePoint) -> Double {
                ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y) + (q.z - p.z) * (q.z - p.z)).squareRoot()
            }
            // The point along the geodesic whose chord is just under the limit (bisection).
            var low = 0.0, high = limit
            for _ in 0..<60 {
                let middle = (low + high) / 2
                let q = SurfacePoint(Geodesic.wgs84.direct(from: start, azimuthDegrees: azimuth, distanceMetres: middle).destination)
                if chord(q) < chordLimit { low = middle } else { high = middle }
            }
            let q = SurfacePoint(Geodesic.wgs84.direct(from: start, azimuthDegrees: azimuth, distanceMetres: low).destination)
            let estimate = ChordGeodesic.distance(from: p, to: q)
            #expect(chord(q) < chordLimit && estimate < limit, "\(start) at \(azimuth)°: chord \(chord(q)), estimate \(estimate) m vs \(limit) m")
            // Not needlessly short: the gap is within the largest possible s − c.
            let curvature = 1 / (a * (1 - e2))
            #expect(limit - estimate <= limit * limit * limit * curvature * curvature / 20 + 1e-6)
        }
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
