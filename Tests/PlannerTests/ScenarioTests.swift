import Foundation
import GeoCore
import Testing
import TestSupport
@testable import Planner
import Support

/// Scenario files read in-process: paths, checks, and the pipeline's figures
/// on the small test scenario against geometry.
@Suite final class ScenarioTests: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    init() throws { folder = try TemporaryFolder("scenario") }

    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    @Test func readsTheSmallScenarioWithAbsolutePathsAndItsInputs() throws {
        let file = try SmallScenario.write(in: root)
        let scenario = try Scenario.load(file)
        #expect(scenario.name == "test square" && scenario.minutes == [15, 40] && scenario.cellKm == 4)
        let real = try #require(PathNames.real(root.path))
        #expect(scenario.zones.path == real + "/zone.geojson" && scenario.output.path == real + "/out")
        #expect(Set(scenario.inputs.map(\.lastPathComponent)) == ["scenario.toml", "zone.geojson", "bases.csv"])
    }

    /// A scenario reached through a link reads its layers beside the real file.
    @Test func resolvesPathsFromTheScenarioFilesRealLocation() throws {
        let study = root.appendingPathComponent("studies/liaoning"), elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let file = try SmallScenario.write(in: study) { $0.replacingOccurrences(of: "folder = \"out\"", with: "folder = \"../../out\"") }
        let link = elsewhere.appendingPathComponent("linked.toml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        let scenario = try Scenario.load(link)
        let real = try #require(PathNames.real(root.path))
        #expect(scenario.zones.path == real + "/studies/liaoning/zone.geojson")
        #expect(scenario.output.path == real + "/out")
    }

    @Test func refusesStudyNamesThatAreNotTitles() throws {
        for (name, words) in [("", "is empty"), (String(repeating: "x", count: 201), "at most 200 characters"), ("a\\nb", "one line")] {
            let file = try SmallScenario.write(in: root) { $0.replacingOccurrences(of: "name = \"test square\"", with: "name = \"\(name)\"") }
            let text = message { _ = try Scenario.load(file) }
            #expect(text?.contains("[study] name") == true && text?.contains(words) == true, "\(text ?? "accepted")")
        }
    }

    /// At 40 min (30 min of flight at 240 km/h: 120 km) the two bases reach
    /// the whole square; at 15 min the exact cover is the union of two
    /// 20 km discs 33 km apart.
    @Test func studyFiguresAgreeWithGeometry() throws {
        let study = try Study.load(try Scenario.load(try SmallScenario.write(in: root)))
        #expect(study.existing.map(\.id) == ["B1", "B2"])
        let at40 = try study.evaluate(reaches: try study.reaches(of: study.existing, minutes: 40))
        #expect(at40.total.coveredPercent == 100)
        let at15 = try study.evaluate(reaches: try study.reaches(of: study.existing, minutes: 15))
        let d = Geodesic.wgs84.inverse(from: LonLat(122.3, 41.4), to: LonLat(122.7, 41.4)).distance / 1_000, r = 20.0
        let union = 2 * .pi * r * r - (2 * r * r * acos(d / (2 * r)) - d / 2 * (4 * r * r - d * d).squareRoot())
        #expect(at15.total.coveredKm2 <= union * 1.001 && at15.total.coveredKm2 > union * 0.99, "\(at15.total.coveredKm2) against \(union)")
    }

    /// A siting plan's figure, computed alone, is the full evaluation's total to the bit.
    @Test func theTotalAloneEqualsTheFullEvaluationsTotal() throws {
        let study = try Study.load(try Scenario.load(try SmallScenario.write(in: root)))
        for minutes in [15.0, 40] {
            for sites in [[study.candidates[0]], study.candidates, []] {
                let full = try study.evaluate(reaches: try study.reaches(of: sites, minutes: minutes)).total.coveredPercent
                #expect(try study.exactCoveredPercent(of: sites, minutes: minutes) == full)
            }
        }
    }

    @Test func aSummaryAgreesWithItselfAndNamesAMovedFigure() throws {
        let run = try PlanRun.run(try Scenario.load(try SmallScenario.write(in: root)))
        let summary = PlanSummary.json(run, versions: .current)
        var same = SummaryComparison()
        #expect(same.differences(expected: summary, actual: summary).isEmpty && same.compared > 10)
        let moved = try JSONParser.parse(summary.serialized.replacingOccurrences(of: "\"scenario\":\"test square\"", with: "\"scenario\":\"other\""))
        var comparison = SummaryComparison()
        let differences = comparison.differences(expected: summary, actual: moved)
        #expect(differences.count == 1 && differences.first?.path.contains("scenario") == true, "\(differences)")
    }
}
