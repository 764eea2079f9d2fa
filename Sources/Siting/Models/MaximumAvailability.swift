import Foundation

/// The maximum availability location problem, MALP I (ReVelle & Hogan
/// 1989): P aircraft at candidate sites, at most K at a site, each busy with
/// probability q, independently. A demand counts as covered only when it is
/// served with probability at least α, that is when at least
///
///     b = ⌈ log(1 − α) / log q ⌉      (b = 1 when q = 0)
///
/// aircraft reach it within the standard (1 − q^b ≥ α); maximise the weight
/// so covered.
///
///     maximise   Σ_i h_i z_i
///     subject to b z_i ≤ Σ_{j ∈ N_i} x_j        for every demand i
///                Σ_j x_j = P,   x_j ∈ {0, 1, …, K},   z_i ∈ {0, 1}
///
/// and x_j ≥ 1 at every kept site (an existing base that stays).
///
/// ReVelle and Hogan write the coverage with y_ik (covered at least k
/// times) and count y_ib; b z_i ≤ Σ x_j is the same condition with one
/// column per demand. Demands with the same covering sites are one row
/// (weights summed); rows fewer than b aircraft can reach (K |N_i| < b)
/// are left out.
///
/// ReVelle, C. & Hogan, K. (1989). The maximum availability location
/// problem. Transportation Science 23(3), 192–200.
public struct MaximumAvailability: Sendable {
    public let instance: CoverInstance
    /// P.
    public let aircraft: Int
    /// K.
    public let perSite: Int
    /// q, in [0, 1).
    public let busy: Double
    /// α, in (0, 1).
    public let reliability: Double
    /// b: the aircraft a demand needs within reach.
    public let requiredAircraft: Int
    /// Sites (instance indices) that keep an aircraft: each holds at least one, within P.
    public let kept: Set<Int>
    private let placement: AircraftPlacement

    /// Refuses q outside [0, 1), α outside (0, 1), a b above P (no
    /// demand could count), and more `kept` sites than P.
    public init(instance: CoverInstance, aircraft: Int, busy: Double, reliability: Double, perSite: Int = 1, kept: Set<Int> = []) throws {
        let b = try Self.requiredAircraft(reliability: reliability, busy: busy)
        placement = try AircraftPlacement(instance: instance, aircraft: aircraft, perSite: perSite, kept: kept)
        guard b <= aircraft else {
            throw SitingInputError(
                "with q = \(busy) and α = \(reliability) a demand needs b = \(b) aircraft within reach, "
                    + "more than the \(aircraft) placed; place more aircraft or lower α")
        }
        self.instance = instance
        self.aircraft = aircraft
        self.perSite = perSite
        self.busy = busy
        self.reliability = reliability
        self.kept = kept
        requiredAircraft = b
    }

    /// b, the fewest aircraft n with 1 − q^n ≥ α: ⌈log(1 − α) / log q⌉, at
    /// least 1; 1 when q = 0. The ratio is taken as the whole number it is
    /// within 1e-9 (relative) of, so that exact cases stay exact in floating
    /// point (q = 0.3, α = 0.91: 1 − 0.3² = 0.91, b = 2, not 3). Refuses q
    /// outside [0, 1) and α outside (0, 1), and a b beyond 10⁹.
    public static func requiredAircraft(reliability alpha: Double, busy q: Double) throws -> Int {
        guard q.isFinite, q >= 0, q < 1 else {
            throw SitingInputError("the busy probability q is \(q); it must be at least 0 and below 1")
        }
        guard alpha.isFinite, alpha > 0, alpha < 1 else {
            throw SitingInputError("the reliability α is \(alpha); it must be above 0 and below 1")
        }
        if q == 0 { return 1 }
        let ratio = log1p(-alpha) / log(q)
        guard ratio <= 1e9 else {
            throw SitingInputError("with q = \(q) and α = \(alpha) a demand needs more than 10⁹ aircraft within reach; lower α or q")
        }
        let whole = ratio.rounded()
        let b = abs(ratio - whole) <= 1e-9 * max(1, whole) ? whole : ratio.rounded(.up)
        return max(1, Int(b))
    }

    /// The weight of the demands at least b aircraft of `counts` reach.
    public func availableWeight(_ counts: [Int]) -> Double {
        let n = placement.demandCounts(counts)
        return zip(n, instance.weights).reduce(0) { $0 + ($1.0 >= requiredAircraft ? $1.1 : 0) }
    }

    /// Greedy: one aircraft at a time at the site that brings the most
    /// weight to b aircraft; ties broken by progress, Σ h_i / (b − n_i)
    /// over the demands of the site still short of b that can reach b
    /// (nearly covered demands first), then by the lowest site index. With
    /// b = 1 it is MCLP's greedy. It starts from one aircraft at each kept site.
    public func greedy() -> [Int] {
        greedy(from: placement.floor)
    }

    private func greedy(from counts: [Int]) -> [Int] {
        let b = requiredAircraft, weights = placement.rowWeights
        let reachable = (0..<placement.matrix.rowCount).map { placement.reach(ofRow: $0) >= b }
        return placement.greedy(from: counts) { site, n in
            var completed = 0.0, progress = 0.0
            for r in placement.siteRows(site).lazy.map({ Int($0) }) where reachable[r] && n[r] < b {
                if n[r] == b - 1 { completed += weights[r] }
                progress += weights[r] / Double(b - n[r])
            }
            return Progress(completed: completed, progress: progress)
        }
    }

    private struct Progress: Comparable {
        let completed: Double, progress: Double
        static func < (a: Self, b: Self) -> Bool { (a.completed, a.progress) < (b.completed, b.progress) }
    }

    /// The greedy placement improved by moves of one aircraft to another
    /// site (`AircraftPlacement.improve`), then CBC on the program above
    /// started from it.
    /// `objective` is the weight at least b aircraft reach, `bound` a proven
    /// upper bound on it (CBC's, or the weight of the demands K |N_i| ≥ b
    /// when CBC gives none); `selected` the sites holding aircraft and
    /// `aircraft` their counts; `coveredWeight` the weight at least one
    /// aircraft reaches. Under a time limit the result may be `.feasible`
    /// with a gap; models above `MixedIntegerProgram.largestTimedProgram`
    /// nonzeros then return the greedy placement with that weight as bound.
    public func solve(timeLimit: Double? = nil) -> SitingResult {
        let clock = ContinuousClock.now
        let b = requiredAircraft
        let greedyStart = greedy()
        // Moves of one aircraft for half the time limit at most, so CBC gets the rest.
        let start = placement.improve(greedyStart, value: { $0 >= b ? 1 : 0 }, deadline: timeLimit.map { clock + .seconds($0 / 2) })
        SitingTrace.log("malp greedy: \(availableWeight(greedyStart)), moves: \(availableWeight(start)) (b = \(b))", since: clock)
        var program = placement.baseProgram()
        let columns = placement.usefulSites
        var values = columns.map { Double(start[$0]) }
        let startCounts = placement.rowCounts(start)
        var ceiling = 0.0
        for r in 0..<placement.matrix.rowCount where placement.reach(ofRow: r) >= b {
            let row = placement.matrix.columns(ofRow: r)
            ceiling += placement.rowWeights[r]
            let z = Int32(program.addColumn(cost: -placement.rowWeights[r]))
            values.append(startCounts[r] >= b ? 1 : 0)
            let sites = row.map { Int32(columns.binarySearch($0)) }
            program.addRow([z] + sites, [Double(b)] + Array(repeating: -1, count: sites.count), upper: 0)
        }
        return placement.solve(
            model: "malp", program: program, start: values, fallback: start, timeLimit: timeLimit, since: clock,
            value: availableWeight, ceiling: ceiling, complete: { greedy(from: $0) })
    }
}
