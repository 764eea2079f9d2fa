import Foundation
import Coverage
import GeoCore
import Isochrones
import Siting
import Support

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
    /// The reach model of the scenario's aircraft (sites without their own type).
    public let model: ReachModel
    public let builder: IsochroneBuilder
    /// Reach models of the types named by `[bases] aircraft_field`, by type name.
    public let stationedModels: [String: ReachModel]
    /// What was noticed while reading (repairs, population outside zones).
    public let notes: [String]
    /// Each zone's flyable share by zone id (`[availability] flyable_field`); nil without the field.
    public var zoneFlyable: [String: Double]? = nil
    /// The grid's and regions' own parts of every evaluation, built on first
    /// use and shared with the copies that keep the grid and regions.
    var evaluationFrame = EvaluationFrameBox()

    /// Reads the scenario's layers; `bases`, when given, replaces the
    /// scenario's existing bases (e.g. positions typed on the command line).
    public static func load(_ scenario: Scenario, bases: [Site]? = nil) throws -> Study {
        let zones = try ScenarioLayers.zones(scenario)
        let zoneFlyable = try scenario.availability?.flyableField.map { try ScenarioLayers.zoneShares(scenario, field: $0) }
        let population =
            try scenario.population.map {
                try ScenarioLayers.population($0, field: scenario.populationField, filter: scenario.populationFilter)
            } ?? []
        let regions = try scenario.regions.map { try ScenarioLayers.regions($0, nameField: scenario.regionField) }
        let existing =
            try bases
            ?? ScenarioLayers.sites(
                scenario.existingBases, idField: scenario.baseIDField, filter: scenario.baseFilter,
                costField: scenario.costField, aircraftField: scenario.aircraftField, flyableField: scenario.availability?.baseFlyableField)
        var candidates = existing
        var known = Set(existing.map(\.id))
        // A candidate with an existing base's id is that base (listed once).
        for file in scenario.candidates {
            for site in try ScenarioLayers.sites(
                file, idField: scenario.candidateIDField ?? scenario.baseIDField, filter: scenario.candidateFilter,
                costField: scenario.costField, aircraftField: scenario.aircraftField, flyableField: scenario.availability?.baseFlyableField)
            {
                if known.insert(site.id).inserted {
                    candidates.append(site)
                } else if let same = candidates.first(where: { $0.id == site.id }),
                    Geodesic.wgs84.inverse(from: same.position, to: site.position).distance > 100
                {
                    throw InputError(
                        "\(file.path): site id \(site.id) is already used by a site \(Int(Geodesic.wgs84.inverse(from: same.position, to: site.position).distance / 1_000)) km away; give candidates their own ids (or set [bases] candidate_id_field)"
                    )
                }
            }
        }
        let grid: DemandGrid
        do {
            grid = try DemandGrid.build(zones: zones, population: population, cellSize: scenario.cellKm * 1_000, weighting: scenario.weighting)
        } catch let error as CoverageInputError {
            throw InputError("\(scenario.zones.path): \(error.message)")
        } catch let error as GridTooLargeError {
            throw InputError(
                "\(scenario.source.path): [demand] cell_km (or --cell-km) \(NumberText.readable(scenario.cellKm)) km is too small for \(scenario.zones.lastPathComponent): \(error)"
            )
        }
        let (model, stationed) = try reachModels(scenario, candidates: candidates)
        return Study(
            scenario: scenario, grid: grid, population: population, regions: regions, existing: existing,
            candidates: candidates, model: model, builder: IsochroneBuilder(model: model, toleranceMetres: scenario.isochroneToleranceMetres),
            stationedModels: stationed,
            notes: grid.notes, zoneFlyable: zoneFlyable)
    }

    /// The same study flown by day (`false`) or night (`true`): the layers,
    /// grid and sites are kept, the reach models are rebuilt with the other
    /// dispatch time. Throws what `load` would throw for that scenario.
    public func flown(atNight night: Bool) throws -> Study {
        guard night != scenario.night else { return self }
        var scenario = scenario
        scenario.night = night
        let (model, stationed) = try Study.reachModels(scenario, candidates: candidates)
        return Study(
            scenario: scenario, grid: grid, population: population, regions: regions, existing: existing,
            candidates: candidates, model: model, builder: IsochroneBuilder(model: model, toleranceMetres: scenario.isochroneToleranceMetres),
            stationedModels: stationed,
            notes: notes, zoneFlyable: zoneFlyable, evaluationFrame: evaluationFrame)
    }

    /// The scenario aircraft's reach model, and those of the types the sites name.
    static func reachModels(_ scenario: Scenario, candidates: [Site]) throws -> (ReachModel, [String: ReachModel]) {
        let model = try reachModel(scenario, aircraft: scenario.aircraft, bases: candidates.filter { $0.aircraft == nil }.map(\.position))
        var stationed: [String: ReachModel] = [:]
        let types = Set(candidates.compactMap(\.aircraft)).sorted()
        if !types.isEmpty {
            let catalog = try AircraftCatalog.available(adding: scenario.aircraftCatalog)
            for type in types {
                let sites = candidates.filter { $0.aircraft == type }
                let profile: Aircraft
                do {
                    profile = try catalog.profile(named: type)
                } catch let error as AircraftError {
                    throw InputError("site \(sites[0].id): \(scenario.aircraftField ?? "aircraft") \"\(type)\" is \(error.problem)")
                }
                stationed[type] = try reachModel(scenario, aircraft: profile, bases: sites.map(\.position))
            }
        }
        return (model, stationed)
    }

    /// The reach model of the site's aircraft.
    public func model(of site: Site) -> ReachModel {
        site.aircraft.flatMap { stationedModels[$0] } ?? model
    }

    /// The reach model of `aircraft` in the scenario's flight conditions;
    /// terrain is read only around the bases, as far as they could fly.
    static func reachModel(_ scenario: Scenario, aircraft: Aircraft, bases: [LonLat]) throws -> ReachModel {
        try scenario.flightConditions().reachModel(aircraft: aircraft, bases: bases, minutes: scenario.minutes.last!)
    }

    /// Sites grouped by the reach model they fly (indices into `sites`), default type first.
    func groups(_ sites: [Site]) -> [(model: ReachModel, indices: [Int])] {
        var order: [String?] = [], members: [String?: [Int]] = [:]
        for (i, site) in sites.enumerated() {
            let key = site.aircraft.flatMap { stationedModels[$0] == nil ? nil : $0 }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(i)
        }
        return order.map { key in (key.flatMap { stationedModels[$0] } ?? model, members[key]!) }
    }

    /// One reach polygon per site for a standard (WGS84), each with its own aircraft.
    public func reaches(of sites: [Site], minutes: Double) throws -> [Geometry] {
        var result = [Geometry?](repeating: nil, count: sites.count)
        for group in groups(sites) {
            let builder = group.model.aircraft == model.aircraft ? builder : IsochroneBuilder(model: group.model, toleranceMetres: builder.toleranceMetres)
            let polygons = try builder.isochrones(bases: group.indices.map { sites[$0].position }, minutes: [minutes])
            for (i, polygon) in zip(group.indices, polygons) { result[i] = polygon[0].geometry }
        }
        return result.map { $0! }
    }

    /// The coverage matrix of `sites` (each with its own aircraft) against every demand cell.
    public func matrix(of sites: [Site], minutes: Double) throws -> CoverageMatrix {
        let cells = grid.cells.map(\.centre)
        let groups = groups(sites)
        if groups.count == 1 {
            return try CoverageMatrixBuilder(model: groups[0].model, standardMinutes: minutes).build(sites: sites.map(\.position), cells: cells)
        }
        var rows = [CoverageMatrix.Row](repeating: .init(), count: sites.count)
        for group in groups {
            let part = try CoverageMatrixBuilder(model: group.model, standardMinutes: minutes)
                .build(sites: group.indices.map { sites[$0].position }, cells: cells)
            for (i, row) in zip(group.indices, part.siteRows()) { rows[i] = row }
        }
        return CoverageMatrix(cellCount: cells.count, standardMinutes: minutes, siteRows: rows)
    }

    /// Exact coverage of the region served by `reaches`.
    public func evaluate(reaches: [Geometry], servedCells: [Bool]? = nil) throws -> CoverageEvaluation {
        try evaluate(served: try Geometry.union(of: reaches), servedCells: servedCells)
    }

    /// Builds the study's evaluation frame now (what the first evaluation
    /// would otherwise build: the zones by hazard and region, and the
    /// demand inside each reporting region), e.g. on a server's start.
    public func prepareEvaluation() throws {
        _ = try evaluationFrame.frame(grid: grid, regions: regions)
    }

    /// Exact coverage of `served` (WGS84; the union of the bases' reaches),
    /// on the study's kept evaluation frame.
    public func evaluate(served: Geometry, servedCells: [Bool]? = nil) throws -> CoverageEvaluation {
        try CoverageEvaluation.evaluate(
            grid: grid, served: served, population: population,
            servedCells: servedCells, regions: regions, frame: try evaluationFrame.frame(grid: grid, regions: regions))
    }

    /// The exact covered share (percent) of all zones' area by `sites`'
    /// reaches at a standard: `evaluate(reaches:).total.coveredPercent`,
    /// without the per-zone figures. No sites cover nothing.
    public func exactCoveredPercent(of sites: [Site], minutes: Double) throws -> Double {
        guard !sites.isEmpty else { return 0 }
        return try CoverageEvaluation.total(grid: grid, served: try Geometry.union(of: try reaches(of: sites, minutes: minutes))).coveredPercent
    }

    /// The coverage matrix of every candidate against every demand cell.
    public func matrix(minutes: Double) throws -> CoverageMatrix {
        try matrix(of: candidates, minutes: minutes)
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
