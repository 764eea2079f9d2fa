import ArgumentParser
import Planner

/// The `aircover` command: plans aviation rescue networks.
@main
struct Aircover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aircover",
        abstract: "Plan aviation rescue networks: isochrones, coverage and base siting.",
        version: AircoverVersion.string,
        subcommands: [Versions.self]
    )
}
