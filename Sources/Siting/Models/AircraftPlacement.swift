import Foundation

/// P aircraft at candidate sites, at most K at a site: what the availability
/// models (`ExpectedCovering`, `MaximumAvailability`) share — the checks,
/// the reduced rows, the greedy start and the exact solve on CBC.
///
/// Placements are counts per site (`counts[j]` aircraft at site j, 0…K,
/// summing to P). A demand's coverage count is the number of aircraft at
/// the sites covering it. Both models' objectives are nondecreasing in every
/// count, so their programs ask Σ x_j ≤ P and the placement is completed to
/// exactly P afterwards by the same greedy rule, at no loss.
///
/// Kept sites (existing bases that stay) hold at least one aircraft each:
/// their counts start at 1 and never fall below it, in the greedy, the
/// moves and the program (lower bound 1 on their x); the P counted
/// includes them.
struct AircraftPlacement {
    let instance: CoverInstance
    /// P.
    let aircraft: Int
    /// K.
    let perSite: Int
    /// Demands of positive weight with the same covering sites merged into
    /// one row, weights summed (demands no site covers dropped).
    /// Rows over the instance's sites.
    let matrix: CoverMatrix
    let rowWeights: [Double]
    /// Sites covering some row, ascending: the program's x columns.
    let usefulSites: [Int]
    /// The fewest aircraft at each site: 1 at a kept site, else 0.
    let floor: [Int]

    /// Refuses K or P below 1, P above K × sites, kept sites that are not
    /// sites of the instance, and more kept sites than P.
    init(instance: CoverInstance, aircraft: Int, perSite: Int, kept: Set<Int> = []) throws {
        guard perSite >= 1 else { throw SitingInputError("the aircraft per site must be 1 or more, got \(perSite)") }
        guard aircraft >= 1 else { throw SitingInputError("the aircraft to place must be 1 or more, got \(aircraft)") }
        if let outside = kept.first(where: { !(0..<instance.siteCount).contains($0) }) {
            throw SitingInputError("kept site index \(outside) is not one of the \(instance.siteCount) candidate sites")
        }
        guard kept.count <= aircraft else {
            throw SitingInputError(
                "\(kept.count) sites are kept open, one aircraft each, more than the \(aircraft) aircraft placed; place at least \(kept.count)")
        }
        let (places, overflow) = instance.siteCount.multipliedReportingOverflow(by: perSite)
        guard overflow || aircraft <= places else {
            throw SitingInputError(
                "\(aircraft) aircraft do not fit \(perSite) per site at the \(instance.siteCount) candidate sites "
                    + "(\(places) places); place fewer or allow more per site")
        }
        let demands = (0..<instance.demandCount).filter { instance.weights[$0] > 0 }
        (matrix, rowWeights) = instance.matrix.mergedSubmatrix(
            rows: demands, columns: Array(0..<instance.siteCount), weights: demands.map { instance.weights[$0] })
        self.instance = instance
        self.aircraft = aircraft
        self.perSite = perSite
        let matrix = self.matrix
        usefulSites = (0..<instance.siteCount).filter { matrix.rowCount(ofColumn: $0) > 0 }
        floor = (0..<instance.siteCount).map { kept.contains($0) ? 1 : 0 }
    }

    /// How many aircraft of `counts` cover each demand of the instance.
    func demandCounts(_ counts: [Int]) -> [Int] {
        var n = [Int](repeating: 0, count: instance.demandCount)
        for j in counts.indices where counts[j] > 0 { for i in instance.demands(coveredBy: j) { n[Int(i)] += counts[j] } }
        return n
    }

    /// How many aircraft of `counts` cover each row.
    func rowCounts(_ counts: [Int]) -> [Int] {
        var n = [Int](repeating: 0, count: matrix.rowCount)
        for j in counts.indices where counts[j] > 0 { for r in siteRows(j) { n[Int(r)] += counts[j] } }
        return n
    }

    /// The rows site j covers.
    func siteRows(_ j: Int) -> ArraySlice<Int32> { matrix.rows(ofColumn: j) }

    /// The most aircraft that can cover row r: K at each of its sites, at most P.
    func reach(ofRow r: Int) -> Int {
        let (places, overflow) = matrix.columns(ofRow: r).count.multipliedReportingOverflow(by: perSite)
        return overflow ? aircraft : min(aircraft, places)
    }

    /// Adds aircraft one at a time, from `counts`, to the site with room
    /// whose `score(site, rowCounts)` is highest (ties to the lowest
    /// index), until P are placed. O((P − placed) × pairs).
    func greedy<Score: Comparable>(from counts: [Int], score: (_ site: Int, _ rowCounts: [Int]) -> Score) -> [Int] {
        var counts = counts
        var n = rowCounts(counts)
        var placed = counts.reduce(0, +)
        while placed < aircraft {
            var best: (site: Int, score: Score)?
            for j in 0..<instance.siteCount where counts[j] < perSite {
                let s = score(j, n)
                if best == nil || s > best!.score { best = (j, s) }
            }
            guard let site = best?.site else { break }
            counts[site] += 1
            for r in siteRows(site) { n[Int(r)] += 1 }
            placed += 1
        }
        return counts
    }

    /// Best-improvement moves of one aircraft from one site to another
    /// (with room; never below a kept site's `floor`), from `counts`, for the objective Σ_r w_r value(n_r),
    /// until no move gains more than 10⁻¹² of the total weight or the
    /// deadline passes. Each round is O(sites holding aircraft × pairs).
    func improve(_ counts: [Int], value: (Int) -> Double, deadline: ContinuousClock.Instant?) -> [Int] {
        var counts = counts
        var n = rowCounts(counts)
        let tolerance = 1e-12 * max(1, rowWeights.reduce(0, +))
        func change(_ site: Int, by step: Int) -> Double {
            siteRows(site).reduce(0.0) { $0 + rowWeights[Int($1)] * (value(n[Int($1)] + step) - value(n[Int($1)])) }
        }
        while deadline.map({ ContinuousClock.now < $0 }) ?? true {
            var best: (from: Int, to: Int, gain: Double)?
            for from in counts.indices where counts[from] > floor[from] {
                let loss = change(from, by: -1)
                for r in siteRows(from) { n[Int(r)] -= 1 }
                counts[from] -= 1
                for to in counts.indices where to != from && counts[to] < perSite && !siteRows(to).isEmpty {
                    let gain = loss + change(to, by: 1)
                    if gain > tolerance && gain > best?.gain ?? 0 { best = (from, to, gain) }
                }
                counts[from] += 1
                for r in siteRows(from) { n[Int(r)] += 1 }
            }
            guard let move = best else { break }
            counts[move.from] -= 1
            counts[move.to] += 1
            for r in siteRows(move.from) { n[Int(r)] -= 1 }
            for r in siteRows(move.to) { n[Int(r)] += 1 }
        }
        return counts
    }

    /// The x columns (one per useful site, integer `floor`…K) and Σ x ≤ P
    /// less the kept sites that cover no row (their aircraft are fixed
    /// outside the program); the model adds its own columns and rows after them.
    func baseProgram() -> MixedIntegerProgram {
        var program = MixedIntegerProgram()
        // Integer columns above 1 are what CBC 2.10's preprocessing may
        // reformulate (see `MixedIntegerProgram.preprocess`).
        program.preprocess = false
        let sites = usefulSites
        for j in sites { program.addColumn(cost: 0, lower: Double(floor[j]), upper: Double(perSite)) }
        let fixedOutside = floor.indices.filter { siteRows($0).isEmpty }.reduce(0) { $0 + floor[$1] }
        program.addRow((0..<Int32(sites.count)).map { $0 }, Array(repeating: 1, count: sites.count), upper: Double(aircraft - fixedOutside))
        return program
    }

    /// CBC on `program` (built on `baseProgram()`, maximising −objective ×
    /// `objectiveScale`: CBC's objective times the scale is the model's),
    /// started from `start` (values of every column), within `timeLimit`;
    /// then the placement completed to P by `complete`. `value` is the
    /// model's objective of a placement, `ceiling` a proven upper bound on
    /// it used when CBC gives none. Under a time limit, a program above
    /// `MixedIntegerProgram.largestTimedProgram` nonzeros (CBC's root LP
    /// does not keep the limit) is not solved: `fallback` is returned with
    /// `ceiling` as its bound.
    func solve(
        model: String, program: MixedIntegerProgram, start: [Double], fallback: [Int], timeLimit: Double?,
        objectiveScale: Double = 1, since clock: ContinuousClock.Instant, value: ([Int]) -> Double, ceiling: Double,
        complete: ([Int]) -> [Int]
    ) -> SitingResult {
        var counts = fallback, bound = ceiling, proven = false
        if timeLimit == nil || program.nonzeros <= MixedIntegerProgram.largestTimedProgram {
            let left = timeLimit.map { max($0 - (ContinuousClock.now - clock) / .seconds(1), 0.1) }
            let solution = program.solve(timeLimit: left, start: start)
            SitingTrace.log("\(model): CBC \(solution.status), value \(-solution.objective), bound \(-solution.bound)", since: clock)
            if solution.bound.isFinite { bound = min(bound, -solution.bound * objectiveScale) }
            switch solution.status {
            case .optimal, .feasible:
                // Kept sites covering no row hold their aircraft outside the program.
                var found = floor
                for (c, j) in usefulSites.enumerated() { found[j] = Int(solution.values[c].rounded()) }
                found = complete(found)
                if value(found) >= value(counts) { counts = found }
                proven = solution.status == .optimal
            case .infeasible, .noSolutionFound:
                break
            }
        }
        let objective = value(counts)
        if OptimalityTolerance.closes(bound - objective, at: objective) { proven = true }
        return result(
            model: model, counts: counts, objective: objective, bound: proven ? objective : max(bound, objective),
            status: proven ? .optimal : .feasible, since: clock)
    }

    func result(
        model: String, counts: [Int], objective: Double, bound: Double, status: SolutionStatus,
        since clock: ContinuousClock.Instant
    ) -> SitingResult {
        let selected = counts.indices.filter { counts[$0] > 0 }
        return SiteChoice.result(
            model: model, instance: instance, selected: selected, status: status, objective: objective,
            bound: bound, aircraft: selected.map { counts[$0] }, since: clock)
    }
}
