import Foundation
import GeoCore

/// The far edge of the reach along one azimuth from a base.
public struct BoundaryPoint: Sendable, Equatable {
    /// Azimuth from the base, degrees clockwise from north.
    public var azimuth: Double
    /// Geodesic distance from the base, metres.
    public var distance: Double
    /// The point, WGS84.
    public var position: LonLat
    /// Which limit stops the reach here: `.time` (the standard) or `.range`.
    public var limit: ReachLimit
}

extension ReachModel {
    /// The farthest point along `azimuth` from `origin` that is reached within
    /// `timeBudget` seconds of flight and whose round trip fits
    /// `roundTripBudget` seconds.
    ///
    /// Flight time grows with distance along a track, so each limit has one
    /// crossing; it is found by safeguarded Newton iteration (bisection when
    /// a step leaves the bracket) to 1 cm. In calm air the distances are
    /// closed-form: airspeed × budget and airspeed × round-trip budget / 2.
    public func boundary(from origin: LonLat, azimuth: Double, timeBudget: Double, roundTripBudget: Double) -> BoundaryPoint {
        let byTime: Double, byRange: Double
        if wind.isCalm {
            byTime = min(timer.airspeed * max(timeBudget, 0), Self.longestGeodesic)
            byRange = min(timer.airspeed * max(roundTripBudget, 0) / 2, Self.longestGeodesic)
        } else {
            let reachLimit = min((timer.airspeed + maximumWindSpeed) * max(timeBudget, roundTripBudget, 0) + 1, Self.longestGeodesic)
            byTime = crossing(upTo: reachLimit, budget: timeBudget, { $0.out }, origin: origin, azimuth: azimuth)
            byRange = crossing(upTo: reachLimit, budget: roundTripBudget, { trip in
                guard let out = trip.out, let back = trip.back else { return nil }
                return out + back
            }, origin: origin, azimuth: azimuth)
        }
        let distance = min(byTime, byRange)
        let position = Geodesic.wgs84.positionAndAzimuth(from: origin, azimuth: azimuth, distance: distance).position
        return BoundaryPoint(azimuth: azimuth, distance: distance, position: position, limit: byTime <= byRange ? .time : .range)
    }

    /// The longest shortest path on WGS84: half a meridian, 20,003.93 km
    /// (equatorial antipodes are joined over a pole). No search goes past it.
    static let longestGeodesic = 20_003_931.46
}

extension ReachModel {
    /// The distance s in [0, upper] where `cost(trip(s))` reaches `budget`
    /// (`nil` cost: the track cannot be flown that far, treated as over budget).
    fileprivate func crossing(upTo upper: Double, budget: Double,
                              _ cost: (FlightTimer.RoundTrip) -> Double?,
                              origin: LonLat, azimuth: Double) -> Double {
        guard budget > 0 else { return 0 }
        func excess(_ s: Double) -> Double? {
            cost(timer.roundTrip(from: origin, azimuth: azimuth, distance: s)).map { $0 - budget }
        }
        if let e = excess(upper), e <= 0 { return upper }
        var low = 0.0, high = upper
        let firstGuess = (timer.initialGroundSpeed(at: origin, azimuth: azimuth) ?? timer.airspeed) * budget
        var s = min(max(firstGuess, upper * 1e-6), upper * (1 - 1e-6))
        for _ in 0..<200 {
            guard let e = excess(s) else {
                high = s
                s = (low + high) / 2
                continue
            }
            if abs(e) < 1e-7 { return s }  // 0.1 µs of flight: well under a millimetre
            if e < 0 { low = s } else { high = s }
            if high - low < 0.01 { return low }
            let step = s - e * slope(at: s, origin: origin, azimuth: azimuth, cost: cost)
            s = (low < step && step < high) ? step : (low + high) / 2
        }
        return low
    }

    /// ds/dcost at s, by a central difference of 1 m (cost is smooth in s).
    private func slope(at s: Double, origin: LonLat, azimuth: Double, cost: (FlightTimer.RoundTrip) -> Double?) -> Double {
        let h = 1.0
        guard let a = cost(timer.roundTrip(from: origin, azimuth: azimuth, distance: max(0, s - h))),
              let b = cost(timer.roundTrip(from: origin, azimuth: azimuth, distance: s + h)), b > a else {
            return timer.airspeed
        }
        return (s + h - max(0, s - h)) / (b - a)
    }
}
