import Foundation
import Coverage
import GeoCore
import Siting

/// The coverage matrix of a study at one response-time standard, and the
/// covering instances the siting models solve on it.
public struct StandardCoverage: Sendable {
    public let minutes: Double
    public let matrix: CoverageMatrix
    /// One demand per group of cells with identical covering sets (weights
    /// summed; `DemandAggregation`): what LSCP, MCLP and backup coverage
    /// solve. The aggregation itself is not kept: its site lists repeat the
    /// instance's pairs (4 bytes each; China at 2 km: ~0.4 GB).
    public let instance: CoverInstance
    /// Cells no candidate serves.
    public let unservedCellCount: Int

    public init(study: Study, minutes: Double) throws {
        self.minutes = minutes
        matrix = try study.matrix(minutes: minutes)
        let groups = DemandAggregation(matrix: matrix, weights: study.grid.cells.map(\.weight))
        instance = try CoverInstance(
            demandIDs: groups.groupCells.map { "cells-\($0[0])" }, siteIDs: study.candidates.map(\.id),
            weights: groups.groupWeights, siteCosts: study.candidates.map(\.cost), coveringSites: groups.groupSites)
        unservedCellCount = groups.unserved.count
    }

    /// The number of demand groups (the instance's demands).
    public var groupCount: Int { instance.demandCount }

    /// One demand per cell with the response time of every covering pair:
    /// what p-center and p-median need (times differ within a group).
    public func timedInstance(study: Study) throws -> CoverInstance {
        let pairs = (0..<matrix.cellCount).map { cell in
            zip(matrix.sites(serving: cell), matrix.minutes(serving: cell)).map { (site: Int($0), cost: Double($1)) }
        }
        return try CoverInstance(
            demandIDs: study.grid.cells.map { "cell-\($0.column)-\($0.row)" }, siteIDs: study.candidates.map(\.id),
            weights: study.grid.cells.map(\.weight), siteCosts: study.candidates.map(\.cost), pairs: pairs)
    }

    /// Flags of the cells an open set of candidates serves, and the response
    /// time and weight of each served cell.
    public func served(by open: Set<Int>, study: Study) -> (flags: [Bool], samples: [(minutes: Double, weight: Double)]) {
        var flags = [Bool](repeating: false, count: matrix.cellCount)
        var samples: [(minutes: Double, weight: Double)] = []
        for c in 0..<matrix.cellCount {
            if let best = matrix.bestMinutes(to: c, from: open) {
                flags[c] = true
                samples.append((Double(best), study.grid.cells[c].weight))
            }
        }
        return (flags, samples)
    }
}
