import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server
import Support

/// The offline basemap (`GET /api/basemap`) and the optional tile layer
/// (`serve --tiles`): context layers and regions near the zones, outlines
/// for drawing; a tile URL only when given, and checked.
@Suite final class BasemapEndpointTests: Sendable {
    let fixture: ServerFixture
    init() throws {
        fixture = try ServerFixture { folder in
            // A province around the square, and a far one (beyond the 2° margin) left out.
            try """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"near"},"geometry":{"type":"Polygon","coordinates":[[[121,40],[124,40],[124,43],[121,43],[121,40]]]}},
            {"type":"Feature","properties":{"name":"far"},"geometry":{"type":"Polygon","coordinates":[[[100,20],[101,20],[101,21],[100,21],[100,20]]]}}]}
            """.write(to: folder.appendingPathComponent("context.geojson"), atomically: true, encoding: .utf8)
            try """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[122.0,41.0],[122.5,41.0],[122.5,41.8],[122.0,41.8],[122.0,41.0]]]}}]}
            """.write(to: folder.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
            return try SmallScenario.write(in: folder, extra: "context = [\"context.geojson\"]\n") {
                $0.replacingOccurrences(of: "cell_km = 4", with: "cell_km = 4\nregions = \"regions.geojson\"")
            }
        }
    }
    deinit { fixture.remove() }

    @Test func theBasemapHoldsTheNearContextAndTheRegions() async throws {
        let reply = try await fixture.test { try await $0.execute(uri: "/api/basemap", method: .get) }
        #expect(reply.status == .ok)
        let features = try #require(try reply.json["features"]?.arrayValue)
        let layers = features.compactMap { $0["properties"]?["layer"]?.stringValue }
        #expect(layers == ["context", "region"], "\(layers)")
        #expect(features[1]["properties"]?["name"] == .string("west"))
        // The context polygon is cut to the zones' box widened by 2°: 120…125 × 39…43.8 holds all of it.
        let ring = try #require(features[0]["geometry"]?["coordinates"]?.arrayValue?.first?.arrayValue)
        let lons = ring.compactMap { $0.arrayValue?.first?.doubleValue }
        #expect(lons.min() == 121 && lons.max() == 124)
        // Without tiles, the page is offline.
        let scenario = try await fixture.test { try await $0.execute(uri: "/api/scenario", method: .get).json }
        #expect(scenario["tiles"] == .null)
    }

    @Test func aTileURLIsOfferedOnlyWhenGivenAndChecked() throws {
        let url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        let session = try PlannerSession(study: fixture.server.session.study, tiles: url)
        #expect(try JSONParser.parse(session.scenarioJSON)["tiles"] == .string(url))
        for (bad, problem) in [
            ("ftp://x/{z}/{x}/{y}", "http or https"), ("https://x/{z}/{x}.png", "lacks {y}"),
            ("https://x/{z}/{x}/{y} ", "space"), (String(repeating: "a", count: 2_001), "at most 2,000"),
        ] {
            #expect(throws: InputError.self) { try TileURL.check(bad) }
            do { _ = try TileURL.check(bad) } catch { #expect("\(error)".contains(problem), "\(bad): \(error)") }
        }
    }

    /// A scenario without context layers or regions: an empty basemap.
    @Test func noContextGivesAnEmptyBasemap() async throws {
        let plain = try ServerFixture()
        defer { plain.remove() }
        let reply = try await plain.test { try await $0.execute(uri: "/api/basemap", method: .get) }
        let features = try reply.json["features"]?.arrayValue
        #expect(reply.status == .ok && features?.isEmpty == true)
    }
}
