import Foundation

/// Backup coverage (Hogan & ReVelle 1986): with at most p sites, maximise
/// the weight covered at least twice — so a base can be down for
/// maintenance or weather — while the weight covered at least once stays at
/// or above a floor (by default the MCLP optimum: primary coverage is not
/// traded for backup).
///
///     maximise   Σ_i w_i u_i
///     subject to y_i + u_i ≤ Σ_{j ∈ N_i} x_j,   u_i ≤ y_i        for every demand i
///                Σ_i w_i y_i ≥ floor,   Σ_j x_j ≤ p
///                x, y, u ∈ {0, 1}
public struct BackupCovering: Sendable {
    public enum PrimaryFloor: Sendable, Equatable {
        /// Primary coverage at its MCLP optimum for this p.
        case optimal
        /// Primary covered weight at least this.
        case atLeast(Double)
    }

    public let instance: CoverInstance
    public let p: Int
    public let floor: PrimaryFloor

    public init(instance: CoverInstance, p: Int, floor: PrimaryFloor = .optimal) throws {
        guard p >= 1, p <= instance.siteCount else {
            throw SitingInputError("p = \(p) must be between 1 and the \(instance.siteCount) candidate sites")
        }
        self.instance = instance
        self.p = p
        self.floor = floor
    }

    /// The best backup coverage; `objective` is the weight covered twice.
    /// Infeasible when the floor exceeds what p sites can cover once.
    ///
    /// With a time limit (wall-clock seconds) and the `.optimal` floor, the
    /// MCLP gets half the limit; when it cannot prove its optimum in that
    /// time, the floor is the best primary coverage it found, and the result
    /// is at most feasible (its bound, an upper bound under that lower
    /// floor, holds for the true floor too). CBC then gets the time left,
    /// started from the MCLP's sites, and returns its best solution with
    /// CBC's bound; on models above `MixedIntegerProgram.largestTimedProgram`
    /// nonzeros (CBC's root LP does not keep the limit) the MCLP's sites are
    /// returned, bounded by the MCLP's bound and the weight of demands two
    /// sites reach.
    public func solve(timeLimit: Double? = nil) throws -> SitingResult {
        let clock = ContinuousClock.now
        let deadline = timeLimit.map { clock + .seconds($0) }
        let primaryFloor: Double
        var floorProven = true
        var start: [Int]?
        var primaryBound = instance.weights.reduce(0, +)  // on the weight covered once, so twice too
        switch floor {
        case .optimal:
            let primary = try MaximalCovering(instance: instance, limit: .sites(p)).solve(timeLimit: timeLimit.map { $0 / 2 })
            primaryFloor = primary.objective
            floorProven = primary.status == .optimal
            start = primary.selected
            primaryBound = primary.bound
        case .atLeast(let weight):
            primaryFloor = weight
        }
        var program = MixedIntegerProgram()
        for _ in 0..<instance.siteCount { program.addColumn(cost: 0) }
        var yColumns: [Int32] = [], yWeights: [Double] = []
        let chosen = Set(start ?? [])
        var startValues = [Double](repeating: 0, count: instance.siteCount)
        for j in chosen { startValues[j] = 1 }
        for i in 0..<instance.demandCount where !instance.sites(covering: i).isEmpty {
            let y = Int32(program.addColumn(cost: 0))
            let u = Int32(program.addColumn(cost: -instance.weights[i]))
            let sites = Array(instance.sites(covering: i))
            program.addRow([y, u] + sites, [1, 1] + Array(repeating: -1, count: sites.count), upper: 0)
            program.addRow([u, y], [1, -1], upper: 0)
            yColumns.append(y)
            yWeights.append(instance.weights[i])
            let count = sites.filter { chosen.contains(Int($0)) }.count
            startValues += [count >= 1 ? 1 : 0, count >= 2 ? 1 : 0]
        }
        program.addRow((0..<Int32(instance.siteCount)).map { $0 }, Array(repeating: 1, count: instance.siteCount), upper: Double(p))
        // A little slack against round-off in the floor taken from a solved MCLP.
        program.addRow(yColumns, yWeights, lower: primaryFloor - OptimalityTolerance.margin(at: primaryFloor))
        if deadline != nil, let start, program.nonzeros > MixedIntegerProgram.largestTimedProgram {
            // Too large for CBC to keep the limit: the MCLP's sites, bounded
            // by what can be covered once and by the demands two sites reach.
            let counts = instance.coverCounts(start)
            let backup = (0..<instance.demandCount).reduce(0.0) { $0 + (counts[$1] >= 2 ? instance.weights[$1] : 0) }
            let reachedTwice = (0..<instance.demandCount).reduce(0.0) { $0 + (instance.sites(covering: $1).count >= 2 ? instance.weights[$1] : 0) }
            let bound = max(backup, min(primaryBound, reachedTwice))
            return SiteChoice.result(
                model: "backup", instance: instance, selected: start.sorted(), status: floorProven && backup >= bound ? .optimal : .feasible,
                objective: backup, bound: bound, since: clock)
        }
        let left = deadline.map { max(($0 - ContinuousClock.now) / .seconds(1), 0.1) }
        let solution = program.solve(timeLimit: left, start: start == nil ? nil : startValues)
        let selected: [Int]
        var bound: Double
        switch solution.status {
        case .infeasible:
            return SiteChoice.result(
                model: "backup", instance: instance, selected: [], status: .infeasible,
                objective: 0, bound: 0, since: clock)
        case .noSolutionFound:
            guard let start else { throw SitingInputError("CBC found no solution within the time limit") }
            selected = start.sorted()
            bound = solution.bound.isFinite ? -solution.bound : instance.weights.reduce(0, +)
        case .optimal, .feasible:
            selected = (0..<instance.siteCount).filter { solution.values[$0] > 0.5 }
            bound = -solution.bound
        }
        let counts = instance.coverCounts(selected)
        let backup = (0..<instance.demandCount).reduce(0.0) { $0 + (counts[$1] >= 2 ? instance.weights[$1] : 0) }
        let optimal = floorProven && solution.status == .optimal
        bound = max(backup, bound)
        return SiteChoice.result(
            model: "backup", instance: instance, selected: selected,
            status: optimal ? .optimal : .feasible, objective: backup, bound: optimal ? backup : bound, since: clock)
    }
}
