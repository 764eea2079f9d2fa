import Foundation
import Testing
import GeoCore
import TestSupport

/// What a new user meets outside the default scenario (issue 25, items
/// 9–10): a reach the fuel limits, and zones named by a name field.
@Suite struct OutsideTheDefaultTests {
    static func summary(_ directory: URL) throws -> JSONValue {
        try JSONParser.parse(String(contentsOf: directory.appendingPathComponent("out/summary.json"), encoding: .utf8))
    }

    static func report(_ directory: URL) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("out/report.html"), encoding: .utf8)
    }

    static func occurrences(of part: String, in text: String) -> Int {
        text.components(separatedBy: part).count - 1
    }

    /// Endurance 60 − reserve 20 − on scene 15 leaves 25 min out and back:
    /// 50 km at 240 km/h, where the 40-min standard (30 min of flight after
    /// dispatch) alone would allow 120 km; at 15 min (20 km) time binds.
    @Test func aReachTheFuelLimitsIsSaidInTheTextTheReportAndTheSummary() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let run = try CommandRunner.run(["plan", scenario.path, "--endurance-min", "60"])
        #expect(run.status == 0, "\(run.stderr)")
        let sentence = "fuel range limits T to 50.0 km (out and back in 25 min of flight: endurance − reserve − on scene); the 40-minute standard alone would allow 120.0 km: 70.0 km (58.33%) less"
        #expect(Self.occurrences(of: sentence, in: run.stdout) == 1, "\(run.stdout)")
        #expect(!run.stdout.contains("15-minute standard alone"), "\(run.stdout)")
        #expect(try Self.report(directory).contains("Range limit: \(sentence)."))
        let standards = try #require(try Self.summary(directory)["standards"]?.arrayValue)
        #expect(standards[0]["range_limits"]?.arrayValue?.isEmpty == true)
        let limit = try #require(standards[1]["range_limits"]?.arrayValue?.first)
        #expect(limit["aircraft"] == .string("T"))
        #expect(abs((limit["range_radius_km"]?.doubleValue ?? 0) - 50) < 1e-9 && abs((limit["time_radius_km"]?.doubleValue ?? 0) - 120) < 1e-9, "\(limit)")
        #expect(abs((limit["cut_pct"]?.doubleValue ?? 0) - 700 / 12) < 1e-9, "\(limit)")

        // The isochrones command draws the same radius, marked limit range.
        let drawn = try CommandRunner.run(["isochrones", "--base", "122.3,41.4", "--aircraft", "T", "--cruise-speed-kmh", "240", "--dispatch-day-min", "10",
                                           "--dispatch-night-min", "20", "--endurance-min", "60", "--reserve-min", "20", "--on-scene-min", "15",
                                           "--max-altitude-m", "3000", "--minutes", "40", "-o", directory.appendingPathComponent("i.geojson").path])
        #expect(drawn.stderr.contains("40 min, radius 50.0 km, limit range"), "\(drawn.stderr)")

        // With the scenario's own endurance (200 min) the time binds everywhere: nothing is said.
        let plain = try CommandRunner.run(["plan", scenario.path])
        #expect(plain.status == 0 && !plain.stdout.contains("fuel range"), "\(plain.stdout)")
        #expect(try Self.summary(directory)["standards"]?.arrayValue?.allSatisfy { $0["range_limits"]?.arrayValue?.isEmpty == true } == true)
    }

    /// Zones named by `name_field` without an `id_field` (ids are the feature
    /// ids, "0"): every output names the zone "square", the id beside it.
    @Test func everyOutputNamesAZoneByItsNameField() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory) {
            $0.replacingOccurrences(of: "id_field = \"code\"\ncell_km", with: "name_field = \"name\"\ncell_km")
        }
        let assess = try CommandRunner.run(["assess", scenario.path])
        #expect(assess.status == 0, "\(assess.stderr)")
        #expect(assess.stdout.contains("zone square:") && !assess.stdout.contains("zone 0:"), "\(assess.stdout)")
        let json = try JSONParser.parse(try CommandRunner.run(["assess", scenario.path, "--json"]).stdout)
        let zone = try #require(json["standards"]?.arrayValue?.first?["zones"]?.arrayValue?.first)
        #expect(zone["name"] == .string("square") && zone["id"] == .string("0"), "\(zone)")

        #expect(try CommandRunner.run(["plan", scenario.path]).status == 0)
        let csv = try String(contentsOf: directory.appendingPathComponent("out/coverage_zones.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("minutes,id,zone,area_km2,") && csv.contains("\r\n15,0,square,") && csv.contains("\r\n40,0,square,"), "\(csv)")
        let summaryZone = try #require(try Self.summary(directory)["standards"]?.arrayValue?.first?["existing"]?["zones"]?.arrayValue?.first)
        #expect(summaryZone["name"] == .string("square") && summaryZone["id"] == .string("0"), "\(summaryZone)")
        #expect(try Self.report(directory).contains("<td>square (all)</td>"))
    }
}
