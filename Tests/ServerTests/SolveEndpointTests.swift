import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server

/// `/api/solve`: background LSCP and MCLP solves give what `aircover site
/// --json` prints on the same scenario; a cancel stops a running solve;
/// bad requests are JSON 4xx.
@Suite final class SolveEndpointTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture { try SolveScenario.write(in: $0) } }
    deinit { fixture.remove() }

    /// The members `aircover site --json` prints for the plan.
    static let planMembers = [
        "minutes", "model", "p", "status", "objective", "bound", "gap", "sites",
        "grid_covered_weight", "grid_total_weight", "grid_covered_pct", "exact_covered_pct",
    ]

    @Test(arguments: [
        (#"{"model": "mclp", "minutes": 15, "p": 3}"#, ["--model", "mclp", "-p", "3", "--minutes", "15"]),
        (#"{"model": "mclp", "minutes": 40, "p": 3, "keep_existing": true}"#, ["--model", "mclp", "-p", "3", "--minutes", "40", "--keep", "existing"]),
        (#"{"model": "lscp", "minutes": 15}"#, ["--model", "lscp", "--minutes", "15"]),
    ])
    func aSolveGivesWhatTheSiteCommandPrints(body: String, options: [String]) async throws {
        let command = try ServerFixture.command(["site", fixture.scenarioFile.path] + options + ["--json"])
        let job = try await fixture.test { client in
            let started = try await client.solve(body)
            #expect(started.status == .accepted)
            let id = try #require(try started.json["id"]?.stringValue)
            return try await client.awaitJob(id)
        }
        #expect(job["status"] == .string("done"), "\(job.serialized)")
        let result = try #require(job["result"])
        for member in Self.planMembers { #expect(result[member] == command[member], "\(member)") }
        // The chosen sites come back with their positions.
        let scenario = try await fixture.test { try await $0.execute(uri: "/api/scenario", method: .get).json }
        let candidates = scenario["candidates"]?.arrayValue ?? []
        let bases = try #require(result["bases"]?.arrayValue)
        #expect(bases.map { $0["id"] } == result["sites"]?.arrayValue ?? [])
        #expect(!bases.isEmpty)
        for base in bases {
            let site = candidates.first { $0["id"] == base["id"] }
            #expect(site?["lon"] == base["lon"] && site?["lat"] == base["lat"] && base["lon"]?.doubleValue != nil)
        }
        if body.contains("keep_existing") { #expect(result["sites"]?.arrayValue?.prefix(2).map { $0 } == [.string("B1"), .string("B2")]) }
    }

    /// The tradeoff curve (`"model": "curve"`) gives the points `aircover
    /// curve --json` prints; more bases never cover less demand weight.
    @Test func aCurveGivesWhatTheCurveCommandPrints() async throws {
        let command = try ServerFixture.command(["curve", fixture.scenarioFile.path, "--minutes", "15", "--max-p", "3", "--json"]).arrayValue ?? []
        let job = try await fixture.test { client in
            let started = try await client.solve(#"{"model": "curve", "minutes": 15, "p": 3}"#)
            #expect(started.status == .accepted, "\(started.text)")
            return try await client.awaitJob(try #require(try started.json["id"]?.stringValue))
        }
        #expect(job["status"] == .string("done"), "\(job.serialized)")
        let points = try #require(job["result"]?["points"]?.arrayValue)
        #expect(points.count == 3 && command.count == 3)
        #expect(points.map { $0["p"] } == [.integer(1), .integer(2), .integer(3)] || points.map { $0["p"]?.doubleValue } == [1, 2, 3])
        for (point, expected) in zip(points, command) {
            for member in Self.planMembers { #expect(point[member] == expected[member], "p = \(point["p"]?.serialized ?? "?"): \(member)") }
        }
        let weights = points.compactMap { $0["grid_covered_weight"]?.doubleValue }
        #expect(weights.count == 3 && zip(weights, weights.dropFirst()).allSatisfy { $0 <= $1 }, "\(weights)")
    }

    static let badRequests: [(body: String, status: Int, says: String)] = [
        (#"{"model": "curve", "minutes": 15}"#, 400, "p is missing: curve needs the largest number of bases"),
        ("{", 400, "not valid JSON"),
        (#"["mclp"]"#, 400, "must be a JSON object"),
        (#"{"minutes": 15, "p": 2}"#, 400, "model is missing"),
        (#"{"model": "pmedian", "minutes": 15, "p": 2}"#, 400, "unknown model \"pmedian\""),
        (#"{"model": 3, "minutes": 15}"#, 400, "model must be \"lscp\", \"mclp\" or \"curve\""),
        (#"{"model": "mclp", "minutes": 15}"#, 400, "p is missing"),
        (#"{"model": "mclp", "minutes": 15, "p": 0}"#, 400, "p = 0 is out of range"),
        (#"{"model": "mclp", "minutes": 15, "p": 23}"#, 400, "the scenario has 22 candidate sites"),
        (#"{"model": "mclp", "minutes": 15, "p": 2.5}"#, 400, "p must be a whole number"),
        (#"{"model": "mclp", "minutes": 15, "p": "2"}"#, 400, "p must be a whole number of bases, not a string"),
        (#"{"model": "mclp", "minutes": 15, "p": 1, "keep_existing": true}"#, 400, "fewer than the 2 existing bases kept open"),
        (#"{"model": "lscp", "minutes": 15, "p": 2}"#, 400, "lscp takes no p"),
        (#"{"model": "mclp", "minutes": 25, "p": 2}"#, 400, "the scenario has no 25 min standard; it has 15, 40 min"),
        (#"{"model": "mclp", "p": 2}"#, 400, "minutes is missing"),
        (#"{"model": "mclp", "minutes": 15, "p": 2, "night": 1}"#, 400, "night must be true or false"),
        (#"{"model": "mclp", "minutes": 15, "p": 2, "keep_existing": "yes"}"#, 400, "keep_existing must be true or false"),
        (#"{"model": "mclp", "minutes": 15, "p": 2, "time_limit": 0}"#, 400, "time_limit 0.0 is out of range"),
        (#"{"model": "mclp", "minutes": 15, "p": 2, "time_limit": 601}"#, 400, "at most 600 seconds"),
        (#"{"model": "mclp", "minutes": 15, "p": 2, "budget": 3}"#, 400, "unknown member \"budget\""),
        ("{\"model\": \"" + String(repeating: "x", count: 1_000_001) + "\"}", 413, "larger than 1000000 bytes"),
    ]

    @Test func badRequestsAreJSON4xxNamingTheProblem() async throws {
        try await fixture.test { client in
            for (body, status, says) in Self.badRequests {
                let reply = try await client.solve(body)
                #expect(Int(reply.status.code) == status, "\(body.prefix(80))")
                #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
                let message = try reply.json["error"]?.stringValue ?? ""
                #expect(message.contains(says), "\(body.prefix(80)): \(message)")
            }
            for method in [HTTPRequest.Method.get, .delete] {
                let reply = try await client.execute(uri: "/api/solve/s999", method: method)
                #expect(reply.status == .notFound)
                #expect(try reply.json["error"]?.stringValue?.contains("no solve job \"s999\"") == true)
            }
        }
    }

    /// The night dispatch (20 min) leaves nothing of the 15 min standard:
    /// the job fails, saying why.
    @Test func aSolveTheAircraftCannotFlyFailsWithTheReason() async throws {
        let job = try await fixture.test { client in
            let id = try #require(try await client.solve(#"{"model": "lscp", "minutes": 15, "night": true}"#).json["id"]?.stringValue)
            return try await client.awaitJob(id)
        }
        #expect(job["status"] == .string("failed"))
        #expect(job["error"]?.stringValue?.contains("night dispatch time (20.0 min) is not shorter than the 15.0 min standard") == true, "\(job.serialized)")
        // A finished job cannot be cancelled.
        let reply = try await fixture.test { try await $0.execute(uri: "/api/solve/\(job["id"]?.stringValue ?? "")", method: .delete) }
        #expect(reply.status == .conflict)
        #expect(try reply.json["error"]?.stringValue?.contains("nothing to cancel") == true)
    }
}
