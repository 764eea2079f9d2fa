import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Server

/// A long solve runs in the background: assessments go on meanwhile, a
/// cancel stops it promptly, and the server refuses more solves than it runs
/// at once. The scenario: 720 candidates over the square at 1 km cells, where
/// MCLP with p = 12 spends about 30 s in its Lagrangian search (debug build).
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
        try await fixture.test { client in
            let id = try #require(try await client.solve(Self.longSolve).json["id"]?.stringValue)
            let solving = try await Self.poll(client, id, seconds: 120) { $0["progress"]?["stage"]?.stringValue?.hasPrefix("solving") == true }
            #expect(solving["status"] == .string("running"), "\(solving.serialized)")
            try await Task.sleep(for: .seconds(2))
            // The solve holds the solve thread; an assessment is answered meanwhile.
            let assessStart = ContinuousClock.now
            let assessment = try await client.assess(#"{"bases": ["B1"], "minutes": 15}"#)
            #expect(assessment.status == .ok)
            #expect(ContinuousClock.now - assessStart < .seconds(10))
            let running = try await client.execute(uri: "/api/solve/\(id)", method: .get).json
            #expect(running["status"] == .string("running"), "the solve ended before the cancel: \(running.serialized)")
            let cancelled = ContinuousClock.now
            let reply = try await client.execute(uri: "/api/solve/\(id)", method: .delete)
            #expect(reply.status == .accepted || reply.status == .ok)
            let job = try await Self.poll(client, id, seconds: 60) { $0["status"] != .string("running") }
            let stopped = (ContinuousClock.now - cancelled) / .seconds(1)
            #expect(job["status"] == .string("cancelled"), "\(job.serialized)")
            #expect(stopped < 3, "stopped \(stopped) s after the cancel")
            #expect(job["result"] == .null)
            // The solver is free again: a small solve runs to its end.
            let next = try #require(try await client.solve(#"{"model": "mclp", "minutes": 40, "p": 1}"#).json["id"]?.stringValue)
            let done = try await Self.poll(client, next, seconds: 120) { $0["status"] != .string("running") }
            #expect(done["status"] == .string("done"), "\(done.serialized)")
        }
    }

    @Test func moreSolvesThanTheServerRunsAreRefusedAndAWaitingOneCancelsAtOnce() async throws {
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
