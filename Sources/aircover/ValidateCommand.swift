import ArgumentParser
import Foundation
import Planner

/// `aircover validate`: checks a scenario and every layer it names.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and read every layer it names (fields, geometries, filters) without computing.",
        discussion: """
            Exit status 0 when the scenario is ready to run, 2 with the first problem otherwise.

            Examples:
              aircover validate
              aircover validate basemaps/china/scenario.toml
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    func run() throws {
        for line in try ScenarioValidation.report(try ScenarioOption.load(scenario)) { print(line) }
        print("ok")
    }
}
