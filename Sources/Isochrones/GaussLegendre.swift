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
enum GaussLegendrePanels {
    /// Widest panel, radians of arc: 8 nodes are exact to round-off for
    /// integrands analytic within 3 rad of the real axis.
    static let widestPanel = 0.5

    /// Calls `body(node, weight)` for 8-point panels of at most `widest`
    /// covering [from, to] (weights include the panels' half-widths; a
    /// reversed interval gives negative weights).
    @inline(__always)
    static func forEachNode(from: Double, to: Double, widest: Double = widestPanel, _ body: (Double, Double) -> Void) {
        let panels = max(1, Int((abs(to - from) / widest).rounded(.up)))
        let width = (to - from) / Double(panels)
        let half = width / 2
        for panel in 0..<panels {
            let middle = from + (Double(panel) + 0.5) * width
            for i in 0..<4 {
                let offset = half * GaussLegendre8.positiveNodes[i], weight = half * GaussLegendre8.positiveWeights[i]
                body(middle - offset, weight)
                body(middle + offset, weight)
            }
        }
    }

    /// Calls `body(node, weight)` for one 3-point panel over [from, to]:
    /// exact for degree 5, for the short corrections of a Newton step.
    @inline(__always)
    static func forEachShortNode(from: Double, to: Double, _ body: (Double, Double) -> Void) {
        let middle = (from + to) / 2, half = (to - from) / 2
        let offset = half * 0.774_596_669_241_483_4  // √(3/5)
        body(middle - offset, half * 5 / 9)
        body(middle, half * 8 / 9)
        body(middle + offset, half * 5 / 9)
    }
}
