import Foundation
import GeoCore
import Testing
import TestSupport
@testable import Planner
import Support

/// `site --model malp` and `site --model maxmin` on a scenario
/// (`ScenarioSiting`): the small square at 20 min (40 km of flight) with a
/// 4 × 3 lattice of candidates, against brute force over every site set,
/// the bases reaching each cell counted by Karney's geodesic distance and
/// each cell's region read from its centre's longitude.
@Suite final class ScenarioSiteModelsTests: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    init() throws { folder = try TemporaryFolder("site-models") }

    /// West region: lon 121.9–122.3; east: 122.6–123.1; cells between lie in none.
    func scenario(regions: Bool = true, siting: String = "lscp_minutes = []") throws -> URL {
        var csv = "code,name,lon,lat\n"
        for r in 0..<3 { for c in 0..<4 { csv += String(format: "C%d%d,c,%.4f,%.4f\n", r, c, 122.1 + 0.27 * Double(c), 41.1 + 0.3 * Double(r)) } }
        try csv.write(to: root.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[121.9,40.9],[122.3,40.9],[122.3,41.9],[121.9,41.9],[121.9,40.9]]]}},
        {"type":"Feature","properties":{"name":"east"},"geometry":{"type":"Polygon","coordinates":[[[122.6,40.9],[123.1,40.9],[123.1,41.9],[122.6,41.9],[122.6,40.9]]]}}]}
        """.write(to: root.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
        return try SmallScenario.write(in: root, extra: "[availability]\nbusy = 0.3\n") {
            $0.replacingOccurrences(of: "existing = \"bases.csv\"", with: "existing = \"bases.csv\"\ncandidates = \"candidates.csv\"")
                .replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [20]")
                .replacingOccurrences(of: "mclp_p = [1]", with: siting)
                .replacingOccurrences(of: "cell_km = 4", with: regions ? "cell_km = 4\nregions = \"regions.geojson\"" : "cell_km = 4")
        }
    }

    /// For each candidate, the cells within 40 km of it.
    static func reaches(_ study: Study) -> [[Bool]] {
        study.candidates.map { site in study.grid.cells.map { Geodesic.wgs84.inverse(from: site.position, to: $0.centre).distance <= 40_000 } }
    }

    static func subsets(_ n: Int, size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard n >= size else { return [] }
        return subsets(n - 1, size: size) + subsets(n - 1, size: size - 1).map { $0 + [n - 1] }
    }

    /// q = 0.3, α = 0.9: b = 2 of the 3 aircraft (one per site) must reach a cell.
    @Test func malpTakesTheBusyShareAndAlpha() throws {
        let study = try Study.load(try Scenario.load(try scenario()))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        let plan = try siting.solve(.malp, p: 3, budget: nil, keep: [], timeLimit: nil, alpha: 0.9)
        let reaches = Self.reaches(study)
        let best =
            Self.subsets(study.candidates.count, size: 3).map { set in
                study.grid.cells.indices.reduce(0.0) { sum, c in sum + (set.filter { reaches[$0][c] }.count >= 2 ? study.grid.cells[c].weight : 0) }
            }.max() ?? 0
        #expect(plan.result.model == "malp" && plan.result.status == .optimal)
        #expect(abs(plan.result.objective - best) <= 1e-9 * max(1, best), "\(plan.result.objective) against \(best)")
        #expect(try #require(plan.result.aircraft).reduce(0, +) == 3)
        // No α given, none in the scenario: refused, naming both ways to give it.
        var message = ""
        do { _ = try siting.solve(.malp, p: 3, budget: nil, keep: [], timeLimit: nil) } catch { message = "\(error)" }
        #expect(message.contains("--alpha") && message.contains("malp_alpha"), "\(message)")
    }

    /// The max–min optimum over every set of at most p sites: the least
    /// region share, then the total; cells between the regions count in the
    /// total only. `figures` gives a set's least share, its region and total.
    static func fairOptimum(_ study: Study, p: Int) -> (level: Double, total: Double, figures: ([Int]) -> (least: Double, leastRegion: Int, total: Double)) {
        let reaches = Self.reaches(study), cells = study.grid.cells
        let region = cells.map { $0.centre.lon < 122.3 ? 0 : $0.centre.lon > 122.6 ? 1 : -1 }
        #expect(Set(region) == [-1, 0, 1])
        func figures(_ set: [Int]) -> (least: Double, leastRegion: Int, total: Double) {
            var covered = [0.0, 0.0], weight = [0.0, 0.0], total = 0.0
            for c in cells.indices {
                let reached = set.contains { reaches[$0][c] }
                if reached { total += cells[c].weight }
                guard region[c] >= 0 else { continue }
                weight[region[c]] += cells[c].weight
                if reached { covered[region[c]] += cells[c].weight }
            }
            let shares = [covered[0] / weight[0], covered[1] / weight[1]]
            return (shares.min() ?? 0, shares[0] <= shares[1] ? 0 : 1, total)
        }
        let sets = (1...p).flatMap { Self.subsets(study.candidates.count, size: $0) }
        let level = sets.map { figures($0).least }.max() ?? 0
        let total = sets.filter { figures($0).least >= level - 1e-9 }.map { figures($0).total }.max() ?? 0
        return (level, total, figures)
    }

    @Test(arguments: [1, 2])
    func maxminOverTheRegionsIsLexicographicallyOptimal(p: Int) throws {
        let study = try Study.load(try Scenario.load(try scenario()))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        let plan = try siting.solve(.maxmin, p: p, budget: nil, keep: [], timeLimit: nil)
        let (level, total, figures) = Self.fairOptimum(study, p: p)
        #expect(plan.result.status == .optimal)
        let least = try #require(plan.leastGroup)
        #expect(abs(least.share - level) < 1e-9, "least share \(least.share) against \(level)")
        #expect(abs(plan.result.objective - total) <= 1e-9 * max(1, total), "total \(plan.result.objective) against \(total)")
        let chosen = plan.result.selected
        #expect(least.name == ["west", "east"][figures(chosen).leastRegion])
        let json = ScenarioSiting.json(plan, minutes: 20)
        #expect(json["least_group"]?.stringValue == least.name && json["min_group_share"]?.doubleValue == least.share)
    }

    /// `[siting] maxmin_p = [1, 2]`: each plan at the brute-force optimum,
    /// reported in the terminal and in summary.json, where `check` sees a
    /// change of its least region.
    @Test func thePlansMaxminIsReportedAndCompared() throws {
        let run = try PlanRun.run(try Scenario.load(try scenario(siting: "lscp_minutes = []\nmaxmin_p = [1, 2]")))
        let plans = run.standards[0].maxmin
        #expect(plans.map(\.p) == [1, 2])
        let entries = PlanSummary.json(run, versions: ToolVersions.current)["standards"]?.arrayValue?[0]["maxmin"]?.arrayValue ?? []
        #expect(entries.count == 2)
        let text = PlanReport.text(run)
        for (plan, entry) in zip(plans, entries) {
            let p = try #require(plan.p)
            let (level, total, _) = Self.fairOptimum(run.study, p: p)
            let least = try #require(plan.leastGroup)
            #expect(plan.result.status == .optimal)
            #expect(abs(least.share - level) < 1e-9 && abs(plan.result.objective - total) <= 1e-9 * max(1, total), "p = \(p)")
            #expect(entry["model"]?.stringValue == "maxmin" && entry["least_group"]?.stringValue == least.name)
            #expect(entry["min_group_share"]?.doubleValue == least.share && entry["objective"]?.doubleValue == plan.result.objective)
            #expect(text.contains("MAX–MIN p=\(p): \(plan.sites.joined(separator: ", ")) → least covered region \(least.name)"), "\(text)")
        }
        func renamed(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let members): return .object(members.map { (key: $0.key, value: $0.key == "least_group" ? .string("nowhere") : renamed($0.value)) })
            case .array(let items): return .array(items.map(renamed))
            default: return value
            }
        }
        let summary = PlanSummary.json(run, versions: ToolVersions.current)
        var comparison = SummaryComparison()
        let differences = comparison.differences(expected: summary, actual: renamed(summary))
        #expect(differences.count == 2 && differences.allSatisfy { $0.path.contains("maxmin") && $0.path.hasSuffix("least_group") }, "\(differences)")
    }

    @Test(arguments: [
        ("maxmin_p = [2]", false, "maxmin_p", "[demand] regions"),
        ("maxmin_p = [0]", true, "maxmin_p", "whole numbers of bases"),
        ("maxmin_minutes = [20]", true, "maxmin_minutes", "needs maxmin_p"),
        ("maxmin_p = [2]\nmaxmin_minutes = [30]", true, "maxmin_minutes", "not among the standards"),
        ("maxmin_p = [2]\nkeep_existing = true", true, "maxmin_p", "keep_existing"),
    ])
    func badMaxminKeysAreRefused(siting: String, regions: Bool, key: String, problem: String) throws {
        var message = ""
        do { _ = try Scenario.load(try scenario(regions: regions, siting: siting)) } catch { message = "\(error)" }
        #expect(message.contains("[siting] \(key)") && message.contains(problem), "\(siting): \(message)")
    }

    @Test func maxminWithoutRegionsIsRefused() throws {
        let study = try Study.load(try Scenario.load(try scenario(regions: false)))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        var message = ""
        do { _ = try siting.solve(.maxmin, p: 2, budget: nil, keep: [], timeLimit: nil) } catch { message = "\(error)" }
        #expect(message.contains("[demand] regions"), "\(message)")
    }
}
