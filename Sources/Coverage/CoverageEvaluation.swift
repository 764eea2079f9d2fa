import Foundation
import GeoCore
import Support

/// Covered and total area of something (a zone, a hazard type, a region, all zones).
public struct AreaCoverage: Sendable, Equatable {
    /// What people call it: a zone's `HazardZone.name` (the scenario's
    /// `name_field`, else its id), a hazard type, a region's name. Every
    /// output names a zone by this, so the terminal, the tables, the JSON
    /// and the report agree.
    public let name: String
    /// A zone's id (the scenario's `id_field`, else the feature id), which
    /// joins it to the zones layer; `nil` for hazard types, regions and totals.
    public let id: String?
    /// Exact area, km², in the grid's equal-area projection.
    public let areaKm2: Double
    /// Exact area inside the served region, km².
    public let coveredKm2: Double
    /// The grid's estimate of `coveredKm2`: zone area in cells whose centre is served.
    public let gridCoveredKm2: Double?

    public init(name: String, id: String? = nil, areaKm2: Double, coveredKm2: Double, gridCoveredKm2: Double?) {
        self.name = name
        self.id = id
        self.areaKm2 = areaKm2
        self.coveredKm2 = coveredKm2
        self.gridCoveredKm2 = gridCoveredKm2
    }

    public var coveredPercent: Double {
        guard areaKm2 > 0 else { return 0 }
        return coveredKm2 >= areaKm2 ? 100 : 100 * coveredKm2 / areaKm2
    }
}

/// What a base set covers: exact polygon areas, not cell counts.
///
/// The served region (the union of the bases' isochrones, WGS84) is densified
/// and projected into the grid's equal-area projection, and every figure is a
/// GEOS area of an intersection there: per zone, per hazard type (the union of
/// that hazard's zones, so overlaps count once), per region, and in total.
/// Beside each, the grid estimate shows the discretisation error.
public struct CoverageEvaluation: Sendable {
    public let zones: [AreaCoverage]
    public let hazards: [AreaCoverage]
    public let regions: [AreaCoverage]
    public let total: AreaCoverage
    /// Population inside the served region, and in all.
    public let coveredPopulation: Double
    public let totalPopulation: Double
    /// The unserved part of each zone, WGS84 lon/lat (empty when fully covered).
    public let uncovered: [Geometry]

    /// The exact coverage of all zones together by `served` (WGS84): the
    /// same figure as `evaluate(grid:served:).total`, computed alone (what a
    /// siting plan reports) without measuring each zone, group and region.
    public static func total(grid: DemandGrid, served: Geometry) throws -> AreaCoverage {
        let transformer = try grid.projection.transformerFromWGS84()
        let servedPlane = served.isEmpty ? served : try transformer.transform(try served.densified(maxSegmentLength: grid.cellSize / 20 / 111_000))
        let everything = grid.projectedUnion
        let measured = try CoveredAreaMeasurer.measure(1, served: servedPlane) { _, area in
            (everything.area / 1e6, try area.covered(everything).area / 1e6, nil)
        }
        return AreaCoverage(name: "all zones", areaKm2: measured[0].area, coveredKm2: measured[0].covered, gridCoveredKm2: nil)
    }

    /// Evaluates `served` (WGS84) against the grid's zones. `frame`: the
    /// grid's and regions' own parts (`Frame`) when the caller keeps them;
    /// built here otherwise (a frame built for other regions is not used).
    /// `servedCells`
    /// (one flag per grid cell, from the coverage matrix) gives the grid
    /// estimate; pass `nil` to skip it.
    ///
    /// Regions: with `regions` given (e.g. counties), each region's figure is
    /// the zones' area inside it (their union ∩ region) and the part of that
    /// the served region covers; without, the zones' own `region` names group them.
    public static func evaluate(
        grid: DemandGrid, served: Geometry, population: [PopulationPoint] = [],
        servedCells: [Bool]? = nil, regions: [ReportingRegion]? = nil, frame: Frame? = nil
    ) throws -> CoverageEvaluation {
        let frame = try frame.flatMap { $0.fits(regions) ? $0 : nil } ?? Frame(grid: grid, regions: regions)
        let transformer = try grid.projection.transformerFromWGS84()
        let servedPlane = served.isEmpty ? served : try transformer.transform(try served.densified(maxSegmentLength: grid.cellSize / 20 / 111_000))
        var gridCovered = [Double](repeating: 0, count: grid.zones.count)
        if let servedCells {
            precondition(servedCells.count == grid.cells.count, "one flag per grid cell")
            for (cell, isServed) in zip(grid.cells, servedCells) where isServed {
                for share in cell.zoneAreas { gridCovered[share.zone] += share.km2 }
            }
        }
        let everything = grid.projectedUnion
        let hazardGroups = frame.hazardGroups, regionGroups = frame.regionGroups
        // The areas to measure, in one list so that they share the cores:
        // the zones, the hazard and region groups, the regions, then all zones.
        enum Job: Sendable { case zone(Int), group(Geometry), region(Geometry), total }
        let jobs =
            grid.zones.indices.map(Job.zone) + (hazardGroups + regionGroups).map { Job.group($0.merged) }
            + frame.regionDemands.map(Job.region) + [Job.total]
        let measured = try CoveredAreaMeasurer.measure(jobs.count, served: servedPlane) { index, area in
            switch jobs[index] {
            case .zone(let z):
                let zone = grid.projectedZones[z]
                let inside = try area.covered(zone)
                let missing = try zone.difference(inside)
                return (zone.area / 1e6, inside.area / 1e6, missing)
            case .group(let merged):
                return (merged.area / 1e6, try area.covered(merged).area / 1e6, nil)
            case .region(let demand):
                return (demand.area / 1e6, demand.isEmpty ? 0 : try area.covered(demand).area / 1e6, nil)
            case .total:
                return (everything.area / 1e6, try area.covered(everything).area / 1e6, nil)
            }
        }
        let zones = grid.zones.indices.map { z in
            AreaCoverage(
                name: grid.zones[z].name, id: grid.zones[z].id, areaKm2: measured[z].area, coveredKm2: measured[z].covered,
                gridCoveredKm2: servedCells == nil ? nil : gridCovered[z])
        }
        // Back to lon/lat here: a PROJ transformer serves one thread.
        let uncovered = try grid.zones.indices.map { z in
            let missing = measured[z].missing!
            return missing.isEmpty ? missing : try transformer.transform(missing, inverse: true)
        }
        var next = grid.zones.count
        func take(_ names: [String]) -> [AreaCoverage] {
            defer { next += names.count }
            return names.enumerated().map {
                AreaCoverage(name: $1, areaKm2: measured[next + $0].area, coveredKm2: measured[next + $0].covered, gridCoveredKm2: nil)
            }
        }
        let hazards = take(hazardGroups.map(\.name))
        var regionCoverage = take(regionGroups.map(\.name))
        if let regions { regionCoverage = take(regions.map(\.name)) }
        // The grid estimate of the total adds zone shares, which counts
        // overlaps twice: give it only when zones do not overlap.
        let disjoint = abs(zones.reduce(0) { $0 + $1.areaKm2 } - everything.area / 1e6) <= 1e-9 * everything.area / 1e6
        let total = AreaCoverage(
            name: "all zones", areaKm2: measured[next].area, coveredKm2: measured[next].covered,
            gridCoveredKm2: servedCells == nil || !disjoint ? nil : gridCovered.reduce(0, +))
        var coveredPeople = 0.0
        if !population.isEmpty, !servedPlane.isEmpty {
            let prepared = PreparedGeometry(servedPlane)
            let points = try transformer.transform(population.map(\.position.xy))
            for (person, xy) in zip(population, points) where prepared.covers(xy) { coveredPeople += person.count }
        }
        return CoverageEvaluation(
            zones: zones, hazards: hazards, regions: regionCoverage,
            total: total, coveredPopulation: coveredPeople,
            totalPopulation: population.reduce(0) { $0 + $1.count }, uncovered: uncovered)
    }
}

/// Covered parts of areas, measured on all cores: each core takes every
/// n-th area with its own prepared served region (prepared geometries
/// serve one thread), and each figure is computed alone, so none depends
/// on the thread count.
struct CoveredAreaMeasurer {
    let served: Geometry
    private let preparedServed: PreparedGeometry

    private init(served: Geometry) {
        self.served = served
        preparedServed = PreparedGeometry(served)
    }

    /// The part of `area` (projected) inside the served region: the area
    /// itself when the region contains it, nothing when they are disjoint
    /// (what the intersection gives then, without computing it).
    func covered(_ area: Geometry) throws -> Geometry {
        if served.isEmpty { return try Geometry.union(of: []) }
        if preparedServed.contains(area) { return area }
        if !preparedServed.intersects(area) { return try Geometry.union(of: []) }
        return try area.intersection(served)
    }

    /// `body(i, measurer)` for i in 0..<count, in index order.
    static func measure(
        _ count: Int, served: Geometry,
        _ body: @Sendable (Int, CoveredAreaMeasurer) throws -> (area: Double, covered: Double, missing: Geometry?)
    )
        throws -> [(area: Double, covered: Double, missing: Geometry?)]
    {
        let cores = max(1, min(count, ParallelMap.width))
        let parts = ParallelMap.map(cores) { core in
            let measurer = CoveredAreaMeasurer(served: served)
            return stride(from: core, to: count, by: cores).map { index in Result { try body(index, measurer) } }
        }
        return try (0..<count).map { try parts[$0 % cores][$0 / cores].get() }
    }
}

/// A named area (e.g. a county) whose coverage is reported: WGS84 lon/lat polygons.
public struct ReportingRegion: Sendable {
    public let name: String
    public let area: Geometry

    public init(name: String, area: Geometry) throws {
        guard area.kind == .polygon || area.kind == .multiPolygon else {
            throw CoverageInputError("region \(name) is a \(area.kind); regions must be polygons")
        }
        self.name = name
        self.area = area.isValid ? area : try area.makeValid()
    }
}
