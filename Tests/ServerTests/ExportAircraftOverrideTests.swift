import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server
import Support

/// The TOML export of a scenario whose `[aircraft]` is a catalog type with
/// figures overridden, and whose bases name their own types
/// (`aircraft_field`): read back, the bases flying `[aircraft]` keep the
/// overrides, so the exported plan has the plan's figures.
@Suite final class ExportAircraftOverrideTests: Sendable {
    let fixture: ServerFixture
    init() throws {
        fixture = try ServerFixture { folder in
            let file = try SmallScenario.write(in: folder) { text in
                text.replacingOccurrences(
                    of:
                        "name = \"T\"\ncruise_speed_kmh = 240\ndispatch_day_min = 10\ndispatch_night_min = 20\nendurance_min = 200\nreserve_min = 20\non_scene_min = 15\nmax_altitude_m = 3000",
                    with: "name = \"H135\"\ndispatch_day_min = 5"
                )
                .replacingOccurrences(of: "id_field = \"code\"\n[aircraft]", with: "id_field = \"code\"\naircraft_field = \"type\"\n[aircraft]")
                .replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [25, 40]")
            }
            // B1 flies [aircraft] (H135 launched in 5 min, not the catalog's 15); B2 its own Bell412.
            try "code,name,lon,lat,province,type\nB1,west,122.3,41.4,LN,\nB2,east,122.7,41.4,LN,Bell412\n"
                .write(to: folder.appendingPathComponent("bases.csv"), atomically: true, encoding: .utf8)
            return file
        }
    }
    deinit { fixture.remove() }

    func export(_ plan: String, format: String) async throws -> TestResponse {
        try await fixture.test {
            try await $0.execute(
                uri: "/api/export", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{" + plan + #", "format": "\#(format)"}"#))
        }
    }

    @Test func theExportedPlanKeepsTheScenariosAircraftOverrides() async throws {
        let study = fixture.server.session.study
        #expect(study.scenario.aircraft.name == "H135" && study.scenario.aircraft.dispatchDayMin == 5)
        let plan = #""bases": ["B1", "B2"], "minutes": 25"#
        let toml = try await export(plan, format: "toml"), csv = try await export(plan, format: "csv")
        #expect(toml.status == .ok && csv.status == .ok, "\(toml.text) \(csv.text)")
        // B1 flies [aircraft]: no type named; B2 keeps its own.
        let rows = csv.text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let typeColumn = try #require(rows.first?.firstIndex(of: "aircraft"))
        #expect(rows.dropFirst().map { $0[0] + "=" + $0[typeColumn] } == ["B1=", "B2=Bell412"])
        let folder = fixture.folder.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try toml.text.write(to: folder.appendingPathComponent("plan.toml"), atomically: true, encoding: .utf8)
        try csv.text.write(to: folder.appendingPathComponent(ExportRequest.basesFile), atomically: true, encoding: .utf8)
        let command = try ServerFixture.command(["assess", folder.appendingPathComponent("plan.toml").path, "--minutes", "25", "--json"])
        let served = try await fixture.test { try await $0.assess("{" + plan + "}") }.json
        let expected = try #require(served.standard(25)), got = try #require(command.standard(25))
        #expect(got.figures == expected.figures)
        // The override matters: 20 min of flight from B1, not the catalog's 10.
        let catalog = try #require(
            try ServerFixture.command(["assess", fixture.scenarioFile.path, "--bases", "B1", "--aircraft", "H135", "--minutes", "25", "--json"]).standard(25))
        let own = try #require(try await fixture.test { try await $0.assess(#"{"bases": ["B1"], "minutes": 25}"#) }.json.standard(25))
        #expect(
            try #require(catalog["total"]?["covered_km2"]?.doubleValue) < (try #require(own["total"]?["covered_km2"]?.doubleValue)))
    }
}
