/// Nodes (on [−1, 1]) and weights of 8-point Gauss–Legendre quadrature,
/// exact for polynomials of degree 15 (Abramowitz & Stegun, table 25.4),
/// to full double precision.
enum GaussLegendre8 {
    /// The four positive nodes, ascending; the others are their negatives.
    static let positiveNodes: [Double] = [
        0.183_434_642_495_649_804_9, 0.525_532_409_916_328_985_8,
        0.796_666_477_413_626_739_6, 0.960_289_856_497_536_231_7,
    ]
    /// The weights of `positiveNodes` (and of their negatives).
    static let positiveWeights: [Double] = [
        0.362_683_783_378_361_983_0, 0.313_706_645_877_887_287_3,
        0.222_381_034_453_374_470_5, 0.101_228_536_290_376_259_2,
    ]
    /// All eight nodes, ascending, and their weights.
    static let nodes: [Double] = positiveNodes.reversed().map { -$0 } + positiveNodes
    static let weights: [Double] = positiveWeights.reversed() + positiveWeights
}

/// Composite Gauss–Legendre quadrature in the forms `GeodesicRay` and
/// `UniformWindRay` need.
import Foundation

enum GaussLegendrePanels {
    /// Widest panel, radians of arc: 8 nodes are exact to round-off for
    /// integrands analytic within 3 rad of the real axis.
    static let widestPanel = 0.5

    /// Calls `body(sin x, cos x, weight)` at the nodes x of 8-point panels
    /// of at most `widest` covering [from, to] (weights include the panels'
    /// half-widths; a reversed interval gives negative weights). The sines
    /// and cosines come from the panel's middle by the addition formulas,
    /// one libm call per panel and offset (`SmallAngle` below 0.1 rad).
    @inline(__always)
    static func forEachNode(from: Double, to: Double, widest: Double = widestPanel, _ body: (Double, Double, Double) -> Void) {
        forEachNode(from: from, to: to, widest: widest, after: (0, 1), body)
    }

    /// `forEachNode(from:to:widest:_:)` over [θ + from, θ + to], where θ is
    /// given only by its sine and cosine (`after`): the nodes' sines and
    /// cosines come from the offsets `from`…`to` by the addition formulas,
    /// so short spans after any θ need no libm call (`SmallAngle`).
    @inline(__always)
    static func forEachNode(
        from: Double, to: Double, widest: Double = widestPanel, after start: (sin: Double, cos: Double),
        _ body: (Double, Double, Double) -> Void
    ) {
        let panels = max(1, Int((abs(to - from) / widest).rounded(.up)))
        let width = (to - from) / Double(panels)
        let half = width / 2
        var offsetSin = SIMD4<Double>(), offsetCos = SIMD4<Double>()
        for i in 0..<4 {
            (offsetSin[i], offsetCos[i]) = SmallAngle.sinCos(half * GaussLegendre8.positiveNodes[i])
        }
        for panel in 0..<panels {
            let (sm, cm) = SmallAngle.sinCos(from + (Double(panel) + 0.5) * width, after: start)
            for i in 0..<4 {
                let weight = half * GaussLegendre8.positiveWeights[i]
                let a = sm * offsetCos[i], b = cm * offsetSin[i], c = cm * offsetCos[i], d = sm * offsetSin[i]
                body(a - b, c + d, weight)
                body(a + b, c - d, weight)
            }
        }
    }

    /// Calls `body(sin x, cos x, weight)` at the nodes x of one 4-point
    /// Gauss–Legendre panel over [θ + from, θ + to] (θ given by its sine and
    /// cosine). Exact for degree 7; for an integrand analytic and bounded by
    /// M within a distance d of the real axis its error is at most
    /// (64/15) M h ρ⁻⁸/(ρ² − 1) with h the half-width and ρ ≈ 2d/h
    /// (Bernstein ellipse; Trefethen, SIAM Rev. 50, 2008): for Karney's
    /// integrands (d = asinh(1/k)/2 ≥ 1.6 keeping M ≈ 1) and spans up to
    /// `shortPanel` that is below 1e-17 of the integral.
    @inline(__always)
    static func forEachFourPointNode(from: Double, to: Double, after start: (sin: Double, cos: Double), _ body: (Double, Double, Double) -> Void) {
        let half = (to - from) / 2
        let (sm, cm) = SmallAngle.sinCos((from + to) / 2, after: start)
        for (node, weight) in [
            (0.339_981_043_584_856_264_8, 0.652_145_154_862_546_142_6),
            (0.861_136_311_594_052_575_2, 0.347_854_845_137_453_857_4),
        ] {
            let (so, co) = SmallAngle.sinCos(half * node)
            body(sm * co - cm * so, cm * co + sm * so, half * weight)
            body(sm * co + cm * so, cm * co - sm * so, half * weight)
        }
    }

    /// Widest span, radians of arc, that `forEachFourPointNode` integrates
    /// Karney's geometry integrands over to round-off (ρ ≥ 51).
    static let shortPanel = 0.125

    /// Calls `body(sin x, cos x, weight)` at the nodes x of one 3-point panel
    /// over [from, to]: exact for degree 5, for the short corrections of a
    /// Newton step.
    @inline(__always)
    static func forEachShortNode(from: Double, to: Double, _ body: (Double, Double, Double) -> Void) {
        forEachShortNode(from: from, to: to, after: (0, 1), body)
    }

    /// `forEachShortNode(from:to:_:)` over [θ + from, θ + to], θ given by
    /// its sine and cosine (see `forEachNode(from:to:widest:after:_:)`).
    @inline(__always)
    static func forEachShortNode(from: Double, to: Double, after start: (sin: Double, cos: Double), _ body: (Double, Double, Double) -> Void) {
        let half = (to - from) / 2
        let (sm, cm) = SmallAngle.sinCos((from + to) / 2, after: start)
        let (so, co) = SmallAngle.sinCos(half * 0.774_596_669_241_483_4)  // √(3/5)
        body(sm * co - cm * so, cm * co + sm * so, half * 5 / 9)
        body(sm, cm, half * 8 / 9)
        body(sm * co + cm * so, cm * co - sm * so, half * 5 / 9)
    }
}

/// Sine and cosine of an angle, by their Taylor series below 0.1 rad
/// (truncation below 1e-24) and by libm above.
enum SmallAngle {
    @inline(__always)
    static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        guard abs(x) < 0.1 else { return (sin(x), cos(x)) }
        let x2 = x * x
        // Horner in x²: sin to x¹³, cos to x¹⁴.
        var s = 1.0 / 6_227_020_800
        s = 1.0 / 39_916_800 - x2 * s
        s = 1.0 / 362_880 - x2 * s
        s = 1.0 / 5_040 - x2 * s
        s = 1.0 / 120 - x2 * s
        s = 1.0 / 6 - x2 * s
        var c = 1.0 / 87_178_291_200
        c = 1.0 / 479_001_600 - x2 * c
        c = 1.0 / 3_628_800 - x2 * c
        c = 1.0 / 40_320 - x2 * c
        c = 1.0 / 720 - x2 * c
        c = 1.0 / 24 - x2 * c
        c = 0.5 - x2 * c
        return (x - x * x2 * s, 1 - x2 * c)
    }

    /// Sine and cosine of an angle in degrees: from a table of the 64
    /// multiples of 5.625° and the series on the remaining offset (below
    /// 2.82°, exact in degrees up to an ulp of the input) by the addition
    /// formulas; within a few units in the last place of libm's, with no
    /// libm call. Angles beyond ±1e9° go to libm.
    @inline(__always)
    static func sinCos(degrees: Double) -> (sin: Double, cos: Double) {
        guard abs(degrees) < 1e9 else { return (sin(degrees * .pi / 180), cos(degrees * .pi / 180)) }
        let steps = degrees * (1 / 5.625)
        let k = Int(steps >= 0 ? steps + 0.5 : steps - 0.5)  // nearest, by truncation
        // |x| ≤ 2.82° + rounding = 0.0492 rad: sin to x⁹ and cos to x¹⁰ leave
        // out terms below 1e-22.
        let x = (degrees - Double(k) * 5.625) * (.pi / 180), x2 = x * x
        let s = x - x * x2 * (1.0 / 6 - x2 * (1.0 / 120 - x2 * (1.0 / 5_040 - x2 * (1.0 / 362_880))))
        let c = 1 - x2 * (0.5 - x2 * (1.0 / 24 - x2 * (1.0 / 720 - x2 * (1.0 / 40_320 - x2 * (1.0 / 3_628_800)))))
        let entry = sixtyFourthTurns + 2 * (k & 63)
        return (entry[0] * c + entry[1] * s, entry[1] * c - entry[0] * s)
    }

    /// sin and cos of k · 5.625° at 2k and 2k + 1, from libm within ±45°
    /// (where the argument's rounding costs least) turned by exact quarter
    /// turns. A constant table for the life of the program (written once,
    /// before any read: safe to share), read through a pointer: no copy, no
    /// reference counting on the hot path.
    nonisolated(unsafe) private static let sixtyFourthTurns: UnsafePointer<Double> = {
        let table = UnsafeMutablePointer<Double>.allocate(capacity: 128)
        for k in 0..<64 {
            let quarter = (k + 8) / 16, rest = Double(k - 16 * quarter) * .pi / 32
            let (s, c) = (sin(rest), cos(rest))
            (table[2 * k], table[2 * k + 1]) = [(s, c), (c, -s), (-s, -c), (-c, s), (s, c)][quarter]
        }
        return UnsafePointer(table)
    }()

    /// Sine and cosine of θ + x from those of θ (`start`) by the addition
    /// formulas: within a few units in the last place of libm's.
    @inline(__always)
    static func sinCos(_ x: Double, after start: (sin: Double, cos: Double)) -> (sin: Double, cos: Double) {
        let (s, c) = sinCos(x)
        return (start.sin * c + start.cos * s, start.cos * c - start.sin * s)
    }
}
