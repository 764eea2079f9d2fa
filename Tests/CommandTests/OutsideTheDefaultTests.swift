import Foundation
import Testing
import GeoCore
import TestSupport
import Support

/// What a new user meets outside the default scenario (issue 25, items 6
/// and 9–12): assess's maps and report, a reach the fuel limits, zones named by a name field, population
/// outside the zones, the isochrone tolerance, and the report's wording.
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
        let sentence =
            "fuel range limits T to 50.0 km (out and back in 25 min of flight: endurance − reserve − on scene); the 40-minute standard alone would allow 120.0 km: 70.0 km (58.33%) less"
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
        let drawn = try CommandRunner.run([
            "isochrones", "--base", "122.3,41.4", "--aircraft", "T", "--cruise-speed-kmh", "240", "--dispatch-day-min", "10",
            "--dispatch-night-min", "20", "--endurance-min", "60", "--reserve-min", "20", "--on-scene-min", "15",
            "--max-altitude-m", "3000", "--minutes", "40", "-o", directory.appendingPathComponent("i.geojson").path,
        ])
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

    /// Three places: one in the zone, one 0.8 km east of its edge (in a cell
    /// the zone shares), one far away. Both outside are counted and said.
    @Test func populationOutsideTheZonesIsCountedAloud() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name,lon,lat,population\ninside,122.5,41.4,1000\nedge,123.01,41.4,200\nfar,125,45,500\n"
            .write(to: directory.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        let scenario = try SmallScenario.write(in: directory) {
            $0.replacingOccurrences(of: "cell_km = 4", with: "cell_km = 4\npopulation = \"people.csv\"\nweighting = \"area\"")
        }
        let warning =
            "2 population point(s) with 700 people lie outside every zone; they carry no weight under area weighting, and the population figures count them"
        let plan = try CommandRunner.run(["plan", scenario.path])
        #expect(plan.status == 0 && plan.stderr.contains(warning), "\(plan.stderr)")
        let outside = try Self.summary(directory)["grid"]?["population_outside_zones"]
        #expect(outside?["points"]?.doubleValue == 2 && outside?["people"]?.doubleValue == 700, "\(String(describing: outside))")
        #expect(try Self.report(directory).contains("2 population point(s) with 700 people lie outside every zone"))
        let assess = try CommandRunner.run(["assess", scenario.path, "--json"])
        #expect(assess.status == 0 && assess.stderr.contains(warning), "\(assess.stderr)")
        #expect(try JSONParser.parse(assess.stdout)["population_outside_zones"]?["people"]?.doubleValue == 700)
    }

    /// `--tolerance` on plan and assess: recorded, and range-checked as `isochrones` does.
    @Test func theIsochroneToleranceIsAnOptionOfPlanAndAssess() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        #expect(try CommandRunner.run(["plan", scenario.path, "--tolerance", "5"]).status == 0)
        #expect(try Self.summary(directory)["isochrone_tolerance_m"]?.doubleValue == 5)
        #expect(try Self.report(directory).contains("within 5 m of the true reach"))
        #expect(try CommandRunner.run(["plan", scenario.path]).status == 0)
        #expect(try Self.summary(directory)["isochrone_tolerance_m"]?.doubleValue == 100)
        let fine = try JSONParser.parse(try CommandRunner.run(["assess", scenario.path, "--tolerance", "1", "--json"]).stdout)
        let coarse = try JSONParser.parse(try CommandRunner.run(["assess", scenario.path, "--tolerance", "10000", "--json"]).stdout)
        #expect(fine["isochrone_tolerance_m"]?.doubleValue == 1 && coarse["isochrone_tolerance_m"]?.doubleValue == 10000)
        // Coarser polygons lie farther inside the reach: the exact figure errs lower.
        let fine15 = try #require(fine["standards"]?.arrayValue?.first?["total"]?["covered_pct"]?.doubleValue)
        let coarse15 = try #require(coarse["standards"]?.arrayValue?.first?["total"]?["covered_pct"]?.doubleValue)
        #expect(coarse15 < fine15, "\(coarse15) \(fine15)")
        for command in ["plan", "assess"] {
            let bad = try CommandRunner.run([command, scenario.path, "--tolerance", "0.5"])
            #expect(bad.status == 2 && bad.stderr.contains("Error: --tolerance must be from 1 to 10000 metres (got 0.5)"), "\(command): \(bad.stderr)")
        }
    }

    /// The population sentence once per standard; an MCLP asked for more
    /// bases than add coverage says why it chose fewer.
    @Test func theReportSaysEachThingOnceAndExplainsAShortMCLP() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name,lon,lat,population\ninside,122.5,41.4,1000\n".write(to: directory.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        let scenario = try SmallScenario.write(in: directory) {
            $0.replacingOccurrences(of: "cell_km = 4", with: "cell_km = 4\npopulation = \"people.csv\"")
                .replacingOccurrences(of: "mclp_p = [1]", with: "mclp_p = [2]")
        }
        let plan = try CommandRunner.run(["plan", scenario.path])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(Self.occurrences(of: "population:", in: plan.stdout) == 2, "\(plan.stdout)")
        let report = try Self.report(directory)
        #expect(Self.occurrences(of: "<p>Population", in: report) == 2)
        // At 40 min either base reaches the whole square: a second adds nothing.
        let shortfall =
            "1 of p = 2 bases chosen: no other candidate adds coverage at this standard (those chosen already cover all the demand the candidates can reach)"
        #expect(Self.occurrences(of: shortfall, in: plan.stdout) == 1, "\(plan.stdout)")
        #expect(report.contains("MCLP p = 2: \(shortfall)."))
        #expect(try Self.summary(directory)["standards"]?.arrayValue?[1]["mclp"]?.arrayValue?.first?["sites"]?.arrayValue?.count == 1)
    }

    /// `assess --bases … --output DIR` writes plan's maps of the existing
    /// network (map.svg, map-40min.svg: no siting, so no proposed map),
    /// report.html, plan.geojson and plan.gpkg for the bases given, through
    /// plan's output folder.
    @Test func assessWritesPlansMapsAndReportForTheBasesGiven() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let out = directory.appendingPathComponent("assessed")
        let run = try CommandRunner.run(["assess", scenario.path, "--bases", "122.5,41.4", "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == [".aircover-manifest.json", "map-40min.svg", "map.svg", "plan.geojson", "plan.gpkg", "report.html"])
        let json = try JSONParser.parse(try CommandRunner.run(["assess", scenario.path, "--bases", "122.5,41.4", "--json"]).stdout)
        let total15 = try #require(json["standards"]?.arrayValue?.first?["total"]?["covered_pct"]?.doubleValue)
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("test square") && report.contains(String(format: "%.2f", total15)) && report.contains("<svg"), "\(total15)")
        let geojson = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("plan.geojson"), encoding: .utf8))
        let bases = try #require(geojson["features"]?.arrayValue).filter { $0["properties"]?["layer"] == .string("base") }
        #expect(bases.count == 1 && bases.first?["geometry"]?["coordinates"]?.arrayValue?.compactMap(\.doubleValue) == [122.5, 41.4], "\(bases)")
        let info = try CommandRunner.tool("ogrinfo", ["-ro", "-so", out.appendingPathComponent("plan.gpkg").path, "base"])
        #expect(info.status == 0 && info.stdout.contains("Feature Count: 1"), "\(info.stdout) \(info.stderr)")

        // The folder rules are plan's: the scenario's own folder is refused before any work.
        let inside = try CommandRunner.run(["assess", scenario.path, "--bases", "B1", "--output", directory.path])
        #expect(inside.status == 2 && inside.stderr.contains("Error: --output") && inside.stderr.contains("which this run reads"), "\(inside.stderr)")
        let direct = try CommandRunner.run([
            "assess", "--zones", directory.appendingPathComponent("zone.geojson").path, "--bases", "122.5,41.4",
            "--aircraft", "H135", "--minutes", "30", "--output", out.path,
        ])
        #expect(direct.status == 2 && direct.stderr.contains("Error: --output goes with a SCENARIO"), "\(direct.stderr)")
    }
}
