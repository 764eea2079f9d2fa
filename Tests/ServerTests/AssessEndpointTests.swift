import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server

/// `POST /api/assess` gives the figures `aircover assess --json` prints for
/// the same bases, under concurrent load too.
@Suite final class AssessEndpointTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    deinit { fixture.remove() }

    @Test func siteIDsGiveTheAssessCommandsJSONForThatStandard() async throws {
        let command = try ServerFixture.assessCommand(fixture.scenarioFile, bases: "B1,B2")
        for minutes in [15.0, 40.0] {
            let reply = try await fixture.test { try await $0.assess(#"{"bases": ["B1", "B2"], "minutes": \#(minutes)}"#) }
            #expect(reply.status == .ok)
            let served = try reply.json
            #expect(served["standards"]?.arrayValue?.count == 1)
            #expect(served.standard(minutes) == command.standard(minutes))
            for member in ["aircraft", "night", "bases"] { #expect(served[member] == command[member]) }
        }
    }

    /// Positions name their bases B<n> skipping the scenario's own ids
    /// (here B1, B2), so the figures are compared without the ids.
    @Test func positionsGiveTheAssessCommandsFigures() async throws {
        let command = try #require(try ServerFixture.assessCommand(fixture.scenarioFile, bases: "122.25,41.3;122.8,41.55").standard(15))
        let reply = try await fixture.test { try await $0.assess(#"{"bases": [[122.25, 41.3], [122.8, 41.55]], "minutes": 15}"#) }
        let served = try #require(try reply.json.standard(15))
        #expect(try reply.json["bases"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["B3", "B4"])
        #expect(served.figures == command.figures)
        let covered = try #require(served["total"]?["covered_pct"]?.doubleValue)
        #expect(covered > 0 && covered < 100)
    }

    /// Night on a day scenario equals the command on the same scenario with `night = true`.
    @Test func nightEqualsTheCommandOnANightScenario() async throws {
        let nightFolder = fixture.folder.appendingPathComponent("night")
        try FileManager.default.createDirectory(at: nightFolder, withIntermediateDirectories: true)
        let nightFile = try SmallScenario.write(in: nightFolder) { $0.replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [40]\nnight = true") }
        // Outside the square's west corner: day and night reach differently far into it.
        let command = try ServerFixture.assessCommand(nightFile, bases: "121.5,41.0")
        let (night, day) = try await fixture.test { client in
            (
                try await client.assess(#"{"bases": [[121.5, 41.0]], "minutes": 40, "night": true}"#).json,
                try await client.assess(#"{"bases": [[121.5, 41.0]], "minutes": 40, "night": false}"#).json
            )
        }
        #expect(night["night"] == .bool(true) && day["night"] == .bool(false))
        #expect(try #require(night.standard(40)).figures == (try #require(command.standard(40))).figures)
        let nightPct = try #require(night.standard(40)?["total"]?["covered_pct"]?.doubleValue)
        let dayPct = try #require(day.standard(40)?["total"]?["covered_pct"]?.doubleValue)
        #expect(0 < nightPct && nightPct < dayPct && dayPct < 100)
    }

    @Test func fiftyConcurrentRequestsGetTheirOwnAnswers() async throws {
        let bodies = [
            #"{"bases": ["B1"], "minutes": 40}"#, #"{"bases": ["B2"], "minutes": 15}"#,
            #"{"bases": ["B1", [122.9, 41.7]], "minutes": 40}"#, #"{"bases": ["B2", "B1"], "minutes": 40}"#,
        ]
        try await fixture.test { client in
            var expected: [String] = []
            for body in bodies { expected.append(try await client.assess(body).text) }
            #expect(Set(expected).count == bodies.count)
            let replies = try await withThrowingTaskGroup(of: (Int, Int, String).self) { group in
                for i in 0..<50 {
                    group.addTask {
                        let reply = try await client.assess(bodies[i % bodies.count])
                        return (i, Int(reply.status.code), reply.text)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.count == 50)
            for (i, status, text) in replies {
                #expect(status == 200 && text == expected[i % bodies.count], "request \(i)")
            }
        }
    }
}
