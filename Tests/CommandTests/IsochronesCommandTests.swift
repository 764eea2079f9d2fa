import Foundation
import Testing
import GeoCore

@Suite struct IsochronesCommandTests {
    @Test func writesGeoJSONThatGDALReads() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("shenyang.geojson")
        let run = try CommandRunner.run([
            "isochrones", "--base", "123.43,41.80", "--base", "121.64,38.92",
            "--aircraft", "TestRescue", "--catalog", CommandRunner.testCatalog, "--minutes", "60,120", "--wind", "270@30", "-o", output.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let features = try GeoJSONReader.features(at: output)
        #expect(features.count == 4)
        #expect(features.map { $0[property: "minutes"] } == [.integer(60), .integer(120), .integer(60), .integer(120)])
        #expect(features.allSatisfy { $0[property: "aircraft"] == .string("TestRescue") && $0[property: "limit"] != nil })
        #expect(features.allSatisfy { $0.geometry?.isValid == true })
        // GDAL opens it and sees every feature, with no warning.
        let info = try CommandRunner.tool("ogrinfo", ["-ro", "-al", "-so", output.path])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Feature Count: 4"), "\(info.stdout)")
        #expect(!info.stderr.contains("Warning"), "\(info.stderr)")
    }

    @Test func badInputExitsWithStatus2AndWritesNothing() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.geojson")
        let cases: [([String], String)] = [
            (["--base", "41.8,123.4", "--aircraft", "TR-1", "--catalog", CommandRunner.testCatalog, "--minutes", "60"], "is it LAT,LON?"),
            (["--base", "123.4,41.8", "--aircraft", "Concorde", "--catalog", CommandRunner.testCatalog, "--minutes", "60"], "not in the catalog"),
            (["--base", "123.4,41.8", "--aircraft", "TR-1", "--catalog", CommandRunner.testCatalog, "--minutes", "120,60"], "minutes must increase"),
            (
                ["--base", "123.4,41.8", "--aircraft", "TR-1", "--catalog", CommandRunner.testCatalog, "--minutes", "5"],
                "is not shorter than the 5.0 min standard"
            ),
            (["--base", "123.4,41.8", "--aircraft", "TR-1", "--catalog", CommandRunner.testCatalog, "--minutes", "60", "--wind", "west"], "FROM_DEG@KMH"),
            (
                ["--base", "123.4,41.8", "--aircraft", "TR-1", "--catalog", CommandRunner.testCatalog, "--minutes", "60", "--no-fly", "/nonexistent.geojson"],
                "/nonexistent.geojson"
            ),
        ]
        for (arguments, message) in cases {
            let run = try CommandRunner.run(["isochrones"] + arguments + ["-o", output.path])
            #expect(run.status == 2, "\(arguments): \(run.status)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
