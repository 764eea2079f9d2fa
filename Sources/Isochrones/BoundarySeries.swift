import Foundation
import GeoCore

/// A smooth reach boundary (a uniform wind, one limit binding everywhere) as
/// trigonometric series in the azimuth: the longitude (relative to the base),
/// latitude and distance of the boundary point at any azimuth, from boundary
/// points solved in full at the 32 azimuths 0°, 11.25°, … 348.75°.
///
/// Accuracy is measured, not assumed. E_N, the largest gap between the series
/// through every (32/N)-th sample and the samples halfway between its nodes
/// (solved independently), is measured for N = 8 and 16. The series through
/// all 32 samples is the one used:
///
/// - `errorBound` = E₁₆: a series through more samples of the same function
///   is no worse. This is what the isochrone's tolerance accounting uses.
/// - The 16-sample series itself (`probe`), cheaper, places points within
///   2 E₁₆ (E₁₆ is its largest gap halfway between its nodes, where the
///   interpolation error peaks; 2 for the azimuths in between): enough to
///   test edges against the tolerance, not to place vertices.
/// - `pointError` = 10 E₁₆ (E₁₆/E₈)² + 20 nm: for a boundary analytic in a
///   strip |Im α| < d the gaps fall like e^(−N d/2), so each doubling of N
///   multiplies them by (E₁₆/E₈)²; 10 is a safety factor, and 20 nm twice
///   the samples' own accuracy (`GeodesicFan`: 10 nm), the floor. For the
///   benchmark's wind (d ≈ 2) E₁₆ ≈ 8 cm and `pointError` ≈ 20 nm.
///
/// `init` refuses a series whose gaps do not fall clearly (E₁₆ > E₈ / 4) or
/// whose `pointError` exceeds the caller's limit: a boundary with a corner,
/// a pole inside the reach (the longitude no longer periodic) or
/// singularities close to the real axis; callers then solve every point on
/// its own ray. What the gaps cannot see — a corner between two samples — is
/// excluded by the caller: the series is built only where one limit
/// provably binds at every azimuth.
struct BoundarySeries {
    let base: LonLat
    let limit: ReachLimit
    /// Largest distance between a point of the series and the true
    /// boundary point at its azimuth, metres: E₁₆ (see above).
    let errorBound: Double
    /// The expected such distance, metres (see above).
    let pointError: Double
    private let series: AzimuthSeries, coarseSeries: AzimuthSeries

    /// The series through `samples` (the boundary at j · 11.25°, j = 0…31,
    /// all bound by one limit); nil when they do not share a limit, the
    /// gaps do not fall, or `pointError` would exceed `maximumPointError`.
    init?(base: LonLat, samples: [BoundaryPoint], maximumPointError: Double) {
        precondition(samples.count == 32)
        guard let limit = samples.first?.limit, samples.allSatisfy({ $0.limit == limit }) else { return nil }
        let vectors = samples.map { point -> SIMD4<Double> in
            var dLon = point.position.lon - base.lon
            if dLon > 180 { dLon -= 360 } else if dLon <= -180 { dLon += 360 }
            return SIMD4(dLon, point.position.lat, point.distance, 0)
        }
        /// E_N: the series through every step-th sample against the samples halfway between.
        func gap(_ coarse: AzimuthSeries, step: Int) -> Double {
            var largest = 0.0
            for j in stride(from: step / 2, to: 32, by: step) {
                let (s, c) = SmallAngle.sinCos(degrees: Double(j) * 11.25)
                let p = coarse.vector(sin: s, cos: c)
                largest = max(largest, IsochroneBuilder.shortDistance(LonLat(base.lon + p[0], p[1]), samples[j].position))
            }
            return largest
        }
        coarseSeries = AzimuthSeries(vectors: stride(from: 0, to: 32, by: 2).map { vectors[$0] })
        let e8 = gap(AzimuthSeries(vectors: stride(from: 0, to: 32, by: 4).map { vectors[$0] }), step: 4)
        let e16 = gap(coarseSeries, step: 2)
        let pointError = 10 * e16 * (e16 / e8) * (e16 / e8) + 2e-8
        guard e16 <= e8 / 4, pointError <= maximumPointError else { return nil }
        self.base = base
        self.limit = limit
        errorBound = e16
        self.pointError = pointError
        series = AzimuthSeries(vectors: vectors)
    }

    /// The boundary point at `azimuth` degrees, longitude in [−180°, 180°].
    func point(azimuth: Double) -> BoundaryPoint {
        let (s, c) = SmallAngle.sinCos(degrees: azimuth)
        return point(azimuth: azimuth, sin: s, cos: c)
    }

    /// `point(azimuth:)` given the azimuth's sine and cosine too.
    @inline(__always)
    func point(azimuth: Double, sin s: Double, cos c: Double) -> BoundaryPoint {
        let p = series.vector(sin: s, cos: c)
        return BoundaryPoint(azimuth: azimuth, distance: p[2], position: position(p), limit: limit)
    }

    /// The boundary point at `azimuth` degrees within `probeError` metres,
    /// from the 16-sample series.
    func probe(azimuth: Double) -> LonLat {
        let (s, c) = SmallAngle.sinCos(degrees: azimuth)
        return probe(sin: s, cos: c)
    }

    /// `probe(azimuth:)` at the azimuth whose sine and cosine are given.
    @inline(__always)
    func probe(sin s: Double, cos c: Double) -> LonLat {
        let p = coarseSeries.pair(sin: s, cos: c)
        return position(SIMD4(p[0], p[1], 0, 0))
    }

    /// 2 E₁₆, metres (see above).
    var probeError: Double { 2 * errorBound }

    private func position(_ p: SIMD4<Double>) -> LonLat {
        var lon = base.lon + p[0]
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return LonLat(lon, p[1])
    }
}
