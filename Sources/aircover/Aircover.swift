import ArgumentParser
import Foundation
import GeoCore
import Planner
import Support

/// The `aircover` command: plans aviation rescue networks.
///
/// Exit status: 0 success, 1 a check failed, 2 bad input or usage.
@main
struct Aircover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aircover",
        abstract: "Plan aviation rescue networks: isochrones, coverage and base siting.",
        version: AircoverVersion.string,
        subcommands: [
            Plan.self, Assess.self, SiteCommand.self, Curve.self, Check.self, Validate.self, AircraftList.self, IsochronesCommand.self, Solve.self,
            Simulate.self, Serve.self, Versions.self,
        ]
    )

    static func main() {
        do {
            _ = try ParallelMap.widthFromEnvironment()
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // Help and --version are reported as errors by the parser but exit 0;
            // an explicit ExitCode keeps its own status.
            if exitCode(for: error) == .success || error is ExitCode { exit(withError: error) }
            FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
            Foundation.exit(2)
        }
    }
}
