import ArgumentParser
import Foundation
import GeoCore
import Planner
import Support

/// `aircover solve`: siting models on coverage given as files.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a siting model (LSCP, MCLP, backup, p-center, p-median, MEXCLP, MALP, max–min over groups) on a cost table or an OR-Library instance.",
        discussion: """
            COSTS.csv has the header demand,site,cost; a pair covers when cost ≤ --threshold; a missing pair is unreachable.
            WEIGHTS.csv: demand,weight (default 1, 0 or more). SITES.csv: site,cost (default 1, above 0).
            CSV fields may be quoted ("site, north", "the ""old"" base"); CRLF line ends and a UTF-8 byte-order mark are accepted.
            The result says whether optimality is proven (status optimal), with the best bound and the gap.

            Availability models place -p P aircraft, at most --per-site K at a site, each busy with probability --busy q;
            n_i is the number of aircraft reaching demand i (weight h_i) within --threshold:
              mexclp (Daskin 1983): maximise the expected covered weight Σ h_i (1 − q^n_i).
              malp (ReVelle & Hogan 1989, MALP I): maximise Σ h_i over the demands with n_i ≥ b = ⌈log(1 − α) / log q⌉ (b = 1 when q = 0).
            Their JSON adds "aircraft": site id → aircraft count.
            maxmin: at most -p sites; s_g = covered weight of group g / its weight (groups from --groups, demand,group):
              maximise min_g s_g, then the total covered weight at that level; with --min-group-coverage X, every s_g ≥ X% and the total maximised.
            Its JSON adds "min_group_share" (0…1).

            Examples:
              aircover solve --costs times.csv --threshold 60 --model lscp --json
              aircover solve --costs times.csv --threshold 30 --weights demand.csv --model mclp -p 8 --keep B1,B2 --json
              aircover solve --orlib scp41.txt --model lscp --json
              aircover solve --costs times.csv --model pmedian -p 5 --threshold 60 --min-coverage 90 --json
              aircover solve --costs times.csv --threshold 60 --weights demand.csv --model mexclp -p 6 --busy 0.3 --per-site 2 --json
              aircover solve --costs times.csv --threshold 60 --model malp -p 6 --busy 0.3 --alpha 0.9 --json
              aircover solve --costs times.csv --threshold 30 --weights demand.csv --model maxmin -p 3 --groups groups.csv --json
            """
    )

    @Option(help: ArgumentHelp("demand,site,cost table.", valueName: "COSTS.csv")) var costs: String?
    @Option(help: ArgumentHelp("OR-Library set-covering file.", valueName: "FILE")) var orlib: String?
    @Option(parsing: .unconditional, help: "A pair covers when its cost is at most this (finite, 0 or more).", transform: SignedOptionValue.number)
    var threshold: Double?
    @Option(help: ArgumentHelp("demand,weight table.", valueName: "WEIGHTS.csv")) var weights: String?
    @Option(name: .customLong("site-costs"), help: ArgumentHelp("site,cost table.", valueName: "SITES.csv")) var siteCosts: String?
    @Option(help: ArgumentHelp("Sites that must be open (existing bases).", valueName: "ID,…")) var keep: String?
    @Option(help: ArgumentHelp("Sites that must stay closed.", valueName: "ID,…")) var exclude: String?
    @Option(help: "The siting model.") var model: SitingModel
    @Option(
        name: .short, parsing: .unconditional,
        help: "MCLP, maxmin: at most this many sites (kept ones included); mexclp, malp: the aircraft to place; 1 or more.",
        transform: SignedOptionValue.integer) var p: Int?
    @Option(parsing: .unconditional, help: "MCLP: total site cost at most this (kept ones included); finite, 0 or more.", transform: SignedOptionValue.number)
    var budget: Double?
    @Option(
        name: .customLong("min-coverage"), parsing: .unconditional,
        help: ArgumentHelp("p-median hybrid: percent of the weight to serve within --threshold.", valueName: "PCT"),
        transform: SignedOptionValue.number) var minCoverage: Double?
    @Option(
        parsing: .unconditional, help: ArgumentHelp("mexclp, malp: the probability that an aircraft is busy; 0 ≤ q < 1.", valueName: "q"),
        transform: SignedOptionValue.number) var busy: Double?
    @Option(
        parsing: .unconditional, help: ArgumentHelp("malp: the reliability a demand must be served with; 0 < α < 1.", valueName: "α"),
        transform: SignedOptionValue.number) var alpha: Double?
    @Option(
        name: .customLong("per-site"), parsing: .unconditional,
        help: ArgumentHelp("mexclp, malp: the most aircraft at one site; 1 or more (default 1), with -p at most K × sites.", valueName: "K"),
        transform: SignedOptionValue.integer) var perSite: Int?
    @Option(help: ArgumentHelp("maxmin: demand,group table (every demand in one group).", valueName: "GROUPS.csv")) var groups: String?
    @Option(
        name: .customLong("min-group-coverage"), parsing: .unconditional,
        help: ArgumentHelp("maxmin: cover at least this percent of every group's weight (0 to 100), maximising the total.", valueName: "PCT"),
        transform: SignedOptionValue.number) var minGroupCoverage: Double?
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: .exactSolverTimeLimit, transform: SignedOptionValue.number) var timeLimit: Double?
    @Flag(
        help:
            "Heuristics only (greedy, local search, Lagrangian relaxation), with a proven bound: Lagrangian (LSCP, MCLP with -p) or CBC's root LP (MCLP with --budget); lscp and mclp only."
    ) var heuristic = false
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("lscp, mclp: also seek other optimal site sets and list up to N of them (up to one more solve per chosen site).", valueName: "N"),
        transform: SignedOptionValue.integer) var alternatives: Int?
    @Option(
        help: ArgumentHelp("With --alternatives: sites preferred among equally good sets (existing bases); then the lower total site cost.", valueName: "ID,…"))
    var prefer: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        var request = SolveRequest(model: model)
        request.costs = costs.map { URL(fileURLWithPath: $0) }
        request.orLibrary = orlib.map { URL(fileURLWithPath: $0) }
        request.options.threshold = threshold
        request.weights = weights.map { URL(fileURLWithPath: $0) }
        request.siteCosts = siteCosts.map { URL(fileURLWithPath: $0) }
        request.keep = keep.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        request.exclude = exclude.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        request.options.p = p
        request.options.budget = budget
        request.options.timeLimit = timeLimit
        request.options.heuristicOnly = heuristic
        request.options.minCoveragePercent = minCoverage
        request.options.busy = busy
        request.options.alpha = alpha
        request.options.perSite = perSite
        request.options.groups = groups.map { URL(fileURLWithPath: $0) }
        request.options.minGroupCoveragePercent = minGroupCoverage
        request.alternatives = alternatives ?? 0
        request.prefer = prefer.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        let (result, instance, optima) = try request.runWithAlternatives()
        if json {
            guard case .object(var members) = SitingResultJSON.object(result, .solve(instance)) else { return }
            if let optima { members += optima.json(siteIDs: instance.siteIDs) }
            print(JSONValue.object(members).serialized)
        } else {
            let proof = result.status == .optimal ? "optimal (proven)" : "\(result.status.rawValue), gap \(String(format: "%.2f", result.gap * 100))%"
            print("\(result.model): objective \(result.objective), bound \(result.bound), \(proof)")
            if let aircraft = result.aircraft {
                let placed = zip(result.selected, aircraft).map { (instance.siteIDs[$0], $1) }.sorted { $0.0 < $1.0 }
                print("aircraft: \(placed.map { "\($0.0) × \($0.1)" }.joined(separator: ", "))")
            } else {
                print("selected: \(result.selected.map { instance.siteIDs[$0] }.sorted().joined(separator: ", "))")
            }
            if let share = result.minGroupShare { print(String(format: "least group share %.2f%%", 100 * share)) }
            if let optima {
                switch optima.othersExist {
                case true?:
                    print(
                        "other optimal sets: \(optima.others.map { $0.selected.map { instance.siteIDs[$0] }.sorted().joined(separator: ", ") }.joined(separator: "; "))"
                    )
                case false?: print("no other optimal set (each chosen site excluded in turn, every solve proven)")
                case nil: print("other optimal sets: unknown (a solve was not proven optimal)")
                }
            }
            print(
                String(
                    format: "covered weight %.2f of %.2f (%.2f%%); %d demands uncovered; %.2f s",
                    result.coveredWeight, result.totalWeight, 100 * result.coveredWeight / max(result.totalWeight, 1e-300),
                    result.uncoveredDemands.count, result.seconds))
        }
    }
}
