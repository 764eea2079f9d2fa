import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Server
import Support

/// A long solve runs in the background: assessments go on meanwhile, a
/// cancel stops it promptly, and the server refuses more solves than it runs
/// at once. The scenario: 720 candidates over the square at 1 km cells, where
/// MCLP with p = 12 spends about 30 s in its Lagrangian search (debug build;
/// `AIRCOVER_TRACE=1 aircover site … --model mclp -p 12 --minutes 15`).
@Suite final class SolveCancelTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture { try SolveScenario.write(in: $0, columns: 30, rows: 24, cellKm: 1) } }
    deinit { fixture.remove() }

    static let longSolve = #"{"model": "mclp", "minutes": 15, "p": 12, "time_limit": 600}"#

    /// GET /api/solve/{id} until `accept` holds or `seconds` pass; the last reply.
    static func poll(_ client: any TestClientProtocol, _ id: String, seconds: Double, until accept: (JSONValue) -> Bool) async throws -> JSONValue {
        let start = ContinuousClock.now
        while true {
            let job = try await client.execute(uri: "/api/solve/\(id)", method: .get).json
            if accept(job) || ContinuousClock.now - start > .seconds(seconds) { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aCancelStopsARunningSolvePromptlyAndAssessmentsGoOnMeanwhile() async throws {
        // The first job is held on the solve thread as its solve begins until
        // it is cancelled, so the steps below happen while it is solving on
        // any machine (tests running beside this one can starve its polling
        // for longer than the solve takes). The solver then runs with the
        // cancel set; uncancelled, it takes about 30 s here (debug build).
        let released = ReleaseTime()
        holdSolvesUntilCancelled(ids: ["s1"], released: released)
        try await fixture.test { client in
            let id = try #require(try await client.solve(Self.longSolve).json["id"]?.stringValue)
            #expect(id == "s1")
            let solving = try await Self.poll(client, id, seconds: 240) { $0["progress"]?["stage"]?.stringValue?.hasPrefix("solving") == true }
            #expect(solving["status"] == .string("running"), "\(solving.serialized)")
            // The solve holds the solve thread; an assessment is answered meanwhile.
            let assessment = try await client.assess(#"{"bases": ["B1"], "minutes": 15}"#)
            #expect(assessment.status == .ok)
            let running = try await client.execute(uri: "/api/solve/\(id)", method: .get).json
            #expect(running["status"] == .string("running"), "\(running.serialized)")
            let reply = try await client.execute(uri: "/api/solve/\(id)", method: .delete)
            #expect(reply.status == .accepted || reply.status == .ok)
            let job = try await Self.poll(client, id, seconds: 120) { $0["status"] != .string("running") }
            #expect(job["status"] == .string("cancelled"), "\(job.serialized)")
            #expect(job["result"] == .null)
            // Promptly: from the cancel reaching the solve thread to the job's
            // end, both on the server's side, whatever the polling's delays.
            let finished = try #require(try fixture.server.session.solves.job(id).finishedAt)
            let stopped = (finished - (try #require(released.get()))) / .seconds(1)
            #expect(stopped < 5, "stopped \(stopped) s after the cancel")
            // The solver is free again: a small solve runs to its end.
            let next = try #require(try await client.solve(#"{"model": "mclp", "minutes": 40, "p": 1}"#).json["id"]?.stringValue)
            let done = try await Self.poll(client, next, seconds: 240) { $0["status"] != .string("running") }
            #expect(done["status"] == .string("done"), "\(done.serialized)")
        }
    }

    /// A cancelled curve stops before its next point: no further solve nor
    /// exact coverage (20 points here, each some tenths of a second).
    @Test func aCancelStopsTheCurveBeforeItsNextPoint() async throws {
        let released = ReleaseTime()
        holdSolvesUntilCancelled(ids: ["s1"], released: released)
        try await fixture.test { client in
            let id = try #require(try await client.solve(#"{"model": "curve", "minutes": 15, "p": 20}"#).json["id"]?.stringValue)
            _ = try await Self.poll(client, id, seconds: 240) { $0["progress"]?["stage"]?.stringValue?.hasPrefix("solving") == true }
            _ = try await client.execute(uri: "/api/solve/\(id)", method: .delete)
            let job = try await Self.poll(client, id, seconds: 240) { $0["status"] != .string("running") }
            #expect(job["status"] == .string("cancelled") && job["result"] == .null, "\(job.serialized)")
            let finished = try #require(try fixture.server.session.solves.job(id).finishedAt)
            let stopped = (finished - (try #require(released.get()))) / .seconds(1)
            #expect(stopped < 2, "stopped \(stopped) s after the cancel")
        }
    }

    /// Holds the jobs `ids` (nil: every job) on the solve thread, as their
    /// solve begins, until they are cancelled (at most 300 s); `released`
    /// gets the time the cancel was seen.
    func holdSolvesUntilCancelled(ids: Set<String>?, released: ReleaseTime = ReleaseTime()) {
        fixture.server.session.solves.beforeSolving = { job in
            guard ids?.contains(job.id) ?? true else { return }
            let limit = ContinuousClock.now + .seconds(300)
            while !job.cancellation.isCancelled, ContinuousClock.now < limit { Thread.sleep(forTimeInterval: 0.01) }
            released.set(ContinuousClock.now)
        }
    }

    @Test func moreSolvesThanTheServerRunsAreRefusedAndAWaitingOneCancelsAtOnce() async throws {
        // Every solve is held until cancelled: the limit is reached whatever the machine's speed.
        holdSolvesUntilCancelled(ids: nil)
        try await fixture.test { client in
            var ids: [String] = []
            for _ in 0..<ServerLimits.runningSolves {
                let reply = try await client.solve(Self.longSolve)
                #expect(reply.status == .accepted)
                ids.append(try #require(try reply.json["id"]?.stringValue))
            }
            let refused = try await client.solve(Self.longSolve)
            #expect(refused.status == .tooManyRequests)
            #expect(try refused.json["error"]?.stringValue?.contains("solves are running") == true)
            // The last one waits for the solve thread: cancelled at once.
            let waiting = try await client.execute(uri: "/api/solve/\(ids.last!)", method: .delete)
            #expect(waiting.status == .ok, "\(waiting.text)")
            #expect(try waiting.json["status"] == .string("cancelled"), "\(waiting.text)")
            #expect(try await client.execute(uri: "/api/solve/\(ids.last!)", method: .delete).status == .ok)
            // A slot is free again.
            let again = try await client.solve(Self.longSolve)
            #expect(again.status == .accepted)
            let all = ids.dropLast() + [try #require(try again.json["id"]?.stringValue)]
            for id in all { _ = try await client.execute(uri: "/api/solve/\(id)", method: .delete) }
            for id in all {
                let job = try await Self.poll(client, id, seconds: 60) { $0["status"] != .string("running") }
                #expect(job["status"] == .string("cancelled"), "\(job.serialized)")
            }
        }
    }
}

/// A time set on one thread and read on another.
final class ReleaseTime: @unchecked Sendable {
    private let lock = NSLock()
    private var time: ContinuousClock.Instant?
    func set(_ value: ContinuousClock.Instant) { lock.withLock { time = value } }
    func get() -> ContinuousClock.Instant? { lock.withLock { time } }
}
