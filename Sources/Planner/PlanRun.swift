import Foundation
import Coverage
import GeoCore
import Isochrones
import Siting

/// The whole pipeline for one scenario: demand grid, isochrones, exact
/// coverage of the existing network with N−1 resilience, then siting models
/// with their proofs, for every response-time standard.
public struct PlanRun: Sendable {
    public struct SitingPlan: Sendable {
        public let model: String
        /// The number of bases asked for (MCLP), or `nil` (LSCP).
        public let p: Int?
        public let result: SitingResult
        /// Site ids chosen.
        public let sites: [String]
        /// Exact coverage of the chosen set (polygon areas), percent of all zones.
        public let exactCoveredPercent: Double
    }

    public struct StandardResult: Sendable {
        public let minutes: Double
        public let existing: CoverageEvaluation
        public let resilience: Resilience
        public let response: ResponseStatistics?
        public let served: Geometry
        public let cellsServed: Int
        public let groups: Int
        public let lscp: SitingPlan?
        public let mclp: [SitingPlan]
    }

    public let scenario: Scenario
    public let grid: DemandGrid
    public let existing: [Site]
    public let candidates: [Site]
    public let standards: [StandardResult]

    /// Runs the scenario; `progress` receives one line per stage.
    public static func run(_ scenario: Scenario, progress: (String) -> Void = { _ in }) throws -> PlanRun {
        let zones = try ScenarioLayers.zones(scenario)
        let existing = try ScenarioLayers.sites(scenario.existingBases, idField: scenario.baseIDField, filter: scenario.baseFilter)
        var candidates = existing
        if let extra = scenario.candidates {
            let more = try ScenarioLayers.sites(extra, idField: scenario.baseIDField, filter: [:])
            candidates += more.filter { site in !candidates.contains { $0.id == site.id } }
        }
        progress("\(zones.count) zone(s), \(existing.count) existing base(s), \(candidates.count) candidate site(s), aircraft \(scenario.aircraft.name)")
        let grid = try DemandGrid.build(zones: zones, cellSize: scenario.cellKm * 1_000, weighting: .risk)
        progress("demand grid: \(grid.cells.count) cells of \(scenario.cellKm) km in \(grid.projection.description)")
        grid.notes.forEach(progress)
        let model = try ReachModel(aircraft: scenario.aircraft, night: scenario.night)
        let builder = IsochroneBuilder(model: model)
        var results: [StandardResult] = []
        for minutes in scenario.minutes {
            let reaches = try builder.isochrones(bases: existing.map(\.position), minutes: [minutes]).map { $0[0].geometry }
            let served = try Geometry.union(of: reaches)
            let matrix = try CoverageMatrixBuilder(model: model, standardMinutes: minutes).build(sites: candidates.map(\.position),
                                                                                                    cells: grid.cells.map(\.centre))
            let existingIndices = Set(0..<existing.count)
            var flags = [Bool](repeating: false, count: grid.cells.count)
            var samples: [(minutes: Double, weight: Double)] = []
            for c in 0..<grid.cells.count {
                if let best = matrix.bestMinutes(to: c, from: existingIndices) {
                    flags[c] = true
                    samples.append((Double(best), grid.cells[c].weight))
                }
            }
            let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: served, servedCells: flags)
            let resilience = try Resilience.evaluate(grid: grid, reaches: reaches)
            progress(String(format: "%.0f min: existing network covers %.2f%% of the zones' area (exact); grid estimate %.2f%%",
                            minutes, evaluation.total.coveredPercent,
                            100 * (evaluation.total.gridCoveredKm2 ?? .nan) / evaluation.total.areaKm2))
            // Siting on the grid, aggregated.
            let groups = DemandAggregation(matrix: matrix, weights: grid.cells.map(\.weight))
            let instance = try CoverInstance(
                demandIDs: groups.groupCells.map { "cells-\($0[0])" }, siteIDs: candidates.map(\.id),
                weights: groups.groupWeights, coveringSites: groups.groupSites.map { $0.map(Int.init) })
            func exactPercent(_ chosen: [Int]) throws -> Double {
                let reachesChosen = try builder.isochrones(bases: chosen.map { candidates[$0].position }, minutes: [minutes]).map { $0[0].geometry }
                return try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: reachesChosen)).total.coveredPercent
            }
            func plan(_ result: SitingResult, p: Int? = nil) throws -> SitingPlan {
                SitingPlan(model: result.model, p: p, result: result, sites: result.selected.map { candidates[$0].id },
                           exactCoveredPercent: try exactPercent(result.selected))
            }
            var lscp: SitingPlan?
            if instance.demandCount > 0 {
                lscp = try plan(try SetCovering(instance: instance).solve(timeLimit: 60))
            }
            var mclp: [SitingPlan] = []
            for p in scenario.mclpSiteCounts where p <= candidates.count && instance.demandCount > 0 {
                mclp.append(try plan(try MaximalCovering(instance: instance, limit: .sites(p)).solve(timeLimit: 60), p: p))
            }
            progress("\(Int(minutes)) min: \(grid.cells.count - groups.unserved.count) servable cells merged into \(groups.groupCount) demand groups; "
                     + (lscp.map { "LSCP \($0.sites.count) base(s) (\($0.result.status.rawValue))" } ?? "nothing servable"))
            results.append(StandardResult(minutes: minutes, existing: evaluation, resilience: resilience,
                                          response: ResponseStatistics(samples), served: served,
                                          cellsServed: flags.filter { $0 }.count, groups: groups.groupCount, lscp: lscp, mclp: mclp))
        }
        return PlanRun(scenario: scenario, grid: grid, existing: existing, candidates: candidates, standards: results)
    }
}
