import Foundation
import GeoCore
import Isochrones
import Support

/// Builds a `CoverageMatrix`: the response time from every candidate site to
/// every demand cell centre within the standard.
///
/// Fast and exact. No path is shorter than the straight chord through the
/// Earth, so a cell considers only the sites whose chord is within the
/// distance the aircraft can fly in the standard with the strongest possible
/// tailwind (`PointBlocks` finds them for a run of neighbouring cells at once).
///
/// - In calm air with nothing in the way, the geodesic distance of each such
///   pair is estimated from its chord (`ChordGeodesic`, four pairs at a time,
///   within `ChordGeodesic.errorBound`: 2 mm up to 290 km). A pair whose
///   estimate is farther from the reach limit than a safety band (1 m plus
///   ten times that bound) is decided by it, and its response time is
///   computed from it; a pair inside the band gets Karney's exact geodesic.
///   So which pairs are in the matrix is exactly what the all-pairs geodesic
///   computation gives, and stored times (`Float` minutes) differ from it by
///   at most the bound's worth of flight (2 mm: 0.03 ms at 250 km/h).
///   Most pairs are settled by their chord alone (`ChordGeodesic.chord(below:)`),
///   with the same outcome as by the estimate; the others are settled one by one.
/// - Otherwise each pair gets Karney's distance and, within reach, the
///   `ReachModel`'s time (integrating the wind, routing around obstacles).
///
/// Runs of cells are processed in parallel, each written in place as a
/// segment of the matrix; every cell's sites are ascending, so the matrix is
/// identical whatever the thread count.
public struct CoverageMatrixBuilder: Sendable {
    public let model: ReachModel
    public let standardMinutes: Double

    /// Beyond this reach the chord estimate is not used (its error grows as
    /// the fifth power of the distance).
    static let chordEstimateLimit = 1_500_000.0
    /// Segments (units of parallel work) per build, at most.
    static let segmentCount = 64

    public init(model: ReachModel, standardMinutes: Double) throws {
        _ = try model.flightBudgetSeconds(forStandard: standardMinutes)
        self.model = model
        self.standardMinutes = standardMinutes
    }

    /// The matrix for `sites` and `cells` (by their centres).
    public func build(sites: [LonLat], cells: [LonLat]) throws -> CoverageMatrix {
        let flightBudget = try model.flightBudgetSeconds(forStandard: standardMinutes)
        // No path is longer than the fastest ground speed times the flight
        // time out, which is bounded by the standard and by the round trip.
        let reachMetres = (model.timer.airspeed + model.maximumWindSpeed) * min(flightBudget, model.roundTripBudgetSeconds)
        let calm = model.wind.isCalm && model.airspace.isEmpty && reachMetres <= Self.chordEstimateLimit
        // In calm air the limit is exact: the standard or half the round trip.
        let pairs = PairKernel(
            builder: self, sites: sites, cells: cells,
            reachMetres: calm ? model.timer.airspeed * min(flightBudget, model.roundTripBudgetSeconds / 2) : reachMetres,
            calm: calm,
            routes: model.airspace.isEmpty ? [] : ParallelMap.map(sites.count) { model.routes(from: sites[$0], maximumFlightSeconds: flightBudget) })
        let blocks = pairs.cellBlocks.blocks.count
        let parts = max(1, min(blocks, Self.segmentCount))
        let segments = ParallelMap.map(parts) { part in
            pairs.segment(blocks: (blocks * part / parts)..<(blocks * (part + 1) / parts))
        }
        return CoverageMatrix(siteCount: sites.count, cellCount: cells.count, standardMinutes: standardMinutes, segments: segments)
    }
}
