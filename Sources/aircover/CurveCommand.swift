import ArgumentParser
import Foundation
import GeoCore
import Planner
import Support

/// `aircover curve`: coverage against the number of bases.
struct Curve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Best coverage for p = 1 … k bases (MCLP), each point with its proof status.",
        discussion: """
            --minutes may be any standard; --night/--day, --aircraft (with any figure) and --cell-km replace the scenario's own,
            and each JSON point records the aircraft, night and cell size used.

            Examples:
              aircover curve --minutes 30 --max-p 4 --cell-km 20
              aircover curve basemaps/henan/scenario.toml --minutes 60 --max-p 6 --keep existing --cell-km 20 --json
              aircover curve --minutes 60 --max-p 3 --night --aircraft H135 --dispatch-night-min 20 --cell-km 20
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Response-time standard in minutes; default: the scenario's only one (required when it has several).", valueName: "MIN"),
        transform: SignedOptionValue.number) var minutes: Double?
    @Option(
        name: .customLong("max-p"), parsing: .unconditional, help: ArgumentHelp("Largest number of bases.", valueName: "K"),
        transform: SignedOptionValue.integer) var maxP: Int
    @Option(help: ArgumentHelp("Sites kept open: \"existing\" or site ids ID,ID.", valueName: "existing|ID,…")) var keep: String?
    @Option(
        name: .customLong("time-limit"), parsing: .unconditional, help: ArgumentHelp("Seconds for each point's exact solve.", valueName: "S"),
        transform: SignedOptionValue.number) var timeLimit: Double = 60
    @OptionGroup var overrides: ScenarioOverrides
    @Flag(help: "Print a JSON array, one object per p.") var json = false

    func run() throws {
        guard maxP >= 1 else { throw ValidationError("--max-p must be at least 1") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        let progress = Progress.forStandardError()
        let setup = try SitingSetup(scenario: scenario, overrides: overrides, minutes: minutes, keep: keep, progress: progress)
        let (standard, kept, siting) = (setup.standard, setup.kept, setup.siting)
        progress.stage("MCLP for p up to \(maxP)", timeLimit: timeLimit * Double(maxP))
        let points = try siting.curve(upTo: maxP, keep: kept, timeLimitPerPoint: timeLimit)
        progress.finish()
        if json {
            let conditions = ScenarioOverrides.conditions(of: setup.study.scenario)
            print(
                JSONValue.array(
                    points.map { point -> JSONValue in
                        guard case .object(let members) = ScenarioSiting.json(point, minutes: standard) else { return .null }
                        return .object(conditions + members)
                    }
                ).serialized)
        } else {
            print("p  exact %  grid %   status    gap      bases")
            for point in points {
                let r = point.result
                print(
                    String(
                        format: "%-2d %7.2f  %7.2f  %-9@ %6.3f%%  %@", point.p ?? 0, point.exactCoveredPercent,
                        r.totalWeight > 0 ? 100 * r.coveredWeight / r.totalWeight : 0, r.status.rawValue, r.gap * 100,
                        point.sites.joined(separator: ",")))
            }
        }
    }
}
