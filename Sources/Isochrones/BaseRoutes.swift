import Foundation
import GeoCore

/// The fastest routes from one base to the turning points around obstacles.
///
/// A route is a chain of geodesic legs, each clear of every obstacle, from
/// the base through turning points (`Airspace`). Out times come from
/// Dijkstra's algorithm on the visibility graph (legs timed with the wind by
/// `FlightTimer`, so legs are directed); the back time of a turning point is
/// that of flying its fastest route back in reverse. Points beyond are then
/// reached by one more clear leg (`reach(_:)`).
public struct BaseRoutes: Sendable {
    public let base: LonLat
    /// Turning points considered (those that could matter within the budget).
    let nodes: [LonLat]
    /// Fastest flight time out to each node, seconds (∞: unreachable).
    let outSeconds: [Double]
    /// Flight time back from each node along its route reversed, seconds.
    let backSeconds: [Double]

    /// Routes from `base` to the turning points no farther than
    /// `maximumFlightSeconds` could take the aircraft.
    init(model: ReachModel, base: LonLat, maximumFlightSeconds: Double) {
        self.base = base
        let airspace = model.airspace
        let timer = model.timer
        let maxSpeed = timer.airspeed + model.maximumWindSpeed
        let nodes = airspace.turningPoints.filter {
            Geodesic.wgs84.inverse(from: base, to: $0).distance <= maxSpeed * maximumFlightSeconds
        }
        self.nodes = nodes
        var out = [Double](repeating: .infinity, count: nodes.count)
        var back = [Double](repeating: .infinity, count: nodes.count)
        var done = [Bool](repeating: false, count: nodes.count)
        for (i, node) in nodes.enumerated() where airspace.isClear(from: base, to: node) {
            let trip = timer.roundTrip(from: base, to: node)
            if let o = trip.out, let b = trip.back { out[i] = o; back[i] = b }
        }
        // Dijkstra with a linear scan: turning points are few (hundreds).
        while let current = (0..<nodes.count).filter({ !done[$0] && out[$0].isFinite }).min(by: { (out[$0], $0) < (out[$1], $1) }) {
            done[current] = true
            guard out[current] < maximumFlightSeconds else { break }
            for next in 0..<nodes.count where !done[next] {
                let trip = timer.roundTrip(from: nodes[current], to: nodes[next])
                guard let o = trip.out, let b = trip.back, out[current] + o < out[next],
                    airspace.isClear(from: nodes[current], to: nodes[next])
                else { continue }
                out[next] = out[current] + o
                back[next] = back[current] + b
            }
        }
        outSeconds = out
        backSeconds = back
    }

    /// The best way to `point`: straight from the base when clear, otherwise
    /// through a turning point. Among routes whose round trip fits the
    /// model's budget, the earliest arrival (`withinRange` true); when none
    /// fits, the earliest arrival of any route (`withinRange` false). `nil`
    /// when no clear route exists.
    func reach(_ point: LonLat, model: ReachModel) -> (out: Double, back: Double, withinRange: Bool)? {
        let airspace = model.airspace
        var fitting: (out: Double, back: Double)?
        var fastest: (out: Double, back: Double)?
        var starts = [(point: base, out: 0.0, back: 0.0)]
        starts += nodes.indices.filter { outSeconds[$0].isFinite }.map { (nodes[$0], outSeconds[$0], backSeconds[$0]) }
        // Earliest starts first: once a start is no earlier than the best
        // fitting arrival, no later start can beat it.
        for start in starts.sorted(by: { ($0.out, $0.point.lon, $0.point.lat) < ($1.out, $1.point.lon, $1.point.lat) }) {
            if let fitting, start.out >= fitting.out { break }
            let trip = model.timer.roundTrip(from: start.point, to: point)
            guard let o = trip.out, let b = trip.back else { continue }
            let candidate = (out: start.out + o, back: start.back + b)
            let fits = candidate.out + candidate.back <= model.roundTripBudgetSeconds
            let improves = fits ? candidate.out < (fitting?.out ?? .infinity) : candidate.out < (fastest?.out ?? .infinity)
            guard improves, airspace.isClear(from: start.point, to: point) else { continue }
            if fits { fitting = candidate }
            if candidate.out < (fastest?.out ?? .infinity) { fastest = candidate }
        }
        if let fitting { return (fitting.out, fitting.back, true) }
        return fastest.map { ($0.out, $0.back, false) }
    }
}
