import Foundation

/// A proven lower bound on the p-median's weighted total time, by Lagrangian
/// relaxation of the assignment rows Σ_j z_ij = 1 (Cornuéjols, Fisher &
/// Nemhauser 1977) and subgradient steps on the multipliers λ:
///
///     L(λ) = Σ_i λ_i + Σ_{p sites j with the lowest ρ_j < 0} ρ_j,
///     ρ_j  = Σ_{i ∈ D_j} min(0, w_i t_ij − λ_i)
///
/// L(λ) ≤ the optimum for every λ, so the bound holds whenever the steps
/// stop; at its best it equals the LP relaxation's. The sums are lowered by
/// a relative 1e-12 of their magnitude against rounding. For the hybrid
/// model the coverage row is dropped, which leaves a valid (weaker) bound.
/// Each step costs one pass over the pairs; the first always runs, later
/// ones only before the deadline, so it is kept to within one pass.
struct PMedianLagrangian {
    let search: PMedianInterchange
    let p: Int

    /// The best L(λ) found, stopping at `deadline`, after `maximumSteps`,
    /// when the steps shrink to nothing, or when the bound comes within a
    /// `OptimalityTolerance` of `upper` (the weighted total of a known solution).
    func bound(upper: Double?, deadline: ContinuousClock.Instant?, maximumSteps: Int = 3_000) -> Double {
        let instance = search.instance
        let demands = search.demands
        guard !demands.isEmpty else { return 0 }
        // λ_i = w_i · (fastest time): L is then the sum of the fastest
        // times, the bound of serving every demand from its nearest site.
        var lambda = [Double](repeating: 0, count: instance.demandCount)
        var fastest = [Double](repeating: .infinity, count: instance.demandCount)
        for i in demands {
            for k in instance.demandStart[i]..<instance.demandStart[i + 1] { fastest[i] = min(fastest[i], instance.demandCosts[k]) }
            lambda[i] = instance.weights[i] * fastest[i]
        }
        var best = -Double.infinity
        var scale = 2.0, sinceImprovement = 0
        var rho = [Double](repeating: 0, count: instance.siteCount)
        var served = [Int](repeating: 0, count: instance.demandCount)
        let target = upper.map { $0 - OptimalityTolerance.margin(at: $0) }
        for step in 0..<maximumSteps {
            // The first step always runs: it gives at least the nearest-site bound.
            if step > 0, let deadline, ContinuousClock.now >= deadline { break }
            var magnitude = 0.0
            for j in 0..<instance.siteCount {
                var sum = 0.0
                for position in instance.siteStart[j]..<instance.siteStart[j + 1] {
                    let i = Int(instance.siteDemands[position])
                    let reduced = instance.weights[i] * search.siteTimes[position] - lambda[i]
                    if reduced < 0 {
                        sum += reduced
                        magnitude -= reduced
                    }
                }
                rho[j] = sum
            }
            let chosen = (0..<instance.siteCount).filter { rho[$0] < 0 }.sorted { (rho[$0], $0) < (rho[$1], $1) }.prefix(p)
            var value = chosen.reduce(0.0) { $0 + rho[$1] }
            for i in demands {
                value += lambda[i]
                magnitude += abs(lambda[i])
            }
            value -= 1e-12 * magnitude
            if value > best {
                best = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 20 {
                    scale /= 2
                    sinceImprovement = 0
                }
            }
            if let target, best >= target { break }
            guard scale > 1e-6 else { break }
            // Subgradient: 1 − (times demand i is served in the relaxed solution).
            for i in demands { served[i] = 0 }
            for j in chosen {
                for position in instance.siteStart[j]..<instance.siteStart[j + 1] {
                    let i = Int(instance.siteDemands[position])
                    if instance.weights[i] * search.siteTimes[position] - lambda[i] < 0 { served[i] += 1 }
                }
            }
            let norm = demands.reduce(0.0) { $0 + Double((1 - served[$1]) * (1 - served[$1])) }
            guard norm > 0 else { break }  // the relaxed solution is feasible: L is the optimum
            let gap = max((upper ?? best * 1.1 + 1) - value, OptimalityTolerance.margin(at: value))
            let step = scale * gap / norm
            for i in demands { lambda[i] += step * Double(1 - served[i]) }
        }
        return best
    }
}
