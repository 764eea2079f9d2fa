import Foundation
import GeoCore
import Siting

/// `aircover solve`: a siting model on coverage given as files (a CSV cost
/// table or an OR-Library set-covering instance), independent of geography.
public struct SolveRequest: Sendable {
    public enum Model: String, Sendable, CaseIterable {
        case lscp, mclp, backup, pcenter, pmedian, mexclp, malp, maxmin
    }

    public var costs: URL?
    public var orLibrary: URL?
    public var threshold: Double?
    public var weights: URL?
    public var siteCosts: URL?
    public var keep: [String] = []
    public var exclude: [String] = []
    public var model: Model
    public var p: Int?
    public var budget: Double?
    public var timeLimit: Double?
    public var heuristicOnly = false
    /// p-median hybrid: the share (0…1) of the weight to serve within `threshold`.
    public var minCoverage: Double?
    /// MEXCLP and MALP: the probability q (0 ≤ q < 1) that an aircraft is busy.
    public var busy: Double?
    /// MALP: the reliability α (0 < α < 1) a demand must be served with.
    public var alpha: Double?
    /// MEXCLP and MALP: the most aircraft at one site (K ≥ 1; default 1).
    public var perSite: Int?
    /// maxmin: a demand,group table.
    public var groups: URL?
    /// maxmin, constraint form: the percent (0…100) of each group's weight to cover.
    public var minGroupCoverage: Double?

    public init(model: Model) { self.model = model }

    /// Reads the inputs, solves, and returns the result with its instance.
    /// Options out of range (`checkOptions`) are refused before any file is read.
    public func run() throws -> (SitingResult, CoverInstance) {
        try checkOptions()
        let instance: CoverInstance
        let needsTimes = model == .pcenter || model == .pmedian
        switch (costs, orLibrary) {
        case (let costs?, nil):
            let clock = ContinuousClock.now
            let table = try CostTableReader.costs(costs)
            SitingTrace.log("read \(table.pairCount) pairs", since: clock, tag: "solve")
            let weightTable = try weights.map { try CostTableReader.weights($0) }
            let costTable = try siteCosts.map { try CostTableReader.siteCosts($0) }
            if needsTimes {
                instance = try CostTableReader.timedInstance(table, weights: weightTable, siteCosts: costTable)
            } else {
                guard let threshold else { throw InputError("--costs needs --threshold: a pair covers when its cost is at most the threshold") }
                instance = try CostTableReader.instance(table, threshold: threshold, weights: weightTable, siteCosts: costTable)
            }
            SitingTrace.log("read and built the instance (\(instance.demandCount) demands, \(instance.siteCount) sites, \(instance.demandSites.count) pairs)", since: clock, tag: "solve")
        case (nil, let orLibrary?):
            guard !needsTimes else { throw InputError("OR-Library files hold coverage, not response times: \(model.rawValue) needs --costs") }
            instance = try OrLibraryReader.read(orLibrary)
        default:
            throw InputError("give exactly one of --costs FILE or --orlib FILE")
        }
        let index = Dictionary(instance.siteIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func sites(_ ids: [String], _ option: String) throws -> Set<Int> {
            Set(try ids.map { id in
                guard let j = index[id] else { throw InputError("\(option) names site \(id), which is not in the input") }
                return j
            })
        }
        let kept = try sites(keep, "--keep"), excluded = try sites(exclude, "--exclude")
        if model != .mexclp && model != .malp {
            if busy != nil || perSite != nil { throw InputError("--busy and --per-site work with mexclp and malp only") }
            if alpha != nil { throw InputError("--alpha works with malp only") }
        }
        if model != .maxmin, groups != nil || minGroupCoverage != nil {
            throw InputError("--groups and --min-group-coverage work with maxmin only")
        }
        switch model {
        case .lscp:
            guard p == nil, budget == nil else { throw InputError("lscp takes neither -p nor --budget: it finds the fewest (cheapest) sites covering everything") }
            return (try SetCovering(instance: instance, forced: kept, excluded: excluded).solve(heuristicOnly: heuristicOnly, timeLimit: timeLimit), instance)
        case .mclp:
            let limit = try SolveRequest.mclpLimit(p: p, budget: budget)
            return (try MaximalCovering(instance: instance, limit: limit, forced: kept, excluded: excluded)
                .solve(heuristicOnly: heuristicOnly, timeLimit: timeLimit), instance)
        case .mexclp, .malp:
            return (try availability(instance, kept: kept, excluded: excluded), instance)
        case .maxmin:
            return (try groupFair(instance, kept: kept, excluded: excluded), instance)
        case .backup, .pcenter, .pmedian:
            guard let p, budget == nil else { throw InputError("\(model.rawValue) needs -p N (and no --budget)") }
            guard kept.isEmpty, excluded.isEmpty else { throw InputError("--keep and --exclude work with lscp and mclp only, so far") }
            guard !heuristicOnly else { throw InputError("--heuristic works with lscp and mclp only, so far") }
            switch model {
            case .backup: return (try BackupCovering(instance: instance, p: p).solve(timeLimit: timeLimit), instance)
            case .pcenter: return (try PCenter(instance: instance, p: p).solve(timeLimit: timeLimit), instance)
            default:
                var requirement: PMedian.CoverageRequirement?
                if let minCoverage {
                    guard let threshold else { throw InputError("--min-coverage needs --threshold, the time standard") }
                    requirement = .init(standard: threshold, share: minCoverage / 100)
                }
                return (try PMedian(instance: instance, p: p, requirement: requirement).solve(timeLimit: timeLimit), instance)
            }
        }
    }

    /// MEXCLP or MALP: -p P aircraft, --busy q, --per-site K (default 1),
    /// and for MALP --alpha α; P ≤ K × sites.
    private func availability(_ instance: CoverInstance, kept: Set<Int>, excluded: Set<Int>) throws -> SitingResult {
        let name = model.rawValue
        guard let p, budget == nil else { throw InputError("\(name) needs -p P, the aircraft to place (and no --budget)") }
        guard let busy else { throw InputError("\(name) needs --busy q, the probability that an aircraft is busy (0 ≤ q < 1)") }
        guard kept.isEmpty, excluded.isEmpty else { throw InputError("--keep and --exclude work with lscp and mclp only, so far") }
        guard !heuristicOnly else { throw InputError("--heuristic works with lscp and mclp only, so far") }
        let k = perSite ?? 1
        let (places, overflow) = instance.siteCount.multipliedReportingOverflow(by: k)
        guard overflow || p <= places else {
            throw InputError("-p is \(p); it must be at most --per-site \(k) × \(instance.siteCount) sites = \(places) aircraft")
        }
        if model == .mexclp {
            guard alpha == nil else { throw InputError("--alpha works with malp only; mexclp counts every demand by its chance of a free aircraft") }
            return try ExpectedCovering(instance: instance, aircraft: p, busy: busy, perSite: k).solve(timeLimit: timeLimit)
        }
        guard let alpha else { throw InputError("malp needs --alpha α, the reliability a demand must be served with (0 < α < 1)") }
        return try MaximumAvailability(instance: instance, aircraft: p, busy: busy, reliability: alpha, perSite: k).solve(timeLimit: timeLimit)
    }

    /// maxmin: -p P sites, --groups GROUPS.csv naming a group for every
    /// demand; with --min-group-coverage X the constraint form.
    private func groupFair(_ instance: CoverInstance, kept: Set<Int>, excluded: Set<Int>) throws -> SitingResult {
        guard let p, budget == nil else { throw InputError("maxmin needs -p N, the most sites (and no --budget)") }
        guard let groups else { throw InputError("maxmin needs --groups GROUPS.csv, a demand,group table") }
        guard kept.isEmpty, excluded.isEmpty else { throw InputError("--keep and --exclude work with lscp and mclp only, so far") }
        guard !heuristicOnly else { throw InputError("--heuristic works with lscp and mclp only, so far") }
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
        let goal: GroupFairCovering.Goal = minGroupCoverage.map { .minimumShare($0 / 100) } ?? .maxMin
        return try GroupFairCovering(instance: instance, p: p, groupOfDemand: instance.demandIDs.map { index[table[$0]!]! },
                                     groupNames: names, goal: goal).solve(timeLimit: timeLimit)
    }

    /// The result as one JSON object with the documented field names;
    /// `aircraft` (site id → aircraft count) for the models placing aircraft.
    public static func json(_ result: SitingResult, instance: CoverInstance) -> String {
        func number(_ v: Double) -> JSONValue { v.isFinite ? (v == v.rounded() && abs(v) < 1e15 ? .integer(Int(v)) : .number(v)) : .null }
        let aircraft: [(String, JSONValue)] = result.aircraft.map { counts in
            let bySite = zip(result.selected, counts).map { (instance.siteIDs[$0], JSONValue.integer($1)) }.sorted { $0.0 < $1.0 }
            return [("aircraft", .object(bySite))]
        } ?? []
        let share: [(String, JSONValue)] = result.minGroupShare.map { [("min_group_share", number($0))] } ?? []
        let object: JSONValue = .object([
            ("model", .string(result.model)),
            ("status", .string(result.status.rawValue)),
            ("objective", number(result.objective)),
            ("bound", number(result.bound)),
            ("gap", result.gap.isFinite ? .number(result.gap) : .null),
            ("selected", .array(result.selected.map { instance.siteIDs[$0] }.sorted().map { .string($0) })),
            ("covered_weight", number(result.coveredWeight)),
            ("total_weight", number(result.totalWeight)),
            ("covered_demand_count", .integer(result.coveredDemandCount)),
            ("uncovered_demand", .array(result.uncoveredDemands.map { .string(instance.demandIDs[$0]) })),
            ("seconds", .number(result.seconds)),
        ] + aircraft + share)
        return object.serialized + "\n"
    }
}

extension SolveRequest {
    /// Refuses options outside their range, naming the option and the range:
    /// `--threshold` a finite number ≥ 0, `--time-limit` finite seconds > 0,
    /// `-p` ≥ 1, `--budget` a finite number ≥ 0, `--min-coverage` 0…100,
    /// `--busy` 0 ≤ q < 1, `--alpha` 0 < α < 1, `--per-site` ≥ 1,
    /// `--min-group-coverage` 0…100 (P ≤ K ×
    /// sites is checked once the sites are read). NaN and infinities are
    /// refused everywhere.
    func checkOptions() throws {
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
        if let minCoverage, !(minCoverage.isFinite && (0...100).contains(minCoverage)) {
            throw refuse("--min-coverage", minCoverage, "a percentage from 0 to 100")
        }
        if let busy, !(busy.isFinite && busy >= 0 && busy < 1) {
            throw refuse("--busy", busy, "a probability q with 0 ≤ q < 1")
        }
        if let alpha, !(alpha.isFinite && alpha > 0 && alpha < 1) {
            throw refuse("--alpha", alpha, "a reliability α with 0 < α < 1")
        }
        if let perSite, perSite < 1 { throw refuse("--per-site", perSite, "a whole number of aircraft, 1 or more") }
        if let minGroupCoverage, !(minGroupCoverage.isFinite && (0...100).contains(minGroupCoverage)) {
            throw refuse("--min-group-coverage", minGroupCoverage, "a percentage from 0 to 100")
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
}
