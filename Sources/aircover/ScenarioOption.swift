import ArgumentParser
import Foundation
import GeoCore
import Isochrones
import Planner
import Support

/// The scenario file a command works on: the one named, else the embedded default.
enum ScenarioOption {
    static func load(_ path: String?) throws -> Scenario {
        try Scenario.load(path.map { URL(fileURLWithPath: $0) } ?? Scenario.defaultFile)
    }

    /// The folder to write into: `--output` when given, else the scenario's
    /// `[output] folder`; checked before any work (see `OutputFolder`).
    static func outputFolder(_ option: String?, of scenario: Scenario) throws -> OutputFolder {
        if let option { return try OutputFolder(option, describedAs: "--output", protecting: scenario.inputs) }
        return try OutputFolder(scenario.output.path, describedAs: "[output] folder of \(scenario.source.path)", protecting: scenario.inputs)
    }

    /// `--cell-km`: replaces the scenario's demand grid cell size.
    static func override(cellKm: Double?, of scenario: inout Scenario) throws {
        guard let cellKm else { return }
        guard cellKm >= 0.1, cellKm.isFinite else { throw InputError("--cell-km must be at least 0.1 km") }
        scenario.cellKm = cellKm
    }

    /// `--minutes M,M` (`plan`, `assess`): replaces the scenario's standards.
    /// Each siting model keeps those of its standards that remain; a model
    /// left with none runs at every new standard (MCLP only when the scenario
    /// asks for MCLP at all).
    static func override(minutes text: String?, of scenario: inout Scenario) throws {
        guard let text else { return }
        let minutes = try InputSyntax.minutes(text)
        func kept(_ listed: [Double]) -> [Double] {
            let remaining = listed.filter(minutes.contains)
            return remaining.isEmpty ? minutes : remaining
        }
        scenario.minutes = minutes
        scenario.siting.lscpMinutes = kept(scenario.siting.lscpMinutes)
        scenario.siting.mclpMinutes = scenario.siting.mclpSiteCounts.isEmpty ? [] : kept(scenario.siting.mclpMinutes)
    }

    /// The standard `--minutes` names, which must be one of the scenario's
    /// (`[standards] minutes`); without it, the scenario's only standard.
    static func standard(_ minutes: Double?, of scenario: Scenario) throws -> Double {
        guard let minutes else {
            guard scenario.minutes.count == 1 else {
                throw InputError(
                    "the scenario has several standards (\(scenario.minutes.map { NumberText.exact($0) }.joined(separator: ", ")) min): choose one with --minutes"
                )
            }
            return scenario.minutes[0]
        }
        guard minutes > 0, minutes.isFinite else { throw InputError("--minutes must be a positive number of minutes") }
        guard scenario.minutes.contains(minutes) else {
            let standards = scenario.minutes.map { NumberText.exact($0) }.joined(separator: ", ")
            throw InputError(
                "--minutes \(NumberText.exact(minutes)) is not a standard of \(scenario.source.lastPathComponent) (its [standards] minutes are \(standards)): choose one of them or add it there"
            )
        }
        return minutes
    }
}

/// Day or night dispatch (`--day`, `--night`).
enum Dispatch: String, EnumerableFlag {
    case day, night

    static func help(for value: Dispatch) -> ArgumentHelp? {
        switch value {
        case .day: "Day dispatch time, instead of the scenario's [standards] night."
        case .night: "Night dispatch time (the aircraft's dispatch_night_min), instead of the scenario's [standards] night."
        }
    }
}

/// The options that change a scenario on the command line, shared by `plan`,
/// `assess`, `site` and `curve`: the grid cell size, day or night, the
/// aircraft (a type and any of its figures) and the isochrone tolerance.
/// The scenario file is not changed.
struct ScenarioOverrides: ParsableArguments {
    @Option(
        name: .customLong("cell-km"), parsing: .unconditional,
        help: ArgumentHelp("Demand grid cell size, instead of the scenario's (assess --zones: 2 by default); e.g. 20 for a quick look.", valueName: "KM"),
        transform: SignedOptionValue.number)
    var cellKm: Double?

    @Flag var dispatch: Dispatch?

    @OptionGroup var aircraft: AircraftOptions

    @OptionGroup var boundary: ToleranceOption

    /// The scenario with these overrides applied.
    func apply(to scenario: inout Scenario) throws {
        try ScenarioOption.override(cellKm: cellKm, of: &scenario)
        scenario.isochroneToleranceMetres = boundary.tolerance
        if let dispatch { scenario.night = dispatch == .night }
        if aircraft.catalog != nil && aircraft.name == nil { throw ValidationError("--catalog goes with --aircraft NAME") }
        if aircraft.name != nil {
            // The named type flies from every site, whatever the scenario's aircraft_field says.
            scenario.aircraft = try aircraft.profile(catalog: scenario.aircraftCatalog)
            scenario.aircraftField = nil
        } else if aircraft.hasFigures {
            scenario.aircraft = try aircraft.overriding(scenario.aircraft)
        }
    }

    /// The conditions a siting result was computed under, for its JSON (`site`, `curve`).
    static func conditions(of scenario: Scenario) -> [(key: String, value: JSONValue)] {
        [
            ("aircraft", .string(scenario.aircraft.name)), ("night", .bool(scenario.night)), ("cell_km", .number(scenario.cellKm)),
            ("isochrone_tolerance_m", .number(scenario.isochroneToleranceMetres)),
        ]
    }
}

/// `--aircraft NAME` with `--catalog FILE`, and any figure of the profile
/// (`--cruise-speed-kmh`, `--dispatch-day-min`, … named as in the catalog
/// file). Given every figure, a NAME the catalogs do not know is a new
/// profile with those figures.
struct AircraftOptions: ParsableArguments {
    @Option(name: .customLong("aircraft"), help: ArgumentHelp("Aircraft type (`aircover aircraft` lists them), instead of the scenario's.", valueName: "NAME"))
    var name: String?

    @Option(help: ArgumentHelp("A catalog file whose profiles add to or override the built-in ones (and the scenario's).", valueName: "FILE"))
    var catalog: String?

    @Option(
        name: .customLong("cruise-speed-kmh"), parsing: .unconditional, help: ArgumentHelp("Cruise true airspeed, km/h.", valueName: "KMH"),
        transform: SignedOptionValue.number)
    var cruiseSpeedKmh: Double?
    @Option(
        name: .customLong("dispatch-day-min"), parsing: .unconditional, help: ArgumentHelp("Alert to airborne by day, minutes.", valueName: "MIN"),
        transform: SignedOptionValue.number)
    var dispatchDayMin: Double?
    @Option(
        name: .customLong("dispatch-night-min"), parsing: .unconditional, help: ArgumentHelp("Alert to airborne by night, minutes.", valueName: "MIN"),
        transform: SignedOptionValue.number)
    var dispatchNightMin: Double?
    @Option(
        name: .customLong("endurance-min"), parsing: .unconditional,
        help: ArgumentHelp("Flight time on standard fuel at cruise speed, minutes.", valueName: "MIN"), transform: SignedOptionValue.number)
    var enduranceMin: Double?
    @Option(
        name: .customLong("reserve-min"), parsing: .unconditional, help: ArgumentHelp("Fuel reserve left on landing, minutes.", valueName: "MIN"),
        transform: SignedOptionValue.number)
    var reserveMin: Double?
    @Option(
        name: .customLong("on-scene-min"), parsing: .unconditional, help: ArgumentHelp("Time on scene in the round-trip check, minutes.", valueName: "MIN"),
        transform: SignedOptionValue.number)
    var onSceneMin: Double?
    @Option(
        name: .customLong("max-altitude-m"), parsing: .unconditional,
        help: ArgumentHelp("Maximum operating altitude, metres (terrain above it is flown around).", valueName: "M"), transform: SignedOptionValue.number)
    var maxAltitudeM: Double?

    /// The figures given, by their catalog field names.
    private var figures: [(key: String, path: WritableKeyPath<Aircraft, Double>, value: Double?)] {
        [
            ("cruise_speed_kmh", \.cruiseSpeedKmh, cruiseSpeedKmh), ("dispatch_day_min", \.dispatchDayMin, dispatchDayMin),
            ("dispatch_night_min", \.dispatchNightMin, dispatchNightMin), ("endurance_min", \.enduranceMin, enduranceMin),
            ("reserve_min", \.reserveMin, reserveMin), ("on_scene_min", \.onSceneMin, onSceneMin),
            ("max_altitude_m", \.maxAltitudeM, maxAltitudeM),
        ]
    }

    var hasFigures: Bool { figures.contains { $0.value != nil } }

    /// The profile of `--aircraft` from the built-in catalog, the scenario's
    /// `catalog` and `--catalog` (the later ones win), with the figures given
    /// applied; a name none knows is a new profile when every figure is given.
    func profile(catalog scenarioCatalog: URL? = nil) throws -> Aircraft {
        guard let name else { throw ValidationError("give --aircraft NAME (`aircover aircraft` lists the types)") }
        var known = try AircraftCatalog.available(adding: scenarioCatalog)
        if let catalog { known = known.adding(try AircraftCatalog.load(from: URL(fileURLWithPath: catalog)).aircraft) }
        do {
            return try overriding(try known.profile(named: name))
        } catch let error as AircraftError where error.aircraft == name {
            let missing = figures.filter { $0.value == nil }.map { "--" + $0.key.replacingOccurrences(of: "_", with: "-") }
            guard missing.isEmpty else {
                throw InputError(
                    "--aircraft \"\(name)\" is \(error.problem)"
                        + (hasFigures ? " (a new profile needs all of \(missing.joined(separator: ", ")))" : ""))
            }
            return try overriding(
                Aircraft(
                    name: name, cruiseSpeedKmh: 0, dispatchDayMin: 0, dispatchNightMin: 0, enduranceMin: 0,
                    reserveMin: 0, onSceneMin: 0, maxAltitudeM: 0))
        }
    }

    /// `base` with the figures given replacing its own, each recorded in its sources.
    func overriding(_ base: Aircraft) throws -> Aircraft {
        var profile = base
        for figure in figures {
            guard let value = figure.value else { continue }
            profile[keyPath: figure.path] = value
            profile.sources[figure.key.hasPrefix("dispatch") ? "dispatch" : figure.key] = "command-line override: \(figure.key) = \(value)"
        }
        do { try profile.validate() } catch let error as AircraftError {
            throw InputError("aircraft \"\(profile.name)\" on the command line: \(error.problem)")
        }
        return profile
    }
}

/// What `site` and `curve` start from: the scenario's study, the standard,
/// the kept sites (candidate indices) and the coverage at that standard,
/// with the progress stages reported.
struct SitingSetup {
    let study: Study
    let standard: Double
    let kept: Set<Int>
    let siting: ScenarioSiting

    init(scenario: String?, overrides: ScenarioOverrides, minutes: Double?, keep: String?, progress: Planner.Progress) throws {
        var loaded = try ScenarioOption.load(scenario)
        try overrides.apply(to: &loaded)
        let standard = try ScenarioOption.standard(minutes, of: loaded)
        self.standard = standard
        progress.expect(stages: 3)
        progress.stage("reading the scenario and building the demand grid")
        let study = try progress.tracking { try Study.load(loaded) }
        self.study = study
        kept = try keep.map { Set(try study.candidateIndices(try BaseSelection.parse($0, study: study).map(\.id))) } ?? []
        progress.stage("coverage matrix at \(NumberText.exact(standard)) min")
        siting = try progress.tracking { try ScenarioSiting(study: study, minutes: standard) }
    }
}
