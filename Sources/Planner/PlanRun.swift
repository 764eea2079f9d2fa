import Foundation
import Coverage
import GeoCore
import Isochrones
import Siting
import Support

/// The whole pipeline for one scenario: demand grid, isochrones, exact
/// coverage of the existing network with N−1 resilience, then the siting
/// models the scenario asks for, with their proofs, per response-time standard.
public struct PlanRun: Sendable {
    public struct SitingPlan: Sendable {
        public let model: String
        /// The number of bases asked for (MCLP), or `nil` (LSCP).
        public let p: Int?
        public let result: SitingResult
        /// Site ids chosen.
        public let sites: [String]
        /// Exact coverage of the chosen set (polygon areas), percent of all zones.
        public let exactCoveredPercent: Double
        /// Max–min over the scenario's regions: the region of least covered
        /// share (grid weight) and that share, 0…1; nil for other models.
        public var leastGroup: (name: String, share: Double)? = nil

        /// The plan of `result` (site indices into `study.candidates`), with
        /// the exact coverage of the sites chosen at `minutes`.
        public init(_ result: SitingResult, p: Int?, study: Study, minutes: Double) throws {
            let chosen = result.selected.map { study.candidates[$0] }
            self.init(
                model: result.model, p: p, result: result, sites: chosen.map(\.id),
                exactCoveredPercent: try study.exactCoveredPercent(of: chosen, minutes: minutes))
        }

        public init(model: String, p: Int?, result: SitingResult, sites: [String], exactCoveredPercent: Double) {
            (self.model, self.p, self.result, self.sites, self.exactCoveredPercent) = (model, p, result, sites, exactCoveredPercent)
        }

        /// Why fewer bases were chosen than asked for (MCLP with p larger
        /// than needed: the solvers open no site that adds nothing), for the
        /// terminal and the report; `nil` when there are p.
        public var shortfall: String? {
            guard let p, sites.count < p else { return nil }
            return "\(sites.count) of p = \(p) bases chosen: no other candidate adds coverage at this standard "
                + "(those chosen already cover all the demand the candidates can reach)"
        }
    }

    public struct StandardResult: Sendable {
        public let minutes: Double
        public let existing: CoverageEvaluation
        public let resilience: Resilience
        public let response: ResponseStatistics?
        public let served: Geometry
        public let cellsServed: Int
        /// Demand groups the siting models solved; 0 where none ran (an assessment).
        public let groups: Int
        public let lscp: SitingPlan?
        public let mclp: [SitingPlan]
        /// The aircraft whose fuel, not this standard, bounds their reach.
        public let rangeLimits: [RangeLimit]
        /// The existing network's expected coverage (`[availability]`); nil without the table.
        public var expected: ExpectedCoverage? = nil
        /// MEXCLP plans (`[siting] mexclp_p`): `p` is the number of aircraft P,
        /// the objective the expected covered weight, `result.aircraft` the counts per site.
        public var mexclp: [SitingPlan] = []
        /// MALP I plans (`[siting] malp_p`): `p` the aircraft, the objective
        /// the weight reached with probability at least α.
        public var malp: [SitingPlan] = []
        /// Max–min plans over the reporting regions (`[siting] maxmin_p`):
        /// `p` the most bases, the objective the total covered weight (grid),
        /// `leastGroup` the region of least share.
        public var maxmin: [SitingPlan] = []
    }

    public let study: Study
    public let standards: [StandardResult]

    public var scenario: Scenario { study.scenario }
    public var grid: DemandGrid { study.grid }
    public var existing: [Site] { study.existing }
    public var candidates: [Site] { study.candidates }

    /// Runs the scenario; `progress` follows the stages and the share done of each.
    public static func run(_ scenario: Scenario, progress: Progress = .silent) throws -> PlanRun {
        try progress.tracking { try runStages(scenario, progress: progress) }
    }

    private static func runStages(_ scenario: Scenario, progress: Progress) throws -> PlanRun {
        let sitingStages = scenario.minutes.map { m in
            (scenario.siting.lscpMinutes.contains(m) ? 1 : 0) + (scenario.siting.mclpMinutes.contains(m) ? scenario.siting.mclpSiteCounts.count : 0)
                + (scenario.siting.mexclpMinutes.contains(m) ? scenario.siting.mexclpSiteCounts.count : 0)
                + (scenario.siting.malpMinutes.contains(m) ? scenario.siting.malpSiteCounts.count : 0)
                + (scenario.siting.maxminMinutes.contains(m) ? scenario.siting.maxminSiteCounts.count : 0)
        }
        progress.expect(stages: 1 + 2 * scenario.minutes.count + sitingStages.reduce(0, +))
        progress.stage("reading the scenario's layers and building the demand grid")
        let study = try Study.load(scenario)
        progress.note(
            "\(study.grid.zones.count) zone(s), \(study.existing.count) existing base(s), \(study.candidates.count) candidate site(s), aircraft \(scenario.aircraft.name)"
        )
        progress.note("demand grid: \(study.grid.cells.count) cells of \(scenario.cellKm) km in \(study.grid.projection.description)")
        study.notes.forEach(progress.note)
        let options = scenario.siting
        let kept = options.keepExisting ? study.existingIndices : []
        try refuseTooFewAircraft(options, kept: kept.count, source: scenario.source)
        var results: [StandardResult] = []
        for minutes in scenario.minutes {
            let label = "\(NumberText.json(minutes).serialized) min"
            progress.stage("\(label): isochrones of the existing bases")
            let reaches = try study.reaches(of: study.existing, minutes: minutes)
            let served = try Geometry.union(of: reaches)
            progress.stage(
                "\(label): coverage matrix (\(study.candidates.count) candidates × \(study.grid.cells.count) cells), exact coverage of the existing bases, N−1")
            let clock = ContinuousClock.now
            // The matrix is needed only up to the cells the existing bases
            // serve: it goes (China at 2 km: 3 GB) before the rest runs.
            let wantsMaxmin = options.maxminMinutes.contains(minutes) && !options.maxminSiteCounts.isEmpty
            let (instance, flags, samples, groupCount, unservedCells, regionGroups) = try {
                let coverage = try StandardCoverage(study: study, minutes: minutes)
                SitingTrace.log("\(label): coverage matrix and demand groups", since: clock, tag: "plan")
                let (flags, samples) = coverage.served(by: study.existingIndices, study: study)
                SitingTrace.log("\(label): cells the existing bases serve", since: clock, tag: "plan")
                let regionGroups = wantsMaxmin ? try RegionGroups(study: study, coverage: coverage, key: "[siting] maxmin_p") : nil
                return (coverage.instance, flags, samples, coverage.groupCount, coverage.unservedCellCount, regionGroups)
            }()
            let evaluation = try study.evaluate(reaches: reaches, servedCells: flags)
            SitingTrace.log("\(label): exact coverage of the existing bases", since: clock, tag: "plan")
            let resilience = try Resilience.evaluate(grid: study.grid, reaches: reaches, full: evaluation.total)
            SitingTrace.log("\(label): N−1 resilience", since: clock, tag: "plan")
            let weights = study.grid.cells.map(\.weight)
            let servedWeight = zip(weights, flags).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
            progress.note(
                String(
                    format: "%@: existing network covers %.2f%% of the zones' area (exact); grid: %.2f%% of the demand weight",
                    label, evaluation.total.coveredPercent, 100 * servedWeight / max(weights.reduce(0, +), .leastNonzeroMagnitude)))
            let response = ResponseStatistics(samples)
            let expected = try scenario.availability.map { options in
                let figures = try ExpectedCoverage.evaluate(study: study, minutes: minutes, options: options)
                progress.note("\(label): " + figures.sentence)
                return figures
            }
            func plan(_ result: SitingResult, p: Int? = nil) throws -> SitingPlan { try SitingPlan(result, p: p, study: study, minutes: minutes) }
            var lscp: SitingPlan?
            if options.lscpMinutes.contains(minutes), instance.demandCount > 0 {
                progress.stage("\(label): LSCP over \(instance.demandCount) demand groups", timeLimit: options.timeLimit)
                var lscpOptions = SitingOptions()
                lscpOptions.keep = kept
                lscpOptions.timeLimit = options.timeLimit
                lscp = try plan(try SitingModel.lscp.solve(on: instance, options: lscpOptions))
            }
            var mclp: [SitingPlan] = []
            if options.mclpMinutes.contains(minutes), instance.demandCount > 0 {
                for p in options.mclpSiteCounts where p <= study.candidates.count && p >= kept.count {
                    progress.stage("\(label): MCLP p = \(p)", timeLimit: options.timeLimit)
                    var mclpOptions = SitingOptions()
                    mclpOptions.p = p
                    mclpOptions.keep = kept
                    mclpOptions.timeLimit = options.timeLimit
                    mclp.append(try plan(try SitingModel.mclp.solve(on: instance, options: mclpOptions), p: p))
                }
            }
            // The availability models, with the busy share of [availability].
            func aircraftPlans(_ model: SitingModel, _ counts: [Int], at standards: [Double], alpha: Double? = nil) throws -> [SitingPlan] {
                guard standards.contains(minutes), instance.demandCount > 0, let busy = expected?.busy else { return [] }
                return try counts.map { aircraft in
                    let detail = alpha.map { "α = \(NumberText.readable($0))" } ?? "busy share \(NumberText.readable(busy))"
                    progress.stage("\(label): \(model.rawValue.uppercased()) with \(aircraft) aircraft, \(detail)", timeLimit: options.timeLimit)
                    var modelOptions = SitingOptions()
                    modelOptions.p = aircraft
                    modelOptions.busy = busy
                    modelOptions.alpha = alpha
                    modelOptions.perSite = options.mexclpPerSite
                    modelOptions.keep = kept
                    modelOptions.timeLimit = options.timeLimit
                    return try plan(try model.solve(on: instance, options: modelOptions), p: aircraft)
                }
            }
            let mexclp = try aircraftPlans(.mexclp, options.mexclpSiteCounts, at: options.mexclpMinutes)
            let malp = try options.malpAlpha.map { alpha in try aircraftPlans(.malp, options.malpSiteCounts, at: options.malpMinutes, alpha: alpha) } ?? []
            var maxmin: [SitingPlan] = []
            if let regionGroups {
                for p in options.maxminSiteCounts where p <= study.candidates.count {
                    progress.stage("\(label): max–min over \(regionGroups.names.count) regions, p = \(p)", timeLimit: options.timeLimit)
                    var fairOptions = SitingOptions()
                    fairOptions.p = p
                    fairOptions.demandGroups = (regionGroups.names, regionGroups.groupOfDemand)
                    fairOptions.timeLimit = options.timeLimit
                    let result = try SitingModel.maxmin.solve(on: regionGroups.instance, options: fairOptions)
                    var fair = try plan(result, p: p)
                    if result.status != .infeasible { fair.leastGroup = regionGroups.least(result.selected) }
                    maxmin.append(fair)
                }
            }
            progress.note(
                "\(label): \(study.grid.cells.count - unservedCells) servable cells merged into \(groupCount) demand groups"
                    + (lscp.map { "; LSCP \($0.sites.count) base(s) (\($0.result.status.rawValue))" } ?? ""))
            results.append(
                StandardResult(
                    minutes: minutes, existing: evaluation, resilience: resilience,
                    response: response, served: served,
                    cellsServed: flags.filter { $0 }.count, groups: groupCount, lscp: lscp, mclp: mclp,
                    rangeLimits: try RangeLimit.of(study, sites: study.candidates, minutes: minutes),
                    expected: expected, mexclp: mexclp, malp: malp, maxmin: maxmin))
        }
        progress.finish()
        return PlanRun(study: study, standards: results)
    }

    /// With `keep_existing`, each existing base holds one of the P aircraft
    /// of MEXCLP and MALP: a P below their number is refused, naming the key.
    static func refuseTooFewAircraft(_ options: Scenario.SitingPlanOptions, kept: Int, source: URL) throws {
        for (key, counts) in [("mexclp_p", options.mexclpSiteCounts), ("malp_p", options.malpSiteCounts)] {
            guard let fewest = counts.min(), fewest < kept else { continue }
            throw ConfigError(
                source: source.path, path: "[siting] \(key)",
                problem: "asks for \(fewest) aircraft, fewer than the \(kept) existing bases that keep_existing = true gives one aircraft each; "
                    + "ask for at least \(kept) or set keep_existing = false")
        }
    }
}
