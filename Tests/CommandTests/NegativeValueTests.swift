import Foundation
import Testing
import GeoCore
import Support

/// Coordinates west of Greenwich or south of the equator, and negative
/// numbers, written plainly after their option (`--bases -21.94,64.13`),
/// reach the command; a forgotten value is refused, not filled with the next option.
@Suite struct NegativeValueTests {
    @Test func isochronesTakeWestAndSouthBasesAndTheAntimeridian() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("west.geojson")
        let run = try CommandRunner.run([
            "isochrones", "--base", "-74.0,40.7", "--base", "-180,0", "--base", "-70.65,-33.45",
            "--aircraft", "H135", "--minutes", "30", "-o", output.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let features = try GeoJSONReader.features(at: output)
        #expect(features.count == 3 && features.allSatisfy { $0.geometry?.isValid == true })
        #expect(run.stderr.contains("from -74.0,40.7") && run.stderr.contains("from -180.0,0.0") && run.stderr.contains("from -70.65,-33.45"), "\(run.stderr)")
    }

    @Test func assessTakesBasesSouthAndWest() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A 0.4° square around Reykjavik (−21.94, 64.13).
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"RVK"},
        "geometry":{"type":"Polygon","coordinates":[[[-22.14,63.93],[-21.74,63.93],[-21.74,64.33],[-22.14,64.33],[-22.14,63.93]]]}}]}
        """.write(to: directory.appendingPathComponent("iceland.geojson"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(
            [
                "assess", "--zones", "iceland.geojson", "--id", "id", "--bases", "-21.94,64.13",
                "--aircraft", "H135", "--minutes", "60", "--json",
            ], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONParser.parse(run.stdout)
        #expect(result["bases"]?.arrayValue?.first?["lon"]?.doubleValue == -21.94)
        #expect(result["zones"]?.arrayValue?.first?["covered_pct"]?.doubleValue == 100)
    }

    /// A negative number reaches the command's own check, which names the option.
    @Test(arguments: [
        (["isochrones", "--base", "-74,40.7", "--aircraft", "H135", "--minutes", "-30", "-o", "x.geojson"], "\"-30\" is not a positive number of minutes"),
        (
            ["isochrones", "--base", "-74,40.7", "--aircraft", "H135", "--minutes", "30", "--tolerance", "-5", "-o", "x.geojson"],
            "--tolerance must be from 1 to 10000 metres"
        ),
        (
            ["isochrones", "--base", "-74,40.7", "--aircraft", "H135", "--minutes", "30", "--wind", "-90@40", "-o", "x.geojson"],
            "wind direction must be 0 to 360"
        ),
        (["isochrones", "--base", "-74,95", "--aircraft", "H135", "--minutes", "30", "-o", "x.geojson"], "outside WGS84"),
        (
            ["isochrones", "--base", "-74,40.7", "--aircraft", "H135", "--cruise-speed-kmh", "-200", "--minutes", "30", "-o", "x.geojson"],
            "cruise_speed_kmh must be positive"
        ),
        (["plan", "--cell-km", "-5"], "--cell-km must be at least 0.1 km"),
        (["curve", "--minutes", "30", "--max-p", "-2"], "--max-p must be at least 1"),
        (["site", "--model", "mclp", "-p", "-3", "--minutes", "30"], "-p must be at least 1"),
        (["site", "--model", "lscp", "--minutes", "-30"], "--minutes must be a positive number"),
        (["check", "x.toml", "--expect", "x.json", "--tolerance", "-1"], "--tolerance and --relative must not be negative"),
    ])
    func negativeNumbersReachTheCommandsChecks(_ arguments: [String], _ message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandRunner.run(arguments, in: directory)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message) && !run.stderr.contains("Missing value"), "\(arguments): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.geojson").path))
    }

    /// `--bases --json`: the value is missing; the next option is not taken for it.
    @Test(arguments: [
        (["assess", "--bases", "--json"], "--bases", "--json"),
        (["isochrones", "--base", "--aircraft", "H135", "--minutes", "30", "-o", "x.geojson"], "--base", "--aircraft"),
        (["isochrones", "--base", "1,2", "--aircraft", "H135", "--minutes", "--night", "-o", "x.geojson"], "--minutes", "--night"),
        (["plan", "--cell-km", "--night"], "--cell-km", "--night"),
        (["site", "--model", "mclp", "-p", "--json"], "-p", "--json"),
    ])
    func aMissingValueIsNotFilledWithTheNextOption(_ arguments: [String], _ option: String, _ next: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandRunner.run(arguments, in: directory)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(
            run.stderr.contains("'\(next)' is invalid for '\(option) ") && run.stderr.contains("\(next) is an option, not a value; the value is missing"),
            "\(arguments): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.geojson").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}
