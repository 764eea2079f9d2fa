import Foundation
import Testing
import GeoCore
import Support

/// plan.geojson and plan.gpkg hold every standard's layers, not only the
/// last one's: the existing network's reach, each zone's coverage and its
/// uncovered parts, and the sites every siting run chose.
@Suite struct PlanLayersTests {
    /// Standards 15 and 20 min: at both the square is only partly covered
    /// (the bases reach 20 and 40 km), so every layer has features at both.
    @Test func everyLayerHoldsEveryStandard() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory) { $0.replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [15, 20]") }
        let run = try CommandRunner.run(["plan", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        let out = directory.appendingPathComponent("out")
        let gpkg = out.appendingPathComponent("plan.gpkg").path

        func count(_ layer: String, where filter: String) throws -> Int? {
            let info = try CommandRunner.tool("ogrinfo", ["-ro", "-so", "-where", filter, gpkg, layer])
            guard info.status == 0, let line = info.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Feature Count: ") }) else { return nil }
            return Int(line.dropFirst("Feature Count: ".count))
        }
        for minutes in [15, 20] {
            for layer in ["reach", "zone", "uncovered", "chosen"] {
                let n = try count(layer, where: "minutes = \(minutes)")
                #expect((n ?? 0) > 0, "layer \(layer) has no feature at \(minutes) min (\(String(describing: n)))")
            }
            #expect(try count("zone", where: "minutes = \(minutes)") == 1)
            #expect((try count("chosen", where: "minutes = \(minutes) AND model = 'lscp' AND p IS NULL") ?? 0) > 0, "LSCP at \(minutes) min")
            #expect(try count("chosen", where: "minutes = \(minutes) AND model = 'mclp' AND p = 1") == 1, "MCLP p = 1 at \(minutes) min")
        }

        // The zone's covered_pct per standard is summary.json's, and the
        // GeoJSON gives every feature but a base its standard.
        let summary = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        let geojson = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("plan.geojson"), encoding: .utf8))
        let features = try #require(geojson["features"]?.arrayValue)
        for standard in try #require(summary["standards"]?.arrayValue) {
            let minutes = try #require(standard["minutes"]?.doubleValue)
            let expected = try #require(standard["existing"]?["zones"]?.arrayValue?.first?["covered_pct"]?.doubleValue)
            let zone = features.first { $0["properties"]?["layer"] == .string("zone") && $0["properties"]?["minutes"]?.doubleValue == minutes }
            #expect(zone?["properties"]?["covered_pct"]?.doubleValue == expected, "zone at \(minutes) min")
        }
        for feature in features where feature["properties"]?["layer"] != .string("base") {
            #expect(feature["properties"]?["minutes"]?.doubleValue != nil, "\(String(describing: feature["properties"]))")
        }
    }
}
