import Foundation
import GeoCore
import Testing
import TestSupport
@testable import Planner
import Support

/// `[availability] base_flyable_field`: each base's own weather in the
/// expected coverage, on the small square (bases B1 and B2, 33 km apart,
/// 240 km/h, 10 min dispatch; at 40 min both reach every cell), against
/// hand computation: a base of share f_j is available with probability
/// (1 − q) f_j, independently of the other, and the weather at the demand
/// (`flyable`, `flyable_field`) multiplies the result.
@Suite final class BaseWeatherTests: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    init() throws { folder = try TemporaryFolder("base-weather") }

    /// The small scenario with the bases' shares `west` (B1) and `east` (B2)
    /// in their column `fly`, `table` as its `[availability]`.
    func planned(west: String = "0.5", east: String = "0.8", table: String = "busy = 0.2\nbase_flyable_field = \"fly\"\n", zoneFile: String = "zone.geojson")
        throws -> PlanRun
    {
        let file = try SmallScenario.write(in: root, extra: "[availability]\n" + table, zoneFile: zoneFile)
        try "code,name,lon,lat,province,fly\nB1,west,122.3,41.4,LN,\(west)\nB2,east,122.7,41.4,LN,\(east)\nB3,far,125.5,45.0,JL,0.3\n"
            .write(to: root.appendingPathComponent("bases.csv"), atomically: true, encoding: .utf8)
        return try PlanRun.run(try Scenario.load(file))
    }

    /// Two bases reach every cell at 40 min: 1 − (1 − 0.8 · 0.5)(1 − 0.8 · 0.8)
    /// = 1 − 0.6 · 0.36 = 0.784, in every zone and over the weight. At 15 min
    /// (20 km of flight) each cell counts the bases within 20 km of its centre.
    @Test func eachBasesShareScalesItsAircraft() throws {
        let run = try planned()
        #expect(run.existing.map(\.flyable) == [0.5, 0.8])
        let at40 = try #require(run.standards[1].expected)
        #expect(abs(at40.expectedPercent - 78.4) < 1e-9, "\(at40.expectedPercent)")
        for zone in at40.zones { #expect(abs(zone.expectedKm2 - 0.784 * zone.gridKm2) <= 1e-12 * zone.gridKm2) }
        let at15 = try #require(run.standards[0].expected)
        var expected = 0.0, total = 0.0
        for cell in run.grid.cells {
            let missed = run.existing.filter { Geodesic.wgs84.inverse(from: $0.position, to: cell.centre).distance <= 20_000 }
                .reduce(1.0) { $0 * (1 - 0.8 * $1.flyable) }
            expected += cell.weight * (1 - missed)
            total += cell.weight
        }
        #expect(abs(at15.expectedPercent - 100 * expected / total) < 1e-9, "\(at15.expectedPercent) against \(100 * expected / total)")
        #expect(at15.expectedPercent > 0 && at15.expectedPercent < at15.deterministicPercent)
        // Reported: the field in summary.json and in the terminal line.
        let json = PlanSummary.json(run, versions: ToolVersions.current)["standards"]?.arrayValue?[1]["expected"]
        #expect(json?["base_flyable_field"]?.stringValue == "fly" && json?["expected_covered_pct"]?.doubleValue == at40.expectedPercent)
        #expect(at40.sentence.contains("flyable per base from fly"), "\(at40.sentence)")
        // Shares of 1 everywhere give the figures without the field.
        let ones = try planned(west: "1", east: "1")
        let plain = try planned(table: "busy = 0.2\n")
        for (a, b) in zip(ones.standards, plain.standards) {
            #expect(abs(try #require(a.expected).expectedPercent - (try #require(b.expected).expectedPercent)) < 1e-12)
        }
        #expect(abs(try #require(plain.standards[1].expected).expectedPercent - 96) < 1e-9)
        // The shares travel with the bases: another aircraft, the bases assessed, the exported CSV.
        var other = run.study.scenario.aircraft
        other.cruiseSpeedKmh += 20
        #expect(try run.study.flown(aircraft: other, atNight: false).existing.map(\.flyable) == [0.5, 0.8])
        let csv = PlanScenarioExport.basesCSV(run.study, bases: run.study.existing)
        #expect(
            csv.hasPrefix("id,name,lon,lat,aircraft,existing,chosen_by,fly\r\n") && csv.contains(",yes,,0.5\r\n") && csv.contains(",yes,,0.8\r\n"), "\(csv)")
    }

    /// A plan exported as a scenario (serve's Export: TOML and bases CSV)
    /// reads back with each base's share and gives the same figures.
    @Test func anExportedPlanKeepsTheBasesShares() throws {
        let run = try planned()
        let source = try ConfigTable.load(tomlFile: run.study.scenario.source)
        let export = root.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try PlanScenarioExport.basesCSV(run.study, bases: run.study.existing)
            .write(to: export.appendingPathComponent("plan-bases.csv"), atomically: true, encoding: .utf8)
        try PlanScenarioExport.toml(source: source, directory: root.path, study: run.study, night: false, basesFile: "plan-bases.csv")
            .write(to: export.appendingPathComponent("plan.toml"), atomically: true, encoding: .utf8)
        let again = try PlanRun.run(try Scenario.load(export.appendingPathComponent("plan.toml")))
        #expect(again.existing.map(\.flyable) == [0.5, 0.8])
        #expect(abs(try #require(again.standards[1].expected).expectedPercent - 78.4) < 1e-9)
    }

    /// The weather at the demand multiplies: a constant 0.9 gives
    /// 0.9 · 0.784 = 70.56 %; zone shares 0.9 (west half) and 0.6 (east half)
    /// give each zone 0.784 f_zone and, the halves equal in area,
    /// 78.4 · (0.9 + 0.6) / 2 = 58.8 %.
    @Test func theDemandsWeatherCombinesWithTheBases() throws {
        let constant = try planned(table: "busy = 0.2\nflyable = 0.9\nbase_flyable_field = \"fly\"\n")
        #expect(abs(try #require(constant.standards[1].expected).expectedPercent - 70.56) < 1e-9)
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"W","zf":0.9},"geometry":{"type":"Polygon","coordinates":[[[122.0,41.0],[122.5,41.0],[122.5,41.8],[122.0,41.8],[122.0,41.0]]]}},
        {"type":"Feature","properties":{"code":"E","zf":0.6},"geometry":{"type":"Polygon","coordinates":[[[122.5,41.0],[123.0,41.0],[123.0,41.8],[122.5,41.8],[122.5,41.0]]]}}]}
        """.write(to: root.appendingPathComponent("halves.geojson"), atomically: true, encoding: .utf8)
        let zoned = try planned(table: "busy = 0.2\nflyable_field = \"zf\"\nbase_flyable_field = \"fly\"\n", zoneFile: "halves.geojson")
        let at40 = try #require(zoned.standards[1].expected)
        let share = ["W": 0.9, "E": 0.6]
        for zone in at40.zones {
            #expect(abs(zone.expectedKm2 - 0.784 * (try #require(share[zone.id])) * zone.gridKm2) <= 1e-12 * zone.gridKm2, "\(zone.id)")
        }
        let (west, east) = (at40.zones[0].gridKm2, at40.zones[1].gridKm2)
        #expect(abs(at40.expectedPercent - 78.4 * (0.9 * west + 0.6 * east) / (west + east)) < 1e-9, "\(at40.expectedPercent)")
        #expect(abs(at40.expectedPercent - 58.8) < 1e-4)
    }

    @Test(arguments: [
        ("1.5", "0.8", "busy = 0.2\nbase_flyable_field = \"fly\"\n", "site B1 (feature 1): field fly ([availability] base_flyable_field) holds \"1.5\""),
        ("0.5", "fog", "busy = 0.2\nbase_flyable_field = \"fly\"\n", "site B2 (feature 2): field fly ([availability] base_flyable_field) holds \"fog\""),
        ("0.5", "", "busy = 0.2\nbase_flyable_field = \"fly\"\n", "site B2 (feature 2): field fly ([availability] base_flyable_field) holds"),
        ("-0.1", "0.8", "busy = 0.2\nbase_flyable_field = \"fly\"\n", "site B1 (feature 1): field fly"),
        ("0.5", "0.8", "busy = 0.2\nbase_flyable_field = \"weather\"\n", "no field weather (named in [availability] base_flyable_field"),
        ("0.5", "0.8", "busy = 0.2\nbase_flyable_field = \" \"\n", "[availability] base_flyable_field: is empty"),
    ])
    func badSharesAreRefusedNamingFileSiteFeatureAndField(west: String, east: String, table: String, problem: String) throws {
        var message = ""
        do { _ = try planned(west: west, east: east, table: table) } catch { message = "\(error)" }
        #expect(message.contains(problem), "\(message)")
        if !problem.hasPrefix("[availability]") { #expect(message.contains("bases.csv"), "\(message)") }
    }

    /// A candidates file without the field is refused too: its sites could become bases.
    @Test func everyCandidatesFileNeedsTheField() throws {
        try "code,name,lon,lat\nC1,c,122.5,41.2\n".write(to: root.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        let file = try SmallScenario.write(in: root, extra: "[availability]\nbusy = 0.2\nbase_flyable_field = \"fly\"\n") {
            $0.replacingOccurrences(of: "existing = \"bases.csv\"", with: "existing = \"bases.csv\"\ncandidates = \"candidates.csv\"")
        }
        try "code,name,lon,lat,province,fly\nB1,west,122.3,41.4,LN,0.5\nB2,east,122.7,41.4,LN,0.8\n"
            .write(to: root.appendingPathComponent("bases.csv"), atomically: true, encoding: .utf8)
        var message = ""
        do { _ = try Study.load(try Scenario.load(file)) } catch { message = "\(error)" }
        #expect(message.contains("candidates.csv: no field fly"), "\(message)")
    }
}
