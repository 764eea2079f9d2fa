import Foundation
import GeoCore

/// Covered and total area of something (a zone, a hazard type, a region, all zones).
public struct AreaCoverage: Sendable, Equatable {
    public let name: String
    /// Exact area, km², in the grid's equal-area projection.
    public let areaKm2: Double
    /// Exact area inside the served region, km².
    public let coveredKm2: Double
    /// The grid's estimate of `coveredKm2`: zone area in cells whose centre is served.
    public let gridCoveredKm2: Double?

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

    /// Evaluates `served` (WGS84) against the grid's zones. `servedCells`
    /// (one flag per grid cell, from the coverage matrix) gives the grid
    /// estimate; pass `nil` to skip it.
    ///
    /// Regions: with `regions` given (e.g. counties), each region's figure is
    /// the zones' area inside it (their union ∩ region) and the part of that
    /// the served region covers; without, the zones' own `region` names group them.
    public static func evaluate(grid: DemandGrid, served: Geometry, population: [PopulationPoint] = [],
                                servedCells: [Bool]? = nil, regions: [ReportingRegion]? = nil) throws -> CoverageEvaluation {
        let transformer = try grid.projection.transformerFromWGS84()
        let servedPlane = served.isEmpty ? served : try transformer.transform(try served.densified(maxSegmentLength: grid.cellSize / 20 / 111_000))
        let prepared = PreparedGeometry(servedPlane)
        func covered(_ area: Geometry) throws -> Geometry {
            if servedPlane.isEmpty { return try Geometry.union(of: []) }
            if prepared.contains(area) { return area }
            return try area.intersection(servedPlane)
        }
        var gridCovered = [Double](repeating: 0, count: grid.zones.count)
        if let servedCells {
            precondition(servedCells.count == grid.cells.count, "one flag per grid cell")
            for (cell, isServed) in zip(grid.cells, servedCells) where isServed {
                for share in cell.zoneAreas { gridCovered[share.zone] += share.km2 }
            }
        }
        var zones: [AreaCoverage] = [], uncovered: [Geometry] = []
        for (index, zone) in grid.zones.enumerated() {
            let area = grid.projectedZones[index]
            let inside = try covered(area)
            zones.append(AreaCoverage(name: zone.id, areaKm2: area.area / 1e6, coveredKm2: inside.area / 1e6,
                                      gridCoveredKm2: servedCells == nil ? nil : gridCovered[index]))
            let missing = try area.difference(inside)
            uncovered.append(missing.isEmpty ? missing : try transformer.transform(missing, inverse: true))
        }
        func group(_ key: (HazardZone) -> String?) throws -> [AreaCoverage] {
            let names = Set(grid.zones.compactMap(key)).sorted()
            return try names.map { name in
                let members = grid.zones.indices.filter { key(grid.zones[$0]) == name }
                let merged = try Geometry.union(of: members.map { grid.projectedZones[$0] })
                return AreaCoverage(name: name, areaKm2: merged.area / 1e6, coveredKm2: try covered(merged).area / 1e6, gridCoveredKm2: nil)
            }
        }
        let everything = try Geometry.union(of: grid.projectedZones)
        var regionCoverage = try group { $0.region }
        if let regions {
            let densify = grid.cellSize / 20 / 111_000
            let prepared = PreparedGeometry(everything)
            regionCoverage = try regions.map { region in
                let plane = try transformer.transform(try region.area.densified(maxSegmentLength: densify))
                let demand = prepared.contains(plane) ? plane : (prepared.intersects(plane) ? try everything.intersection(plane) : try Geometry.union(of: []))
                return AreaCoverage(name: region.name, areaKm2: demand.area / 1e6,
                                    coveredKm2: demand.isEmpty ? 0 : try covered(demand).area / 1e6, gridCoveredKm2: nil)
            }
        }
        // The grid estimate of the total adds zone shares, which counts
        // overlaps twice: give it only when zones do not overlap.
        let disjoint = abs(zones.reduce(0) { $0 + $1.areaKm2 } - everything.area / 1e6) <= 1e-9 * everything.area / 1e6
        let total = AreaCoverage(name: "all zones", areaKm2: everything.area / 1e6, coveredKm2: try covered(everything).area / 1e6,
                                 gridCoveredKm2: servedCells == nil || !disjoint ? nil : gridCovered.reduce(0, +))
        var coveredPeople = 0.0
        if !population.isEmpty, !servedPlane.isEmpty {
            let points = try transformer.transform(population.map(\.position.xy))
            for (person, xy) in zip(population, points) where prepared.covers(xy) { coveredPeople += person.count }
        }
        return CoverageEvaluation(zones: zones, hazards: try group { $0.hazard }, regions: regionCoverage,
                                  total: total, coveredPopulation: coveredPeople,
                                  totalPopulation: population.reduce(0) { $0 + $1.count }, uncovered: uncovered)
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
