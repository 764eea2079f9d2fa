import Foundation

/// The trigonometric interpolant of a periodic function of the azimuth
/// through its values at the 16 azimuths 0°, 22.5°, … 337.5°:
///
///     p(α) = a₀ + Σₖ₌₁⁷ (aₖ cos kα + bₖ sin kα) + a₈ cos 8α.
///
/// Used as a *starting guess* only (the arc of a boundary crossing along a
/// ray, from 16 rays solved in full), so its accuracy is a matter of speed,
/// not of correctness: for a function analytic within a strip |Im α| < d
/// the error falls like e^(−8d). A uniform wind's crossing arcs have their
/// nearest singularities at d ≈ acosh(v/w) (2.6 at a seventh of the
/// airspeed: ~1e-11 rad, a Newton step from the true arc); calm-air arcs are
/// smoother still.
struct AzimuthSeries {
    static let sampleCount = 16
    /// a₁ … a₈ and b₁ … b₈ (b₈ = 0).
    private let cosines: SIMD8<Double>, sines: SIMD8<Double>
    private let mean: Double

    /// The interpolant through `samples[j]` = f(j · 22.5°).
    init(samples: [Double]) {
        precondition(samples.count == Self.sampleCount)
        var a = SIMD8<Double>(), b = SIMD8<Double>()
        for k in 1...8 {
            var ak = 0.0, bk = 0.0
            for (j, value) in samples.enumerated() {
                let phase = (j * k) % 16
                ak += value * Self.cosTable[phase]
                bk += value * Self.sinTable[phase]
            }
            // The Nyquist term (k = 8) carries half the weight.
            a[k - 1] = ak / (k == 8 ? 16 : 8)
            b[k - 1] = k == 8 ? 0 : bk / 8
        }
        cosines = a
        sines = b
        mean = samples.reduce(0, +) / 16
    }

    /// The samples of `f` at the 16 azimuths; with `even` (f(360° − α) =
    /// f(α), e.g. a reach mirror-symmetric about the base's meridian) only
    /// the 9 from 0° to 180° are evaluated.
    static func sampling(even: Bool, _ f: (Double) -> Double) -> AzimuthSeries {
        var samples = [Double](repeating: 0, count: sampleCount)
        for j in 0..<sampleCount {
            samples[j] = even && j > 8 ? samples[16 - j] : f(Double(j) * 22.5)
        }
        return AzimuthSeries(samples: samples)
    }

    /// The interpolant at the azimuth whose sine and cosine are given.
    @inline(__always)
    func value(sin s: Double, cos c: Double) -> Double {
        // cos kα and sin kα by repeated rotation (8 steps: round-off ~1e-15).
        var ck = c, sk = s, sum = mean
        for k in 0..<8 {
            sum += cosines[k] * ck + sines[k] * sk
            (ck, sk) = (ck * c - sk * s, sk * c + ck * s)
        }
        return sum
    }

    private static let cosTable = (0..<16).map { cos(Double($0) * .pi / 8) }
    private static let sinTable = (0..<16).map { sin(Double($0) * .pi / 8) }
}
