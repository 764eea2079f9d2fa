import Foundation
import GeoCore

/// The boundary point at the middle azimuth of an edge, predicted from the
/// four computed boundary points around it instead of solved for.
///
/// Along a smooth stretch of boundary (one limit binding, a uniform wind)
/// longitude and latitude are smooth functions of the azimuth, so the cubic
/// through the points before, at both ends of and after the edge predicts
/// the middle with an error of order h⁴ (h the azimuth spacing), and each
/// of the two quadratics (three points) with an error of order h³. The
/// difference between the cubic and the quadratics is the error estimate:
/// it bounds the cubic's error wherever the quadratics' error term
/// dominates, which is what shrinking h ensures. An edge test that adds the
/// estimate to the predicted deviation and falls back to a real solve when
/// the estimate is not small (`IsochroneBuilder`) needs no boundary solve
/// per edge; `IsochroneWindTests` checks every edge's middle of the result
/// against the true boundary.
struct BoundaryPrediction {
    /// The predicted boundary point at the middle azimuth.
    let middle: LonLat
    /// The distance between the cubic and the farther quadratic prediction,
    /// metres (1% added for the local scale's approximation).
    let errorEstimate: Double

    /// Predicts the middle of the edge `points[1]`–`points[2]` from
    /// `points[0]…points[3]` (azimuths increasing, possibly across 360°);
    /// nil when the four points do not share a limit (a corner may lie
    /// between them).
    init?(_ p0: BoundaryPoint, _ p1: BoundaryPoint, _ p2: BoundaryPoint, _ p3: BoundaryPoint) {
        guard p0.limit == p1.limit, p1.limit == p2.limit, p2.limit == p3.limit else { return nil }
        // Azimuths and longitudes unwrapped relative to the edge's start.
        // (Inputs are azimuths in [0°, 360°) and longitudes in [−180°, 180°],
        // so one turn at most; no libm rounding call.)
        func unwrap(_ x: Double, around centre: Double) -> Double {
            x - centre > 180 ? x - 360 : x - centre < -180 ? x + 360 : x
        }
        let t =
            SIMD4(
                unwrap(p0.azimuth, around: p1.azimuth), p1.azimuth,
                unwrap(p2.azimuth, around: p1.azimuth), unwrap(p3.azimuth, around: p1.azimuth)) - p1.azimuth
        guard t[0] < 0, t[2] > 0, t[3] > t[2] else { return nil }
        let lon = SIMD4(
            unwrap(p0.position.lon, around: p1.position.lon), p1.position.lon,
            unwrap(p2.position.lon, around: p1.position.lon), unwrap(p3.position.lon, around: p1.position.lon))
        let lat = SIMD4(p0.position.lat, p1.position.lat, p2.position.lat, p3.position.lat)
        // Lagrange weights at the middle m = t₂/2 (t₁ = 0): the cubic's, and
        // the quadratics' through the first three and the last three nodes.
        let m = t[2] / 2, d = m - t
        @inline(__always) func basis(_ i: Int, _ nodes: ClosedRange<Int>) -> Double {
            var numerator = 1.0, denominator = 1.0
            for j in nodes where j != i {
                numerator *= d[j]
                denominator *= t[i] - t[j]
            }
            return numerator / denominator
        }
        let cubicWeights = SIMD4(basis(0, 0...3), basis(1, 0...3), basis(2, 0...3), basis(3, 0...3))
        let leftWeights = SIMD4(basis(0, 0...2), basis(1, 0...2), basis(2, 0...2), 0)
        let rightWeights = SIMD4(0, basis(1, 1...3), basis(2, 1...3), basis(3, 1...3))
        let cubic = LonLat((cubicWeights * lon).sum(), (cubicWeights * lat).sum())
        let left = LonLat((leftWeights * lon).sum(), (leftWeights * lat).sum())
        let right = LonLat((rightWeights * lon).sum(), (rightWeights * lat).sum())
        middle = LonLat(unwrap(cubic.lon, around: 0), cubic.lat)
        // The three predictions lie within metres of each other: one local
        // scale (metres per degree east and north, spherical radius a: within
        // 0.7% of WGS84's) serves both distances.
        let east = 111_319.490_793 * cos(cubic.lat * .pi / 180), north = 111_319.490_793
        func gap(_ p: LonLat) -> Double {
            let x = (p.lon - cubic.lon) * east, y = (p.lat - cubic.lat) * north
            return (x * x + y * y).squareRoot()
        }
        errorEstimate = 1.01 * max(gap(left), gap(right))
    }
}
