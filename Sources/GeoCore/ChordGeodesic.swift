import Foundation

/// A point on the WGS84 ellipsoid prepared for fast geodesic distances from
/// the straight 3-D chord: its Earth-centred (ECEF) position and the terms
/// of Euler's normal curvature there (see `ChordGeodesic`).
public struct SurfacePoint: Sendable {
    public let x: Double, y: Double, z: Double
    /// The local north direction scaled by √((1/M − 1/N) / 2), M the
    /// meridian and N the prime-vertical radius of curvature: for a chord d,
    /// (d·tilt)² / |d|² is about half the curvature's excess over 1/N along
    /// d. Single precision: it only enters the small correction s − c.
    public let tilt: (x: Float, y: Float, z: Float)
    /// 1 / (2N), 1/m.
    public let halfInverseN: Float

    public init(_ p: LonLat) {
        let a = ChordGeodesic.a, e2 = ChordGeodesic.e2
        let phi = p.lat * .pi / 180, lambda = p.lon * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi), sinLambda = sin(lambda), cosLambda = cos(lambda)
        let w2 = 1 - e2 * sinPhi * sinPhi
        let n = a / w2.squareRoot()
        x = n * cosPhi * cosLambda
        y = n * cosPhi * sinLambda
        z = n * (1 - e2) * sinPhi
        let inverseM = w2 * w2.squareRoot() / (a * (1 - e2)), inverseN = 1 / n
        let scale = ((inverseM - inverseN) / 2).squareRoot()
        tilt = (Float(-sinPhi * cosLambda * scale), Float(-sinPhi * sinLambda * scale), Float(cosPhi * scale))
        halfInverseN = Float(inverseN / 2)
    }
}

/// The WGS84 geodesic distance between nearby points from their chord, for
/// inner loops where Karney's inverse (about a microsecond) is too slow.
///
/// The geodesic is a curve whose curvature is the ellipsoid's normal
/// curvature κ in its direction; for such a curve the arc s and the chord c
/// satisfy s = c + κ²c³/24 + 3κ⁴c⁵/640 + …, with κ taken at the middle of
/// the arc to second order. κ at each end comes from Euler's formula,
/// κ = 1/N + (1/M − 1/N)·cos²α, with α the chord's azimuth there; the two
/// ends are averaged. cos²α is (chord·north)² over the chord's horizontal
/// part squared, taken as c²·(1 − c²/4N²) (the chord dips c²/2N below the
/// tangent plane), so κc² needs no division; and the correction s − c, at
/// most 0.25 % of s, is computed in single precision.
///
/// Accuracy against Karney's geodesic (`Geodesic.inverse`), measured on
/// random pairs over the whole globe (`ChordGeodesicTests`; 400,000 pairs
/// for these figures): worst 4 µm at 128 km, 0.11 mm at 255 km, 3.7 mm at
/// 510 km, 12 cm at 750 km, 45 cm at 1,020 km (the error grows as the fifth
/// power of the distance). `errorBound(distance:)`, 1 mm + 2 cm × (s /
/// 500 km)⁵, is about five times the worst seen at every distance (4.97
/// times at the least). Meant for distances up to 1,500 km; callers that
/// decide a threshold exactly use Karney's inverse for pairs within a
/// safety band.
public enum ChordGeodesic {
    static let a = 6_378_137.0
    static let f = 1 / 298.257223563
    static let e2 = f * (2 - f)

    /// The estimated geodesic distances, metres, from `p` to four points at
    /// once, and their squared chords (m²).
    @inlinable @inline(__always)
    public static func distances(from p: SurfacePoint, to q: SurfacePoints4) -> (chordSquared: SIMD4<Double>, distance: SIMD4<Double>) {
        let dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z
        let c2 = dx * dx + dy * dy + dz * dz
        // The correction s − c (at most 0.25 % of s up to 1,500 km) in single
        // precision: its relative error, about 1e-6, is a few millimetres at
        // 1,500 km and under a micrometre at 100 km.
        let fx = SIMD4<Float>(dx), fy = SIMD4<Float>(dy), fz = SIMD4<Float>(dz), fc2 = SIMD4<Float>(c2)
        // (d·tilt)² = c²·(1/M − 1/N)/2 · cos²α·(h/c²), α the chord's azimuth
        // at that end and h its horizontal part squared: c²/h ≈ 1 + c²/(4N²)
        // (the chord dips c²/2N below the tangent plane).
        let m0 = fx * p.tilt.x + fy * p.tilt.y + fz * p.tilt.z
        let m1 = fx * q.tiltX + fy * q.tiltY + fz * q.tiltZ
        let dip = p.halfInverseN * p.halfInverseN
        // κc², κ Euler's normal curvature averaged over both ends.
        let kc2 = (p.halfInverseN + q.halfInverseN) * fc2 + (m0 * m0 + m1 * m1) * (1 + dip * fc2)
        // Coincident points (chord 0) have κc² = 0: any positive divisor will do.
        let k2c2 = kc2 * kc2 / fc2.replacing(with: 1, where: fc2 .< .leastNormalMagnitude)
        let correction = SIMD4<Double>(k2c2 * (1.0 / 24 + k2c2 * (3.0 / 640)))
        let c = c2.squareRoot()
        return (c2, c + c * correction)
    }

    /// The estimated geodesic distance from `p` to `q`, metres.
    public static func distance(from p: SurfacePoint, to q: SurfacePoint) -> Double {
        distances(from: p, to: SurfacePoints4(repeating: q)).distance[0]
    }

    /// A chord length, metres, below which every estimate is shorter than
    /// `distance` (up to 1,500 km): so a chord alone can settle "within"
    /// before the estimate is known.
    ///
    /// The estimate is c·(1 + t/24 + 3t²/640) with t = (κ̂c)², and κ̂, the
    /// curvature it uses, is at most 1/a + e²/(a(1 − e²))·(1 + c²/4a²): each
    /// end's 1/N is at most 1/a, its (d·tilt)²/c² at most half of
    /// 1/M − 1/N ≤ e²/(a(1 − e²)) (Cauchy–Schwarz). κ̂ is taken 10⁻⁵ larger
    /// still for single-precision rounding, and the result 10⁻⁹ smaller for
    /// double rounding. At 62.5 km the chord is 0.25 m below `distance`.
    public static func chord(below distance: Double) -> Double {
        let curvature = (1 / a + e2 / (a * (1 - e2)) * (1 + distance * distance / (4 * a * a))) * (1 + 1e-5)
        let t = curvature * curvature * distance * distance
        return distance / (1 + t * (1.0 / 24 + t * (3.0 / 640))) * (1 - 1e-9)
    }

    /// A bound on the difference from the ellipsoidal geodesic at distance
    /// `s` metres (up to 1,500 km), metres; see the type's documentation.
    public static func errorBound(distance s: Double) -> Double {
        let r = s / 500_000
        return 0.001 + 0.02 * r * r * r * r * r
    }
}
