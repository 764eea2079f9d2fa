import Foundation
import GeoCore
import Planner
import Siting
import Support

/// The background solves of `/api/solve`: started, listed by id, cancelled.
///
/// Each job runs `ScenarioSiting.solve`, the call `aircover site` makes, on
/// the coverage of its standard (built once per standard and dispatch, then
/// shared), one job at a time on a thread of its own (`SolveThread`): the
/// assessments' pool and the request handlers are never taken.
/// At most `ServerLimits.runningSolves` jobs run or wait at once (more are
/// refused with 429), and the last `ServerLimits.keptSolves` jobs are kept
/// for `GET`; older finished ones are forgotten (then a 404).
final class SolveJobs: @unchecked Sendable {
    private let sitings: LazyValues<SitingKey, ScenarioSiting>
    private let worker = SolveThread(name: "aircover serve: solves")
    private let lock = NSLock()
    private var jobs: [SolveJob] = []
    private var issued = 0
    private var hold: (@Sendable (SolveJob) -> Void)?

    /// For tests: called on the solve thread as each job's solve stage
    /// begins, before the solver runs. A test that must act while a job is
    /// solving (assess meanwhile, cancel it) holds the job here until it has,
    /// so the test does not rest on how long a solve takes on the machine.
    var beforeSolving: (@Sendable (SolveJob) -> Void)? {
        get { lock.withLock { hold } }
        set { lock.withLock { hold = newValue } }
    }

    init(sitings: LazyValues<SitingKey, ScenarioSiting>) { self.sitings = sitings }

    /// Queues a job for `request`; throws a 429 when `ServerLimits.runningSolves` are unfinished.
    func start(_ request: SolveJobRequest) throws(APIError) -> SolveJob {
        let job = try admit(request)
        let sitings = self.sitings
        let hold = beforeSolving
        worker.submit { Self.run(job, sitings: sitings, hold: hold) }
        return job
    }

    /// A new job for `request`, listed; a 429 when too many are unfinished.
    private func admit(_ request: SolveJobRequest) throws(APIError) -> SolveJob {
        lock.lock()
        defer { lock.unlock() }
        let running = jobs.filter { !$0.isFinished }.count
        guard running < ServerLimits.runningSolves else {
            throw APIError(
                .tooManyRequests,
                "\(running) solves are running, the most the server runs at once; "
                    + "wait for one to finish or cancel one (DELETE /api/solve/{id})")
        }
        issued += 1
        let job = SolveJob(id: "s\(issued)", request: request)
        jobs.append(job)
        // Forget the oldest finished jobs beyond the kept number.
        while jobs.count > ServerLimits.keptSolves, let old = jobs.firstIndex(where: { $0.isFinished }) { jobs.remove(at: old) }
        return job
    }

    /// The job with `id`, or a 404 naming it.
    func job(_ id: String) throws(APIError) -> SolveJob {
        guard let job = lock.withLock({ jobs.first { $0.id == id } }) else {
            throw APIError(.notFound, "no solve job \"\(id)\": it never existed or is older than the last \(ServerLimits.keptSolves) kept")
        }
        return job
    }

    /// Asks job `id` to stop; a 409 when it has already finished.
    func cancel(_ id: String) throws(APIError) -> SolveJob {
        let job = try job(id)
        switch job.currentStatus {
        case .running: job.cancel()
        case .cancelled: break
        case .done, .failed:
            throw APIError(.conflict, "solve job \(id) has already \(job.currentStatus == .done ? "finished" : "failed"); there is nothing to cancel")
        }
        return job
    }

    /// The work of one job, on the solve thread: the coverage, then
    /// the solve with the job's cancellation flag bound, so the solvers stop
    /// at their next check. A cancel before or between stages skips the rest.
    private static func run(_ job: SolveJob, sitings: LazyValues<SitingKey, ScenarioSiting>, hold: (@Sendable (SolveJob) -> Void)?) {
        let request = job.request
        guard job.start() else { return }
        let outcome = Result { () throws -> JSONValue? in
            let minutes = NumberText.readable(request.minutes)
            job.begin("coverage at \(minutes) min (\(request.aircraft.name), \(request.night ? "night" : "day"))")
            let siting = try sitings.value(SitingKey(minutes: request.minutes, flight: request.flight))
            guard !job.cancellation.isCancelled else { return nil }
            let keep = request.keepExisting ? siting.study.existingIndices : []
            guard let model = request.model.plan else {
                // The curve: `aircover curve`'s call; a cancel stops each remaining point's solver at once.
                job.begin("solving mclp for p = \(max(1, keep.count)) to \(request.p ?? 0), each with the exact coverage of its bases")
                hold?(job)
                let points = try SolveCancellation.$current.withValue(job.cancellation) {
                    try siting.curve(upTo: request.p ?? 0, keep: keep, timeLimitPerPoint: request.timeLimit)
                }
                return SolveResultJSON.curve(points, minutes: request.minutes)
            }
            job.begin("solving \(request.model.rawValue)" + (request.p.map { " with p = \($0)" } ?? "") + ", then exact coverage of the bases chosen")
            hold?(job)
            let plan = try SolveCancellation.$current.withValue(job.cancellation) {
                try siting.solve(model, p: request.p, budget: nil, keep: keep, timeLimit: request.timeLimit)
            }
            return SolveResultJSON.json(plan, minutes: request.minutes, study: siting.study)
        }
        // Cancelled: whatever the work ended with (a result, `CancellationError`) is not wanted.
        job.finish(job.cancellation.isCancelled ? .success(nil) : outcome)
    }
}
