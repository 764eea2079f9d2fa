import ArgumentParser
import Foundation
import GeoCore
import Planner
import Support

/// `aircover site`: one siting model on a scenario.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Choose bases on a scenario: LSCP, MCLP (p or budget), backup, p-center, p-median, MEXCLP, MALP, max–min over regions.",
        discussion: """
            Solves on the scenario's demand grid and coverage matrix at one standard, then reports the exact coverage
            (polygon areas) of the chosen set. Status "optimal" only when CBC proved it; otherwise the bound and gap.

            --minutes may be any standard; --night/--day, --aircraft (with any figure) and --cell-km replace the scenario's own,
            and the JSON records the aircraft, night and cell size used.

            mexclp and malp place P aircraft, at most --per-site K at one site (default [siting] per_site, else 1), with
            the busy share of the scenario's [availability] table; malp takes its reliability from --alpha or [siting]
            malp_alpha. maxmin raises the least covered share of the scenario's reporting regions ([demand] regions), then
            the total; with --min-group-coverage X it gives every region at least X% of its weight and maximises the total
            (infeasible, with no bases, when -p bases cannot). Both options mean and are checked as in `aircover solve`.

            Examples:
              aircover site --model lscp --minutes 60 --cell-km 20
              aircover site basemaps/liaoning/scenario.toml --model mclp -p 12 --minutes 30 --keep existing --cell-km 20 --json
              aircover site basemaps/liaoning/scenario.toml --model mclp -p 4 --minutes 60 --night --aircraft H225 --cell-km 20
              aircover site basemaps/henan/scenario.toml --model pmedian -p 6 --minutes 60 --min-coverage 95 --cell-km 20
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?
    @Option(help: "The siting model (mexclp, malp with the scenario's [availability] busy share; maxmin over its regions).") var model: SitingModel
    @Option(name: .short, parsing: .unconditional, help: "Number of bases (kept ones included).", transform: SignedOptionValue.integer) var p: Int?
    @Option(
        parsing: .unconditional, help: "MCLP: total site cost at most this (costs from the scenario's [bases] cost_field).",
        transform: SignedOptionValue.number) var budget: Double?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Response-time standard in minutes; default: the scenario's only one (required when it has several).", valueName: "MIN"),
        transform: SignedOptionValue.number) var minutes: Double?
    @Option(help: ArgumentHelp("Sites kept open: \"existing\" or site ids ID,ID.", valueName: "existing|ID,…")) var keep: String?
    @Option(
        name: .customLong("min-coverage"), parsing: .unconditional,
        help: ArgumentHelp("p-median hybrid: percent of the weight to serve within the standard.", valueName: "PCT"),
        transform: SignedOptionValue.number) var minCoverage: Double?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("malp: the reliability α (0 < α < 1) a demand must be served with; default: [siting] malp_alpha.", valueName: "α"),
        transform: SignedOptionValue.number) var alpha: Double?
    @Option(
        name: .customLong("per-site"), parsing: .unconditional,
        help: ArgumentHelp(
            "mexclp, malp: the most aircraft at one site; 1 or more (default: [siting] per_site, else 1), with -p at most K × sites.", valueName: "K"),
        transform: SignedOptionValue.integer) var perSite: Int?
    @Option(
        name: .customLong("min-group-coverage"), parsing: .unconditional,
        help: ArgumentHelp("maxmin: cover at least this percent of every region's weight (0 to 100), maximising the total.", valueName: "PCT"),
        transform: SignedOptionValue.number) var minGroupCoverage: Double?
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: .exactSolverTimeLimit, transform: SignedOptionValue.number) var timeLimit: Double =
        60
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "lscp, mclp: also seek other optimal sets (the existing bases preferred among them, then the lower cost) and list up to N.", valueName: "N"),
        transform: SignedOptionValue.integer) var alternatives: Int?
    @OptionGroup var overrides: ScenarioOverrides
    @Flag(
        help:
            "Heuristics only (greedy, local search, Lagrangian relaxation), with a proven bound: Lagrangian (LSCP, MCLP with -p) or CBC's root LP (MCLP with --budget); lscp and mclp only."
    ) var heuristic = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        if let p, p < 1 { throw ValidationError("-p must be at least 1") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if let alpha, !(alpha > 0 && alpha < 1) { throw ValidationError("--alpha must be a reliability α with 0 < α < 1") }
        // Checked before the scenario is read, with `solve`'s messages.
        var asked = SitingOptions()
        (asked.perSite, asked.minGroupCoveragePercent) = (perSite, minGroupCoverage)
        try asked.checkRanges()
        let progress = Progress.forStandardError()
        let setup = try SitingSetup(scenario: scenario, overrides: overrides, minutes: minutes, keep: keep, progress: progress)
        let (study, standard, kept, siting) = (setup.study, setup.standard, setup.kept, setup.siting)
        if let p, p > study.candidates.count { throw InputError("-p \(p) is more than the \(study.candidates.count) candidate sites") }
        progress.stage("solving \(model.rawValue)", timeLimit: timeLimit)
        let plan: PlanRun.SitingPlan, optima: AlternativeOptima?
        if let alternatives {
            if heuristic || minCoverage != nil || perSite != nil || minGroupCoverage != nil {
                throw ValidationError(
                    "--alternatives seeks other proven optima of lscp and mclp: not with --heuristic, --min-coverage, --per-site or --min-group-coverage")
            }
            (plan, optima) = try siting.solve(model, p: p, budget: budget, keep: kept, timeLimit: timeLimit, alternatives: alternatives)
        } else {
            plan = try siting.solve(
                model, p: p, budget: budget, keep: kept, timeLimit: timeLimit, heuristicOnly: heuristic,
                minCoveragePercent: minCoverage, alpha: alpha, perSite: perSite, minGroupCoveragePercent: minGroupCoverage)
            optima = nil
        }
        progress.finish()
        if json {
            guard case .object(let members) = ScenarioSiting.json(plan, minutes: standard) else { return }
            let found = optima?.json(siteIDs: study.candidates.map(\.id)) ?? []
            print(JSONValue.object(ScenarioOverrides.conditions(of: study.scenario) + members + found).serialized)
        } else {
            let r = plan.result
            let proof =
                switch r.status {
                case .optimal: "optimal (proven)"
                case .infeasible: "infeasible: no set of bases meets the constraints"
                default: "\(r.status.rawValue), bound \(r.bound), gap \(String(format: "%.2f", r.gap * 100))%"
                }
            print("\(r.model) at \(NumberText.exact(standard)) min: objective \(r.objective), \(proof)")
            print("bases (\(plan.sites.count)): \(plan.sites.joined(separator: ", "))")
            if let aircraft = r.aircraft { print("aircraft: \(zip(plan.sites, aircraft).map { "\($0) × \($1)" }.joined(separator: ", "))") }
            if let least = plan.leastGroup { print(String(format: "least covered region: %@, %.2f%% of its weight (grid)", least.name, 100 * least.share)) }
            print(
                String(
                    format: "exact coverage %.2f%% of the zones' area; grid %.2f%% of the weight", plan.exactCoveredPercent,
                    r.totalWeight > 0 ? 100 * r.coveredWeight / r.totalWeight : 0))
            if let optima {
                let ids = study.candidates.map(\.id)
                switch optima.othersExist {
                case true?:
                    print(
                        "other optimal sets (existing bases preferred, then lower cost; the first is shown above): "
                            + optima.others.map { $0.selected.map { ids[$0] }.sorted().joined(separator: ", ") }.joined(separator: "; "))
                case false?: print("no other optimal set (each chosen site excluded in turn, every solve proven)")
                case nil: print("other optimal sets: unknown (a solve was not proven optimal)")
                }
            }
        }
    }
}
