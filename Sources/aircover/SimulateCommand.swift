import ArgumentParser
import Foundation
import GeoCore
import Planner
import Support

/// `aircover simulate`: a discrete-event simulation of a base set, beside
/// MEXCLP's expected coverage of the same bases (`PlanSimulation`).
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate missions on a base set (Poisson arrivals, nearest free aircraft) and compare with MEXCLP's expected coverage.",
        discussion: """
            Missions arrive as a Poisson process of --missions-per-year (or the scenario's [availability] missions_per_year),
            spread over the scenario's demand grid cells by their weights (the grid assess uses). Each is sent the nearest free
            aircraft that reaches it within the standard; when none is free (or none reaches it) the mission is not reached in
            time: it is lost, not queued. An aircraft is busy for the mission time: --mission-minutes, or by default response +
            on scene + the flight back (taken equal to the flight out) + [availability] turnaround_min. The share reached within the standard is reported with
            a 95% t-interval over the simulated years. MEXCLP's expected coverage of the same bases uses the busy probability
            q = simulated mission hours flown a year / (aircraft × 8760 h); it assumes aircraft are busy independently, which
            is optimistic under load.
            Same seed, same figures, whatever AIRCOVER_THREADS.

            Examples:
              aircover simulate --missions-per-year 2000 --minutes 60 --cell-km 20
              aircover simulate basemaps/liaoning/scenario.toml --bases ZYTX,ZYTL --minutes 60 --missions-per-year 5000 --per-base 2 --years 50 --seed 7 --cell-km 20 --json
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Bases: scenario site ids ID,ID, existing, LON,LAT;LON,LAT or a points file (default: the existing bases).", valueName: "BASES"),
        transform: SignedOptionValue.text)
    var bases: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("The response-time standard, one of the scenario's (needed when it has several).", valueName: "MIN"),
        transform: SignedOptionValue.number)
    var minutes: Double?

    @Option(
        name: .customLong("missions-per-year"), parsing: .unconditional,
        help: ArgumentHelp("Missions a year over all zones, instead of the scenario's [availability] missions_per_year.", valueName: "X"),
        transform: SignedOptionValue.number)
    var missionsPerYear: Double?

    @Option(
        name: .customLong("mission-minutes"), parsing: .unconditional,
        help: ArgumentHelp("A constant mission time, instead of response + on scene + flight back.", valueName: "T"),
        transform: SignedOptionValue.number)
    var missionMinutes: Double?

    @Option(
        name: .customLong("per-base"), parsing: .unconditional, help: ArgumentHelp("Aircraft at each base (default 1).", valueName: "K"),
        transform: SignedOptionValue.integer)
    var perBase: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Years to simulate, 2 or more (default 20).", valueName: "N"), transform: SignedOptionValue.integer)
    var years: Int?

    @Option(help: ArgumentHelp("Random seed, a whole number from 0 to 2⁶⁴ − 1 (default 1).", valueName: "S"))
    var seed: UInt64?

    @OptionGroup var overrides: ScenarioOverrides
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        var loaded = try ScenarioOption.load(scenario)
        try overrides.apply(to: &loaded)
        guard let missionsPerYear = missionsPerYear ?? loaded.missionsPerYear else {
            throw ValidationError(
                "give --missions-per-year X, the missions a year over all zones, or set [availability] missions_per_year in \(loaded.source.lastPathComponent)")
        }
        var settings = PlanSimulation.Settings(minutes: try ScenarioOption.standard(minutes, of: loaded), missionsPerYear: missionsPerYear)
        settings.missionMinutes = missionMinutes
        if missionMinutes == nil { settings.turnaroundMinutes = loaded.availability?.turnaroundMinutes ?? 0 }
        if let perBase { settings.aircraftPerBase = perBase }
        if let years { settings.years = years }
        if let seed { settings.seed = seed }
        try PlanSimulation.check(settings)
        let study = try Study.load(loaded)
        let progress = Planner.Progress.forStandardError()
        study.notes.forEach(progress.note)
        let sites = try bases.map { try BaseSelection.parse($0, study: study) } ?? study.existing
        let simulation = try PlanSimulation.run(study: study, bases: sites, settings: settings)
        if json, case .object(let members) = simulation.json() {
            print(JSONValue.object(ScenarioOverrides.conditions(of: study.scenario) + members).serialized)
        } else {
            print(simulation.text(), terminator: "")
        }
    }
}
