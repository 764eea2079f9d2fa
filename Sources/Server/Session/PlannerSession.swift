import Foundation
import GeoCore
import Planner

/// What the server holds for its whole life: the scenario's study, read once,
/// and what it answers from it. Every figure comes from `Assessment` (the
/// code `aircover assess` runs) and every solve from `ScenarioSiting` (the
/// code `aircover site` runs); the server has no pipeline of its own.
public final class PlannerSession: Sendable {
    public let study: Study
    /// `GET /api/scenario`'s reply, serialized once.
    let scenarioJSON: String
    private let otherDispatch: LazyValue<Study>
    /// Coverage at one standard, day or night, built on the first solve that needs it.
    private let sitings: LazyValues<SitingKey, ScenarioSiting>
    private let pool = ComputePool()
    /// The background solves (`/api/solve`), on a thread of their own so a
    /// long solve never holds up an assessment.
    let solves: SolveJobs

    /// A session on a study read with `Study.load`.
    public init(study: Study) throws {
        self.study = study
        scenarioJSON = try ScenarioDescription.json(of: study).serialized + "\n"
        let otherDispatch = LazyValue { try study.flown(atNight: !study.scenario.night) }
        self.otherDispatch = otherDispatch
        let flown: @Sendable (Bool) throws -> Study = { night in night == study.scenario.night ? study : try otherDispatch.value() }
        sitings = LazyValues { key in try ScenarioSiting(study: try flown(key.night), minutes: key.minutes) }
        solves = SolveJobs(sitings: sitings)
    }

    /// The study flown by day (`false`) or night (`true`).
    func flown(atNight night: Bool) throws -> Study {
        night == study.scenario.night ? study : try otherDispatch.value()
    }

    /// `POST /api/assess`: the `aircover assess --json` object for the
    /// request's bases at its one standard, by day or night.
    func assess(body: [UInt8]) async throws -> JSONValue {
        let request = try AssessRequest(body: body, study: study)
        return try await pool.run { [self] in
            try Assessment.run(try flown(atNight: request.night), bases: request.bases, standards: [request.minutes]).json()
        }
    }

    /// `POST /api/solve`: a new background solve (`SolveJobs.start`).
    func solve(body: [UInt8]) throws -> SolveJob {
        try solves.start(try SolveJobRequest(body: body, study: study))
    }
}

/// Which coverage a solve runs on: a standard, by day or night.
struct SitingKey: Hashable, Sendable {
    let minutes: Double
    let night: Bool
}
