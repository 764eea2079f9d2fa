import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server
import Support

/// `POST /api/estimate` gives the grid figures `aircover assess --json`
/// reports beside the exact ones, for the same bases.
@Suite final class EstimateEndpointTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    deinit { fixture.remove() }

    func estimate(_ body: String) async throws -> JSONValue {
        let reply = try await fixture.test {
            try await $0.execute(uri: "/api/estimate", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        }
        #expect(reply.status == .ok, "\(reply.text)")
        return try reply.json
    }

    /// The demand weight of the cells `bases` serve by their own coverage
    /// matrix (what `Assessment` builds), and the total.
    func weights(_ bases: [Site], minutes: Double) throws -> (covered: Double, total: Double) {
        let study = fixture.server.session.study
        let matrix = try study.matrix(of: bases, minutes: minutes)
        let all = Set(bases.indices)
        let cells = study.grid.cells
        let covered = cells.indices.filter { matrix.bestMinutes(to: $0, from: all) != nil }.reduce(0.0) { $0 + cells[$1].weight }
        return (covered, cells.reduce(0) { $0 + $1.weight })
    }

    @Test(arguments: [
        (#"["B1", "B2"]"#, "B1,B2", 15.0), (#"["B1", "B2"]"#, "B1,B2", 40.0), (#"["B2"]"#, "B2", 40.0),
        ("[[122.25, 41.3], [122.8, 41.55]]", "122.25,41.3;122.8,41.55", 15.0), (#"["B1", [122.8, 41.55]]"#, "B1", 40.0),
    ])
    /// `typed`: the bases as `assess --bases` takes them; empty: assessed in-process.
    func gridFiguresEqualTheAssessCommands(bases: String, typed: String, minutes: Double) async throws {
        let estimate = try await estimate(#"{"bases": \#(bases), "minutes": \#(minutes)}"#)
        // The mixed plan (a site and a position) is assessed in-process: `--bases` takes ids or positions, not both.
        let command: JSONValue
        if typed.isEmpty {
            let study = fixture.server.session.study
            let sites = [study.candidates[0], BaseSelection.site(at: LonLat(122.8, 41.55), number: 3)]
            command = try Assessment.run(study, bases: sites, standards: [minutes]).json()
        } else {
            command = try ServerFixture.assessCommand(fixture.scenarioFile, bases: typed)
        }
        let standard = try #require(command.standard(minutes))
        let zones = try #require(standard["zones"]?.arrayValue)
        let estimatedZones = try #require(estimate["zones"]?.arrayValue)
        #expect(estimatedZones.map { $0["id"] } == zones.map { $0["id"] })
        #expect(estimatedZones.map { $0["grid_covered_km2"] } == zones.map { $0["grid_covered_km2"] })
        #expect(estimate["total"]?["grid_covered_km2"] == standard["total"]?["grid_covered_km2"])
        let gridKm2 = try #require(standard["total"]?["grid_covered_km2"]?.doubleValue)
        #expect(gridKm2 > 0)
        // The covered share of demand weight: the same cells' weights.
        let study = fixture.server.session.study
        let sites = try AssessRequest(body: Array(#"{"bases": \#(bases), "minutes": \#(minutes)}"#.utf8), study: study).bases
        let (covered, total) = try weights(sites, minutes: minutes)
        #expect(estimate["grid_covered_weight"]?.doubleValue == covered)
        #expect(estimate["grid_total_weight"]?.doubleValue == total)
        #expect(estimate["grid_covered_pct"]?.doubleValue == 100 * covered / total)
        #expect(try #require(estimate["seconds"]?.doubleValue) >= 0)
    }

    @Test func moreBasesNeverEstimateLessAndNightLessThanDay() async throws {
        let one = try await estimate(#"{"bases": ["B1"], "minutes": 40}"#)
        let two = try await estimate(#"{"bases": ["B1", "B2"], "minutes": 40}"#)
        let night = try await estimate(#"{"bases": [[121.5, 41.0]], "minutes": 40, "night": true}"#)
        let day = try await estimate(#"{"bases": [[121.5, 41.0]], "minutes": 40, "night": false}"#)
        let cells = { (v: JSONValue) in v["cells_served"]?.doubleValue ?? -1 }
        #expect(cells(one) > 0 && cells(one) <= cells(two))
        #expect(cells(two) <= two["cells_total"]?.doubleValue ?? 0)
        #expect(night["night"] == .bool(true) && cells(night) < cells(day))
    }

    /// With a regions layer (two halves of the square), each region's
    /// weights are those of the cells whose centre lies in it.
    @Test func regionsSumTheCellsWhoseCentreTheyHold() async throws {
        let regional = try ServerFixture { folder in
            try """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[121.9,40.9],[122.5,40.9],[122.5,41.9],[121.9,41.9],[121.9,40.9]]]}},
            {"type":"Feature","properties":{"name":"east"},"geometry":{"type":"Polygon","coordinates":[[[122.5,40.9],[123.1,40.9],[123.1,41.9],[122.5,41.9],[122.5,40.9]]]}}]}
            """.write(to: folder.appendingPathComponent("halves.geojson"), atomically: true, encoding: .utf8)
            return try SmallScenario.write(in: folder) { $0.replacingOccurrences(of: "cell_km = 4", with: "cell_km = 4\nregions = \"halves.geojson\"") }
        }
        defer { regional.remove() }
        let reply = try await regional.test {
            try await $0.execute(
                uri: "/api/estimate", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"bases": ["B1"], "minutes": 15}"#))
        }
        let estimate = try reply.json
        let study = regional.server.session.study
        let matrix = try study.matrix(of: [study.candidates[0]], minutes: 15)
        let cells = study.grid.cells
        var expected: [String: (covered: Double, total: Double)] = ["west": (0, 0), "east": (0, 0)]
        for (c, cell) in cells.enumerated() {
            let name = cell.centre.lon < 122.5 ? "west" : "east"
            expected[name]!.total += cell.weight
            if matrix.bestMinutes(to: c, from: [0]) != nil { expected[name]!.covered += cell.weight }
        }
        let regions = try #require(estimate["regions"]?.arrayValue)
        #expect(regions.map { $0["name"]?.stringValue } == ["west", "east"])
        for region in regions {
            let want = try #require(expected[region["name"]?.stringValue ?? ""])
            #expect(region["grid_total_weight"]?.doubleValue == want.total)
            #expect(region["grid_covered_weight"]?.doubleValue == want.covered)
        }
        // B1 (west of centre) at 15 min reaches into the west half only, or mostly.
        #expect(want(regions, "west") > 0 && want(regions, "west") > want(regions, "east"))
    }

    private func want(_ regions: [JSONValue], _ name: String) -> Double {
        regions.first { $0["name"]?.stringValue == name }?["grid_covered_pct"]?.doubleValue ?? -1
    }
}
