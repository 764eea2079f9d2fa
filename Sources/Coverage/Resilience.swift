import GeoCore

/// N−1 resilience: what a base set covers when each base in turn is out of
/// service (maintenance, weather), and which base the network misses most.
public struct Resilience: Sendable {
    public struct Outage: Sendable, Equatable {
        /// Index of the base taken out.
        public let base: Int
        /// Exact covered area of all zones without it, km², and as a percentage.
        public let coveredKm2: Double
        public let coveredPercent: Double
        /// Coverage lost against the full network, percentage points.
        public let lossPoints: Double
    }

    /// Coverage with every base (percent of all zones' area).
    public let fullPercent: Double
    /// One outage per base, in base order.
    public let outages: [Outage]

    /// The base whose loss costs the most coverage (the first on ties); `nil` for no bases.
    public var mostCritical: Outage? {
        outages.max { ($0.lossPoints, -$0.base) < ($1.lossPoints, -$1.base) }
    }

    /// Evaluates the network `reaches` (one served region per base, WGS84)
    /// with each base removed in turn.
    public static func evaluate(grid: DemandGrid, reaches: [Geometry]) throws -> Resilience {
        let full = try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: reaches)).total
        let outages = try reaches.indices.map { index -> Outage in
            var others = reaches
            others.remove(at: index)
            let total = try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: others)).total
            return Outage(base: index, coveredKm2: total.coveredKm2, coveredPercent: total.coveredPercent,
                          lossPoints: full.coveredPercent - total.coveredPercent)
        }
        return Resilience(fullPercent: full.coveredPercent, outages: outages)
    }
}
