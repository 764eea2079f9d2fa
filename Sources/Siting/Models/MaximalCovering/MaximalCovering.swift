import Foundation

/// The maximal covering location problem (MCLP; Church & ReVelle 1974): at
/// most p sites — or sites within a budget — maximising the covered weight.
///
///     maximise   Σ_i w_i y_i
///     subject to y_i ≤ Σ_{j ∈ N_i} x_j          for every demand i
///                Σ_j x_j ≤ p                   (cardinality)   or   Σ_j c_j x_j ≤ B   (budget)
///                x_j = 1 forced, x_j = 0 excluded, x_j ∈ {0, 1}, 0 ≤ y_i ≤ 1
///
/// y needs no integrality: for integral x the optimum sets y_i = 1 exactly
/// where a site covers i.
public struct MaximalCovering: Sendable {
    public enum Limit: Sendable, Equatable {
        /// At most this many sites, forced ones included.
        case sites(Int)
        /// Total site cost at most this, forced ones included.
        case budget(Double)
    }

    public let instance: CoverInstance
    public let limit: Limit
    public let forced: Set<Int>
    public let excluded: Set<Int>
    /// Which exact search runs after the bounds; tests pin one.
    var exactSearch = ExactSearch.bySize

    enum ExactSearch {
        /// Cardinality: the branch and cut at every size. Budget: CBC on
        /// the compact model up to `largestCompactModel` pairs, the branch
        /// and cut above.
        case bySize
        case compact
        case branchAndCut
    }

    public init(instance: CoverInstance, limit: Limit, forced: Set<Int> = [], excluded: Set<Int> = []) throws {
        try SiteChoice.check(instance: instance, forced: forced, excluded: excluded)
        switch limit {
        case .sites(let p):
            let available = instance.siteCount - excluded.count
            guard p >= 1 else { throw SitingInputError("p must be at least 1, got \(p)") }
            guard p <= available else {
                throw SitingInputError("p = \(p) is more than the \(available) candidate sites available; ask for at most \(available)")
            }
            guard forced.count <= p else {
                throw SitingInputError("\(forced.count) sites are kept, more than p = \(p); raise p or keep fewer")
            }
        case .budget(let budget):
            let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
            guard budget.isFinite, budget >= forcedCost else {
                throw SitingInputError("the budget \(budget) is below the \(forcedCost) the kept sites cost; raise it or keep fewer sites")
            }
        }
        self.instance = instance
        self.limit = limit
        self.forced = forced
        self.excluded = excluded
    }

    var modelName: String {
        if case .budget = limit { return "mclp-budget" }
        return "mclp"
    }
}
