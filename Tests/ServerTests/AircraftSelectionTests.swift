import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server

/// `"aircraft"` in the API's requests: the types offered are the scenario's
/// own and `aircover aircraft`'s catalog; an assessment, a grid estimate, a
/// solve and a TOML export flying a chosen type give what the commands give
/// with `--aircraft NAME` on the same scenario.
@Suite final class AircraftSelectionTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture { try SolveScenario.write(in: $0) } }
    deinit { fixture.remove() }

    func post(_ path: String, _ body: String) async throws -> TestResponse {
        try await fixture.test {
            try await $0.execute(uri: path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        }
    }

    @Test func theTypesAreTheScenariosThenTheCatalogs() async throws {
        let scenario = try await fixture.test { try await $0.execute(uri: "/api/scenario", method: .get).json }
        let catalog = try ServerFixture.command(["aircraft", "--json"]).arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        let offered = scenario["aircraft_types"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(catalog.count >= 2)
        #expect(offered == ["T"] + catalog)
        #expect(scenario["aircraft_types"]?.arrayValue?.first?["cruise_speed_kmh"]?.doubleValue == 240)
    }

    /// Bell412 by night at 40 min: 10 min of flight at 226 km/h, part of the square.
    @Test func anAssessmentFlyingAChosenTypeIsTheCommandsWithAircraft() async throws {
        let command = try ServerFixture.command([
            "assess", fixture.scenarioFile.path, "--bases", "B1,B2", "--aircraft", "Bell412",
            "--night", "--minutes", "40", "--json",
        ])
        let reply = try await post("/api/assess", #"{"bases": ["B1", "B2"], "minutes": 40, "night": true, "aircraft": "bell 412"}"#)
        #expect(reply.status == .ok, "\(reply.text)")
        let served = try reply.json
        #expect(served["aircraft"] == .string("Bell412") && command["aircraft"] == .string("Bell412"))
        #expect(served.standard(40) == command.standard(40))
        let own = try await post("/api/assess", #"{"bases": ["B1", "B2"], "minutes": 40, "night": true}"#).json
        let chosen = try #require(served.standard(40)?["total"]?["covered_pct"]?.doubleValue)
        #expect(chosen > 0 && chosen < 100)
        #expect(own.standard(40)?["total"]?["covered_pct"]?.doubleValue != chosen)
        // The layers fly it too: the same covered share.
        let layers = try await post("/api/layers", #"{"bases": ["B1", "B2"], "minutes": 40, "night": true, "aircraft": "Bell412"}"#).json
        #expect(layers["total"]?["covered_pct"]?.doubleValue == chosen)
    }

    @Test func theGridEstimateFliesTheChosenType() async throws {
        let command = try #require(
            try ServerFixture.command([
                "assess", fixture.scenarioFile.path, "--bases", "B1,B2", "--aircraft", "H145",
                "--minutes", "40", "--json",
            ]).standard(40))
        let estimate = try await post("/api/estimate", #"{"bases": ["B1", "B2"], "minutes": 40, "aircraft": "H145"}"#).json
        #expect(estimate["zones"]?.arrayValue?.map { $0["grid_covered_km2"] } == command["zones"]?.arrayValue?.map { $0["grid_covered_km2"] })
        #expect(estimate["total"]?["grid_covered_km2"] == command["total"]?["grid_covered_km2"])
    }

    @Test func aSolveFlyingAChosenTypeIsTheSiteCommands() async throws {
        let command = try ServerFixture.command([
            "site", fixture.scenarioFile.path, "--model", "mclp", "-p", "2", "--minutes", "40",
            "--night", "--aircraft", "Mi-171", "--json",
        ])
        let job = try await fixture.test { client in
            let started = try await client.solve(#"{"model": "mclp", "minutes": 40, "p": 2, "night": true, "aircraft": "Mi-171"}"#)
            #expect(started.status == .accepted, "\(started.text)")
            return try await client.awaitJob(try #require(try started.json["id"]?.stringValue))
        }
        #expect(job["status"] == .string("done"), "\(job.serialized)")
        #expect(job["request"]?["aircraft"] == .string("Mi-171"))
        for member in SolveEndpointTests.planMembers { #expect(job["result"]?[member] == command[member], "\(member)") }
    }

    /// The TOML names the chosen type; `aircover assess` on the exported
    /// files gives the plan's figures as the server assessed them.
    @Test func theExportedTOMLFliesTheChosenType() async throws {
        let plan = #""bases": ["B1", "C005"], "minutes": 40, "aircraft": "H135""#
        let toml = try await post("/api/export", "{" + plan + #", "format": "toml"}"#)
        let csv = try await post("/api/export", "{" + plan + #", "format": "csv"}"#)
        #expect(toml.status == .ok && csv.status == .ok, "\(toml.text) \(csv.text)")
        #expect(toml.text.contains("[aircraft]\nname = \"H135\"\n"), "\(toml.text)")
        let folder = fixture.folder.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try toml.text.write(to: folder.appendingPathComponent("plan.toml"), atomically: true, encoding: .utf8)
        try csv.text.write(to: folder.appendingPathComponent(ExportRequest.basesFile), atomically: true, encoding: .utf8)
        let command = try ServerFixture.command(["assess", folder.appendingPathComponent("plan.toml").path, "--minutes", "40", "--json"])
        let served = try await post("/api/assess", "{" + plan + "}").json
        #expect(command["aircraft"] == .string("H135"))
        #expect(command.standard(40)?.figures == served.standard(40)?.figures)
    }

    @Test func anUnknownTypeIsA400NamingTheTypes() async throws {
        for (path, body) in [
            ("/api/assess", #"{"bases": ["B1"], "minutes": 40, "aircraft": "Concorde"}"#),
            ("/api/solve", #"{"model": "lscp", "minutes": 40, "aircraft": "Concorde"}"#),
            ("/api/export", #"{"bases": ["B1"], "minutes": 40, "aircraft": "Concorde", "format": "csv"}"#),
        ] {
            let reply = try await post(path, body)
            #expect(reply.status == .badRequest, "\(path)")
            let message = try reply.json["error"]?.stringValue ?? ""
            #expect(message.contains("unknown aircraft \"Concorde\"") && message.contains("\"T\"") && message.contains("\"H135\""), "\(path): \(message)")
        }
        let typed = try await post("/api/assess", #"{"bases": ["B1"], "minutes": 40, "aircraft": 3}"#)
        let says = try typed.json["error"]?.stringValue ?? ""
        #expect(typed.status == .badRequest && says.contains("aircraft must be the name of a type"), "\(says)")
    }
}
