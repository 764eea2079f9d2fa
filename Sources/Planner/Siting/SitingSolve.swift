import Foundation
import Siting

extension SitingModel {
    /// Solves this model on `instance` with `options`: the one entry point
    /// of `aircover solve`, `aircover site`, `aircover plan`'s siting and
    /// the server's solve desk. `timed` gives the instance with response
    /// times when `instance` has none (a scenario's coverage builds it on
    /// demand); it is asked for only by pcenter and pmedian, once their
    /// options are accepted. Nil: `instance` holds the times itself.
    ///
    /// An option the model does not take, or a missing one it needs, is
    /// refused with an `InputError` naming it; the models' own checks
    /// (`p` against the sites, kept sites against the budget, …) throw
    /// `SitingInputError`.
    public func solve(on instance: CoverInstance, timed: (() throws -> CoverInstance)? = nil, options: SitingOptions) throws -> SitingResult {
        let o = options
        if self != .mexclp && self != .malp {
            if o.busy != nil || o.perSite != nil { throw InputError("--busy and --per-site work with mexclp and malp only") }
            if o.alpha != nil { throw InputError("--alpha works with malp only") }
        }
        if self != .maxmin, o.groups != nil || o.demandGroups != nil || o.minGroupCoveragePercent != nil {
            throw InputError("--groups and --min-group-coverage work with maxmin only")
        }
        switch self {
        case .lscp:
            guard o.p == nil, o.budget == nil else {
                throw InputError("lscp takes neither -p nor --budget: it finds the fewest (cheapest) sites covering everything")
            }
            return try SetCovering(instance: instance, forced: o.keep, excluded: o.exclude).solve(heuristicOnly: o.heuristicOnly, timeLimit: o.timeLimit)
        case .mclp:
            let limit = try Self.mclpLimit(p: o.p, budget: o.budget)
            return try MaximalCovering(instance: instance, limit: limit, forced: o.keep, excluded: o.exclude)
                .solve(heuristicOnly: o.heuristicOnly, timeLimit: o.timeLimit)
        case .mexclp, .malp:
            return try availability(instance, o)
        case .maxmin:
            return try groupFair(instance, o)
        case .backup, .pcenter, .pmedian:
            guard let p = o.p, o.budget == nil else { throw InputError("\(rawValue) needs -p N (and no --budget)") }
            try Self.refuseOtherOptions(o)
            switch self {
            case .backup: return try BackupCovering(instance: instance, p: p).solve(timeLimit: o.timeLimit)
            case .pcenter: return try PCenter(instance: try timed?() ?? instance, p: p).solve(timeLimit: o.timeLimit)
            default:
                var requirement: PMedian.CoverageRequirement?
                if let minCoverage = o.minCoveragePercent {
                    guard let threshold = o.threshold else { throw InputError("--min-coverage needs --threshold, the time standard") }
                    requirement = .init(standard: threshold, share: minCoverage / 100)
                }
                return try PMedian(instance: try timed?() ?? instance, p: p, requirement: requirement).solve(timeLimit: o.timeLimit)
            }
        }
    }

    /// MCLP's limit from the command line: exactly one of -p N or --budget B.
    static func mclpLimit(p: Int?, budget: Double?) throws -> MaximalCovering.Limit {
        switch (p, budget) {
        case (let p?, nil): return .sites(p)
        case (nil, let budget?): return .budget(budget)
        default: throw InputError("mclp needs exactly one of -p N or --budget B")
        }
    }

    /// Refuses kept or excluded sites and heuristics-only, which only lscp
    /// and mclp take.
    private static func refuseOtherOptions(_ o: SitingOptions) throws {
        switch (o.keep.isEmpty, o.exclude.isEmpty) {
        case (true, true): break
        case (false, true): throw InputError("--keep works with lscp, mclp, mexclp and malp only, so far")
        case (true, false): throw InputError("--exclude works with lscp and mclp only, so far")
        case (false, false): throw InputError("--keep and --exclude work with lscp and mclp only, so far")
        }
        guard !o.heuristicOnly else { throw InputError("--heuristic works with lscp and mclp only, so far") }
    }

    /// MEXCLP or MALP: -p P aircraft, --busy q, --per-site K (default 1),
    /// and for MALP --alpha α; P ≤ K × sites. Kept sites (`keep`) hold one
    /// aircraft at least, within P, so P must be at least their number.
    private func availability(_ instance: CoverInstance, _ o: SitingOptions) throws -> SitingResult {
        let name = rawValue
        guard let p = o.p, o.budget == nil else { throw InputError("\(name) needs -p P, the aircraft to place (and no --budget)") }
        guard let busy = o.busy else { throw InputError("\(name) needs --busy q, the probability that an aircraft is busy (0 ≤ q < 1)") }
        var others = o
        others.keep = []
        try Self.refuseOtherOptions(others)
        guard p >= o.keep.count else {
            throw InputError("-p is \(p); it must be at least the \(o.keep.count) sites kept open, which hold one aircraft each")
        }
        let k = o.perSite ?? 1
        let (places, overflow) = instance.siteCount.multipliedReportingOverflow(by: k)
        guard overflow || p <= places else {
            throw InputError("-p is \(p); it must be at most --per-site \(k) × \(instance.siteCount) sites = \(places) aircraft")
        }
        if self == .mexclp {
            guard o.alpha == nil else { throw InputError("--alpha works with malp only; mexclp counts every demand by its chance of a free aircraft") }
            return try ExpectedCovering(instance: instance, aircraft: p, busy: busy, perSite: k, kept: o.keep).solve(timeLimit: o.timeLimit)
        }
        guard let alpha = o.alpha else { throw InputError("malp needs --alpha α, the reliability a demand must be served with (0 < α < 1)") }
        return try MaximumAvailability(instance: instance, aircraft: p, busy: busy, reliability: alpha, perSite: k, kept: o.keep)
            .solve(timeLimit: o.timeLimit)
    }

    /// maxmin: -p P sites, --groups GROUPS.csv naming a group for every
    /// demand (or the groups given, `demandGroups`); with
    /// --min-group-coverage X the constraint form.
    private func groupFair(_ instance: CoverInstance, _ o: SitingOptions) throws -> SitingResult {
        guard let p = o.p, o.budget == nil else { throw InputError("maxmin needs -p N, the most sites (and no --budget)") }
        try Self.refuseOtherOptions(o)
        let goal: GroupFairCovering.Goal = o.minGroupCoveragePercent.map { .minimumShare($0 / 100) } ?? .maxMin
        if let given = o.demandGroups {
            guard o.groups == nil else { throw InputError("maxmin takes --groups or the scenario's regions, not both") }
            return try GroupFairCovering(instance: instance, p: p, groupOfDemand: given.ofDemand, groupNames: given.names, goal: goal)
                .solve(timeLimit: o.timeLimit)
        }
        guard let groups = o.groups else { throw InputError("maxmin needs --groups GROUPS.csv, a demand,group table") }
        let table = try CostTableReader.groups(groups)
        let known = Set(instance.demandIDs)
        if let unknown = table.keys.filter({ !known.contains($0) }).min() {
            throw InputError("\(groups.path) names demand \(unknown), which the input does not have")
        }
        if let missing = instance.demandIDs.first(where: { table[$0] == nil }) {
            throw InputError("\(groups.path) gives no group to demand \(missing); every demand needs one")
        }
        let names = Set(table.values).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return try GroupFairCovering(
            instance: instance, p: p, groupOfDemand: instance.demandIDs.map { index[table[$0]!]! },
            groupNames: names, goal: goal
        ).solve(timeLimit: o.timeLimit)
    }
}
