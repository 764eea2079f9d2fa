import Foundation

/// Maximal covering solved exactly by branch and cut over the site
/// variables alone (Benders decomposition, after Cordeau, Furini & Ljubić
/// 2019): the rows never enter the linear program.
///
///     maximise   Σ_g θ_g
///     subject to θ_g ≤ Φ_g(x)   (as cuts: θ_g ≤ c + Σ a_j x_j, `CoveredWeightFunction`)
///                Σ_j x_j ≤ k    or   Σ_j c_j x_j ≤ B
///                x ∈ {0, 1}ⁿ,  0 ≤ θ_g ≤ W_g (the group's weight)
///
/// With every cut present its LP relaxation is the compact model's, but the
/// program has n + G columns and a few hundred rows whatever the number of
/// demand rows, and a cut is found by walking the rows near the open sites.
///
/// Algorithm:
/// - root: cutting planes with in-out stabilisation (Ben-Ameur & Neto 2007:
///   cuts taken at a point between the LP optimum and a core point that
///   follows it), then plain Kelley until no cut is violated;
/// - best-bound search, branching on the fractional site of the best
///   pseudo-cost score; each node re-solves from the last basis and adds
///   one round of cuts (the root: until none is violated or the bound
///   tails off);
/// - at every node: rounding (the largest x̄ first) evaluated exactly as a
///   candidate solution (at the root and every tenth node improved by
///   `SwapLocalSearch`), and reduced-cost fixing for the node's subtree
///   (at the root, after every round: for the whole search);
/// - cuts non-binding at ten node ends in a row leave the program.
///
/// Proof: every node's bound is Neumaier–Shcherbina's safe bound from the
/// LP's row prices (`LinearProgram.provenLowerBound`), valid whatever the
/// LP's accuracy, and cuts are valid for every x, so a pruned node holds
/// nothing better than the incumbent (beyond `OptimalityTolerance`,
/// in `proves`). Fixings exclude only solutions no better than the incumbent.
/// `Outcome.bound` is the largest bound of a node left open (the
/// incumbent's value when the search finished).
struct MaximalCoveringBranchAndCut {
    enum Limit {
        case count(Int)
        case budget(costs: [Double], total: Double)
    }

    let function: CoveredWeightFunction
    let limit: Limit

    struct Outcome {
        /// The best columns found, ascending; their covered weight `value`.
        var columns: [Int]
        var value: Double
        /// A proven upper bound on the best value within the limit.
        var bound: Double
        /// True when the search finished (`bound == value`).
        var finished: Bool
        var nodes: Int
        var cuts: Int
    }

    var columnCount: Int { function.columnCount }
    var groupCount: Int { function.groups.count }

    /// Branch and cut from the solution `start` (columns within the limit),
    /// until the search finishes, `deadline` passes or the solve is cancelled.
    func run(start: [Int], deadline: ContinuousClock.Instant?) -> Outcome {
        var search = Search(problem: self, deadline: deadline)
        return search.run(start: start)
    }

    /// True when `bound` does not exceed `value` beyond `OptimalityTolerance`.
    static func proves(_ bound: Double, _ value: Double) -> Bool {
        OptimalityTolerance.closes(bound - value, at: value)
    }
}
