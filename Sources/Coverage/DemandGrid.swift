import Foundation
import GeoCore

/// One square cell of the demand grid.
public struct DemandCell: Sendable, Equatable {
    /// Grid position: x = column · size, y = row · size in the projection.
    public let column: Int
    public let row: Int
    /// The cell's centre, WGS84.
    public let centre: LonLat
    /// Area shared with each zone (zone index, km²), exact.
    public let zoneAreas: [ZoneShare]
    /// People counted in the cell.
    public let population: Double
    /// The demand weight (see `Weighting`).
    public let weight: Double

    public struct ZoneShare: Sendable, Equatable {
        public let zone: Int
        public let km2: Double
    }
}

/// Demand discretised on a square grid in an equal-area projection.
///
/// Each cell holds, exactly, the area it shares with every zone (GEOS
/// intersection for cells on a zone's edge, the full cell area inside, by
/// `GridClipper`'s recursive clipping) and
/// the population points inside it. Cells whose weight is zero are dropped.
/// Zone edges are densified to 1/20 of a cell before projecting, so edges
/// straight in lon/lat are followed in the projection.
public struct DemandGrid: Sendable {
    public let projection: EqualAreaProjection
    /// Side of a cell, metres.
    public let cellSize: Double
    public let weighting: Weighting
    public let zones: [HazardZone]
    /// The zones in the projection (metres), densified as described above.
    public let projectedZones: [Geometry]
    /// The union of `projectedZones`: all the demand area, computed once
    /// for every evaluation of the grid.
    public let projectedUnion: Geometry
    /// Cells with positive weight, ordered by row then column.
    public let cells: [DemandCell]
    /// What was noticed on the way (repaired zones, population outside zones).
    public let notes: [String]
    /// The population points that lie outside every zone (exactly: not in
    /// the union of the zones' polygons), and their people. The population
    /// figures of a `CoverageEvaluation` count them; the weights count them
    /// only under population or mix weighting. A note says so when any lie outside.
    public let populationOutsideZones: PopulationOutside

    /// Population points outside every zone and the people they count.
    public struct PopulationOutside: Sendable, Equatable {
        public let points: Int
        public let people: Double
    }

    /// Builds the grid. `projection` defaults to one fitted to the zones.
    /// A grid spanning more than `GridSizeLimit.maximumCells` cells is
    /// refused (`GridTooLargeError`) before any is allocated, and so are
    /// zones spanning more than 180° of longitude (the fitted projection
    /// covers a hemisphere).
    public static func build(
        zones: [HazardZone], population: [PopulationPoint] = [], cellSize: Double = 2_000,
        weighting: Weighting = .risk, projection: EqualAreaProjection? = nil
    ) throws -> DemandGrid {
        guard !zones.isEmpty else { throw CoverageInputError("no hazard zones: nothing to cover") }
        guard cellSize.isFinite, cellSize >= 100 else { throw CoverageInputError("cell size must be at least 100 m, got \(cellSize)") }
        if case .mix(let alpha) = weighting, !(0...1).contains(alpha) {
            throw CoverageInputError("the risk share of a mixed weighting must be between 0 and 1, got \(alpha)")
        }
        var notes = zones.compactMap { zone in zone.repaired.map { "zone \(zone.id) (\(zone.name)) was invalid (\($0)) and was repaired" } }
        guard let bounds = zones.compactMap(\.area.envelope).reduce(nil, { (u: Envelope?, e) in u?.union(e) ?? e }) else {
            throw CoverageInputError("the hazard zones have no area: nothing to cover")
        }
        guard projection != nil || bounds.width <= 180 else {
            throw CoverageInputError(
                "the zones span \(Int(bounds.width.rounded()))° of longitude (\(bounds.minX)…\(bounds.maxX)); "
                    + "aircover's equal-area grid covers at most a hemisphere: split the study into regions")
        }
        let projection = projection ?? EqualAreaProjection.fitted(to: bounds)
        let transformer = try projection.transformerFromWGS84()

        if let extent = try zones.compactMap({ try transformer.transform($0.area).envelope }).reduce(nil, { (u: Envelope?, e) in u?.union(e) ?? e }),
            GridSizeLimit.cells(spanning: extent, cellSize: cellSize) > GridSizeLimit.maximumCells
        {
            throw GridTooLargeError(
                cells: GridSizeLimit.cells(spanning: extent, cellSize: cellSize), widthKm: extent.width / 1_000,
                heightKm: extent.height / 1_000, smallestCellKm: GridSizeLimit.smallestCellKm(spanning: extent))
        }
        var shares: [GridKey: [DemandCell.ZoneShare]] = [:]
        let projectedZones = try zones.map { try transformer.transform(try $0.area.densified(maxSegmentLength: cellSize / 20 / 111_000)) }
        let clipper = GridClipper(cellSize: cellSize)
        for (index, projected) in projectedZones.enumerated() {
            try clipper.shares(of: projected) { column, row, shared in
                shares[GridKey(column: column, row: row), default: []].append(.init(zone: index, km2: shared / 1e6))
            }
        }

        var people: [GridKey: Double] = [:]
        var outside = 0, outsideCount = 0.0
        let projectedUnion = try Geometry.union(of: projectedZones)
        if !population.isEmpty {
            let projected = try transformer.transform(population.map(\.position.xy))
            let demandArea = PreparedGeometry(projectedUnion)
            for (point, xy) in zip(population, projected) {
                guard point.count.isFinite, point.count >= 0 else {
                    throw CoverageInputError("population point \(point.name) has count \(point.count); counts must be zero or positive")
                }
                let key = GridKey(column: Int((xy.x / cellSize).rounded(.down)), row: Int((xy.y / cellSize).rounded(.down)))
                if !demandArea.covers(xy) { outside += 1; outsideCount += point.count }
                people[key, default: 0] += point.count
            }
        }
        if outside > 0 {
            notes.append(
                "\(outside) population point(s) with \(Int(outsideCount.rounded())) people lie outside every zone; "
                    + (weighting == .area || weighting == .risk ? "they carry no weight under \(weighting) weighting" : "their cells are demand of their own")
                    + ", and the population figures count them")
        }

        let keys = Set(shares.keys).union(people.keys).sorted()
        let riskArea = keys.map { key in (shares[key] ?? []).reduce(0) { $0 + zones[$1.zone].risk * $1.km2 } }
        let totalRisk = riskArea.reduce(0, +), totalPeople = people.values.reduce(0, +)
        let centres = try transformer.transform(keys.map { XY((Double($0.column) + 0.5) * cellSize, (Double($0.row) + 0.5) * cellSize) }, inverse: true)
        var cells: [DemandCell] = []
        for (i, key) in keys.enumerated() {
            let zoneAreas = shares[key] ?? []
            let population = people[key] ?? 0
            let weight: Double
            switch weighting {
            case .area: weight = zoneAreas.reduce(0) { $0 + $1.km2 }
            case .risk: weight = riskArea[i]
            case .population: weight = population
            case .mix(let alpha):
                weight = (totalRisk > 0 ? alpha * riskArea[i] / totalRisk : 0) + (totalPeople > 0 ? (1 - alpha) * population / totalPeople : 0)
            }
            guard weight > 0 else { continue }
            cells.append(
                DemandCell(
                    column: key.column, row: key.row, centre: centres[i].lonLat, zoneAreas: zoneAreas,
                    population: population, weight: weight))
        }
        guard !cells.isEmpty else { throw CoverageInputError("every demand cell has zero weight under \(weighting) weighting") }
        return DemandGrid(
            projection: projection, cellSize: cellSize, weighting: weighting, zones: zones,
            projectedZones: projectedZones, projectedUnion: projectedUnion, cells: cells, notes: notes,
            populationOutsideZones: PopulationOutside(points: outside, people: outsideCount))
    }

    struct GridKey: Hashable, Comparable {
        let column: Int
        let row: Int
        static func < (a: GridKey, b: GridKey) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }
}
