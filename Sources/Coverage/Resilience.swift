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

    /// One base's part of an N−1 evaluation, which depends on that base's
    /// reach alone, so callers that assess many plans may keep it per base
    /// (`pieces`): the reach densified and projected into the grid's
    /// equal-area projection (as `CoverageEvaluation` does), its envelope,
    /// and the zones' part inside it. The geometries are only read once made,
    /// so a piece may be used from any thread.
    public struct Piece: Sendable {
        let plane: Geometry
        let envelope: Envelope?
        /// Z ∩ R_b; nil when the reach meets no zone.
        let mine: Geometry?
    }

    /// The pieces of `reaches` (one served region per base, WGS84) on `grid`.
    public static func pieces(grid: DemandGrid, reaches: [Geometry]) throws -> [Piece] {
        // One transformer, on this thread: a PROJ transformer serves one thread.
        let transformer = try grid.projection.transformerFromWGS84()
        let densify = grid.cellSize / 20 / 111_000
        let planes = try reaches.map { $0.isEmpty ? $0 : try transformer.transform(try $0.densified(maxSegmentLength: densify)) }
        let envelopes = planes.map(\.envelope)
        let zones = grid.projectedUnion
        let zonesEnvelope = zones.envelope
        let mines = ParallelMap.map(planes.count) { index in
            Result { () throws -> Geometry? in
                guard let envelope = envelopes[index], zonesEnvelope?.intersects(envelope) == true else { return nil }
                let mine = try zones.intersection(planes[index])
                return mine.isEmpty ? nil : mine
            }
        }
        return try planes.indices.map { Piece(plane: planes[$0], envelope: envelopes[$0], mine: try mines[$0].get()) }
    }

    /// Evaluates the network `reaches` (one served region per base, WGS84)
    /// with each base removed in turn. `full`: the exact coverage of all of
    /// `reaches` when the caller has it (`CoverageEvaluation.evaluate` of
    /// their union on `grid`); computed here otherwise.
    public static func evaluate(grid: DemandGrid, reaches: [Geometry], full: AreaCoverage? = nil) throws -> Resilience {
        let full = try full ?? CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: reaches)).total
        return try evaluate(pieces: try pieces(grid: grid, reaches: reaches), full: full)
    }

    /// Evaluates the network of the bases whose `pieces` are given, in base
    /// order; `full`: the exact coverage of all their reaches together.
    ///
    /// What a base's outage loses is the zone area only it serves:
    /// Z ∩ R_b minus the reaches of the other bases — and only the bases whose
    /// reach meets R_b can serve any of it, so each outage is a local
    /// computation (exact polygon areas in the grid's equal-area projection)
    /// instead of a new union of all the others; when one neighbour's reach
    /// alone contains Z ∩ R_b the loss is 0 without any union. The outages run on all
    /// cores; each is computed alone, so the figures depend neither on the
    /// thread count nor on whether the pieces were kept from an earlier plan.
    public static func evaluate(pieces: [Piece], full: AreaCoverage) throws -> Resilience {
        let losses = ParallelMap.map(pieces.count) { index in
            Result { () throws -> Double in
                guard let envelope = pieces[index].envelope, let mine = pieces[index].mine else { return 0 }
                // Prepared here: a prepared geometry serves one thread.
                let reach = PreparedGeometry(pieces[index].plane)
                let neighbours = pieces.indices.filter { j in
                    j != index && pieces[j].envelope.map { $0.intersects(envelope) } == true && reach.intersects(pieces[j].plane)
                }
                // A neighbour whose reach holds all of the base's zone area
                // leaves it nothing exclusive: no union of the others needed.
                if neighbours.contains(where: { PreparedGeometry(pieces[$0].plane).contains(mine) }) { return 0 }
                let exclusive = neighbours.isEmpty ? mine : try mine.difference(try Geometry.union(of: neighbours.map { pieces[$0].plane }))
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
