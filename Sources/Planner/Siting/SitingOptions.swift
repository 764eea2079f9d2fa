import Foundation

/// What a siting model is asked beyond the model and the instance: the
/// options of `aircover solve` and `aircover site`, by their command-line
/// meaning. `SitingModel.solve` refuses an option the model does not take,
/// naming it; ranges (`checkRanges`) are the caller's to check.
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

    /// Refuses options outside their range, naming the option and the range:
    /// `--threshold` a finite number ≥ 0, `--time-limit` finite seconds > 0,
    /// `-p` ≥ 1, `--budget` a finite number ≥ 0, `--min-coverage` 0…100,
    /// `--busy` 0 ≤ q < 1, `--alpha` 0 < α < 1, `--per-site` ≥ 1,
    /// `--min-group-coverage` 0…100. NaN and infinities are refused
    /// everywhere. `aircover solve` and `aircover site` check through it,
    /// so that one value gets one message.
    public func checkRanges() throws {
        func refuse(_ option: String, _ value: some CustomStringConvertible, _ range: String) -> InputError {
            InputError("\(option) is \(value); it must be \(range)")
        }
        if let threshold, !(threshold.isFinite && threshold >= 0) {
            throw refuse("--threshold", threshold, "a finite cost of 0 or more (the same unit as the costs table)")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw refuse("--time-limit", timeLimit, "a finite number of seconds above 0")
        }
        if let p, p < 1 { throw refuse("-p", p, "a whole number of sites, 1 or more") }
        if let budget, !(budget.isFinite && budget >= 0) {
            throw refuse("--budget", budget, "a finite total site cost of 0 or more")
        }
        if let minCoveragePercent, !(minCoveragePercent.isFinite && (0...100).contains(minCoveragePercent)) {
            throw refuse("--min-coverage", minCoveragePercent, "a percentage from 0 to 100")
        }
        if let busy, !(busy.isFinite && busy >= 0 && busy < 1) {
            throw refuse("--busy", busy, "a probability q with 0 ≤ q < 1")
        }
        if let alpha, !(alpha.isFinite && alpha > 0 && alpha < 1) {
            throw refuse("--alpha", alpha, "a reliability α with 0 < α < 1")
        }
        if let perSite, perSite < 1 { throw refuse("--per-site", perSite, "a whole number of aircraft, 1 or more") }
        if let minGroupCoveragePercent, !(minGroupCoveragePercent.isFinite && (0...100).contains(minGroupCoveragePercent)) {
            throw refuse("--min-group-coverage", minGroupCoveragePercent, "a percentage from 0 to 100")
        }
    }
}
