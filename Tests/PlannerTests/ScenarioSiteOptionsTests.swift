import Foundation
import GeoCore
import Testing
import TestSupport
@testable import Planner
import Support

/// `site --per-site K` (mexclp, malp) and `site --min-group-coverage X`
/// (maxmin's constraint form) on the small square of
/// `ScenarioSiteModelsTests`, against brute force over every placement of
/// the aircraft and every site set.
extension ScenarioSiteModelsTests {
    /// Every way to place `aircraft` aircraft at `sites` sites, at most `perSite` at one: counts per site.
    static func placements(sites: Int, aircraft: Int, perSite: Int) -> [[Int]] {
        guard sites > 0 else { return aircraft == 0 ? [[]] : [] }
        return (0...min(perSite, aircraft)).flatMap { here in
            placements(sites: sites - 1, aircraft: aircraft - here, perSite: perSite).map { $0 + [here] }
        }
    }

    /// For each cell, the aircraft of `counts` (per candidate) reaching it within 40 km.
    static func reaching(_ counts: [Int], _ reaches: [[Bool]], cells: Int) -> [Int] {
        (0..<cells).map { c in counts.indices.reduce(0) { $0 + (reaches[$1][c] ? counts[$1] : 0) } }
    }

    /// q = 0.3 from `[availability]`: MEXCLP's optimum with 3 aircraft, at
    /// most 2 at a site, is Σ w (1 − 0.3ⁿ) at the best placement; MALP's
    /// (α = 0.9, b = 2) the weight reached by 2 aircraft or more, which one
    /// site holding two gives alone.
    @Test(arguments: [("mexclp", 1), ("mexclp", 2), ("malp", 2)])
    func perSitePlacesUpToKAircraftAtOneSite(model: String, perSite: Int) throws {
        let study = try Study.load(try Scenario.load(try scenario()))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        let kind = try #require(SitingModel(rawValue: model))
        let plan = try siting.solve(
            kind, p: 3, budget: nil, keep: [], timeLimit: nil, alpha: kind == .malp ? 0.9 : nil, perSite: perSite)
        let reaches = Self.reaches(study), cells = study.grid.cells
        func value(_ counts: [Int]) -> Double {
            zip(cells, Self.reaching(counts, reaches, cells: cells.count)).reduce(0.0) { sum, pair in
                let (cell, n) = pair
                return sum + (kind == .mexclp ? cell.weight * (1 - pow(0.3, Double(n))) : (n >= 2 ? cell.weight : 0))
            }
        }
        let best = Self.placements(sites: study.candidates.count, aircraft: 3, perSite: perSite).map(value).max() ?? 0
        #expect(plan.result.status == .optimal)
        #expect(abs(plan.result.objective - best) <= 1e-9 * max(1, best), "\(model) K = \(perSite): \(plan.result.objective) against \(best)")
        let aircraft = try #require(plan.result.aircraft)
        #expect(aircraft.reduce(0, +) == 3 && aircraft.allSatisfy { (1...perSite).contains($0) }, "\(aircraft)")
        // The placement reported is worth the objective.
        var counts = [Int](repeating: 0, count: study.candidates.count)
        for (site, n) in zip(plan.result.selected, aircraft) { counts[site] = n }
        #expect(abs(value(counts) - plan.result.objective) <= 1e-9 * max(1, best))
        if kind == .malp {
            // One aircraft per site needs two sites for b = 2; two at one site do it alone.
            let single = Self.placements(sites: study.candidates.count, aircraft: 3, perSite: 1).map(value).max() ?? 0
            #expect(best > single, "the test should let K = 2 matter: \(best) against \(single)")
        }
    }

    /// The scenario's `[siting] per_site` is the default; `perSite` replaces it.
    @Test func perSiteDefaultsToTheScenarios() throws {
        let file = try scenario(siting: "lscp_minutes = []\nmexclp_p = [3]\nper_site = 2")
        let study = try Study.load(try Scenario.load(file))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        let byScenario = try siting.solve(.malp, p: 3, budget: nil, keep: [], timeLimit: nil, alpha: 0.9)
        let given = try siting.solve(.malp, p: 3, budget: nil, keep: [], timeLimit: nil, alpha: 0.9, perSite: 2)
        let one = try siting.solve(.malp, p: 3, budget: nil, keep: [], timeLimit: nil, alpha: 0.9, perSite: 1)
        #expect(byScenario.result.objective == given.result.objective)
        #expect(one.result.objective < given.result.objective)
    }

    /// `minGroupCoveragePercent` X: the most total weight over the sets of at
    /// most p sites giving each region X % of its weight; above the max–min
    /// level no set does (infeasible, no sites).
    @Test(arguments: [1, 2])
    func minGroupCoverageMaximisesTheTotalAboveTheFloor(p: Int) throws {
        let study = try Study.load(try Scenario.load(try scenario()))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        let (level, _, figures) = Self.fairOptimum(study, p: p)
        let sets = (1...p).flatMap { Self.subsets(study.candidates.count, size: $0) }
        let unconstrained = sets.map { figures($0).total }.max() ?? 0
        for percent in [50 * level, 100 * level] {
            let plan = try siting.solve(.maxmin, p: p, budget: nil, keep: [], timeLimit: nil, minGroupCoveragePercent: percent)
            let best = sets.filter { figures($0).least >= percent / 100 - 1e-9 }.map { figures($0).total }.max() ?? 0
            #expect(plan.result.status == .optimal)
            #expect(abs(plan.result.objective - best) <= 1e-9 * max(1, best), "X = \(percent): \(plan.result.objective) against \(best)")
            #expect(figures(plan.result.selected).least >= percent / 100 - 1e-9)
            #expect(try #require(plan.leastGroup).share >= percent / 100 - 1e-9)
            #expect(best <= unconstrained)
        }
        #expect(level < 0.99)
        let beyond = try siting.solve(.maxmin, p: p, budget: nil, keep: [], timeLimit: nil, minGroupCoveragePercent: 100 * level + 1)
        #expect(beyond.result.status == .infeasible && beyond.result.selected.isEmpty && beyond.leastGroup == nil)
    }

    /// Out of range or with another model: refused as `solve` refuses them.
    @Test(
        arguments: [
            (SitingModel.mexclp, 0, nil, "--per-site is 0; it must be a whole number of aircraft, 1 or more"),
            (.maxmin, nil, 101.0, "--min-group-coverage is 101.0; it must be a percentage from 0 to 100"),
            (.maxmin, nil, -1.0, "--min-group-coverage is -1.0; it must be a percentage from 0 to 100"),
            (.maxmin, nil, Double.nan, "--min-group-coverage is nan; it must be a percentage from 0 to 100"),
            (.mclp, 2, nil, "--busy and --per-site work with mexclp and malp only"),
            (.mexclp, nil, 50.0, "--groups and --min-group-coverage work with maxmin only"),
        ] as [(SitingModel, Int?, Double?, String)])
    func badValuesAreRefusedAsSolveRefusesThem(model: SitingModel, perSite: Int?, minGroupCoverage: Double?, message: String) throws {
        let study = try Study.load(try Scenario.load(try scenario()))
        let siting = try ScenarioSiting(study: study, minutes: 20)
        var found = ""
        do {
            _ = try siting.solve(
                model, p: 2, budget: nil, keep: [], timeLimit: nil, perSite: perSite, minGroupCoveragePercent: minGroupCoverage)
        } catch { found = "\(error)" }
        #expect(found.contains(message), "\(found)")
    }
}
