import Foundation

/// The exact search on small models: CBC on the compact MIP.
extension MaximalCovering {
    /// The MIP of a residual model: its columns (free sites) and rows, with
    /// its `mustOpen` sites already open.
    func program(_ model: ResidualModel) -> MixedIntegerProgram {
        let columns = model.columns
        var program = MixedIntegerProgram()
        program.preprocess = false
        for _ in columns { program.addColumn(cost: 0) }
        for (r, weight) in model.weights.enumerated() {
            let y = program.addColumn(cost: -weight, integer: false)
            // y − Σ x ≤ 0
            let row = model.matrix.columns(ofRow: r)
            program.addRow([Int32(y)] + row, [1] + Array(repeating: -1, count: row.count), upper: 0)
        }
        let siteColumns = (0..<Int32(columns.count)).map { $0 }
        switch limit {
        case .sites(let p):
            program.addRow(siteColumns, Array(repeating: 1, count: siteColumns.count), upper: Double(p - forced.count - model.mustOpen.count))
        case .budget(let budget):
            let forcedCost = forced.reduce(0) { $0 + instance.siteCosts[$1] }
            program.addRow(siteColumns, columns.map { instance.siteCosts[$0] }, upper: budget - forcedCost)
        }
        return program
    }

    /// CBC on the residual model as the compact MIP. `picked`: the whole
    /// site set of its best solution (forced and fixed-open sites included);
    /// `bound`: a proven upper bound on the residual rows' weight (−∞ when no
    /// solution respects the fixings).
    func solveCompact(_ model: ResidualModel, start: [Int], timeLimit: Double?) -> (picked: [Int]?, bound: Double) {
        let base = Array(forced) + model.mustOpen
        if case .sites(let p) = limit, p - forced.count - model.mustOpen.count < 0 {
            // More fixed-open sites than p: no solution beats the incumbent.
            return (nil, -.infinity)
        }
        guard model.matrix.rowCount > 0 else { return (base, 0) }
        let chosen = Set(start)
        // The incumbent as a start when it respects the fixings.
        var warm: [Double]?
        if model.mustOpen.allSatisfy(chosen.contains), chosen.subtracting(base).isSubset(of: Set(model.columns)) {
            var values = model.columns.map { chosen.contains($0) ? 1.0 : 0.0 }
            // Columns are the sites, then one y per row: y_r = 1 when the start covers row r.
            for r in 0..<model.matrix.rowCount {
                values.append(model.matrix.columns(ofRow: r).contains { chosen.contains(model.columns[Int($0)]) } ? 1 : 0)
            }
            warm = values
        }
        let solution = program(model).solve(timeLimit: timeLimit.map { max($0, 1) }, start: warm)
        // Minimisation sense; for a proven optimum the bound is its value.
        let bound = solution.bound.isFinite ? -solution.bound : model.weights.reduce(0, +)
        switch solution.status {
        case .infeasible: return (nil, -.infinity)
        case .noSolutionFound: return (nil, bound)
        case .optimal, .feasible:
            let picked = base + model.columns.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element)
            return (picked.sorted(), bound)
        }
    }
}
