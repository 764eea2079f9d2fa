import Foundation

/// The maximum expected covering location problem (MEXCLP; Daskin 1983):
/// P aircraft at candidate sites, at most K at a site, each busy (on a
/// mission, in maintenance) with probability q, independently. A demand of
/// weight h_i that n_i aircraft reach within the standard is served with
/// probability 1 − q^{n_i}; maximise the expected served weight
/// Σ_i h_i (1 − q^{n_i}).
///
///     maximise   Σ_i Σ_{k=1..R_i} h_i (1 − q) q^{k−1} y_ik
///     subject to Σ_{k=1..R_i} y_ik ≤ Σ_{j ∈ N_i} x_j      for every demand i
///                Σ_j x_j = P,   x_j ∈ {0, 1, …, K},   0 ≤ y_ik ≤ 1
///
/// and x_j ≥ 1 at every kept site (an existing base that stays),
/// where R_i = min(P, K |N_i|), the most aircraft that can reach i. y_ik
/// says "i is covered at least k times"; since the coefficients decrease in
/// k, the y of an integral x fill in order and y needs no integrality, and
/// Σ_k (1 − q) q^{k−1} telescopes to 1 − q^{n_i}. Demands with the same
/// covering sites are one row (weights summed); columns of coefficient 0
/// (q = 0, k ≥ 2) are left out. CBC gets the objective divided by 1 − q.
///
/// Daskin, M. S. (1983). A maximum expected covering location model:
/// formulation, properties and heuristic solution. Transportation Science
/// 17(1), 48–70.
public struct ExpectedCovering: Sendable {
    public let instance: CoverInstance
    /// P.
    public let aircraft: Int
    /// K.
    public let perSite: Int
    /// q, in [0, 1).
    public let busy: Double

    /// Sites (instance indices) that keep an aircraft: each holds at least one, within P.
    public let kept: Set<Int>

    /// Refuses q outside [0, 1), P or K below 1, P above K × sites, and
    /// more `kept` sites than P.
    public init(instance: CoverInstance, aircraft: Int, busy: Double, perSite: Int = 1, kept: Set<Int> = []) throws {
        guard busy.isFinite, busy >= 0, busy < 1 else {
            throw SitingInputError("the busy probability q is \(busy); it must be at least 0 and below 1")
        }
        placement = try AircraftPlacement(instance: instance, aircraft: aircraft, perSite: perSite, kept: kept)
        self.instance = instance
        self.aircraft = aircraft
        self.perSite = perSite
        self.busy = busy
        self.kept = kept
    }

    /// Σ_i h_i (1 − q^{n_i}) for `counts` aircraft per site, each term
    /// computed as −expm1(n log q), to full relative precision even when q
    /// is near 1.
    public func expectedCoveredWeight(_ counts: [Int]) -> Double {
        let n = placement.demandCounts(counts)
        return zip(n, instance.weights).reduce(0) { $0 + $1.1 * Self.served(by: $1.0, busy: busy) }
    }

    /// 1 − q^n: the probability that one of n aircraft is free.
    static func served(by n: Int, busy q: Double) -> Double {
        n == 0 ? 0 : -expm1(Double(n) * log(q))
    }

    private let placement: AircraftPlacement

    /// Greedy: one aircraft at a time where the expected served weight
    /// grows most, h_i (1 − q) q^{n_i} summed over the demands of the site
    /// (ties to the lowest site index), from one aircraft at each kept
    /// site. The objective is a concave function of each demand's count,
    /// so these gains only shrink.
    public func greedy() -> [Int] {
        greedy(from: placement.floor)
    }

    private func greedy(from counts: [Int]) -> [Int] {
        let q = busy, weights = placement.rowWeights
        return placement.greedy(from: counts) { site, n in
            placement.siteRows(site).reduce(0.0) { $0 + weights[Int($1)] * (1 - q) * pow(q, Double(n[Int($1)])) }
        }
    }

    /// The greedy placement improved by moves of one aircraft to another
    /// site (`AircraftPlacement.improve`), then CBC on the program above
    /// started from it.
    /// `objective` is the expected covered weight Σ_i h_i (1 − q^{n_i}) of
    /// the placement returned, `bound` a proven upper bound on it (CBC's,
    /// or Σ_i h_i (1 − q^{R_i}) when CBC gives none); `selected` the sites
    /// holding aircraft and `aircraft` their counts; `coveredWeight` the
    /// weight at least one aircraft reaches. Under a time limit the result
    /// may be `.feasible` with a gap; models above
    /// `MixedIntegerProgram.largestTimedProgram` nonzeros then return the
    /// greedy placement with the bound Σ_i h_i (1 − q^{R_i}).
    public func solve(timeLimit: Double? = nil) -> SitingResult {
        let clock = ContinuousClock.now
        let q = busy
        let greedyStart = greedy()
        // Moves of one aircraft for half the time limit at most, so CBC gets the rest.
        let start = placement.improve(greedyStart, value: { Self.served(by: $0, busy: q) }, deadline: timeLimit.map { clock + .seconds($0 / 2) })
        SitingTrace.log("mexclp greedy: \(expectedCoveredWeight(greedyStart)), moves: \(expectedCoveredWeight(start))", since: clock)
        var program = placement.baseProgram()
        let columns = placement.usefulSites
        var values = columns.map { Double(start[$0]) }
        let startCounts = placement.rowCounts(start)
        var ceiling = 0.0
        for r in 0..<placement.matrix.rowCount {
            let row = placement.matrix.columns(ofRow: r)
            let reach = placement.reach(ofRow: r)
            let weight = placement.rowWeights[r]
            ceiling += weight * Self.served(by: reach, busy: q)
            var ys: [Int32] = []
            for k in 1...reach {
                // h q^(k−1): the objective over 1 − q, so that CBC's absolute
                // tolerances do not swamp it when q is near 1.
                let coefficient = weight * pow(q, Double(k - 1))
                guard coefficient > 0 else { break }
                ys.append(Int32(program.addColumn(cost: -coefficient, integer: false)))
                values.append(k <= startCounts[r] ? 1 : 0)
            }
            let sites = row.map { Int32(columns.binarySearch($0)) }
            program.addRow(ys + sites, Array(repeating: 1, count: ys.count) + Array(repeating: -1, count: sites.count), upper: 0)
        }
        return placement.solve(
            model: "mexclp", program: program, start: values, fallback: start, timeLimit: timeLimit, objectiveScale: 1 - q, since: clock,
            value: expectedCoveredWeight, ceiling: ceiling, complete: { greedy(from: $0) })
    }
}

extension Array where Element == Int {
    /// The index of `value` in this ascending array (which holds it).
    func binarySearch(_ value: Int32) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < Int(value) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
