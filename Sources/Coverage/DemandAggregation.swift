/// Demand cells that the same set of sites serves, merged into one demand
/// with their weights summed, so solvers see a smaller problem with the same
/// optimum (any base set serves all the cells of a group or none of them).
///
/// Groups are listed in the order of their first cell; cells no site serves
/// form no group and are listed in `unserved`.
public struct DemandAggregation: Sendable, Equatable {
    /// For each group, the sites serving it (ascending).
    public let groupSites: [[Int32]]
    /// For each group, its cells (ascending).
    public let groupCells: [[Int]]
    /// For each group, the sum of its cells' weights.
    public let groupWeights: [Double]
    /// Cells no candidate site serves.
    public let unserved: [Int]

    /// Groups the cells of `matrix`, weighting cell c by `weights[c]`.
    public init(matrix: CoverageMatrix, weights: [Double]) {
        precondition(weights.count == matrix.cellCount, "one weight per cell")
        var groupOf: [ArraySlice<Int32>: Int] = [:]
        var sites: [[Int32]] = [], cells: [[Int]] = [], totals: [Double] = [], unserved: [Int] = []
        for c in 0..<matrix.cellCount {
            let serving = matrix.sites(serving: c)
            if serving.isEmpty {
                unserved.append(c)
                continue
            }
            if let g = groupOf[serving] {
                cells[g].append(c)
                totals[g] += weights[c]
            } else {
                groupOf[serving] = sites.count
                sites.append(Array(serving))
                cells.append([c])
                totals.append(weights[c])
            }
        }
        groupSites = sites
        groupCells = cells
        groupWeights = totals
        self.unserved = unserved
    }

    public var groupCount: Int { groupSites.count }

    /// Cells per group on average: how much smaller the problem became.
    public func reduction(cellCount: Int) -> Double {
        groupCount == 0 ? 0 : Double(cellCount - unserved.count) / Double(groupCount)
    }
}
