import Foundation
import GeoCore
import Testing
import TestSupport
@testable import Planner

/// `[siting] mexclp_p` in a scenario: the plan's MEXCLP against brute force
/// over every placement of the aircraft on 12 candidates, with the bases
/// reaching each cell counted by Karney's geodesic distance.
@Suite final class ScenarioMEXCLPTests: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    init() throws { folder = try TemporaryFolder("mexclp") }

    /// The small scenario at 20 min (40 km of flight) with a 4 × 3 lattice of candidates.
    func scenario(siting: String, availability: String = "busy = 0.3\n") throws -> URL {
        var csv = "code,name,lon,lat\n"
        for r in 0..<3 { for c in 0..<4 { csv += String(format: "C%d%d,c,%.4f,%.4f\n", r, c, 122.1 + 0.27 * Double(c), 41.1 + 0.3 * Double(r)) } }
        try csv.write(to: root.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        return try SmallScenario.write(in: root, extra: "[availability]\n" + availability) {
            $0.replacingOccurrences(of: "existing = \"bases.csv\"", with: "existing = \"bases.csv\"\ncandidates = \"candidates.csv\"")
                .replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [20]")
                .replacingOccurrences(of: "mclp_p = [1]", with: siting)
        }
    }

    /// The best Σ w (1 − q^k) over placements of `aircraft` on the sites, at
    /// most `perSite` at one and at least one at each of the `kept` sites.
    static func bruteForce(_ run: PlanRun, aircraft: Int, perSite: Int, busy q: Double, kept: Set<Int> = []) -> (value: Double, total: Double) {
        let reach = 240_000 * 10.0 / 60
        let sites = run.candidates
        let reaches = sites.map { site in run.grid.cells.map { Geodesic.wgs84.inverse(from: site.position, to: $0.centre).distance <= reach } }
        let total = run.grid.cells.reduce(0) { $0 + $1.weight }
        var best = 0.0
        func place(_ from: Int, _ left: Int, _ counts: inout [Int]) {
            if left == 0 {
                guard kept.allSatisfy({ counts[$0] >= 1 }) else { return }
                var value = 0.0
                for (c, cell) in run.grid.cells.enumerated() {
                    let k = sites.indices.reduce(0) { $0 + (reaches[$1][c] ? counts[$1] : 0) }
                    value += cell.weight * (1 - pow(q, Double(k)))
                }
                best = max(best, value)
                return
            }
            guard from < sites.count else { return }
            for n in stride(from: min(perSite, left), through: 0, by: -1) {
                counts[from] += n
                place(from + 1, left - n, &counts)
                counts[from] -= n
            }
        }
        var counts = [Int](repeating: 0, count: sites.count)
        place(0, aircraft, &counts)
        return (best, total)
    }

    @Test(arguments: [(3, 1), (3, 2)])
    func theScenariosMEXCLPReachesTheBruteForceOptimum(aircraft: Int, perSite: Int) throws {
        let file = try scenario(siting: "lscp_minutes = []\nmexclp_p = [\(aircraft)]\nper_site = \(perSite)")
        let run = try PlanRun.run(try Scenario.load(file))
        let plan = try #require(run.standards[0].mexclp.first)
        #expect(run.candidates.count == 14)  // two existing bases and the lattice
        let reference = Self.bruteForce(run, aircraft: aircraft, perSite: perSite, busy: 0.3)
        #expect(plan.result.status == .optimal)
        #expect(abs(plan.result.objective - reference.value) <= 1e-9 * reference.total, "\(plan.result.objective) against \(reference.value)")
        #expect(try #require(plan.result.aircraft).reduce(0, +) == aircraft)
        #expect(try #require(plan.result.aircraft).allSatisfy { $0 <= perSite })
        let summary = PlanSummary.json(run, versions: ToolVersions.current)
        let entry = try #require(summary["standards"]?.arrayValue?[0]["mexclp"]?.arrayValue?.first)
        #expect(entry["objective"]?.doubleValue == plan.result.objective)
        guard case .object(let placed)? = entry["aircraft"] else { Issue.record("no aircraft in \(entry.serialized)"); return }
        #expect(placed.map(\.key) == plan.sites)
        #expect(placed.compactMap { $0.value.doubleValue }.reduce(0, +) == Double(aircraft))
    }

    /// `[siting] malp_p`: the weight of the cells at least b = ⌈log(1 − α) / log q⌉
    /// aircraft reach (q = 0.3, α = 0.9: b = 2), against brute force over every placement.
    @Test func theScenariosMALPReachesTheBruteForceOptimum() throws {
        let file = try scenario(siting: "lscp_minutes = []\nmalp_p = [3]\nmalp_alpha = 0.9")
        let run = try PlanRun.run(try Scenario.load(file))
        let plan = try #require(run.standards[0].malp.first)
        let reach = 240_000 * 10.0 / 60
        let sites = run.candidates
        let reaches = sites.map { site in run.grid.cells.map { Geodesic.wgs84.inverse(from: site.position, to: $0.centre).distance <= reach } }
        var best = 0.0
        for a in 0..<sites.count {
            for b in (a + 1)..<sites.count {
                for c in (b + 1)..<sites.count {
                    var value = 0.0
                    for (i, cell) in run.grid.cells.enumerated() where [a, b, c].filter({ reaches[$0][i] }).count >= 2 { value += cell.weight }
                    best = max(best, value)
                }
            }
        }
        #expect(plan.result.status == .optimal)
        #expect(abs(plan.result.objective - best) <= 1e-9 * max(1, best), "\(plan.result.objective) against \(best)")
        let summary = PlanSummary.json(run, versions: ToolVersions.current)
        #expect(summary["standards"]?.arrayValue?[0]["malp"]?.arrayValue?.first?["objective"]?.doubleValue == plan.result.objective)
    }

    /// `keep_existing = true`: each of the two existing bases holds one of
    /// the 3 aircraft; the third goes where brute force over every such
    /// placement puts it. Fewer aircraft than existing bases are refused,
    /// naming the key.
    @Test func keptExistingBasesHoldAnAircraftEach() throws {
        let file = try scenario(siting: "lscp_minutes = []\nkeep_existing = true\nmexclp_p = [3]\nper_site = 2")
        let run = try PlanRun.run(try Scenario.load(file))
        let plan = try #require(run.standards[0].mexclp.first)
        let kept = run.study.existingIndices
        #expect(kept.count == 2)
        let reference = Self.bruteForce(run, aircraft: 3, perSite: 2, busy: 0.3, kept: kept)
        #expect(plan.result.status == .optimal)
        #expect(abs(plan.result.objective - reference.value) <= 1e-9 * reference.total, "\(plan.result.objective) against \(reference.value)")
        #expect(kept.allSatisfy { plan.result.selected.contains($0) }, "\(plan.result.selected) without the kept \(kept.sorted())")
        #expect(try #require(plan.result.aircraft).reduce(0, +) == 3)
        // Without the existing bases kept, the free optimum is at least as good.
        #expect(Self.bruteForce(run, aircraft: 3, perSite: 2, busy: 0.3).value >= reference.value - 1e-9 * reference.total)
        for key in ["mexclp_p", "malp_p"] {
            let few = try scenario(siting: "lscp_minutes = []\nkeep_existing = true\n\(key) = [1]" + (key == "malp_p" ? "\nmalp_alpha = 0.5" : ""))
            var message = ""
            do { _ = try PlanRun.run(try Scenario.load(few)) } catch { message = "\(error)" }
            #expect(message.contains("[siting] \(key)") && message.contains("fewer than the 2 existing bases"), "\(message)")
        }
    }

    /// `site --model mexclp` (`ScenarioSiting`) solves the same model with the
    /// table's busy share: the brute-force optimum; without the table it is refused.
    @Test func theSiteCommandsMEXCLPTakesTheScenariosBusyShare() throws {
        let file = try scenario(siting: "lscp_minutes = []")
        let study = try Study.load(try Scenario.load(file))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        let plan = try siting.solve(.mexclp, p: 3, budget: nil, keep: [], timeLimit: nil)
        let run = try PlanRun.run(try Scenario.load(file))
        let reference = Self.bruteForce(run, aircraft: 3, perSite: 1, busy: 0.3)
        #expect(plan.result.status == .optimal)
        #expect(abs(plan.result.objective - reference.value) <= 1e-9 * reference.total, "\(plan.result.objective) against \(reference.value)")
        #expect(throws: InputError.self) { try siting.solve(.malp, p: 3, budget: nil, keep: [], timeLimit: nil) }
        let bare = try SmallScenario.write(in: root) { $0.replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [20]") }
        let without = try ScenarioSiting(study: try Study.load(try Scenario.load(bare)), minutes: 20)
        #expect(throws: InputError.self) { try without.solve(.mexclp, p: 2, budget: nil, keep: [], timeLimit: nil) }
    }

    @Test(arguments: [
        ("mexclp_p = [2]", "", "[availability]", "needs an [availability] table"),
        ("mexclp_p = [0]", "busy = 0.3\n", "mexclp_p", "whole numbers of aircraft"),
        ("mexclp_minutes = [20]", "busy = 0.3\n", "mexclp_minutes", "needs mexclp_p"),
        ("mexclp_p = [2]\nmexclp_minutes = [30]", "busy = 0.3\n", "mexclp_minutes", "not among the standards"),
        ("mexclp_p = [2]\nper_site = 0", "busy = 0.3\n", "per_site", "from 1"),
        ("malp_p = [2]", "busy = 0.3\n", "malp_alpha", "is missing"),
        ("malp_p = [2]\nmalp_alpha = 1", "busy = 0.3\n", "malp_alpha", "0 < α < 1"),
        ("malp_alpha = 0.9", "busy = 0.3\n", "malp_alpha", "needs malp_p"),
        ("malp_p = [2]\nmalp_alpha = 0.9", "", "[availability]", "needs an [availability] table"),
    ])
    func badSitingKeysAreRefused(siting: String, availability: String, key: String, problem: String) throws {
        var message = ""
        do {
            let file = try scenario(siting: siting, availability: availability)
            if availability.isEmpty {
                let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "[availability]\n", with: "")
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            _ = try Scenario.load(file)
        } catch { message = "\(error)" }
        #expect(message.contains(key) && message.contains(problem), "\(siting): \(message)")
    }
}
