import Foundation
import Planner

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

    /// Parses "60" (or "60.5") minutes that must be one of the scenario's standards.
    static func standard(_ minutes: Double?, of scenario: Scenario) throws -> Double {
        guard let minutes else {
            guard scenario.minutes.count == 1 else {
                throw InputError("the scenario has several standards (\(scenario.minutes.map { SummaryComparisonFormat.minutes($0) }.joined(separator: ", ")) min): choose one with --minutes")
            }
            return scenario.minutes[0]
        }
        guard minutes > 0, minutes.isFinite else { throw InputError("--minutes must be a positive number of minutes") }
        return minutes
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

    init(scenario: String?, minutes: Double?, keep: String?, progress: Planner.Progress) throws {
        let loaded = try ScenarioOption.load(scenario)
        standard = try ScenarioOption.standard(minutes, of: loaded)
        progress.expect(stages: 3)
        progress.stage("reading the scenario and building the demand grid")
        let study = try Study.load(loaded)
        self.study = study
        kept = try keep.map { Set(try study.candidateIndices(try BaseSelection.parse($0, study: study).map(\.id))) } ?? []
        progress.stage("coverage matrix at \(SummaryComparisonFormat.minutes(standard)) min")
        siting = try ScenarioSiting(study: study, minutes: standard)
    }
}

enum SummaryComparisonFormat {
    static func minutes(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
