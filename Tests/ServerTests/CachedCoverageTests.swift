import Coverage
import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import Testing
import TestSupport
@testable import Server
import Support

/// The session keeps each base's reach, matrix row and N−1 piece
/// (`ReachCache`) and each recent plan's assessment (`RecentAssessments`):
/// figures assembled from kept parts equal a fresh assessment and
/// `aircover assess --json`, each part is computed once, and the caches
/// hold no more than their bounds.
@Suite final class CachedCoverageTests: Sendable {
    let fixture: ServerFixture
    /// SmallScenario with two reporting regions, the square's west and east halves.
    init() throws {
        fixture = try ServerFixture { folder in
            try Self.halves.write(to: folder.appendingPathComponent("halves.geojson"), atomically: true, encoding: .utf8)
            return try SmallScenario.write(in: folder) { $0.replacingOccurrences(of: "cell_km = 4", with: "cell_km = 4\nregions = \"halves.geojson\"") }
        }
    }
    deinit { fixture.remove() }

    static let halves = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[122.0,41.0],[122.5,41.0],[122.5,41.8],[122.0,41.8],[122.0,41.0]]]}},
        {"type":"Feature","properties":{"name":"east"},"geometry":{"type":"Polygon","coordinates":[[[122.5,41.0],[123.0,41.0],[123.0,41.8],[122.5,41.8],[122.5,41.0]]]}}]}
        """

    var session: PlannerSession { fixture.server.session }

    /// Clicks that add, move and remove bases: the last plan's bases were all
    /// computed by earlier clicks, and its figures equal a fresh assessment
    /// (new study, nothing kept) to 1e-12 and the command's exactly.
    @Test func keptPartsGiveTheFiguresOfAFreshAssessmentAndOfTheCommand() async throws {
        let last = try await fixture.test { client in
            for plan in [#"["B1"]"#, #"["B1", [122.9, 41.7]]"#, #"[[122.9, 41.7], "B2"]"#] {
                #expect(try await client.assess(#"{"bases": \#(plan), "minutes": 15}"#).status == .ok)
            }
            #expect(session.reachCache.computedCount == 3)
            return try await client.assess(#"{"bases": ["B1", "B2"], "minutes": 15}"#).json
        }
        #expect(session.reachCache.computedCount == 3, "B1 and B2 were kept from the earlier clicks")
        let study = try Study.load(try Scenario.load(fixture.scenarioFile))
        let fresh = try Assessment.run(study, bases: Array(study.existing.prefix(2)), standards: [15]).json()
        #expect(Self.differences(last, fresh, tolerance: 1e-12).isEmpty, "\(Self.differences(last, fresh, tolerance: 1e-12))")
        let command = try ServerFixture.assessCommand(fixture.scenarioFile, bases: "B1,B2")
        #expect(last.standard(15) == command.standard(15))
        // The reporting regions split the square in two: their figures add up
        // to the zone's, within the chords of their separately densified edges.
        let served = try #require(last.standard(15))
        let regions = try #require(served["regions"]?.arrayValue)
        let zone = try #require(served["zones"]?.arrayValue?.first)
        #expect(regions.count == 2)
        let area = regions.compactMap { $0["area_km2"]?.doubleValue }, covered = regions.compactMap { $0["covered_km2"]?.doubleValue }
        let zoneArea = try #require(zone["area_km2"]?.doubleValue), zoneCovered = try #require(zone["covered_km2"]?.doubleValue)
        #expect(abs(area.reduce(0, +) - zoneArea) <= 1e-7 * zoneArea)
        #expect(abs(covered.reduce(0, +) - zoneCovered) <= 1e-7 * zoneArea)
        #expect(covered.allSatisfy { $0 > 0 } && zoneCovered < zoneArea)
    }

    /// The page asks /api/assess and /api/layers for a plan at once: one
    /// assessment answers both, so each new base is computed once.
    @Test func assessAndLayersAtOnceComputeEachBaseOnce() async throws {
        let body = #"{"bases": [[122.1, 41.2], [122.6, 41.6]], "minutes": 40}"#
        let (assess, layers) = try await fixture.test { client in
            async let assess = client.assess(body)
            async let layers = client.execute(uri: "/api/layers", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            return (try await assess.json, try await layers.json)
        }
        #expect(session.reachCache.computedCount == 2)
        let total = try #require(assess.standard(40)?["total"])
        #expect(layers["total"]?["covered_pct"] == total["covered_pct"] && layers["total"]?["area_km2"] == total["area_km2"])
    }

    /// A cache of 2 holds 2 sites' parts; the least recently used goes first.
    @Test func theReachCacheIsBounded() throws {
        let study = session.study
        let flight = Flight(aircraft: study.scenario.aircraft, night: false)
        let cache = ReachCache(capacity: 2)
        let position = BaseSelection.site(at: LonLat(122.9, 41.7), number: 3)
        let (b1, b2) = (study.existing[0], study.existing[1])
        for site in [b1, b2, position] { _ = try cache.coverage(of: [site], minutes: 40, flight: flight, study: study) }
        #expect(cache.count == 2 && cache.computedCount == 3)
        let again = try cache.coverage(of: [position, b1], minutes: 40, flight: flight, study: study)
        #expect(cache.count == 2 && cache.computedCount == 4, "the position was kept, B1 (least recently used) was dropped")
        // At another standard or by night a site is another entry.
        _ = try cache.coverage(of: [position], minutes: 15, flight: flight, study: study)
        #expect(cache.computedCount == 5)
        let fresh = try study.baseCoverage(of: [position, b1], minutes: 40)
        #expect(again.map(\.reach.area) == fresh.map(\.reach.area) && again.map(\.row) == fresh.map(\.row))
    }

    /// Assembled from each site's row, the matrix is the one built for all sites at once.
    @Test func rowsAssembleTheMatrix() throws {
        let study = session.study
        let sites = study.existing + [BaseSelection.site(at: LonLat(122.9, 41.7), number: 3)]
        for minutes in [15.0, 40] {
            let parts = try sites.map { try study.baseCoverage(of: [$0], minutes: minutes)[0] }
            let assembled = CoverageMatrix(cellCount: study.grid.cells.count, standardMinutes: minutes, siteRows: parts.map(\.row))
            #expect(assembled == (try study.matrix(of: sites, minutes: minutes)))
            #expect(assembled.entryCount > 0)
        }
    }

    @Test func boundedCacheDropsTheLeastRecentlyUsed() {
        var cache = BoundedCache<String, Int>(capacity: 2)
        cache.store(1, for: "a")
        cache.store(2, for: "b")
        #expect(cache.value("a") == 1)
        cache.store(3, for: "c")
        #expect(cache.count == 2 && cache.value("b") == nil && cache.value("a") == 1 && cache.value("c") == 3)
        cache.store(4, for: "a")
        #expect(cache.count == 2 && cache.value("a") == 4)
    }

    /// The paths where two JSON values differ: numbers by more than
    /// `tolerance` relative (absolute below 1), anything else at all.
    static func differences(_ a: JSONValue, _ b: JSONValue, tolerance: Double, path: String = "") -> [String] {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.map(\.key) == y.map(\.key) else { return ["\(path): keys \(x.map(\.key)) vs \(y.map(\.key))"] }
            return zip(x, y).flatMap { differences($0.value, $1.value, tolerance: tolerance, path: path + "." + $0.key) }
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return ["\(path): \(x.count) vs \(y.count) items"] }
            return zip(x, y).enumerated().flatMap { differences($1.0, $1.1, tolerance: tolerance, path: path + "[\($0)]") }
        default:
            if let x = a.doubleValue, let y = b.doubleValue {
                return abs(x - y) <= tolerance * max(1, abs(x), abs(y)) ? [] : ["\(path): \(x) vs \(y)"]
            }
            return a == b ? [] : ["\(path): \(a) vs \(b)"]
        }
    }
}
