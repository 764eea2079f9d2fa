import Foundation

/// The trigonometric interpolant of a periodic function of the azimuth
/// through its values at N equally spaced azimuths 0°, 360°/N, … (N = 8,
/// 16 or 32), for up to three functions at once (the first lanes of a
/// `SIMD4`):
///
///     p(α) = a₀ + Σₖ₌₁^(N/2−1) (aₖ cos kα + bₖ sin kα) + a_(N/2) cos(N α/2).
///
/// For a function analytic within a strip |Im α| < d the error falls like
/// e^(−N d/2). A uniform wind's crossing arcs have their nearest
/// singularities at d ≈ acosh(v/w) (2.6 at a seventh of the airspeed), the
/// boundary's longitude and latitude within a reach of a few hundred km at
/// d ≈ 2: 16 samples put a Newton start within ~1e-11 rad of the crossing
/// (`GeodesicRay.arc(forDistance:start:)`, `UniformWindRay.crossing`), and
/// `BoundarySeries` measures the error of its series instead of assuming it.
struct AzimuthSeries {
    /// N, the number of samples.
    let count: Int
    private let mean: SIMD4<Double>
    /// aₖ and bₖ for k = 1 … N/2 (b_(N/2) = 0), three lanes each:
    /// aₖ at 6 (k − 1) …, bₖ at 6 (k − 1) + 3 … (scalar: faster than
    /// `SIMD4` arithmetic on baseline x86-64).
    private let coefficients: [Double]

    /// The interpolant through `samples[j]` = f(j · 360°/N), N = 8, 16 or 32.
    init(vectors samples: [SIMD4<Double>]) {
        let n = samples.count
        precondition(n == 8 || n == 16 || n == 32, "8, 16 or 32 samples")
        let stride = 32 / n, half = n / 2
        var coefficients: [Double] = []
        coefficients.reserveCapacity(3 * n)
        for k in 1...half {
            var ak = SIMD4<Double>(), bk = SIMD4<Double>()
            for (j, value) in samples.enumerated() {
                let phase = (j * k * stride) % 32
                ak += value * Self.cosTable[phase]
                bk += value * Self.sinTable[phase]
            }
            // The Nyquist term (k = N/2) carries half the weight.
            ak /= Double(k == half ? n : half)
            bk = k == half ? SIMD4() : bk / Double(half)
            coefficients += [ak[0], ak[1], ak[2], bk[0], bk[1], bk[2]]
        }
        self.coefficients = coefficients
        count = n
        mean = samples.reduce(SIMD4(), +) / Double(n)
    }

    /// The interpolant of one function (the first lane).
    init(samples: [Double]) {
        self.init(vectors: samples.map { SIMD4($0, 0, 0, 0) })
    }

    /// The 16 samples of `f`; with `even` (f(360° − α) = f(α), e.g. a reach
    /// mirror-symmetric about the base's meridian) only the 9 from 0° to
    /// 180° are evaluated.
    static func sampling(even: Bool, _ f: (Double) -> Double) -> AzimuthSeries {
        var samples = [Double](repeating: 0, count: 16)
        for j in 0..<16 {
            samples[j] = even && j > 8 ? samples[16 - j] : f(Double(j) * 22.5)
        }
        return AzimuthSeries(samples: samples)
    }

    /// The interpolants at the azimuth whose sine and cosine are given.
    @inline(__always)
    func vector(sin s: Double, cos c: Double) -> SIMD4<Double> {
        // cos kα and sin kα by x_(k+2) = 2 cos 2α x_k − x_(k−2): two chains
        // (odd and even k) side by side; error growth ~k² ulps, below 1e-13
        // at k = 16.
        let c2 = 2 * c * c - 1, s2 = 2 * s * c, step = 2 * c2
        var cOdd = c, sOdd = s, cOddBefore = c, sOddBefore = -s      // k = 1, and k = −1
        var cEven = c2, sEven = s2, cEvenBefore = 1.0, sEvenBefore = 0.0  // k = 2, and k = 0
        var x = mean[0], y = mean[1], z = mean[2]
        var u = 0.0, v = 0.0, w = 0.0
        coefficients.withUnsafeBufferPointer { buffer in
            var q = buffer.baseAddress!
            for _ in 0..<(count / 4) {
                x += q[0] * cOdd + q[3] * sOdd
                y += q[1] * cOdd + q[4] * sOdd
                z += q[2] * cOdd + q[5] * sOdd
                u += q[6] * cEven + q[9] * sEven
                v += q[7] * cEven + q[10] * sEven
                w += q[8] * cEven + q[11] * sEven
                (cOdd, cOddBefore) = (step * cOdd - cOddBefore, cOdd)
                (sOdd, sOddBefore) = (step * sOdd - sOddBefore, sOdd)
                (cEven, cEvenBefore) = (step * cEven - cEvenBefore, cEven)
                (sEven, sEvenBefore) = (step * sEven - sEvenBefore, sEven)
                q += 12
            }
        }
        return SIMD4(x + u, y + v, z + w, 0)
    }

    /// The first lane's interpolant at the azimuth whose sine and cosine are
    /// given (as `vector`, the other lanes skipped).
    @inline(__always)
    func value(sin s: Double, cos c: Double) -> Double {
        let c2 = 2 * c * c - 1, s2 = 2 * s * c, step = 2 * c2
        var cOdd = c, sOdd = s, cOddBefore = c, sOddBefore = -s
        var cEven = c2, sEven = s2, cEvenBefore = 1.0, sEvenBefore = 0.0
        var x = mean[0], u = 0.0
        coefficients.withUnsafeBufferPointer { buffer in
            var q = buffer.baseAddress!
            for _ in 0..<(count / 4) {
                x += q[0] * cOdd + q[3] * sOdd
                u += q[6] * cEven + q[9] * sEven
                (cOdd, cOddBefore) = (step * cOdd - cOddBefore, cOdd)
                (sOdd, sOddBefore) = (step * sOdd - sOddBefore, sOdd)
                (cEven, cEvenBefore) = (step * cEven - cEvenBefore, cEven)
                (sEven, sEvenBefore) = (step * sEven - sEvenBefore, sEven)
                q += 12
            }
        }
        return x + u
    }

    private static let cosTable = (0..<32).map { cos(Double($0) * .pi / 16) }
    private static let sinTable = (0..<32).map { sin(Double($0) * .pi / 16) }
}
