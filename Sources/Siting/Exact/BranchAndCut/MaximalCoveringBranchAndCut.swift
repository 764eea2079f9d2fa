import Foundation

/// Maximal covering solved exactly by branch and cut over the site
/// variables alone (Benders decomposition, after Cordeau, Furini & Ljubić
/// 2019): the rows never enter the linear program.
///
///     maximise   Σ_g θ_g
///     subject to θ_g ≤ Φ_g(x)   (as cuts: θ_g ≤ c + Σ a_j x_j, `CoveredWeightFunction`)
///                Σ_j x_j ≤ k    or   Σ_j c_j x_j ≤ B
///                x ∈ {0, 1}ⁿ,  0 ≤ θ_g ≤ W_g (the group's weight)
///
/// With every cut present its LP relaxation is the compact model's, but the
/// program has n + G columns and a few hundred rows whatever the number of
/// demand rows, and a cut is found by walking the rows near the open sites.
///
/// Algorithm:
/// - root: cutting planes with in-out stabilisation (Ben-Ameur & Neto 2007:
///   cuts taken at a point between the LP optimum and a core point that
///   follows it), then plain Kelley until no cut is violated;
/// - best-bound search, branching on the fractional site of the best
///   pseudo-cost score; each node re-solves from the last basis and adds
///   one round of cuts (the root: until none is violated or the bound
///   tails off);
/// - at every node: rounding (the largest x̄ first) evaluated exactly as a
///   candidate solution (at the root and every tenth node improved by
///   `SwapLocalSearch`), and reduced-cost fixing for the node's subtree
///   (at the root, after every round: for the whole search);
/// - cuts non-binding at ten node ends in a row leave the program.
///
/// Proof: every node's bound is Neumaier–Shcherbina's safe bound from the
/// LP's row prices (`LinearProgram.provenLowerBound`), valid whatever the
/// LP's accuracy, and cuts are valid for every x, so a pruned node holds
/// nothing better than the incumbent (beyond the relative 1e-9 of
/// `proves`). Fixings exclude only solutions no better than the incumbent.
/// `Outcome.bound` is the largest bound of a node left open (the
/// incumbent's value when the search finished).
struct MaximalCoveringBranchAndCut {
    enum Limit {
        case count(Int)
        case budget(costs: [Double], total: Double)
    }

    let function: CoveredWeightFunction
    let limit: Limit

    struct Outcome {
        /// The best columns found, ascending; their covered weight `value`.
        var columns: [Int]
        var value: Double
        /// A proven upper bound on the best value within the limit.
        var bound: Double
        /// True when the search finished (`bound == value`).
        var finished: Bool
        var nodes: Int
        var cuts: Int
    }

    var columnCount: Int { function.columnCount }
    var groupCount: Int { function.groups.count }

    /// Branch and cut from the solution `start` (columns within the limit),
    /// until the search finishes, `deadline` passes or the solve is cancelled.
    func run(start: [Int], deadline: ContinuousClock.Instant?) -> Outcome {
        var search = Search(problem: self, deadline: deadline)
        return search.run(start: start)
    }

    /// True when `bound` does not exceed `value` beyond a relative 1e-9.
    static func proves(_ bound: Double, _ value: Double) -> Bool {
        bound - value <= 1e-9 * max(1, abs(value))
    }
}

/// The state of one branch-and-cut run.
private struct Search {
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
        // total weight, well inside the 1e-9 of `proves`.
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

    var timeLeft: Double? { deadline.map { ($0 - ContinuousClock.now) / .seconds(1) } }
    /// The deadline has passed or the solve was cancelled (`SolveCancellation`).
    var expired: Bool { SolveCancellation.stops(at: deadline) }

    mutating func run(start: [Int]) -> MaximalCoveringBranchAndCut.Outcome {
        offer(start)
        // Cuts at the start and at no site open: every group bounded from the outset.
        addCuts(at: indicator(start), theta: nil)
        addCuts(at: Array(repeating: 0, count: n), theta: nil)
        // Best bound first; ties to the deeper node, then to creation order.
        var heap = NodeHeap()
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
        MaximalCoveringBranchAndCut.Outcome(columns: best.sorted(), value: bestValue, bound: max(bound, bestValue),
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

    /// Adds the cuts at point x of the groups whose θ (`theta`, the LP's
    /// values; nil: all groups) the cut at x violates at `current` (the LP
    /// optimum; x itself when nil). Returns how many were added.
    @discardableResult
    mutating func addCuts(at x: [Double], theta: [Double]?, current: [Double]? = nil) -> Int {
        let support = (0..<n).filter { x[$0] > 1e-12 }
        function.evaluate(x, support: support, into: &workspace)
        var rows: [(columns: [Int32], values: [Double], lower: Double, upper: Double)] = []
        for g in 0..<groups {
            var cutValueAtCurrent = workspace.groupValue[g]
            var cut: CoveredWeightFunction.Cut?
            if let current, current != x {
                let c = function.cut(group: g, workspace: &workspace)
                cutValueAtCurrent = c.constant + zip(c.columns, c.coefficients).reduce(0.0) { $0 + current[Int($1.0)] * $1.1 }
                cut = c
            }
            if let theta, theta[g] <= cutValueAtCurrent + tolerance { continue }
            let c = cut ?? function.cut(group: g, workspace: &workspace)
            // θ_g − Σ a_j x_j ≤ constant, without the columns fixed for the
            // whole search (closed: no term; open: its term is a constant).
            var columns: [Int32] = [], values: [Double] = [], constant = c.constant
            for (j, a) in zip(c.columns, c.coefficients) {
                if globalUpper[Int(j)] == 0 { continue }
                if globalLower[Int(j)] == 1 { constant += a; continue }
                columns.append(j)
                values.append(-a)
            }
            rows.append((columns: columns + [Int32(n + g)], values: values + [1], lower: -.infinity, upper: constant))
            cutAge.append(0)
        }
        function.clear(&workspace)
        program.addRows(rows)
        cutsAdded += rows.count
        return rows.count
    }

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
            SitingTrace.log("branch and cut root (bound \(lpBound), value \(bestValue), \(globalUpper[0..<n].filter { $0 == 0 }.count) "
                            + "of \(n) sites fixed closed, \(program.rowCount - 1) cuts)", since: started)
        }
        let rounded = round(x, lower: lower, upper: upper)
        if case .count = problem.limit, isRoot || nodes % 10 == 0 {
            let kept = Set((0..<n).filter { lower[$0] == 1 })
            offer(SwapLocalSearch(matrix: function.matrix, weights: function.weights, fixed: kept) { upper[$0] > 0 }
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
        return .branched([Node(fixings: up, bound: bound, depth: node.depth + 1, branch: (branch, true, 1 - f)),
                          Node(fixings: down, bound: bound, depth: node.depth + 1, branch: (branch, false, f))])
    }

    /// Rounds of cuts at a node below the root: one (the bound tails off
    /// fast there, and branching gains more per second; measured on
    /// Liaoning 1 km, p = 8: one round 51 nodes / 50 s to the proof).
    static let nodeRounds = 1

    /// Reduced-cost fixing: forcing free column j against its side in the
    /// LP lowers the LP's proven bound by |d_j|; when that falls below the
    /// incumbent, no better solution does so, and j is fixed (in `lower`
    /// and `upper`; at the root also for the whole search). Returns whether
    /// anything was fixed.
    mutating func fixByReducedCosts(_ lpBound: Double, lower: inout [Double], upper: inout [Double]) -> Bool {
        let margin = 1e-9 * max(1, abs(bestValue))
        let root = nodes == 1
        var changed = false
        for j in 0..<n where lower[j] != upper[j] {
            let d = reducedCosts[j]  // of the minimisation of −Σθ
            if d > 0, lpBound - d < bestValue - margin {
                upper[j] = 0
                if root { globalUpper[j] = 0 }
                changed = true
            } else if d < 0, lpBound + d < bestValue - margin {
                lower[j] = 1
                if root { globalLower[j] = 1 }
                changed = true
            }
        }
        return changed
    }

    /// True when the last three rounds of cuts lowered the bound by less
    /// than 2 % of its distance to the incumbent: branching will do more.
    func tailsOff(_ history: [Double]) -> Bool {
        guard history.count > 3, bestValue.isFinite else { return false }
        let last = history[history.count - 1], earlier = history[history.count - 4]
        return earlier - last < 0.02 * (last - bestValue)
    }

    func isIntegral(_ x: [Double]) -> Bool { x.allSatisfy { $0 < 1e-9 || $0 > 1 - 1e-9 } }

    func openColumns(_ x: [Double]) -> [Int] { (0..<n).filter { x[$0] > 0.5 } }

    /// The fractional free column with the best pseudo-cost score (the
    /// product of the expected bound decreases down and up; ties to the
    /// lower index); when x̄ is integral but the bound still exceeds the
    /// incumbent (cuts short of convergence), the first free column x̄
    /// opens, then any free column; nil when every column is fixed (the
    /// node is a single point, evaluated).
    func branchingColumn(_ x: [Double], lower: [Double], upper: [Double]) -> Int? {
        var best: Int?, bestScore = -1.0
        for j in 0..<n where lower[j] != upper[j] && x[j] > 1e-9 && x[j] < 1 - 1e-9 {
            let score = max(pseudoCosts.estimate(j, up: false) * x[j], 1e-6) * max(pseudoCosts.estimate(j, up: true) * (1 - x[j]), 1e-6)
            if score > bestScore { (best, bestScore) = (j, score) }
        }
        let free = (0..<n).filter { lower[$0] != upper[$0] }
        return best ?? free.first { x[$0] > 0.5 } ?? free.first
    }

    /// Rounding: columns fixed open, then the others by decreasing x̄ (ties
    /// to the lower index) while the limit allows. Offers the result and
    /// returns it.
    @discardableResult
    mutating func round(_ x: [Double], lower: [Double], upper: [Double]) -> [Int] {
        let order = (0..<n).filter { upper[$0] > 0 && x[$0] > 1e-9 }.sorted { (lower[$0], x[$0], $1) > (lower[$1], x[$1], $0) }
        var chosen: [Int] = []
        switch problem.limit {
        case .count(let k):
            chosen = Array(order.prefix(k))
        case .budget(let costs, let total):
            var spent = 0.0
            for j in order where spent + costs[j] <= total + 1e-9 * max(1, total) {
                chosen.append(j)
                spent += costs[j]
            }
        }
        offer(chosen)
        return chosen
    }

    /// Counts node ends at which each cut was not binding and drops the cuts
    /// idle for ten in a row once there are many.
    mutating func age() {
        let prices = program.rowPrices
        for i in cutAge.indices { cutAge[i] = abs(prices[i + 1]) > 1e-12 ? 0 : cutAge[i] + 1 }
        guard cutAge.count > 4 * groups else { return }
        let stale = cutAge.indices.filter { cutAge[$0] >= 10 }
        guard !stale.isEmpty else { return }
        program.deleteRows(stale.map { $0 + 1 })
        let gone = Set(stale)
        cutAge = cutAge.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
    }
}

/// Pseudo-costs (Bénichou et al. 1971): per column and branch side, the
/// mean decrease of the bound per unit of x̄ moved, over the children seen.
/// An unseen column-side gets the mean over all seen ones (1 before any).
struct PseudoCosts {
    private var sum: [[Double]]
    private var count: [[Int]]
    private var total = [0.0, 0.0], seen = [0, 0]

    init(columnCount: Int) {
        sum = Array(repeating: Array(repeating: 0, count: columnCount), count: 2)
        count = Array(repeating: Array(repeating: 0, count: columnCount), count: 2)
    }

    mutating func record(_ column: Int, up: Bool, decrease: Double) {
        let side = up ? 1 : 0
        sum[side][column] += decrease
        count[side][column] += 1
        total[side] += decrease
        seen[side] += 1
    }

    func estimate(_ column: Int, up: Bool) -> Double {
        let side = up ? 1 : 0
        if count[side][column] > 0 { return sum[side][column] / Double(count[side][column]) }
        return seen[side] > 0 ? total[side] / Double(seen[side]) : 1
    }
}

/// Open nodes, the largest bound first (ties: deeper, then older).
private struct NodeHeap {
    /// A node and when it was pushed; "less" is "later out".
    private struct Entry: Comparable {
        let node: Search.Node
        let order: Int

        static func < (a: Entry, b: Entry) -> Bool {
            if a.node.bound != b.node.bound { return a.node.bound < b.node.bound }
            if a.node.depth != b.node.depth { return a.node.depth < b.node.depth }
            return a.order > b.order
        }

        static func == (a: Entry, b: Entry) -> Bool { a.order == b.order }
    }

    private var heap = MaxHeap<Entry>()
    private var counter = 0

    var isEmpty: Bool { heap.isEmpty }
    var bestBound: Double { heap.peek()?.node.bound ?? -.infinity }

    mutating func push(_ node: Search.Node) {
        counter += 1
        heap.push(Entry(node: node, order: counter))
    }

    mutating func popBest() -> Search.Node? { heap.pop()?.node }
}
