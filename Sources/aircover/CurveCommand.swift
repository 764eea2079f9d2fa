import ArgumentParser
import Foundation
import GeoCore
import Planner

/// `aircover curve`: coverage against the number of bases.
struct Curve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Best coverage for p = 1 … k bases (MCLP), each point with its proof status.",
        discussion: """
        Examples:
          aircover curve --minutes 30 --max-p 8
          aircover curve basemaps/henan/scenario.toml --minutes 60 --max-p 12 --keep existing --json
        """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?
    @Option(help: ArgumentHelp("Response-time standard (one of the scenario's; required when it has several).", valueName: "MIN")) var minutes: Double?
    @Option(name: .customLong("max-p"), help: ArgumentHelp("Largest number of bases.", valueName: "K")) var maxP: Int
    @Option(help: ArgumentHelp("Sites kept open: \"existing\" or site ids ID,ID.", valueName: "existing|ID,…")) var keep: String?
    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds for each point's exact solve.", valueName: "S")) var timeLimit: Double = 60
    @Flag(help: "Print a JSON array, one object per p.") var json = false

    func run() throws {
        guard maxP >= 1 else { throw ValidationError("--max-p must be at least 1") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        let progress = Progress.forStandardError()
        let setup = try SitingSetup(scenario: scenario, minutes: minutes, keep: keep, progress: progress)
        let (standard, kept, siting) = (setup.standard, setup.kept, setup.siting)
        progress.stage("MCLP for p up to \(maxP)")
        let points = try siting.curve(upTo: maxP, keep: kept, timeLimitPerPoint: timeLimit)
        progress.finish()
        if json {
            print(JSONValue.array(points.map { ScenarioSiting.json($0, minutes: standard) }).serialized)
        } else {
            print("p  exact %  grid %   status    gap      bases")
            for point in points {
                let r = point.result
                print(String(format: "%-2d %7.2f  %7.2f  %-9@ %6.3f%%  %@", point.p ?? 0, point.exactCoveredPercent,
                             r.totalWeight > 0 ? 100 * r.coveredWeight / r.totalWeight : 0, r.status.rawValue, r.gap * 100,
                             point.sites.joined(separator: ",")))
            }
        }
    }
}
