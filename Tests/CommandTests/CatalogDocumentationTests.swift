import Foundation
import Testing
import GeoCore
import Support

/// docs/SCENARIO.md's worked catalog example is a valid catalog file, and it
/// agrees with the built-in H225 entry it documents.
@Suite struct CatalogDocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The ```toml block of docs/SCENARIO.md that holds an `[[aircraft]]` table.
    func workedExample() throws -> String {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/SCENARIO.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```toml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        return try #require(blocks.first { $0.contains("[[aircraft]]") })
    }

    func profiles(_ arguments: [String]) throws -> [JSONValue] {
        let run = try CommandRunner.run(["aircraft", "--json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONParser.parse(run.stdout).arrayValue)
    }

    @Test func theWorkedExampleIsACatalogFileMatchingTheBuiltInH225() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fleet = directory.appendingPathComponent("fleet.toml")
        try workedExample().write(to: fleet, atomically: true, encoding: .utf8)
        let builtIn = try #require(try profiles([]).first { $0["name"] == .string("H225") })
        let documented = try #require(try profiles(["--catalog", fleet.path]).first { $0["name"] == .string("H225") })
        for key in ["cruise_speed_kmh", "dispatch_day_min", "dispatch_night_min", "endurance_min", "reserve_min", "on_scene_min", "max_altitude_m"] {
            #expect(documented[key] != nil && documented[key] == builtIn[key], "\(key)")
        }
        #expect(builtIn["aliases"] == .array([.string("EC225"), .string("EC225 LP")]))
        // The catalog's rule: endurance × cruise speed stays within the lowest cited range, 838 km.
        let cruise = try #require(builtIn["cruise_speed_kmh"]?.doubleValue), endurance = try #require(builtIn["endurance_min"]?.doubleValue)
        #expect(cruise * endurance / 60 <= 838 && endurance == (60 * 838 / cruise).rounded(.down))
    }

    @Test func theH225IsFoundByItsOldName() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandRunner.run(
            ["isochrones", "--base", "-21.94,64.13", "--aircraft", "ec225", "--minutes", "60", "-o", "h225.geojson"], in: directory)
        #expect(run.status == 0 && run.stderr.contains("H225 from -21.94,64.13: 60 min"), "\(run.stderr)")
    }
}
