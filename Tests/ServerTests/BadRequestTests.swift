import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Server

/// Every kind of bad request gets a 4xx with `{"error": "..."}` naming the
/// problem, and the server goes on answering.
@Suite final class BadRequestTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    deinit { fixture.remove() }

    static let cases: [(body: String, status: Int, says: String)] = [
        ("{\"bases\": [\"B1\"", 400, "not valid JSON"),
        ("", 400, "not valid JSON"),
        ("[\"B1\"]", 400, "must be a JSON object"),
        (#"{"bases": ["B1"], "minutes": 40, "speed": 3}"#, 400, "unknown member \"speed\""),
        (#"{"minutes": 40}"#, 400, "bases is missing"),
        (#"{"bases": "B1", "minutes": 40}"#, 400, "bases must be a list"),
        (#"{"bases": [], "minutes": 40}"#, 400, "bases is empty"),
        (#"{"bases": ["NOPE"], "minutes": 40}"#, 400, "site NOPE is not among the scenario's"),
        (#"{"bases": ["B3"], "minutes": 40}"#, 400, "site B3 is not among"),
        (#"{"bases": ["B1", "B1"], "minutes": 40}"#, 400, "site B1 is listed twice"),
        (#"{"bases": [7], "minutes": 40}"#, 400, "bases[0] must be a site id"),
        (#"{"bases": [[122.5]], "minutes": 40}"#, 400, "bases[0] must be [lon, lat]"),
        (#"{"bases": ["B1", [190, 41]], "minutes": 40}"#, 400, "bases[1]: longitude 190.0 is out of range"),
        (#"{"bases": [[122.5, -91]], "minutes": 40}"#, 400, "latitude -91.0 is out of range"),
        (#"{"bases": [[122.5, 1e999]], "minutes": 40}"#, 400, "out of range"),
        (#"{"bases": ["B1"], "minutes": 25}"#, 400, "the scenario has no 25 min standard; it has 15, 40 min"),
        (#"{"bases": ["B1"]}"#, 400, "minutes is missing: choose one of the scenario's standards (15, 40 min)"),
        (#"{"bases": ["B1"], "minutes": "40"}"#, 400, "minutes must be a number"),
        (#"{"bases": ["B1"], "minutes": 40, "night": "yes"}"#, 400, "night must be true or false"),
        // The test aircraft's night dispatch (20 min) leaves nothing of a 15 min standard.
        (#"{"bases": ["B1"], "minutes": 15, "night": true}"#, 400, "night dispatch time (20.0 min) is not shorter than the 15.0 min standard"),
        ("{\"bases\": [" + Array(repeating: "[122.5, 41.5]", count: 501).joined(separator: ",") + "], \"minutes\": 40}", 400, "at most 500"),
        ("{\"bases\": [\"" + String(repeating: "x", count: 1_000_001) + "\"]}", 413, "larger than 1000000 bytes"),
    ]

    @Test func everyBadBodyIsA4xxNamingTheProblemAndTheServerGoesOn() async throws {
        try await fixture.test { client in
            for (body, status, says) in Self.cases {
                let reply = try await client.assess(body)
                #expect(Int(reply.status.code) == status, "\(body.prefix(80))")
                #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
                let message = try reply.json["error"]?.stringValue ?? ""
                #expect(message.contains(says), "\(body.prefix(80)): \(message)")
            }
            let good = try await client.assess(#"{"bases": ["B1"], "minutes": 40}"#)
            #expect(good.status == .ok)
        }
    }

    /// `/api/estimate` takes the body of `/api/assess` and refuses the same bodies alike.
    @Test func theEstimateRefusesTheSameBodies() async throws {
        try await fixture.test { client in
            for (body, status, says) in Self.cases {
                let reply = try await client.execute(
                    uri: "/api/estimate", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body))
                #expect(Int(reply.status.code) == status, "\(body.prefix(80))")
                #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
                let message = try reply.json["error"]?.stringValue ?? ""
                #expect(message.contains(says), "\(body.prefix(80)): \(message)")
            }
        }
    }

    @Test func unknownPathsAndMethodsAreJSON404s() async throws {
        try await fixture.test { client in
            for (uri, method) in [("/api/nothing", HTTPRequest.Method.get), ("/api/assess", .get), ("/api/scenario", .post), ("/index.html", .get)] {
                let reply = try await client.execute(uri: uri, method: method)
                #expect(reply.status == .notFound, "\(method) \(uri)")
                #expect(try reply.json["error"]?.stringValue?.contains("no such path") == true, "\(method) \(uri)")
            }
        }
    }
}
