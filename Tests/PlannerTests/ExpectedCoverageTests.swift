import Foundation
import GeoCore
import Testing
import TestSupport
@testable import Planner

/// The existing network's expected coverage (`[availability]`) on the small
/// test scenario (bases B1 and B2, 33 km apart; 240 km/h; dispatch 10 min by
/// day, 20 by night), against the model's formula with the number of bases
/// reaching each cell counted independently, by Karney's geodesic distance.
@Suite final class ExpectedCoverageTests: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    init() throws { folder = try TemporaryFolder("expected") }

    /// The small scenario at 15, 20 and 40 min with `availability` as its table.
    func run(_ availability: String) throws -> PlanRun {
        let file = try SmallScenario.write(in: root, extra: "[availability]\n" + availability) {
            $0.replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [15, 20, 40]")
        }
        return try PlanRun.run(try Scenario.load(file))
    }

    /// Σ w (1 − q^k) / Σ w, percent, with k the bases whose flight of
    /// `flightMinutes` at 240 km/h reaches the cell's centre.
    static func reference(_ run: PlanRun, busy q: Double, flightMinutes: Double) -> Double {
        let reach = 240_000 * flightMinutes / 60
        var expected = 0.0, total = 0.0
        for cell in run.grid.cells {
            let k = run.existing.filter { Geodesic.wgs84.inverse(from: $0.position, to: cell.centre).distance <= reach }.count
            expected += cell.weight * (1 - pow(q, Double(k)))
            total += cell.weight
        }
        return 100 * expected / total
    }

    @Test func aGivenBusyShareGivesTheModelsFigureAtEveryStandard() throws {
        let run = try run("busy = 0.2\n")
        let figures = run.standards.map { $0.expected }
        #expect(figures.allSatisfy { $0?.busy == 0.2 && $0?.busyEstimated == false && $0?.aircraft == 2 })
        let (at15, at20, at40) = (try #require(figures[0]), try #require(figures[1]), try #require(figures[2]))
        // 15 and 20 min: discs of 20 and 40 km around bases 33 km apart
        // overlap; the formula over cells counted by geodesic distance.
        #expect(abs(at15.expectedPercent - Self.reference(run, busy: 0.2, flightMinutes: 5)) < 1e-9, "\(at15.expectedPercent)")
        #expect(at15.expectedPercent > 0.8 * at15.deterministicPercent && at15.expectedPercent < 0.96 * at15.deterministicPercent)
        #expect(abs(at20.expectedPercent - Self.reference(run, busy: 0.2, flightMinutes: 10)) < 1e-9, "\(at20.expectedPercent)")
        #expect(at20.expectedPercent > 0.8 * at20.deterministicPercent + 1)
        // 40 min: both bases reach the whole square: 1 − 0.2² everywhere.
        #expect(at40.deterministicPercent == 100)
        #expect(abs(at40.expectedPercent - 96) < 1e-9)
        for zone in at40.zones { #expect(abs(zone.expectedKm2 - 0.96 * zone.gridKm2) < 1e-9 * zone.gridKm2) }
        #expect(at40.hazards.count == 1 && abs(at40.hazards[0].expectedKm2 - 0.96 * at40.hazards[0].gridKm2) < 1e-6)
        // summary.json carries them; without the table it holds no `expected`.
        let summary = PlanSummary.json(run, versions: ToolVersions.current)
        #expect(summary["standards"]?.arrayValue?[2]["expected"]?["expected_covered_pct"]?.doubleValue.map { abs($0 - 96) < 1e-9 } == true)
        let plain = try PlanRun.run(try Scenario.load(try SmallScenario.write(in: root)))
        #expect(PlanSummary.json(plain, versions: ToolVersions.current)["standards"]?.arrayValue?[0]["expected"] == nil)
    }

    /// Per reporting region: each cell counts in the region holding its
    /// centre; at 40 min every cell is reached by both bases (0.96).
    @Test func regionsGetTheirCellsFigures() throws {
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[121.9,40.9],[122.5,40.9],[122.5,41.9],[121.9,41.9],[121.9,40.9]]]}},
        {"type":"Feature","properties":{"name":"east"},"geometry":{"type":"Polygon","coordinates":[[[122.5,40.9],[123.1,40.9],[123.1,41.9],[122.5,41.9],[122.5,40.9]]]}}]}
        """.write(to: root.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
        let file = try SmallScenario.write(in: root, extra: "[availability]\nbusy = 0.2\n") {
            $0.replacingOccurrences(of: "cell_km = 4", with: "cell_km = 4\nregions = \"regions.geojson\"")
        }
        let run = try PlanRun.run(try Scenario.load(file))
        let at40 = try #require(run.standards[1].expected)
        #expect(at40.regions.map(\.name) == ["west", "east"])
        for region in at40.regions { #expect(abs(region.expectedKm2 - 0.96 * region.gridKm2) < 1e-9 * region.gridKm2) }
        // Every cell centre lies in one of the two halves: the regions share out the zone's grid area.
        #expect(abs(at40.regions.reduce(0) { $0 + $1.gridKm2 } - at40.zones[0].gridKm2) < 1e-6)
        // At 15 min the halves differ from 0.96 and from each other only through their cells' k; check against counting.
        let at15 = try #require(run.standards[0].expected)
        for (r, region) in at15.regions.enumerated() {
            var grid = 0.0, expected = 0.0
            for cell in run.grid.cells where (cell.centre.lon < 122.5) == (r == 0) {
                let k = run.existing.filter { Geodesic.wgs84.inverse(from: $0.position, to: cell.centre).distance <= 20_000 }.count
                let km2 = cell.zoneAreas.reduce(0) { $0 + $1.km2 }
                grid += km2
                expected += km2 * (1 - pow(0.2, Double(k)))
            }
            #expect(abs(region.gridKm2 - grid) < 1e-9 * grid && abs(region.expectedKm2 - expected) < 1e-9 * grid, "\(region.name)")
        }
    }

    /// Weather scales every figure; a night share mixes in the night
    /// dispatch, which at 20 min (20 min to dispatch) reaches nothing.
    @Test func weatherAndNightWeightTheFigures() throws {
        let run = try run("busy = 0.2\nflyable = 0.9\nnight_share = 0.25\n")
        let at20 = try #require(run.standards[1].expected)
        let day = Self.reference(run, busy: 0.2, flightMinutes: 10)
        #expect(abs(at20.expectedPercent - 0.9 * 0.75 * day) < 1e-9, "\(at20.expectedPercent) against \(0.9 * 0.75 * day)")
        // 40 min: day 30 min of flight, night 20: both reach everything from both bases.
        #expect(abs(try #require(run.standards[2].expected).expectedPercent - 0.9 * 96) < 1e-9)
    }

    /// Two zones, west (122.0–122.5°E) and east (122.5–123.0°E), equal in
    /// area, with the flyable shares `west` and `east` in their field `fly`.
    func runWithZoneWeather(west: String, east: String, table: String = "busy = 0.2\nflyable_field = \"fly\"\n") throws -> PlanRun {
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"W","fly":\(west)},"geometry":{"type":"Polygon","coordinates":[[[122.0,41.0],[122.5,41.0],[122.5,41.8],[122.0,41.8],[122.0,41.0]]]}},
        {"type":"Feature","properties":{"code":"E","fly":\(east)},"geometry":{"type":"Polygon","coordinates":[[[122.5,41.0],[123.0,41.0],[123.0,41.8],[122.5,41.8],[122.5,41.0]]]}}]}
        """.write(to: root.appendingPathComponent("halves.geojson"), atomically: true, encoding: .utf8)
        let file = try SmallScenario.write(in: root, extra: "[availability]\n" + table, zoneFile: "halves.geojson")
        return try PlanRun.run(try Scenario.load(file))
    }

    /// The zone shares stay with the study when it is flown by another
    /// aircraft or assesses other bases (the server and `assess --bases`).
    @Test func flyableSharesFollowTheStudyToOtherAircraftAndBases() throws {
        let run = try runWithZoneWeather(west: "0.5", east: "0.8")
        #expect(run.study.zoneFlyable == ["W": 0.5, "E": 0.8])
        var other = run.study.scenario.aircraft
        other.cruiseSpeedKmh += 20
        #expect(try run.study.flown(aircraft: other, atNight: false).zoneFlyable == run.study.zoneFlyable)
        #expect(run.study.assessing(Array(run.study.existing.prefix(1))).zoneFlyable == run.study.zoneFlyable)
    }

    /// `flyable_field`: each zone's share from its attribute. At 40 min both
    /// bases reach every cell (1 − 0.2² = 0.96): each zone's expected area is
    /// 0.96 f_zone of its grid area, and the whole, by risk-weighted area,
    /// 0.96 × (0.5 + 0.8) / 2 = 62.4 % for two halves of equal area.
    @Test func flyableSharesPerZoneComeFromTheirField() throws {
        let run = try runWithZoneWeather(west: "0.5", east: "0.8")
        let at40 = try #require(run.standards[1].expected)
        let share = ["W": 0.5, "E": 0.8]
        for zone in at40.zones {
            let f = try #require(share[zone.id])
            #expect(abs(zone.expectedKm2 - 0.96 * f * zone.gridKm2) <= 1e-12 * zone.gridKm2, "\(zone.id)")
        }
        let (west, east) = (at40.zones[0].gridKm2, at40.zones[1].gridKm2)
        #expect(abs(west - east) < 1e-6 * west)
        #expect(abs(at40.expectedPercent - 96 * (0.5 * west + 0.8 * east) / (west + east)) < 1e-9, "\(at40.expectedPercent)")
        #expect(abs(at40.expectedPercent - 62.4) < 1e-4)
        #expect(abs(at40.flyable - 0.65) < 1e-6 && at40.flyableField == "fly")
        let json = PlanSummary.json(run, versions: ToolVersions.current)["standards"]?.arrayValue?[1]["expected"]
        #expect(json?["flyable_field"]?.stringValue == "fly")
        #expect(at40.sentence.contains("flyable per zone from fly"))
    }

    @Test(arguments: [
        ("1.5", "0.8", "busy = 0.2\nflyable_field = \"fly\"\n", "zone W (feature 0): field fly ([availability] flyable_field) holds \"1.5\""),
        ("0.5", "\"cloudy\"", "busy = 0.2\nflyable_field = \"fly\"\n", "zone E (feature 1): field fly ([availability] flyable_field) holds \"cloudy\""),
        ("0.5", "0.8", "busy = 0.2\nflyable_field = \"weather\"\n", "no field weather (from [availability] flyable_field"),
        ("0.5", "0.8", "busy = 0.2\nflyable = 0.9\nflyable_field = \"fly\"\n", "[availability] flyable_field: give flyable"),
    ])
    func badZoneSharesAreRefusedNamingFileZoneAndField(west: String, east: String, table: String, problem: String) throws {
        var message = ""
        do { _ = try runWithZoneWeather(west: west, east: east, table: table) } catch { message = "\(error)" }
        #expect(message.contains(problem), "\(message)")
        if !problem.hasPrefix("[availability]") { #expect(message.contains("halves.geojson"), "\(message)") }
    }

    /// Estimated from the missions: q = missions × (out + on scene + back +
    /// turnaround) / (aircraft × 8,760 h), out being the mean response.
    @Test func anEstimatedBusyShareFollowsTheMissionsAndTheirTime() throws {
        let run = try run("missions_per_year = 1000\nturnaround_min = 30\n")
        let standard = run.standards[2]
        let expected = try #require(standard.expected)
        // One aircraft type: the weight-mean of response + on scene + (response − dispatch) + turnaround.
        let mean = try #require(standard.response?.meanMinutes)
        let mission = mean + 15 + (mean - 10) + 30
        #expect(abs(try #require(expected.missionMinutes) - mission) < 1e-9)
        #expect(abs(expected.busy - 1000 * mission / 60 / (2 * 8_760)) < 1e-12)
        #expect(expected.busyEstimated)
        #expect(abs(expected.expectedPercent - 100 * (1 - expected.busy * expected.busy)) < 1e-9)
    }

    @Test(arguments: [
        ("busy = 1\n", "[availability] busy", "not including"),
        ("busy = 0.1\nmissions_per_year = 0\n", "missions_per_year", "positive"),
        ("missions_per_year = 10\n", "turnaround_min", "is missing"),
        ("busy = 0.1\nturnaround_min = 5\n", "turnaround_min", "only with missions_per_year"),
        ("busy = 0.1\nmissions_per_year = 10\nturnaround_min = -1\n", "turnaround_min", "from 0"),
        ("busy = 0.1\nnight_share = 1.5\n", "night_share", "from 0 to 1"),
        ("busy = 0.1\nflyable = 0\n", "flyable", "above 0"),
        ("busy = 0.1\nbusy_share = 0.2\n", "busy_share", "busy_share"),
        ("flyable = 0.5\n", "[availability] busy", "is missing"),
        ("missions_per_year = 100000\nturnaround_min = 60\n", "missions_per_year", "cannot fly them"),
    ])
    func badTablesAreRefusedNamingTheKey(table: String, key: String, problem: String) throws {
        var message = ""
        do { _ = try run(table) } catch { message = "\(error)" }
        #expect(message.contains(key) && message.contains(problem), "\(table): \(message)")
    }
}
