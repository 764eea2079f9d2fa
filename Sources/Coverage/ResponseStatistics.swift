/// The demand-weighted distribution of response times over served demand.
///
/// Quantiles are of the weighted empirical distribution: the q-quantile is
/// the smallest time t such that the weight served within t is at least q of
/// the served weight (no interpolation), so every figure is a time some
/// demand actually sees.
public struct ResponseStatistics: Sendable, Equatable, Codable {
    public let servedWeight: Double
    public let meanMinutes: Double
    public let medianMinutes: Double
    public let p90Minutes: Double
    public let maxMinutes: Double

    /// Statistics of `(minutes, weight)` samples; `nil` when no weight is served.
    public init?(_ samples: [(minutes: Double, weight: Double)]) {
        let served = samples.filter { $0.weight > 0 }.sorted { $0.minutes < $1.minutes }
        let total = served.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        servedWeight = total
        meanMinutes = served.reduce(0) { $0 + $1.minutes * $1.weight } / total
        maxMinutes = served.last!.minutes
        func quantile(_ q: Double) -> Double {
            var cumulative = 0.0
            for sample in served {
                cumulative += sample.weight
                if cumulative >= q * total * (1 - 1e-12) { return sample.minutes }
            }
            return served.last!.minutes
        }
        medianMinutes = quantile(0.5)
        p90Minutes = quantile(0.9)
    }
}
