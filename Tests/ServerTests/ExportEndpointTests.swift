import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server
import Support

/// `POST /api/export`: the scenario TOML and bases CSV it gives, written to
/// a folder of their own, reproduce the plan's figures; the GeoJSON and
/// report are those `aircover assess --output` writes.
@Suite final class ExportEndpointTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    deinit { fixture.remove() }

    func export(_ plan: String, format: String) async throws -> TestResponse {
        let body = "{" + plan + #", "format": "\#(format)"}"#
        return try await fixture.test {
            try await $0.execute(uri: "/api/export", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        }
    }

    @Test(arguments: [
        (#""bases": ["B2"], "minutes": 40"#, 40.0), (#""bases": ["B1", [122.9, 41.7]], "minutes": 15"#, 15.0),
        (#""bases": [[121.5, 41.0], "B2"], "minutes": 40, "night": true"#, 40.0),
    ])
    func theTOMLAndCSVReproduceThePlansFigures(plan: String, minutes: Double) async throws {
        let toml = try await export(plan, format: "toml")
        let csv = try await export(plan, format: "csv")
        #expect(toml.status == .ok && csv.status == .ok, "\(toml.text) \(csv.text)")
        #expect(toml.headers[.contentDisposition] == "attachment; filename=\"plan.toml\"")
        #expect(csv.headers[.contentDisposition] == "attachment; filename=\"\(ExportRequest.basesFile)\"")
        let folder = fixture.folder.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try toml.text.write(to: folder.appendingPathComponent("plan.toml"), atomically: true, encoding: .utf8)
        try csv.text.write(to: folder.appendingPathComponent(ExportRequest.basesFile), atomically: true, encoding: .utf8)
        // The built program reads the exported files back and assesses their existing bases.
        let command = try ServerFixture.command([
            "assess", folder.appendingPathComponent("plan.toml").path, "--minutes", NumberText.readable(minutes), "--json",
        ])
        let served = try await fixture.test { try await $0.assess("{" + plan + "}") }
        #expect(served.status == .ok)
        let expected = try #require(try served.json.standard(minutes))
        let got = try #require(command.standard(minutes))
        #expect(got.figures == expected.figures)
        #expect(got["bases"] == expected["bases"])
        #expect(command["night"] == (try served.json["night"]))
        #expect(try #require(got["total"]?["covered_pct"]?.doubleValue) > 0)
    }

    @Test func theGeoJSONAndReportAreTheAssessCommandsOutputs() async throws {
        let output = fixture.folder.appendingPathComponent("assess-output")
        _ = try ProcessRunner.run(
            ServerFixture.executable, ["assess", fixture.scenarioFile.path, "--bases", "B1,B2", "--minutes", "40", "--output", output.path])
        let geojson = try await export(#""bases": ["B1", "B2"], "minutes": 40"#, format: "geojson")
        let report = try await export(#""bases": ["B1", "B2"], "minutes": 40"#, format: "html")
        #expect(geojson.headers[.contentDisposition] == "attachment; filename=\"plan.geojson\"")
        #expect(report.headers[.contentDisposition] == "attachment; filename=\"report.html\"")
        let written = try String(contentsOf: output.appendingPathComponent("plan.geojson"), encoding: .utf8)
        #expect(!written.isEmpty && geojson.text == written)
        #expect(try JSONParser.parse(geojson.text)["type"] == .string("FeatureCollection"))
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.text.hasPrefix("<!doctype html") || report.text.hasPrefix("<!DOCTYPE html"))
        #expect(report.text == html)
    }

    /// The GeoPackage, read back through GDAL (`VectorLayer`), holds the
    /// plan's bases where the request put them, and its zones carry the
    /// covered share `/api/assess` gives.
    @Test func theGeoPackageOpensWithGDALAndHoldsThePlansBases() async throws {
        let plan = #""bases": ["B1", [122.9, 41.7]], "minutes": 40"#
        let reply = try await export(plan, format: "gpkg")
        #expect(reply.status == .ok, "\(reply.text)")
        #expect(reply.headers[.contentDisposition] == "attachment; filename=\"plan.gpkg\"")
        #expect(reply.headers[.contentType] == "application/geopackage+sqlite3")
        let file = fixture.folder.appendingPathComponent("download-\(UUID().uuidString).gpkg")
        try Data(buffer: reply.body).write(to: file)
        let bases = try VectorLayer.read(file.path, layer: "base")
        #expect(bases.features.map { $0[field: "id"]?.stringValue } == ["B1", "B3"])
        #expect(bases.features.map { $0.geometry?.coordinates } == [.point(XY(122.3, 41.4)), .point(XY(122.9, 41.7))])
        let assessed = try #require(try (await fixture.test { try await $0.assess("{" + plan + "}") }).json.standard(40))
        let zones = try VectorLayer.read(file.path, layer: "zone")
        #expect(zones.features.count == 1)
        #expect(zones.features.first?[field: "covered_pct"]?.doubleValue == assessed["zones"]?.arrayValue?.first?["covered_pct"]?.doubleValue)
    }

    @Test func badExportsAreJSON4xx() async throws {
        for (body, says) in [
            (#""bases": ["B1"], "minutes": 40"#, "format is missing"),
            (#""bases": ["B1"], "minutes": 40, "format": "zip""#, "unknown format \"zip\""),
            (#""bases": ["B1"], "minutes": 40, "format": 3"#, "format must be"),
            (#""bases": ["NOPE"], "minutes": 40, "format": "csv""#, "site NOPE is not among"),
        ] {
            let reply = try await fixture.test {
                try await $0.execute(uri: "/api/export", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{" + body + "}"))
            }
            #expect(reply.status == .badRequest, "\(body)")
            #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try reply.json["error"]?.stringValue?.contains(says) == true, "\(body): \(reply.text)")
        }
    }
}
