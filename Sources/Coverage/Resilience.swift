import GeoCore
import Support

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
    /// with each base removed in turn. `full`: the exact coverage of all of
    /// `reaches` when the caller has it (`CoverageEvaluation.evaluate` of
    /// their union on `grid`); computed here otherwise.
    ///
    /// What a base's outage loses is the zone area only it serves:
    /// Z ∩ R_b minus the reaches of the other bases — and only the bases whose
    /// reach meets R_b can serve any of it, so each outage is a local
    /// computation (exact polygon areas in the grid's equal-area projection,
    /// densified as `CoverageEvaluation` does) instead of a new union of all
    /// the others. The outages run on all cores; each is computed alone, so
    /// the figures do not depend on the thread count.
    public static func evaluate(grid: DemandGrid, reaches: [Geometry], full: AreaCoverage? = nil) throws -> Resilience {
        let full = try full ?? CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: reaches)).total
        let transformer = try grid.projection.transformerFromWGS84()
        let densify = grid.cellSize / 20 / 111_000
        let planes = try reaches.map { $0.isEmpty ? $0 : try transformer.transform(try $0.densified(maxSegmentLength: densify)) }
        let envelopes = planes.map(\.envelope)
        let zones = grid.projectedUnion
        let zonesEnvelope = zones.envelope
        let losses = ParallelMap.map(planes.count) { index in
            Result { () throws -> Double in
                guard let envelope = envelopes[index], zonesEnvelope?.intersects(envelope) == true else { return 0 }
                let mine = try zones.intersection(planes[index])
                guard !mine.isEmpty else { return 0 }
                // Prepared here: a prepared geometry serves one thread only.
                let reach = PreparedGeometry(planes[index])
                let neighbours = planes.indices.filter { j in
                    j != index && envelopes[j].map { $0.intersects(envelope) } == true && reach.intersects(planes[j])
                }
                let exclusive = neighbours.isEmpty ? mine : try mine.difference(try Geometry.union(of: neighbours.map { planes[$0] }))
                return exclusive.area / 1e6
            }
        }
        let outages = try losses.enumerated().map { index, loss -> Outage in
            let lost = try loss.get()
            let covered = max(0, full.coveredKm2 - lost)
            let percent = lost == 0 ? full.coveredPercent : full.areaKm2 > 0 ? min(100, 100 * covered / full.areaKm2) : 0
            return Outage(base: index, coveredKm2: covered, coveredPercent: percent, lossPoints: full.coveredPercent - percent)
        }
        return Resilience(fullPercent: full.coveredPercent, outages: outages)
    }
}
