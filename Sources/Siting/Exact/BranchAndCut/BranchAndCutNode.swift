import Foundation

/// Solving one node of the search.
extension MaximalCoveringBranchAndCut.Search {
    enum Processed {
        /// Nothing in the subtree beats the incumbent (or it is infeasible).
        case pruned
        /// The time ran out before the node was done; its bound so far
        /// (the last LP's, valid whatever cuts came after).
        case stopped(bound: Double)
        case branched([Node])
    }

    /// Solves a node: rounds of cuts until none is violated, the bound
    /// tails off or (below the root) after `nodeRounds` rounds — the bound
    /// is valid whenever they stop — then rounding (and at the root and
    /// every tenth node a swap search from it), reduced-cost fixing, and
    /// the node's two children.
    mutating func process(_ node: Node, isRoot: Bool) -> Processed {
        nodes += 1
        var lower = globalLower, upper = globalUpper
        for f in node.fixings {
            lower[Int(f.column)] = f.value ? 1 : 0
            upper[Int(f.column)] = f.value ? 1 : 0
        }
        program.setBounds(lower: lower, upper: upper)
        var core = indicator(best)
        var weightOnOptimum = isRoot ? 0.5 : 1.0
        var lpBound = Double.infinity
        var x: [Double] = []
        // Bounds after each round, for the tailing-off test.
        var history: [Double] = []
        for round in 0... {
            switch program.solve(seconds: timeLeft) {
            case .infeasible: return .pruned
            case .stopped: return .stopped(bound: min(node.bound, lpBound))
            case .optimal: break
            }
            let values = program.columnValues
            x = Array(values[0..<n])
            let theta = Array(values[n...])
            lpBound = -program.provenLowerBound(rowPrices: program.rowPrices, reducedCosts: &reducedCosts)
            if round == 0, let branch = node.branch, node.bound.isFinite {
                pseudoCosts.record(branch.column, up: branch.up, decrease: max(0, node.bound - lpBound) / branch.distance)
            }
            if MaximalCoveringBranchAndCut.proves(min(node.bound, lpBound), bestValue) { return .pruned }
            if expired { return .stopped(bound: min(node.bound, lpBound)) }
            if isIntegral(x) { offer(openColumns(x)) }
            if isRoot, fixByReducedCosts(lpBound, lower: &lower, upper: &upper) { program.setBounds(lower: lower, upper: upper) }
            history.append(lpBound)
            if !isIntegral(x) && (tailsOff(history) || !isRoot && round >= Self.nodeRounds) { break }
            if weightOnOptimum < 1 {
                // In-out: cut at a point between the optimum and the core.
                let point = zip(x, core).map { weightOnOptimum * $0 + (1 - weightOnOptimum) * $1 }
                core = zip(core, x).map { 0.5 * $0 + 0.5 * $1 }
                if addCuts(at: point, theta: theta, current: x) > 0 { continue }
                weightOnOptimum = 1
            }
            if addCuts(at: x, theta: theta) == 0 { break }
        }
        age()
        if isRoot {
            SitingTrace.log(
                "branch and cut root (bound \(lpBound), value \(bestValue), \(globalUpper[0..<n].filter { $0 == 0 }.count) "
                    + "of \(n) sites fixed closed, \(program.rowCount - 1) cuts)", since: started)
        }
        let rounded = round(x, lower: lower, upper: upper)
        if case .count = problem.limit, isRoot || nodes % 10 == 0 {
            let kept = Set((0..<n).filter { lower[$0] == 1 })
            offer(
                SwapLocalSearch(matrix: function.matrix, weights: function.weights, fixed: kept) { upper[$0] > 0 }
                    .improve(rounded))
            if isRoot { SitingTrace.log("branch and cut root: rounding and swaps, value \(bestValue)", since: started) }
        }
        let bound = min(node.bound, lpBound)
        if MaximalCoveringBranchAndCut.proves(bound, bestValue) { return .pruned }
        var fixings = node.fixings
        if isRoot {
            _ = fixByReducedCosts(lpBound, lower: &lower, upper: &upper)
        } else {
            let before = (lower, upper)
            _ = fixByReducedCosts(lpBound, lower: &lower, upper: &upper)
            for j in 0..<n where (lower[j], upper[j]) != (before.0[j], before.1[j]) { fixings.append((Int32(j), lower[j] == 1)) }
        }
        guard let branch = branchingColumn(x, lower: lower, upper: upper) else { return .pruned }
        var up = fixings, down = fixings
        up.append((Int32(branch), true))
        down.append((Int32(branch), false))
        let f = min(max(x[branch], 1e-6), 1 - 1e-6)
        return .branched([
            Node(fixings: up, bound: bound, depth: node.depth + 1, branch: (branch, true, 1 - f)),
            Node(fixings: down, bound: bound, depth: node.depth + 1, branch: (branch, false, f)),
        ])
    }

    /// Rounds of cuts at a node below the root: one (the bound tails off
    /// fast there, and branching gains more per second).
    static let nodeRounds = 1

    /// True when the last three rounds of cuts lowered the bound by less
    /// than 2 % of its distance to the incumbent: branching will do more.
    func tailsOff(_ history: [Double]) -> Bool {
        guard history.count > 3, bestValue.isFinite else { return false }
        let last = history[history.count - 1], earlier = history[history.count - 4]
        return earlier - last < 0.02 * (last - bestValue)
    }

    func isIntegral(_ x: [Double]) -> Bool { x.allSatisfy { $0 < 1e-9 || $0 > 1 - 1e-9 } }

    func openColumns(_ x: [Double]) -> [Int] { (0..<n).filter { x[$0] > 0.5 } }
}
