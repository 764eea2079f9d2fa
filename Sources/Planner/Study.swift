import Foundation
import Coverage
import GeoCore
import Isochrones
import Siting

/// A scenario's inputs, read and prepared once: zones on their demand grid,
/// population, reporting regions, existing bases and candidate sites, and the
/// reach model (aircraft, wind, no-fly zones, terrain). Every command that
/// works on a scenario (`plan`, `assess`, `site`, `curve`, `check`) starts here.
public struct Study: Sendable {
    public let scenario: Scenario
    public let grid: DemandGrid
    public let population: [PopulationPoint]
    public let regions: [ReportingRegion]?
    public let existing: [Site]
    /// Existing bases first (same order), then the other candidates.
    public let candidates: [Site]
    public let model: ReachModel
    public let builder: IsochroneBuilder
    /// What was noticed while reading (repairs, population outside zones).
    public let notes: [String]

    /// Reads the scenario's layers; `bases`, when given, replaces the
    /// scenario's existing bases (e.g. positions typed on the command line).
    public static func load(_ scenario: Scenario, bases: [Site]? = nil) throws -> Study {
        let zones = try ScenarioLayers.zones(scenario)
        let population = try scenario.population.map {
            try ScenarioLayers.population($0, field: scenario.populationField)
        } ?? []
        let regions = try scenario.regions.map { try ScenarioLayers.regions($0, nameField: scenario.regionField) }
        let existing = try bases ?? ScenarioLayers.sites(scenario.existingBases, idField: scenario.baseIDField, filter: scenario.baseFilter,
                                                               costField: scenario.costField)
        var candidates = existing
        var known = Set(existing.map(\.id))
        for file in scenario.candidates {
            for site in try ScenarioLayers.sites(file, idField: scenario.baseIDField, filter: scenario.candidateFilter,
                                                  costField: scenario.costField)
            where known.insert(site.id).inserted {
                candidates.append(site)
            }
        }
        let grid: DemandGrid
        do {
            grid = try DemandGrid.build(zones: zones, population: population, cellSize: scenario.cellKm * 1_000, weighting: scenario.weighting)
        } catch let error as CoverageInputError {
            throw InputError("\(scenario.zones.path): \(error.message)")
        }
        let model = try reachModel(scenario, bases: candidates.map(\.position))
        return Study(scenario: scenario, grid: grid, population: population, regions: regions, existing: existing,
                     candidates: candidates, model: model, builder: IsochroneBuilder(model: model), notes: grid.notes)
    }

    /// The reach model of the scenario's aircraft and flight conditions;
    /// terrain is read only around the bases, as far as they could fly.
    static func reachModel(_ scenario: Scenario, bases: [LonLat]) throws -> ReachModel {
        var wind: Wind = scenario.wind.map { .uniform($0) } ?? .calm
        if let file = scenario.windField { wind = .field(try WindField.load(file.path)) }
        var obstacles = try scenario.noFly.map { try ObstacleLoading.noFlyZones(from: $0) } ?? []
        if let dem = scenario.dem {
            let area = ObstacleLoading.reachBounds(of: bases, aircraft: scenario.aircraft, minutes: scenario.minutes.last!, wind: wind)
            if let terrain = try TerrainObstacles.above(scenario.aircraft.maxAltitudeM, dem: try Raster.read(dem.path), within: area) {
                obstacles.append(terrain)
            }
        }
        return try ReachModel(aircraft: scenario.aircraft, wind: wind, night: scenario.night, airspace: try Airspace(obstacles: obstacles))
    }

    /// One reach polygon per site for a standard (WGS84).
    public func reaches(of sites: [Site], minutes: Double) throws -> [Geometry] {
        try builder.isochrones(bases: sites.map(\.position), minutes: [minutes]).map { $0[0].geometry }
    }

    /// Exact coverage of the region served by `reaches`.
    public func evaluate(reaches: [Geometry], servedCells: [Bool]? = nil) throws -> CoverageEvaluation {
        try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: reaches), population: population,
                                        servedCells: servedCells, regions: regions)
    }

    /// The coverage matrix of every candidate against every demand cell.
    public func matrix(minutes: Double) throws -> CoverageMatrix {
        try CoverageMatrixBuilder(model: model, standardMinutes: minutes).build(sites: candidates.map(\.position), cells: grid.cells.map(\.centre))
    }

    /// Indices into `candidates` of the existing bases.
    public var existingIndices: Set<Int> { Set(0..<existing.count) }

    /// Candidate indices for site ids; unknown ids are an error naming them.
    public func candidateIndices(_ ids: [String]) throws -> [Int] {
        let index = Dictionary(candidates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try ids.map { id in
            guard let j = index[id] else { throw InputError("site \(id) is not among the scenario's \(candidates.count) candidates") }
            return j
        }
    }
}
