import Foundation
import Planner

/// The scenario file a command works on: the one named, else the embedded default.
enum ScenarioOption {
    static func load(_ path: String?) throws -> Scenario {
        try Scenario.load(path.map { URL(fileURLWithPath: $0) } ?? Scenario.defaultFile)
    }

    /// `--cell-km`: replaces the scenario's demand grid cell size.
    static func override(cellKm: Double?, of scenario: inout Scenario) throws {
        guard let cellKm else { return }
        guard cellKm >= 0.1, cellKm.isFinite else { throw InputError("--cell-km must be at least 0.1 km") }
        scenario.cellKm = cellKm
    }

    /// The standard `--minutes` names, which must be one of the scenario's
    /// (`[standards] minutes`); without it, the scenario's only standard.
    static func standard(_ minutes: Double?, of scenario: Scenario) throws -> Double {
        guard let minutes else {
            guard scenario.minutes.count == 1 else {
                throw InputError("the scenario has several standards (\(scenario.minutes.map { SummaryComparisonFormat.minutes($0) }.joined(separator: ", ")) min): choose one with --minutes")
            }
            return scenario.minutes[0]
        }
        guard minutes > 0, minutes.isFinite else { throw InputError("--minutes must be a positive number of minutes") }
        guard scenario.minutes.contains(minutes) else {
            let standards = scenario.minutes.map { SummaryComparisonFormat.minutes($0) }.joined(separator: ", ")
            throw InputError("--minutes \(SummaryComparisonFormat.minutes(minutes)) is not a standard of \(scenario.source.lastPathComponent) (its [standards] minutes are \(standards)): choose one of them or add it there")
        }
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
