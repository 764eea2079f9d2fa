import Foundation
import Testing
import GeoCore
import Support

/// `--night`/`--day`, `--aircraft` (with figures), `--minutes` and `--cell-km`
/// on `plan`, `assess`, `site` and `curve`, on the small scenario: an inline
/// 240 km/h aircraft with 10 min day and 20 min night dispatch, bases B1 and
/// B2 33 km apart inside a square zone, standards 15 and 40 min.
@Suite struct ScenarioOverrideTests {
    /// Runs a command on a fresh copy of the small scenario and parses its JSON output.
    func json(_ arguments: [String], edit: @escaping (String) -> String = { $0 }) throws -> JSONValue {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory, edit: edit)
        let run = try CommandRunner.run(arguments.map { $0 == "SCENARIO" ? scenario.path : $0 }, in: directory)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        if arguments.first == "plan" {
            return try JSONParser.parse(String(contentsOf: directory.appendingPathComponent("out/summary.json"), encoding: .utf8))
        }
        return try JSONParser.parse(run.stdout)
    }

    func covered(_ assessment: JSONValue, standard: Int) -> Double? {
        assessment["standards"]?.arrayValue?[standard]["total"]?["covered_pct"]?.doubleValue
    }

    @Test func nightAtTheSameStandardCoversNoMoreThanDay() throws {
        let day = try json(["assess", "SCENARIO", "--minutes", "25", "--json"])
        let night = try json(["assess", "SCENARIO", "--minutes", "25", "--night", "--json"])
        #expect(day["night"] == .bool(false) && night["night"] == .bool(true))
        #expect(day["standards"]?.arrayValue?.map { $0["minutes"]?.doubleValue } == [25])
        // 25 min: by day 15 min of flight (60 km discs), by night 5 min (20 km discs).
        let (day25, night25) = (try #require(covered(day, standard: 0)), try #require(covered(night, standard: 0)))
        #expect(night25 < day25 && night25 > 0, "day \(day25) %, night \(night25) %")
        // --day undoes a scenario's night = true.
        let undone = try json(["assess", "SCENARIO", "--minutes", "25", "--day", "--json"]) {
            $0.replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [15, 40]\nnight = true")
        }
        #expect(undone["night"] == .bool(false) && covered(undone, standard: 0) == day25)
    }

    @Test func aFasterAircraftCoversAtLeastAsMuchAndIsRecorded() throws {
        let own = try json(["assess", "SCENARIO", "--json"])
        // TestRescue: 270 km/h and the same 10 min day dispatch as the scenario's 240 km/h aircraft.
        let faster = try json(["assess", "SCENARIO", "--aircraft", "TestRescue", "--catalog", CommandRunner.testCatalog, "--json"])
        #expect(own["aircraft"] == .string("T") && faster["aircraft"] == .string("TestRescue"))
        let (a, b) = (try #require(covered(own, standard: 0)), try #require(covered(faster, standard: 0)))
        #expect(b > a, "240 km/h: \(a) %, 270 km/h: \(b) %")
        // A figure alone overrides the scenario's aircraft: 5 min dispatch leaves 10 min of flight.
        let quick = try json(["assess", "SCENARIO", "--dispatch-day-min", "5", "--json"])
        let quickPct = try #require(covered(quick, standard: 0))
        #expect(quick["aircraft"] == .string("T") && quickPct > a, "\(quickPct) %")
    }

    @Test func planRecordsTheOverridesInItsSummary() throws {
        let summary = try json([
            "plan", "SCENARIO", "--minutes", "15,30", "--night", "--cell-km", "8",
            "--aircraft", "TestRescue", "--catalog", CommandRunner.testCatalog, "--dispatch-night-min", "12",
        ])
        #expect(summary["night"] == .bool(true))
        #expect(summary["grid"]?["cell_km"]?.doubleValue == 8)
        #expect(summary["aircraft"]?["name"] == .string("TestRescue"))
        #expect(summary["aircraft"]?["dispatch_night_min"]?.doubleValue == 12)
        #expect(summary["aircraft"]?["sources"]?["dispatch"]?.stringValue?.contains("command-line override") == true)
        let minutes = summary["standards"]?.arrayValue?.map { $0["minutes"]?.doubleValue }
        #expect(minutes == [15, 30])
        // The scenario's siting (LSCP and MCLP p = 1 at 15 and 40 min) keeps the standard still listed, 15 min…
        let standards = try #require(summary["standards"]?.arrayValue)
        #expect(standards[0]["lscp"]?["status"] == .string("optimal") && standards[0]["mclp"]?.arrayValue?.count == 1)
        #expect(standards[1]["lscp"] == .null && standards[1]["mclp"]?.arrayValue?.isEmpty == true)
        // …and runs at every new standard when none of its own remains.
        let moved = try json(["plan", "SCENARIO", "--minutes", "30"])
        #expect(moved["standards"]?.arrayValue?.first?["lscp"]?["status"] == .string("optimal"))
        #expect(moved["standards"]?.arrayValue?.first?["mclp"]?.arrayValue?.count == 1)
    }

    @Test func siteAndCurveRecordTheConditionsTheyRanUnder() throws {
        let day = try json(["site", "SCENARIO", "--model", "mclp", "-p", "1", "--minutes", "40", "--json"])
        let night = try json(["site", "SCENARIO", "--model", "mclp", "-p", "1", "--minutes", "40", "--night", "--dispatch-night-min", "30", "--json"])
        #expect(day["night"] == .bool(false) && night["night"] == .bool(true) && day["aircraft"] == .string("T"))
        let dayPct = try #require(day["exact_covered_pct"]?.doubleValue), nightPct = try #require(night["exact_covered_pct"]?.doubleValue)
        #expect(nightPct < dayPct && nightPct > 0, "day \(dayPct) %, night \(nightPct) %")
        let curve = try json([
            "curve", "SCENARIO", "--minutes", "15", "--max-p", "2", "--aircraft", "TestRescue",
            "--catalog", CommandRunner.testCatalog, "--cell-km", "8", "--json",
        ])
        let points = try #require(curve.arrayValue)
        #expect(points.count == 2 && points.allSatisfy { $0["aircraft"] == .string("TestRescue") && $0["cell_km"]?.doubleValue == 8 })
    }

    @Test func assessOnFilesTakesAnInlineAircraft() throws {
        let figures = [
            "--cruise-speed-kmh", "240", "--dispatch-day-min", "10", "--dispatch-night-min", "20", "--endurance-min", "200",
            "--reserve-min", "20", "--on-scene-min", "15", "--max-altitude-m", "3000",
        ]
        // The same figures as the scenario's inline aircraft give the same coverage.
        let scenario = try json(["assess", "SCENARIO", "--minutes", "15", "--json"])
        let direct = try json(
            [
                "assess", "--zones", "zone.geojson", "--bases", "122.3,41.4;122.7,41.4", "--cell-km", "4",
                "--aircraft", "Rescue1", "--minutes", "15", "--json",
            ] + figures)
        #expect(direct["aircraft"] == .string("Rescue1"))
        let expected = try #require(covered(scenario, standard: 0))
        let got = try #require(direct["total"]?["covered_pct"]?.doubleValue ?? direct["covered_pct"]?.doubleValue)
        #expect(abs(got - expected) < 1e-9, "\(got) against \(expected)")
        // A new name without every figure says which are missing.
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try SmallScenario.write(in: directory)
        let partial = try CommandRunner.run(
            [
                "assess", "--zones", "zone.geojson", "--bases", "122.3,41.4", "--aircraft", "Rescue1",
                "--minutes", "15", "--cruise-speed-kmh", "240",
            ], in: directory)
        #expect(partial.status == 2 && partial.stderr.contains("--endurance-min") && partial.stderr.contains("not in the catalog"), "\(partial.stderr)")
        let impossible = try CommandRunner.run(
            [
                "assess", "--zones", "zone.geojson", "--bases", "122.3,41.4", "--aircraft", "H135",
                "--minutes", "15", "--endurance-min", "30",
            ], in: directory)
        #expect(impossible.status == 2 && impossible.stderr.contains("leaves no flight time"), "\(impossible.stderr)")
        let catalogAlone = try CommandRunner.run(["assess", "scenario.toml", "--catalog", CommandRunner.testCatalog], in: directory)
        #expect(catalogAlone.status == 2 && catalogAlone.stderr.contains("--catalog goes with --aircraft NAME"), "\(catalogAlone.stderr)")
    }

    @Test func withoutAnOutputTableThePlanGoesToOutAndTheScenarioName() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory) { $0.replacingOccurrences(of: "[output]\nfolder = \"out\"", with: "") }
        let moved = directory.appendingPathComponent("my-study.toml")
        try FileManager.default.moveItem(at: scenario, to: moved)
        let validate = try CommandRunner.run(["validate", moved.path], in: directory)
        #expect(validate.status == 0, "\(validate.stderr)")
        let work = directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let plan = try CommandRunner.run(["plan", moved.path], in: work)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/my-study/summary.json").path))
    }
}
