import Foundation

/// The exact search on large models: the branch and cut over the sites.
extension MaximalCovering {
    /// Branch and cut (`MaximalCoveringBranchAndCut`) on the residual model.
    /// `picked`: the whole site set of its best solution (forced and
    /// fixed-open sites included); `bound`: a proven upper bound on the
    /// residual rows' weight (−∞ when no solution respects the fixings).
    func branchAndCut(_ model: ResidualModel, start: [Int], deadline: ContinuousClock.Instant?) -> (picked: [Int]?, bound: Double) {
        let started = ContinuousClock.now
        let base = Array(forced) + model.mustOpen
        let limit: MaximalCoveringBranchAndCut.Limit
        switch self.limit {
        case .sites(let p):
            let k = p - forced.count - model.mustOpen.count
            // More fixed-open sites than p: no solution beats the incumbent.
            guard k >= 0 else { return (nil, -.infinity) }
            limit = .count(k)
        case .budget(let budget):
            let spent = base.reduce(0) { $0 + instance.siteCosts[$1] }
            guard budget - spent >= -1e-9 * max(1, budget) else { return (nil, -.infinity) }
            limit = .budget(costs: model.columns.map { instance.siteCosts[$0] }, total: max(0, budget - spent))
        }
        guard model.matrix.rowCount > 0 else { return (base, 0) }
        var columnOf = [Int32](repeating: -1, count: instance.siteCount)
        for (c, j) in model.columns.enumerated() { columnOf[j] = Int32(c) }
        let matrix = model.matrix
        let function = CoveredWeightFunction(matrix: matrix, weights: model.weights, groups: RowGroups(matrix: matrix, weights: model.weights))
        // The incumbent as a start when it respects the fixings.
        let chosen = Set(start)
        let startColumns =
            model.mustOpen.allSatisfy(chosen.contains)
            ? chosen.subtracting(base).compactMap { j -> Int? in
                columnOf[j] >= 0 ? Int(columnOf[j]) : nil
            } : []
        let outcome = MaximalCoveringBranchAndCut(function: function, limit: limit).run(start: startColumns.sorted(), deadline: deadline)
        SitingTrace.log(
            "branch and cut (\(function.groups.count) groups, \(outcome.nodes) nodes, \(outcome.cuts) cuts, "
                + "value \(model.constant + outcome.value), bound \(model.constant + outcome.bound))", since: started)
        let picked = base + outcome.columns.map { model.columns[$0] }
        return (picked.sorted(), outcome.bound)
    }
}
