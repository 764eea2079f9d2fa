import ArgumentParser
import Foundation
import GeoCore
import Planner

/// `aircover plan`: the whole pipeline on a scenario (the embedded Liaoning
/// default when none is given).
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario: reach and exact coverage of the existing bases, N−1 resilience, and base siting.",
        discussion: """
            Writes summary.json, plan.geojson, plan.gpkg, bases.csv, coverage_*.csv, siting.csv, map.svg and report.html into the scenario's output folder (or --output), all at once: a failed run leaves the folder as it was. Only files aircover wrote (listed in the folder's .aircover-manifest.json) are ever replaced; the user's other files in the folder are kept, and a folder holding the scenario or its layers is refused.
            --minutes, --night/--day, --aircraft (with any figure, e.g. --dispatch-day-min 45), --cell-km and --tolerance replace the scenario's own for this run; summary.json records what was used.
            --tolerance (metres, default 100) bounds how far isochrone edges lie from the true reach; they lie inside it where the reach is convex, so the exact coverage figures err low by at most that band.

            Examples:
              aircover plan basemaps/henan/scenario.toml --cell-km 20 --output out/henan-quick-look
              aircover plan basemaps/henan/scenario.toml --cell-km 20 --night --minutes 60,120 --output out/henan-night
              aircover plan basemaps/henan/scenario.toml --cell-km 20 --aircraft H225 --dispatch-day-min 20 --output out/henan-h225
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    @Option(help: ArgumentHelp("Output folder, instead of the scenario's.", valueName: "DIR"))
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Response-time standards, instead of the scenario's (siting keeps those of its standards still listed).", valueName: "MIN,MIN"),
        transform: SignedOptionValue.text)
    var minutes: String?

    @OptionGroup var overrides: ScenarioOverrides

    func run() throws {
        let file = scenario.map { URL(fileURLWithPath: $0) } ?? Scenario.defaultFile
        var loaded = try Scenario.load(file)
        try ScenarioOption.override(minutes: minutes, of: &loaded)
        try overrides.apply(to: &loaded)
        let folder = try ScenarioOption.outputFolder(output, of: loaded)
        let stderr = FileHandle.standardError
        stderr.write(Data("aircover plan: \(loaded.name) (\(file.path))\n".utf8))
        let started = Date()
        let run = try PlanRun.run(loaded, progress: .forStandardError())
        let files = try PlanOutputs.files(run, versions: .current)
        try folder.write(files)
        print(PlanReport.text(run))
        let names = files.keys.sorted().joined(separator: ", ")
        stderr.write(Data(String(format: "wrote %@: %@ in %.1f s\n", folder.path, names, Date().timeIntervalSince(started)).utf8))
    }
}
