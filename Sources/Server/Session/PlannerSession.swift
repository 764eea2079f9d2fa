import Foundation
import GeoCore
import Planner

/// What the server holds for its whole life: the scenario's study, read once,
/// and what it answers from it. Every figure comes from `Assessment`, the
/// same code `aircover assess` runs; the server has no pipeline of its own.
public final class PlannerSession: Sendable {
    public let study: Study
    /// `GET /api/scenario`'s reply, serialized once.
    let scenarioJSON: String
    private let otherDispatch: LazyStudy
    private let pool = ComputePool()

    /// A session on a study read with `Study.load`.
    public init(study: Study) throws {
        self.study = study
        scenarioJSON = try ScenarioDescription.json(of: study).serialized + "\n"
        otherDispatch = LazyStudy { try study.flown(atNight: !study.scenario.night) }
    }

    /// `POST /api/assess`: the `aircover assess --json` object for the
    /// request's bases at its one standard, by day or night.
    func assess(body: [UInt8]) async throws -> JSONValue {
        let request = try AssessRequest(body: body, study: study)
        return try await pool.run { [study, otherDispatch] in
            let flown = request.night == study.scenario.night ? study : try otherDispatch.value()
            return try Assessment.run(flown, bases: request.bases, standards: [request.minutes]).json()
        }
    }
}

/// A study built on first use, once, by whichever request needs it first
/// (others wait); a failure is kept and reported to every later request.
final class LazyStudy: @unchecked Sendable {
    private let lock = NSLock()
    private let build: @Sendable () throws -> Study
    private var built: Result<Study, any Error>?

    init(_ build: @escaping @Sendable () throws -> Study) { self.build = build }

    func value() throws -> Study {
        lock.lock()
        defer { lock.unlock() }
        let result = built ?? Result { try build() }
        built = result
        return try result.get()
    }
}
