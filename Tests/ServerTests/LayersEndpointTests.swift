import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server
import Support

/// `POST /api/layers`: the served region and the zones' uncovered parts the
/// page draws. Checked against `assess`'s exact figures: for each zone the
/// uncovered part's area (exact, and as drawn) plus the covered area is the
/// zone's area, and the covered share is `aircover assess --json`'s.
@Suite final class LayersEndpointTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    deinit { fixture.remove() }

    func layers(_ body: String) async throws -> TestResponse {
        try await fixture.test {
            try await $0.execute(uri: "/api/layers", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        }
    }

    /// Area (km²) and perimeter (km) of a lon/lat GeoJSON geometry in the grid's equal-area projection.
    func measure(_ geometry: JSONValue) throws -> (area: Double, perimeter: Double) {
        let feature = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"# + geometry.serialized + "}]}"
        let parsed = try #require(try GeoJSONReader.features(parsing: feature).first?.geometry)
        let plane = try fixture.server.session.study.grid.projection.transformerFromWGS84().transform(parsed)
        return (plane.area / 1e6, plane.length / 1e3)
    }

    @Test(arguments: [
        (#""bases": ["B1"], "minutes": 15"#, 15.0), (#""bases": ["B1", "B2"], "minutes": 40"#, 40.0),
        (#""bases": [[122.05, 41.05], "B2"], "minutes": 40, "night": true"#, 40.0),
    ])
    func uncoveredPlusCoveredIsTheZoneAndTheShareIsAssesss(plan: String, minutes: Double) async throws {
        let reply = try await layers("{" + plan + "}")
        #expect(reply.status == .ok, "\(reply.text)")
        let layers = try reply.json
        let assessed = try #require(try (await fixture.test { try await $0.assess("{" + plan + "}") }).json.standard(minutes))
        #expect(layers["total"]?["covered_pct"] == assessed["total"]?["covered_pct"])
        #expect(layers["total"]?["covered_km2"] == assessed["total"]?["covered_km2"])
        let tolerance = try #require(layers["display_tolerance_deg"]?.doubleValue)
        // A degree is at most 111.32 km on the ellipsoid, so simplifying at
        // `tolerance` moves a boundary by at most this, in km.
        let shift = tolerance * 111.32
        let drawn = layers["uncovered"]?["features"]?.arrayValue ?? []
        for zone in try #require(assessed["zones"]?.arrayValue) {
            let id = try #require(zone["id"]?.stringValue)
            let area = try #require(zone["area_km2"]?.doubleValue), covered = try #require(zone["covered_km2"]?.doubleValue)
            let figures = try #require(layers["zones"]?.arrayValue?.first { $0["id"]?.stringValue == id })
            let uncovered = try #require(figures["uncovered_km2"]?.doubleValue)
            #expect(abs(uncovered + covered - area) <= 1e-6 * area, "zone \(id): \(uncovered) + \(covered) vs \(area)")
            if covered < area {
                let feature = try #require(drawn.first { $0["properties"]?["id"]?.stringValue == id })
                let (drawnArea, perimeter) = try measure(try #require(feature["geometry"]))
                #expect(abs(drawnArea + covered - area) <= 2 * shift * perimeter, "zone \(id): drawn \(drawnArea) + \(covered) vs \(area)")
            } else {
                #expect(!drawn.contains { $0["properties"]?["id"]?.stringValue == id }, "zone \(id) is fully covered")
            }
        }
        #expect(try #require(layers["total"]?["covered_pct"]?.doubleValue) > 0)
    }

    /// The command's figure, through the built program.
    @Test func theCoveredShareIsTheAssessCommands() async throws {
        let command = try #require(try ServerFixture.assessCommand(fixture.scenarioFile, bases: "B1,B2").standard(40))
        let layers = try await layers(#"{"bases": ["B1", "B2"], "minutes": 40}"#).json
        #expect(layers["total"]?["covered_pct"] == command["total"]?["covered_pct"])
    }

    /// A base 20 km of flight from its 15-min standard (240 km/h, 10 min
    /// dispatch), far from the zone: nothing covered, the whole zone
    /// uncovered, and the served region is the geodesic disc of 20 km
    /// (π·20² km²) to within the isochrone tolerance (100 m) and the drawing's.
    @Test func aFarBaseLeavesTheZoneUncoveredAndServesItsDisc() async throws {
        let layers = try await layers(#"{"bases": [[125.5, 45.0]], "minutes": 15}"#).json
        #expect(layers["total"]?["covered_km2"]?.doubleValue == 0)
        let zone = try #require(layers["zones"]?.arrayValue?.first)
        let area = try #require(zone["area_km2"]?.doubleValue), uncovered = try #require(zone["uncovered_km2"]?.doubleValue)
        #expect(abs(uncovered - area) <= 1e-6 * area, "\(uncovered) vs \(area)")
        let served = try measure(try #require(layers["served"]))
        let disc = Double.pi * 20 * 20, rim = 2 * Double.pi * 20
        let tolerance = try #require(layers["display_tolerance_deg"]?.doubleValue) * 111.32
        #expect(abs(served.area - disc) <= (0.1 + 2 * tolerance) * rim, "\(served.area) vs \(disc)")
    }

    @Test func badRequestsAreJSON4xx() async throws {
        for (body, says) in [
            (#"{"bases": ["NOPE"], "minutes": 40}"#, "site NOPE is not among"),
            (#"{"bases": ["B1"], "minutes": 41}"#, "no 41 min standard"),
            (#"{"bases": [], "minutes": 40}"#, "bases is empty"),
            (#"{"bases": ["B1"], "minutes": 40, "colour": 1}"#, "unknown member \"colour\""),
        ] {
            let reply = try await layers(body)
            #expect(reply.status == .badRequest, "\(body)")
            #expect(try reply.json["error"]?.stringValue?.contains(says) == true, "\(body): \(reply.text)")
        }
    }
}
