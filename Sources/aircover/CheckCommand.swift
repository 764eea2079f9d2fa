import ArgumentParser
import Foundation
import GeoCore
import Planner
import Support

/// `aircover check`: reruns a scenario and compares with a committed summary.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerun a scenario and compare its summary with an expected summary.json; exit 1 when coverage moved.",
        discussion: """
            Percentages (keys ending in _pct) may differ by --tolerance percentage points, other figures by --relative
            of their expected value; names, site lists and statuses must be equal; tool versions are ignored.
            Exit status: 0 unchanged, 1 differences (listed), 2 bad input.

            Examples:
              aircover check basemaps/liaoning/scenario.toml --cell-km 20 --expect Tests/CommandTests/Fixtures/liaoning-20km-summary.json --tolerance 0.05 --write-actual actual-summary.json
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML).", valueName: "SCENARIO")) var scenario: String
    @Option(help: ArgumentHelp("The expected summary.json.", valueName: "SUMMARY.json")) var expect: String
    @Option(
        parsing: .unconditional, help: ArgumentHelp("Allowed difference of percentages, in points.", valueName: "POINTS"),
        transform: SignedOptionValue.number) var tolerance: Double = 0.01
    @Option(
        parsing: .unconditional, help: ArgumentHelp("Allowed relative difference of other figures.", valueName: "R"),
        transform: SignedOptionValue.number) var relative: Double = 1e-6
    @Option(
        name: .customLong("cell-km"), parsing: .unconditional, help: ArgumentHelp("Demand grid cell size, instead of the scenario's.", valueName: "KM"),
        transform: SignedOptionValue.number) var cellKm: Double?
    @Option(name: .customLong("write-actual"), help: ArgumentHelp("Also write the new summary here.", valueName: "FILE")) var writeActual: String?

    func run() throws {
        guard tolerance >= 0, relative >= 0 else { throw ValidationError("--tolerance and --relative must not be negative") }
        let expectedURL = URL(fileURLWithPath: expect)
        guard let data = FileManager.default.contents(atPath: expectedURL.path) else { throw InputError("\(expect): cannot read the expected summary") }
        let expected: JSONValue
        do {
            expected = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw InputError("\(expect): not a JSON summary (\(error))")
        }
        guard PlanSummary.isSummary(expected) else { throw InputError("\(expect): not an aircover summary.json (no schema or standards)") }
        var loaded = try Scenario.load(URL(fileURLWithPath: scenario))
        try ScenarioOption.override(cellKm: cellKm, of: &loaded)
        let actualFile = try writeActual.map {
            try OutputFile($0, describedAs: "--write-actual", protecting: loaded.inputs, isOwn: PlanSummary.isSummary)
        }
        let run = try PlanRun.run(loaded, progress: .forStandardError())
        let actual = PlanSummary.json(run, versions: .current)
        if let actualFile { try actualFile.write(Data((actual.serialized + "\n").utf8)) }
        var comparison = SummaryComparison(percentTolerance: tolerance, relativeTolerance: relative)
        let differences = comparison.differences(expected: expected, actual: actual)
        let colour = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        if differences.isEmpty {
            print("\(scenario): unchanged — \(comparison.compared) figures agree with \(expect) (±\(tolerance) points, ±\(relative) relative)")
            return
        }
        let heading = "\(scenario): \(differences.count) of \(comparison.compared) figures differ from \(expect)"
        print(colour ? "\u{1B}[1;31m\(heading)\u{1B}[0m" : heading)
        for difference in differences { print("  \(difference)") }
        throw ExitCode(1)
    }
}
