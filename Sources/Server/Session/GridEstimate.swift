import Coverage
import GeoCore
import Planner
import Support

/// `POST /api/estimate`: the grid estimate of a base set, at once, from the
/// coverage matrix of every candidate at one standard (`StandardCoverage`,
/// the one the solves use, built once per standard and dispatch and kept).
///
/// A cell counts as covered when some base serves its centre within the
/// standard (the coverage matrix); a base given as a position that is not
/// a candidate gets its own column, computed for that request alone. The
/// figures are those `aircover assess --json` reports beside the exact ones
/// (`grid_covered_km2` of each zone, and of the total when zones do not
/// overlap) and those `aircover site --json` reports for a plan
/// (`grid_covered_weight`, `grid_total_weight`, `grid_covered_pct`), with
/// the cells served, and the same weights per reporting region
/// (`CellRegions`: each cell counts in one region).
enum GridEstimate {
    /// `{minutes, night, bases, grid_covered_weight, grid_total_weight,
    /// grid_covered_pct, cells_served, cells_total, total: {grid_covered_km2},
    /// zones: [{id, name, grid_covered_km2}], regions: [{name,
    /// grid_covered_weight, grid_total_weight, grid_covered_pct}]}`.
    static func json(bases: [Site], siting: ScenarioSiting, regions: CellRegions) throws -> JSONValue {
        let study = siting.study
        let grid = study.grid
        var served = [Bool](repeating: false, count: grid.cells.count)
        let index = Dictionary(study.candidates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var open = [Bool](repeating: false, count: study.candidates.count)
        var positions: [Site] = []
        for base in bases {
            if let j = index[base.id], study.candidates[j].position == base.position { open[j] = true } else { positions.append(base) }
        }
        mark(&served, siting.coverage.matrix, open: open)
        if !positions.isEmpty {
            mark(&served, try study.matrix(of: positions, minutes: siting.minutes), open: [Bool](repeating: true, count: positions.count))
        }
        var zoneKm2 = [Double](repeating: 0, count: grid.zones.count)
        var coveredWeight = 0.0, totalWeight = 0.0, cellsServed = 0
        var regionCovered = [Double](repeating: 0, count: regions.names.count), regionTotal = regionCovered
        for (c, cell) in grid.cells.enumerated() {
            totalWeight += cell.weight
            let region = regions.cellRegion[c]
            if let region { regionTotal[region] += cell.weight }
            guard served[c] else { continue }
            coveredWeight += cell.weight
            if let region { regionCovered[region] += cell.weight }
            cellsServed += 1
            for share in cell.zoneAreas { zoneKm2[share.zone] += share.km2 }
        }
        // As `CoverageEvaluation`: the total adds zone shares, so it is given only when zones do not overlap.
        let union = grid.projectedUnion.area / 1e6
        let disjoint = abs(grid.projectedZones.reduce(0) { $0 + $1.area / 1e6 } - union) <= 1e-9 * union
        let n = { (v: Double) -> JSONValue in v.isFinite ? .number(v) : .null }
        return .object([
            ("minutes", n(siting.minutes)), ("night", .bool(study.scenario.night)),
            ("bases", .array(bases.map { .string($0.id) })),
            ("grid_covered_weight", n(coveredWeight)), ("grid_total_weight", n(totalWeight)),
            ("grid_covered_pct", n(totalWeight > 0 ? 100 * coveredWeight / totalWeight : 0)),
            ("cells_served", .integer(cellsServed)), ("cells_total", .integer(grid.cells.count)),
            ("total", .object([("grid_covered_km2", disjoint ? n(zoneKm2.reduce(0, +)) : .null)])),
            (
                "zones",
                .array(
                    grid.zones.indices.map { z in
                        .object([("id", .string(grid.zones[z].id)), ("name", .string(grid.zones[z].name)), ("grid_covered_km2", n(zoneKm2[z]))])
                    })
            ),
            (
                "regions",
                .array(
                    regions.names.indices.map { r in
                        .object([
                            ("name", .string(regions.names[r])), ("grid_covered_weight", n(regionCovered[r])),
                            ("grid_total_weight", n(regionTotal[r])),
                            ("grid_covered_pct", n(regionTotal[r] > 0 ? 100 * regionCovered[r] / regionTotal[r] : 0)),
                        ])
                    })
            ),
        ])
    }

    /// Flags every cell a site with `open[site]` serves.
    private static func mark(_ served: inout [Bool], _ matrix: CoverageMatrix, open: [Bool]) {
        for segment in matrix.segments {
            for i in 0..<(segment.start.count - 1) where !served[segment.firstCell + i] {
                for k in segment.start[i]..<segment.start[i + 1] where open[Int(segment.sites[k])] {
                    served[segment.firstCell + i] = true
                    break
                }
            }
        }
    }
}
