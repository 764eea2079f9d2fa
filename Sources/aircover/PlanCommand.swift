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

        Examples:
          aircover plan
          aircover plan basemaps/liaoning/scenario.toml --output out/liaoning
          aircover plan basemaps/henan/scenario.toml --cell-km 10
        """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    @Option(help: ArgumentHelp("Output folder, instead of the scenario's.", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("cell-km"), help: ArgumentHelp("Demand grid cell size, instead of the scenario's (e.g. a coarse quick look).", valueName: "KM"))
    var cellKm: Double?

    func run() throws {
        let file = scenario.map { URL(fileURLWithPath: $0) } ?? Scenario.defaultFile
        var loaded = try Scenario.load(file)
        try ScenarioOption.override(cellKm: cellKm, of: &loaded)
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
