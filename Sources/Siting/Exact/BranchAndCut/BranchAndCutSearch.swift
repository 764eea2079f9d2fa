import Foundation

extension MaximalCoveringBranchAndCut {
    /// The state of one branch-and-cut run.
    struct Search {
        let problem: MaximalCoveringBranchAndCut
        let function: CoveredWeightFunction
        let deadline: ContinuousClock.Instant?
        let started = ContinuousClock.now
        let n: Int, groups: Int
        let program: LinearProgram
        var workspace: CoveredWeightFunction.Workspace
        /// Per cut row (program row i + 1): how many node ends in a row it was
        /// not binding.
        var cutAge: [Int] = []
        var cutsAdded = 0
        /// Bounds fixed for the whole search (root reduced costs).
        var globalLower: [Double], globalUpper: [Double]
        var best: [Int] = []
        var bestValue = -Double.infinity
        let tolerance: Double
        var nodes = 0
        var reducedCosts: [Double] = []
        var pseudoCosts: PseudoCosts

        struct Node {
            var fixings: [(column: Int32, value: Bool)]
            /// The parent's bound: no solution in this subtree is worth more.
            var bound: Double
            var depth: Int
            /// The branch that made this node: its column, side, and how far
            /// the parent's x̄ was from that side (for the pseudo-costs).
            var branch: (column: Int, up: Bool, distance: Double)?
        }

        init(problem: MaximalCoveringBranchAndCut, deadline: ContinuousClock.Instant?) {
            self.problem = problem
            function = problem.function
            self.deadline = deadline
            n = problem.columnCount
            groups = problem.groupCount
            workspace = CoveredWeightFunction.Workspace(problem.function)
            pseudoCosts = PseudoCosts(columnCount: problem.columnCount)
            let groupWeight = (0..<problem.groupCount).map { g in
                problem.function.groups.rows(of: g).reduce(0.0) { $0 + problem.function.weights[Int($1)] }
            }
            let total = groupWeight.reduce(0, +)
            // Violations below this are ignored: together at most 2e-10 of the
            // total weight, well inside `OptimalityTolerance`.
            tolerance = 2e-10 * max(1, total) / Double(max(1, problem.groupCount))
            // Columns: x_0 … x_{n−1}, then θ_0 … θ_{G−1}; minimise −Σθ.
            let objective = Array(repeating: 0.0, count: n) + Array(repeating: -1.0, count: groups)
            globalLower = Array(repeating: 0, count: n + groups)
            globalUpper = Array(repeating: 1, count: n) + groupWeight
            program = LinearProgram(objective: objective, lower: globalLower, upper: globalUpper)
            switch problem.limit {
            case .count(let k):
                program.addRows([(columns: (0..<Int32(n)).map { $0 }, values: Array(repeating: 1, count: n), lower: -.infinity, upper: Double(k))])
            case .budget(let costs, let total):
                program.addRows([(columns: (0..<Int32(n)).map { $0 }, values: costs, lower: -.infinity, upper: total)])
            }
        }
    }
}

extension MaximalCoveringBranchAndCut.Search {
    var timeLeft: Double? { deadline.map { ($0 - ContinuousClock.now) / .seconds(1) } }
    /// The deadline has passed or the solve was cancelled (`SolveCancellation`).
    var expired: Bool { SolveCancellation.stops(at: deadline) }

    mutating func run(start: [Int]) -> MaximalCoveringBranchAndCut.Outcome {
        offer(start)
        // Cuts at the start and at no site open: every group bounded from the outset.
        addCuts(at: indicator(start), theta: nil)
        addCuts(at: Array(repeating: 0, count: n), theta: nil)
        // Best bound first; ties to the deeper node, then to creation order.
        var heap = MaximalCoveringBranchAndCut.NodeHeap()
        heap.push(Node(fixings: [], bound: .infinity, depth: 0))
        while let node = heap.popBest() {
            if MaximalCoveringBranchAndCut.proves(node.bound, bestValue) { continue }
            if expired { heap.push(node); break }
            switch process(node, isRoot: nodes == 0) {
            case .pruned: continue
            case .stopped(let bound):
                var unfinished = node
                unfinished.bound = bound
                heap.push(unfinished)
            case .branched(let children): for child in children { heap.push(child) }
            }
            if expired { break }
        }
        let finished = heap.isEmpty || MaximalCoveringBranchAndCut.proves(heap.bestBound, bestValue)
        return outcome(bound: finished ? bestValue : heap.bestBound, finished: finished)
    }

    func outcome(bound: Double, finished: Bool) -> MaximalCoveringBranchAndCut.Outcome {
        MaximalCoveringBranchAndCut.Outcome(
            columns: best.sorted(), value: bestValue, bound: max(bound, bestValue),
            finished: finished, nodes: nodes, cuts: cutsAdded)
    }

    func indicator(_ columns: [Int]) -> [Double] {
        var x = [Double](repeating: 0, count: n)
        for j in columns { x[j] = 1 }
        return x
    }

    /// Takes `columns` as the incumbent when it is within the limit and better.
    mutating func offer(_ columns: [Int]) {
        switch problem.limit {
        case .count(let k): guard columns.count <= k else { return }
        case .budget(let costs, let total): guard columns.reduce(0.0, { $0 + costs[$1] }) <= total + 1e-9 * max(1, total) else { return }
        }
        let value = function.coveredWeight(of: columns, workspace: &workspace)
        if value > bestValue {
            (best, bestValue) = (columns, value)
            if nodes > 0 { SitingTrace.log("branch and cut: value \(value) at node \(nodes)", since: started) }
        }
    }
}
