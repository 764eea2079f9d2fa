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
    public func solve(timeLimit: Double? = nil) throws -> SitingResult {
        let clock = ContinuousClock.now
        let primaryFloor: Double
        switch floor {
        case .optimal:
            let primary = try MaximalCovering(instance: instance, limit: .sites(p)).solve(timeLimit: timeLimit)
            guard primary.status == .optimal else {
                throw SitingInputError("the primary coverage optimum could not be proven within the time limit; give an explicit floor")
            }
            primaryFloor = primary.objective
        case .atLeast(let weight):
            primaryFloor = weight
        }
        var program = MixedIntegerProgram()
        for _ in 0..<instance.siteCount { program.addColumn(cost: 0) }
        var yColumns: [Int32] = [], yWeights: [Double] = []
        for i in 0..<instance.demandCount where !instance.sites(covering: i).isEmpty {
            let y = Int32(program.addColumn(cost: 0))
            let u = Int32(program.addColumn(cost: -instance.weights[i]))
            let sites = Array(instance.sites(covering: i))
            program.addRow([y, u] + sites, [1, 1] + Array(repeating: -1, count: sites.count), upper: 0)
            program.addRow([u, y], [1, -1], upper: 0)
            yColumns.append(y)
            yWeights.append(instance.weights[i])
        }
        program.addRow((0..<Int32(instance.siteCount)).map { $0 }, Array(repeating: 1, count: instance.siteCount), upper: Double(p))
        // A little slack against round-off in the floor taken from a solved MCLP.
        program.addRow(yColumns, yWeights, lower: primaryFloor - 1e-9 * max(1, primaryFloor))
        let solution = program.solve(timeLimit: timeLimit)
        guard solution.status == .optimal || solution.status == .feasible else {
            if solution.status == .infeasible {
                return SiteChoice.result(model: "backup", instance: instance, selected: [], status: .infeasible,
                                         objective: 0, bound: 0, since: clock)
            }
            throw SitingInputError("CBC found no solution within the time limit")
        }
        let selected = (0..<instance.siteCount).filter { solution.values[$0] > 0.5 }
        let counts = instance.coverCounts(selected)
        let backup = (0..<instance.demandCount).reduce(0.0) { $0 + (counts[$1] >= 2 ? instance.weights[$1] : 0) }
        let bound = max(backup, -solution.bound)
        return SiteChoice.result(model: "backup", instance: instance, selected: selected,
                                 status: solution.status == .optimal ? .optimal : .feasible,
                                 objective: backup, bound: solution.status == .optimal ? backup : bound, since: clock)
    }
}
