import Foundation
import GeoCore
import Isochrones

/// Builds a `CoverageMatrix`: the response time from every candidate site to
/// every demand cell centre within the standard.
///
/// Fast and exact: a site can only reach cells within the distance the
/// aircraft flies in the standard with the strongest possible tailwind, so
/// an STR-tree over cell centres yields the candidates inside that distance's
/// bounding box; only those get an exact geodesic distance, and only those
/// within the distance get a response time (`ReachModel`, which in calm air
/// is distance / speed and otherwise integrates the wind and routes around
/// obstacles). Sites are processed in parallel; rows are sorted, so the
/// matrix is identical whatever the thread count.
public struct CoverageMatrixBuilder: Sendable {
    public let model: ReachModel
    public let standardMinutes: Double

    public init(model: ReachModel, standardMinutes: Double) throws {
        _ = try model.flightBudgetSeconds(forStandard: standardMinutes)
        self.model = model
        self.standardMinutes = standardMinutes
    }

    /// The matrix for `sites` (rows) and `cells` (columns, by their centres).
    public func build(sites: [LonLat], cells: [LonLat]) throws -> CoverageMatrix {
        let index = SpatialIndex(cells.map { Envelope(minX: $0.lon, minY: $0.lat, maxX: $0.lon, maxY: $0.lat) })
        let flightBudget = try model.flightBudgetSeconds(forStandard: standardMinutes)
        // No path is longer than the fastest ground speed times the flight
        // time out, which is bounded by the standard and by the round trip.
        let reachMetres = (model.timer.airspeed + model.maximumWindSpeed) * min(flightBudget, model.roundTripBudgetSeconds)
        let rows = ParallelMap.map(sites.count) { s -> [(cell: Int32, minutes: Float)] in
            let site = sites[s]
            let routes = model.airspace.isEmpty ? nil : model.routes(from: site, maximumFlightSeconds: flightBudget)
            var row: [(cell: Int32, minutes: Float)] = []
            let calm = model.wind.isCalm && routes == nil
            for c in index.query(Envelope.around(site, radiusMetres: reachMetres)) {
                // The spherical distance is within 0.6% of the geodesic one:
                // cells clearly beyond reach skip the exact computation.
                guard Self.sphericalDistance(site, cells[c]) * 0.994 <= reachMetres else { continue }
                let distance = Geodesic.wgs84.inverse(from: site, to: cells[c]).distance
                guard distance <= reachMetres else { continue }
                // In calm air with nothing in the way the geodesic distance is all the model needs.
                let reach = calm ? model.reach(alongGeodesicOf: distance)
                    : routes.map { model.reach(via: $0, to: cells[c]) } ?? model.reach(from: site, to: cells[c])
                if let minutes = reach.responseMinutes, minutes <= standardMinutes {
                    row.append((Int32(c), Float(minutes)))
                }
            }
            return row
        }
        return CoverageMatrix(cellCount: cells.count, standardMinutes: standardMinutes, rows: rows)
    }

    /// Great-circle distance on the sphere of WGS84's mean radius (haversine).
    /// Differs from the ellipsoidal geodesic by at most about 0.56%.
    static func sphericalDistance(_ a: LonLat, _ b: LonLat) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (b.lat - a.lat) * toRadians, dLon = (b.lon - a.lon) * toRadians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * toRadians) * cos(b.lat * toRadians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }
}
