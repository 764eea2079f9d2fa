import Foundation

/// What a siting model is asked beyond the model and the instance: the
/// options of `aircover solve` and `aircover site`, by their command-line
/// meaning. `SitingModel.solve` refuses an option the model does not take,
/// naming it; ranges (`SolveRequest.checkOptions`) are the caller's to check.
public struct SitingOptions: Sendable {
    /// backup, pcenter, pmedian, maxmin: the sites; mclp: at most this many
    /// sites (or `budget`); mexclp, malp: the aircraft; lscp takes none.
    public var p: Int?
    /// mclp: total site cost at most this (instead of `p`).
    public var budget: Double?
    /// lscp, mclp: sites (instance indices) that stay open.
    public var keep: Set<Int> = []
    /// lscp, mclp: sites (instance indices) that stay closed.
    public var exclude: Set<Int> = []
    /// Wall-clock seconds for the solver; nil: until optimality is proven.
    public var timeLimit: Double?
    /// lscp, mclp: heuristics only, with a proven bound.
    public var heuristicOnly = false
    /// The time standard; pmedian's `minCoveragePercent` counts the weight
    /// served within it.
    public var threshold: Double?
    /// pmedian hybrid: the percent (0…100) of the weight to serve within `threshold`.
    public var minCoveragePercent: Double?
    /// mexclp, malp: the probability q (0 ≤ q < 1) that an aircraft is busy.
    public var busy: Double?
    /// malp: the reliability α (0 < α < 1) a demand must be served with.
    public var alpha: Double?
    /// mexclp, malp: the most aircraft at one site (K ≥ 1; default 1).
    public var perSite: Int?
    /// maxmin: a demand,group table naming a group for every demand.
    public var groups: URL?
    /// maxmin: the groups given directly instead of `groups` (a scenario's
    /// reporting regions, `RegionGroups`): their names, and for each demand
    /// of the instance an index into them or nil (in the total only).
    public var demandGroups: (names: [String], ofDemand: [Int?])?
    /// maxmin, constraint form: the percent (0…100) of each group's weight to cover.
    public var minGroupCoveragePercent: Double?

    public init() {}
}
