import Foundation
import Testing
import TestSupport

/// The same inputs give the same bytes whatever the number of threads
/// (`AIRCOVER_THREADS`), and a bad thread count is refused before any work.
@Suite struct ThreadCountTests {
    /// Every file of `out`, by name.
    static func contents(of out: URL) throws -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: out.path).map {
                ($0, try Data(contentsOf: out.appendingPathComponent($0)))
            })
    }

    @Test func onePlanOnOneThreadAndOnManyIsByteIdentical() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Six zones, one with a hole, so the per-zone work is split across threads.
        let scenario = try SmallScenario.write(in: directory, zoneFile: "zones.geojson")
        try Self.sixZones.write(to: directory.appendingPathComponent("zones.geojson"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        var runs: [String: [String: Data]] = [:]
        for threads in ["1", "2", "5"] {
            let run = try CommandRunner.run(["plan", scenario.path], environment: ["AIRCOVER_THREADS": threads])
            #expect(run.status == 0, "\(run.stderr)")
            runs[threads] = try Self.contents(of: out)
        }
        let one = try #require(runs["1"])
        #expect(one.keys.contains("summary.json") && one.keys.contains("plan.gpkg"))
        for threads in ["2", "5"] {
            let other = try #require(runs[threads])
            #expect(other.keys.sorted() == one.keys.sorted())
            for (name, data) in one { #expect(other[name] == data, "\(name) differs between 1 and \(threads) threads") }
        }
    }

    /// Six 0.3° × 0.3° squares across the small scenario's square; the fourth has a hole.
    static let sixZones: String = {
        let features = (0..<6).map { k -> String in
            let west = 122.0 + Double(k % 3) * 0.33, south = 41.0 + Double(k / 3) * 0.4
            func ring(_ w: Double, _ s: Double, _ size: Double) -> String {
                "[[\(w),\(s)],[\(w + size),\(s)],[\(w + size),\(s + size)],[\(w),\(s + size)],[\(w),\(s)]]"
            }
            let rings = k == 3 ? ring(west, south, 0.3) + "," + ring(west + 0.1, south + 0.1, 0.1) : ring(west, south, 0.3)
            return #"{"type":"Feature","properties":{"code":"Z\#(k)"},"geometry":{"type":"Polygon","coordinates":[\#(rings)]}}"#
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }()

    @Test(arguments: ["0", "-1", "", "many", "1025"])
    func aBadThreadCountIsRefusedBeforeAnyWork(value: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let run = try CommandRunner.run(["plan", scenario.path], environment: ["AIRCOVER_THREADS": value])
        #expect(run.status == 2)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1 && run.stderr.contains("AIRCOVER_THREADS") && run.stderr.contains("from 1 to 1024"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}
