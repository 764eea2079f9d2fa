import Foundation
import GeoCore
import Planner
import Siting
import Support

/// One background solve of `/api/solve`: its request, where it stands, and
/// its result. Thread-safe: the solver's thread writes, requests read.
///
/// Status: `running` (waiting for the solver or solving), then exactly one
/// of `done` (with `result`), `cancelled` or `failed` (with `error`).
final class SolveJob: @unchecked Sendable {
    enum Status: String, Sendable { case running, done, cancelled, failed }

    let id: String
    let request: SolveJobRequest
    /// Set by `DELETE /api/solve/{id}`; the solvers poll it (`SolveCancellation`).
    let cancellation = SolveCancellation()
    private let created = ContinuousClock.now
    private let lock = NSLock()
    private var status = Status.running
    private var started = false
    private var stage = "waiting for a free solver"
    private var finished: ContinuousClock.Instant?
    private var result: JSONValue?
    private var error: String?

    init(id: String, request: SolveJobRequest) {
        self.id = id
        self.request = request
    }

    var isFinished: Bool { lock.withLock { status != .running } }
    var currentStatus: Status { lock.withLock { status } }
    /// When the job finished (done, cancelled or failed); nil while running.
    var finishedAt: ContinuousClock.Instant? { lock.withLock { finished } }

    /// The solver takes the job up; false when it was cancelled while waiting.
    func start() -> Bool {
        lock.withLock {
            started = status == .running
            return started
        }
    }

    /// Asks the work to stop (`cancellation`); a job still waiting for the
    /// solver is cancelled at once, a started one when its work stops.
    func cancel() {
        cancellation.cancel()
        lock.withLock {
            guard !started, status == .running else { return }
            (status, stage, finished) = (.cancelled, "cancelled", ContinuousClock.now)
        }
    }

    /// A new stage of the work (shown as `progress.stage`).
    func begin(_ text: String) { lock.withLock { if status == .running { stage = text } } }

    /// The work ended: with `result`, or `nil` when it stopped on a cancel.
    func finish(_ outcome: Result<JSONValue?, any Error>) {
        lock.withLock {
            guard status == .running else { return }
            finished = ContinuousClock.now
            switch outcome {
            case .success(let value?): (status, result, stage) = (.done, value, "done")
            case .success(nil): (status, stage) = (.cancelled, "cancelled")
            case .failure(let failure):
                (status, stage) = (.failed, "failed")
                error = APIError(answering: failure).message
            }
        }
    }

    /// `{id, status, request, progress: {stage, elapsed_seconds}, result, error}`;
    /// `result` and `error` are null until the job is done or failed.
    var json: JSONValue {
        lock.withLock {
            let elapsed = ((finished ?? ContinuousClock.now) - created) / .seconds(1)
            return .object([
                ("id", .string(id)), ("status", .string(status.rawValue)), ("request", request.json),
                ("progress", .object([("stage", .string(stage)), ("elapsed_seconds", .number((elapsed * 1000).rounded() / 1000))])),
                ("result", result ?? .null), ("error", error.map { .string($0) } ?? .null),
            ])
        }
    }
}
