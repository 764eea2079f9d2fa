import Foundation
import Coverage
import GeoCore
import Siting

/// The coverage matrix of a study at one response-time standard, and the
/// covering instances the siting models solve on it.
public struct StandardCoverage: Sendable {
    public let minutes: Double
    public let matrix: CoverageMatrix
    /// Cells with identical covering sets merged (weights summed).
    public let groups: DemandAggregation
    /// One demand per group: what LSCP, MCLP and backup coverage solve.
    public let instance: CoverInstance

    public init(study: Study, minutes: Double) throws {
        self.minutes = minutes
        matrix = try study.matrix(minutes: minutes)
        groups = DemandAggregation(matrix: matrix, weights: study.grid.cells.map(\.weight))
        instance = try CoverInstance(
            demandIDs: groups.groupCells.map { "cells-\($0[0])" }, siteIDs: study.candidates.map(\.id),
            weights: groups.groupWeights, siteCosts: study.candidates.map(\.cost), coveringSites: groups.groupSites)
    }

    /// One demand per cell with the response time of every covering pair:
    /// what p-center and p-median need (times differ within a group).
    public func timedInstance(study: Study) throws -> CoverInstance {
        let pairs = (0..<matrix.cellCount).map { cell in
            zip(matrix.sites(serving: cell), matrix.minutes(serving: cell)).map { (site: Int($0), cost: Double($1)) }
        }
        return try CoverInstance(demandIDs: study.grid.cells.map { "cell-\($0.column)-\($0.row)" }, siteIDs: study.candidates.map(\.id),
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
