import Foundation
import GeoCore
import Siting

/// `aircover solve`: a siting model on coverage given as files (a CSV cost
/// table or an OR-Library set-covering instance), independent of geography.
public struct SolveRequest: Sendable {
    public var costs: URL?
    public var orLibrary: URL?
    public var weights: URL?
    public var siteCosts: URL?
    /// Site ids kept open / kept closed (`options.keep`, `options.exclude`
    /// are set from them once the sites are read).
    public var keep: [String] = []
    public var exclude: [String] = []
    public var model: SitingModel
    /// The model's options; `options.threshold` is also the cost at which a
    /// pair covers.
    public var options = SitingOptions()
    /// lscp, mclp: list up to this many other optimal sets
    /// (`AlternativeOptima`); 0: none sought.
    public var alternatives = 0
    /// Site ids preferred among equally good sets (existing bases), with `alternatives`.
    public var prefer: [String] = []

    public init(model: SitingModel) { self.model = model }

    /// Reads the inputs and solves (`SitingModel.solve`); returns the
    /// result with its instance. Options out of range (`checkOptions`) are
    /// refused before any file is read.
    public func run() throws -> (SitingResult, CoverInstance) {
        let (result, instance, _) = try runWithAlternatives()
        return (result, instance)
    }

    /// As `run`, and with `alternatives` > 0 the other optimal sets found
    /// (`AlternativeOptima`); the result is then the set the tie-breaking
    /// reports first.
    public func runWithAlternatives() throws -> (SitingResult, CoverInstance, AlternativeOptima?) {
        try checkOptions()
        if alternatives < 0 || alternatives > 100 { throw InputError("--alternatives is \(alternatives); it must be from 0 to 100 other sets") }
        if alternatives == 0 && !prefer.isEmpty { throw InputError("--prefer works with --alternatives N only: it breaks ties among the optimal sets found") }
        let instance: CoverInstance
        let needsTimes = model.needsTimes
        let threshold = options.threshold
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
            SitingTrace.log(
                "read and built the instance (\(instance.demandCount) demands, \(instance.siteCount) sites, \(instance.demandSites.count) pairs)", since: clock,
                tag: "solve")
        case (nil, let orLibrary?):
            guard !needsTimes else { throw InputError("OR-Library files hold coverage, not response times: \(model.rawValue) needs --costs") }
            instance = try OrLibraryReader.read(orLibrary)
        default:
            throw InputError("give exactly one of --costs FILE or --orlib FILE")
        }
        let index = Dictionary(instance.siteIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func sites(_ ids: [String], _ option: String) throws -> Set<Int> {
            Set(
                try ids.map { id in
                    guard let j = index[id] else { throw InputError("\(option) names site \(id), which is not in the input") }
                    return j
                })
        }
        var options = options
        options.keep = try sites(keep, "--keep")
        options.exclude = try sites(exclude, "--exclude")
        let preferred = try sites(prefer, "--prefer")
        let result = try model.solve(on: instance, options: options)
        guard alternatives > 0 else { return (result, instance, nil) }
        let optima = try AlternativeOptima.search(model, on: instance, options: options, first: result, limit: alternatives, preferred: preferred)
        return (optima.best, instance, optima)
    }
}

extension SolveRequest {
    /// Refuses options outside their range before any file is read
    /// (`SitingOptions.checkRanges`; P ≤ K × sites is checked once the
    /// sites are read).
    func checkOptions() throws { try options.checkRanges() }
}
