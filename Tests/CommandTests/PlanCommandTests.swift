import Foundation
import Testing
import GeoCore
import Support

/// `aircover plan` end to end on a small scenario written by the test: a
/// square zone, three bases in a CSV, an inline aircraft.
@Suite struct PlanCommandTests {
    func writeScenario(in directory: URL, extra: String = "", zoneFile: String = "zone.geojson") throws -> URL {
        try SmallScenario.write(in: directory, extra: extra, zoneFile: zoneFile)
    }

    @Test func writesASummaryAndAMapThatAgreeWithGeometry() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try writeScenario(in: directory)
        let run = try CommandRunner.run(["plan", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        let out = directory.appendingPathComponent("out")
        let summary = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        guard case .array(let standards)? = summary["standards"] else { Issue.record("no standards"); return }
        #expect(standards.count == 2)
        // 40 min: 30 min of flight at 240 km/h = 120 km from each base: the whole square (≤ 80 km away) is covered.
        let total40 = standards[1]["existing"]?["total"]
        #expect(total40?["covered_pct"]?.doubleValue == 100)
        // 15 min: 5 min of flight, 20 km discs around bases 33 km apart, both inside the
        // square: covered = 2πr² − lens(r, d), lens = 2r²·acos(d/2r) − (d/2)·√(4r² − d²).
        // The isochrones' chords (100 m tolerance) may lose up to ~1% of that.
        let total15 = try #require(standards[0]["existing"]?["total"])
        let d = Geodesic.wgs84.inverse(from: LonLat(122.3, 41.4), to: LonLat(122.7, 41.4)).distance / 1_000, r = 20.0
        let union = 2 * .pi * r * r - (2 * r * r * acos(d / (2 * r)) - d / 2 * (4 * r * r - d * d).squareRoot())
        let covered = try #require(total15["covered_km2"]?.doubleValue)
        #expect(covered <= union * 1.001 && covered > union * 0.99, "\(covered) km² against \(union) km²")
        #expect(standards[0]["existing"]?["bases"] == .array([.string("B1"), .string("B2")]))
        #expect(standards[1]["lscp"]?["status"] == .string("optimal"))
        // The map opens in GDAL with every feature.
        let info = try CommandRunner.tool("ogrinfo", ["-ro", "-al", "-so", out.appendingPathComponent("plan.geojson").path])
        let map = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("plan.geojson"), encoding: .utf8))
        let featureCount = map["features"]?.arrayValue?.count ?? 0
        #expect(featureCount > 0 && info.status == 0 && info.stdout.contains("Feature Count: \(featureCount)\n"), "\(info.stdout)")
        #expect(!info.stderr.contains("Warning") && !info.stdout.contains("Warning"), "\(info.stderr)")
        // The same inputs give the same bytes, in every file (plan.gpkg's timestamps included).
        func contents() throws -> [String: Data] {
            Dictionary(
                uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: out.path).map {
                    ($0, try Data(contentsOf: out.appendingPathComponent($0)))
                })
        }
        let first = try contents()
        Thread.sleep(forTimeInterval: 1.1)
        _ = try CommandRunner.run(["plan", scenario.path])
        let second = try contents()
        #expect(second.keys.sorted() == first.keys.sorted())
        for (name, data) in first { #expect(second[name] == data, "\(name) differs between two runs") }
    }

    @Test func aBadScenarioLeavesTheOutputFolderAsItWas() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try writeScenario(in: directory)
        #expect(try CommandRunner.run(["plan", good.path]).status == 0)
        let summary = directory.appendingPathComponent("out/summary.json")
        let before = try Data(contentsOf: summary)
        let missing = try writeScenario(in: directory, zoneFile: "nowhere.geojson")
        let run = try CommandRunner.run(["plan", missing.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("[demand] zones: names") && run.stderr.contains("nowhere.geojson, which does not exist"), "\(run.stderr)")
        #expect(try Data(contentsOf: summary) == before)
        let misspelt = try writeScenario(in: directory, extra: "[standard]\nminutes = [30]\n")
        let typo = try CommandRunner.run(["plan", misspelt.path])
        #expect(typo.status == 2 && typo.stderr.contains("standard: is not a known key (did you mean \"standards\"?)"), "\(typo.stderr)")
    }
}
