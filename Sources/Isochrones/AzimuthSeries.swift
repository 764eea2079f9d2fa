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
    /// aₖ and bₖ for k = 1 … N/2 (b_(N/2) = 0), six numbers per k from
    /// 6 (k − 1): aₖ and bₖ of the first two lanes (aₖ₀, aₖ₁, bₖ₀, bₖ₁), then
    /// aₖ₂, bₖ₂ — laid out for `SIMD2` arithmetic (one SSE2 register;
    /// `SIMD4<Double>` arithmetic is slow on baseline x86-64).
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
            coefficients.append(ak[0])
            coefficients.append(ak[1])
            coefficients.append(bk[0])
            coefficients.append(bk[1])
            coefficients.append(ak[2])
            coefficients.append(bk[2])
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
        let (pair, third) = evaluate(sin: s, cos: c, thirdLane: true)
        return SIMD4(pair[0], pair[1], third, 0)
    }

    /// The first two lanes' interpolants (the third skipped).
    @inline(__always)
    func pair(sin s: Double, cos c: Double) -> SIMD2<Double> {
        evaluate(sin: s, cos: c, thirdLane: false).pair
    }

    /// The first lane's interpolant at the azimuth whose sine and cosine are
    /// given (the other lanes skipped).
    @inline(__always)
    func value(sin s: Double, cos c: Double) -> Double {
        evaluate(sin: s, cos: c, thirdLane: false).pair[0]
    }

    /// (cos kα, sin kα) by x_(k+2) = 2 cos 2α x_k − x_(k−2): two chains (odd
    /// and even k) side by side; error growth ~k² ulps, below 1e-13 at k = 16.
    @inline(__always)
    private func evaluate(sin s: Double, cos c: Double, thirdLane: Bool) -> (pair: SIMD2<Double>, third: Double) {
        let c2 = 2 * c * c - 1, s2 = 2 * s * c
        let step = SIMD2(repeating: 2 * c2)
        var odd = SIMD2(c, s), oddBefore = SIMD2(c, -s)  // k = 1, and k = −1
        var even = SIMD2(c2, s2), evenBefore = SIMD2(1.0, 0)  // k = 2, and k = 0
        var pair = SIMD2(mean[0], mean[1]), pairEven = SIMD2<Double>()
        var third = SIMD2(mean[2], 0), thirdEven = SIMD2<Double>()
        coefficients.withUnsafeBufferPointer { buffer in
            var q = buffer.baseAddress!
            for _ in 0..<(count / 4) {
                pair += SIMD2(q[0], q[1]) * odd[0] + SIMD2(q[2], q[3]) * odd[1]
                pairEven += SIMD2(q[6], q[7]) * even[0] + SIMD2(q[8], q[9]) * even[1]
                if thirdLane {
                    third += SIMD2(q[4], q[5]) * odd
                    thirdEven += SIMD2(q[10], q[11]) * even
                }
                (odd, oddBefore) = (step * odd - oddBefore, odd)
                (even, evenBefore) = (step * even - evenBefore, even)
                q += 12
            }
        }
        return (pair + pairEven, (third + thirdEven).sum())
    }

    private static let cosTable = (0..<32).map { cos(Double($0) * .pi / 16) }
    private static let sinTable = (0..<32).map { sin(Double($0) * .pi / 16) }
}
