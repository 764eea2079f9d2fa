import Foundation

/// The p-median problem (Hakimi 1964; ReVelle & Swain 1970): at most p sites
/// minimising the demand-weighted total (hence mean) response time, each
/// demand served by its fastest open site; and the hybrid that also requires
/// a share of the weight to be served within a time standard.
///
///     minimise   Σ_i Σ_{j ∈ R_i} w_i t_ij z_ij
///     subject to Σ_{j ∈ R_i} z_ij = 1,   z_ij ≤ x_j                 for every reachable demand i
///                Σ_j x_j ≤ p
///                Σ_i w_i Σ_{j ∈ R_i, t_ij ≤ T} z_ij ≥ α · Σ_i w_i   (hybrid only)
///                x ∈ {0, 1}, z ≥ 0
///
/// R_i are the sites that reach demand i (pairs given in the instance);
/// demands no site reaches are listed and left out. Every other demand must
/// be served, so a p too small to reach them all is infeasible. The objective
/// reported is the weighted mean response time.
public struct PMedian: Sendable {
    public struct CoverageRequirement: Sendable, Equatable {
        /// The time standard T.
        public let standard: Double
        /// The share α of the weight to serve within T (0…1).
        public let share: Double
        public init(standard: Double, share: Double) {
            self.standard = standard
            self.share = share
        }
    }

    public let instance: CoverInstance
    public let p: Int
    public let requirement: CoverageRequirement?

    public init(instance: CoverInstance, p: Int, requirement: CoverageRequirement? = nil) throws {
        guard p >= 1, p <= instance.siteCount else {
            throw SitingInputError("p = \(p) must be between 1 and the \(instance.siteCount) candidate sites")
        }
        if let share = requirement?.share, !(0...1).contains(share) {
            throw SitingInputError("the coverage share must be between 0 and 1, got \(share)")
        }
        self.instance = instance
        self.p = p
        self.requirement = requirement
    }

    /// The interchange heuristic's sites (`PMedianInterchange`), then CBC on
    /// the model above, started from them.
    ///
    /// With `timeLimit` (wall-clock seconds): the heuristic stops swapping
    /// at the limit, a Lagrangian bound (`PMedianLagrangian`) gets up to a
    /// quarter of the limit, and CBC runs only on models of at most
    /// `MixedIntegerProgram.largestTimedProgram` nonzeros, with the time
    /// left: CBC does not check its limit inside its root LP. The
    /// result is then the best solution found with the best proven bound,
    /// status feasible unless they meet; the run ends within about one
    /// heuristic swap or Lagrangian pass of the limit on the larger models.
    /// Throws when no solution serving every reachable demand (and meeting
    /// the coverage share) is found in time.
    public func solve(timeLimit: Double? = nil) throws -> SitingResult {
        let clock = ContinuousClock.now
        let deadline = timeLimit.map { clock + .seconds($0) }
        let reachable = (0..<instance.demandCount).filter { !instance.sites(covering: $0).isEmpty }
        let servedWeight = reachable.reduce(0) { $0 + instance.weights[$1] }
        let model = requirement == nil ? "pmedian" : "pmedian-hybrid"
        let search = PMedianInterchange(instance: instance, demands: reachable)
        let heuristic = search.solve(p: p, deadline: deadline)
        let incumbent = serves(heuristic, search: search, reachable: reachable) ? heuristic : nil
        SitingTrace.log("interchange (\(heuristic.count) sites\(incumbent == nil ? ", not a solution" : ""))", since: clock)
        var bound = -Double.infinity  // on the weighted total
        func result(_ selected: [Int], total bound: Double, proven: Bool) -> SitingResult {
            let mean = meanTime(selected, over: reachable, weight: servedWeight)
            let meanBound = servedWeight > 0 ? bound / servedWeight : 0
            let optimal = proven || OptimalityTolerance.closes(mean - meanBound, at: mean)
            return SiteChoice.result(
                model: model, instance: instance, selected: selected, status: optimal ? .optimal : .feasible,
                objective: mean, bound: optimal ? mean : min(meanBound, mean),
                uncovered: instance.uncoverable, since: clock)
        }
        // Rows z − x ≤ 0 (2 nonzeros a pair), Σ z = 1 (1 a pair), Σ x ≤ p.
        let tooLargeForTimedCBC = 3 * instance.demandSites.count + instance.siteCount > MixedIntegerProgram.largestTimedProgram
        if let timeLimit, let deadline {
            let share = min(deadline, ContinuousClock.now + .seconds(timeLimit / 4))
            bound = PMedianLagrangian(search: search, p: p).bound(upper: incumbent.map { search.total($0) }, deadline: share)
            SitingTrace.log("lagrangian (bound \(bound))", since: clock)
            if let incumbent {
                let total = search.total(incumbent)
                if OptimalityTolerance.closes(total - bound, at: total) || tooLargeForTimedCBC
                    || ContinuousClock.now >= deadline
                {
                    return result(incumbent, total: bound, proven: false)
                }
            } else if tooLargeForTimedCBC || ContinuousClock.now >= deadline {
                throw SitingInputError(
                    "no p-median solution found within the time limit: the heuristic's \(p) sites leave "
                        + "a reachable demand unserved or miss the coverage share; raise --time-limit or -p")
            }
        }
        var program = MixedIntegerProgram()
        for _ in 0..<instance.siteCount { program.addColumn(cost: 0) }
        var coverageColumns: [Int32] = [], coverageWeights: [Double] = []
        for i in reachable {
            var zColumns: [Int32] = []
            for k in instance.demandStart[i]..<instance.demandStart[i + 1] {
                let j = instance.demandSites[k], t = instance.demandCosts[k]
                let z = Int32(program.addColumn(cost: instance.weights[i] * t, integer: false))
                program.addRow([z, j], [1, -1], upper: 0)
                zColumns.append(z)
                if let requirement, t <= requirement.standard {
                    coverageColumns.append(z)
                    coverageWeights.append(instance.weights[i])
                }
            }
            program.addRow(zColumns, Array(repeating: 1, count: zColumns.count), lower: 1, upper: 1)
        }
        program.addRow((0..<Int32(instance.siteCount)).map { $0 }, Array(repeating: 1, count: instance.siteCount), upper: Double(p))
        if let requirement {
            let total = instance.weights.reduce(0, +)
            program.addRow(coverageColumns, coverageWeights, lower: requirement.share * total - OptimalityTolerance.margin(at: total))
        }
        // Clp's presolve and CBC's cuts cost more than they save on this LP
        // (one row per pair), with the same optima.
        program.cbcParameters.insert(contentsOf: [("presolve", "off"), ("cuts", "off")], at: 0)
        let left = deadline.map { max(($0 - ContinuousClock.now) / .seconds(1), 0.1) }
        let solution = program.solve(timeLimit: left, start: incumbent.map { start(program: program, open: $0, search: search) })
        switch solution.status {
        case .infeasible:
            return SiteChoice.result(
                model: model, instance: instance, selected: [], status: .infeasible,
                objective: .infinity, bound: .infinity, uncovered: instance.uncoverable, since: clock)
        case .noSolutionFound:
            guard let incumbent else { throw SitingInputError("CBC found no solution within the time limit") }
            return result(incumbent, total: max(bound, solution.bound), proven: false)
        case .optimal, .feasible:
            var selected = (0..<instance.siteCount).filter { solution.values[$0] > 0.5 }
            if let incumbent, search.total(incumbent) < search.total(selected) { selected = incumbent }
            return result(
                selected, total: solution.status == .optimal ? solution.objective : max(bound, solution.bound),
                proven: solution.status == .optimal)
        }
    }

    /// Whether `open` serves every reachable demand and meets the coverage share.
    private func serves(_ open: [Int], search: PMedianInterchange, reachable: [Int]) -> Bool {
        let assignment = PMedianInterchange.Assignment(search, open: open)
        guard reachable.allSatisfy({ assignment.nearest[$0] >= 0 }) else { return false }
        if let requirement {
            let within = reachable.reduce(0.0) { $0 + (assignment.first[$1] <= requirement.standard ? instance.weights[$1] : 0) }
            guard within >= requirement.share * instance.weights.reduce(0, +) else { return false }
        }
        return true
    }

    /// A full start for `program` from sites `open` (each demand assigned
    /// to its fastest open site).
    private func start(program: MixedIntegerProgram, open: [Int], search: PMedianInterchange) -> [Double] {
        let assignment = PMedianInterchange.Assignment(search, open: open)
        var values = [Double](repeating: 0, count: program.objective.count)
        for j in open { values[j] = 1 }
        // The assignment columns follow the sites, one per pair in pair order.
        for i in search.demands {
            for k in instance.demandStart[i]..<instance.demandStart[i + 1] where instance.demandSites[k] == assignment.nearest[i] {
                values[instance.siteCount + k] = 1
            }
        }
        return values
    }

    /// Weighted mean of each demand's fastest response from `open`.
    func meanTime(_ open: [Int], over demands: [Int], weight: Double) -> Double {
        guard weight > 0 else { return 0 }
        let isOpen = Set(open)
        var total = 0.0
        for i in demands {
            let best =
                (instance.demandStart[i]..<instance.demandStart[i + 1])
                .filter { isOpen.contains(Int(instance.demandSites[$0])) }.map { instance.demandCosts[$0] }.min() ?? .infinity
            total += instance.weights[i] * best
        }
        return total / weight
    }
}
