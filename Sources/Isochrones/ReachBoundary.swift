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
    /// In calm air the distances are closed-form: airspeed × budget and
    /// airspeed × round-trip budget / 2. In a uniform wind the times are
    /// integrated over the geodesic's arc on the auxiliary sphere and each
    /// crossing found by Newton's method (`UniformWindRay`, times within 1e-9
    /// relative); the point is then placed by `GeodesicFan` (within 10 nm of
    /// Karney's direct solution). In a gridded wind, or from within 1e-4° of
    /// a pole, flight time grows with distance along a track, so each limit
    /// has one crossing; it is found by safeguarded Newton iteration
    /// (bisection when a step leaves the bracket) to 1 cm on `FlightTimer`'s
    /// quadrature, and the point by `Geodesic.direct`.
    public func boundary(from origin: LonLat, azimuth: Double, timeBudget: Double, roundTripBudget: Double) -> BoundaryPoint {
        boundary(from: origin, fan: GeodesicFan(origin: origin), azimuth: azimuth, timeBudget: timeBudget, roundTripBudget: roundTripBudget)
    }

    /// `boundary(from:azimuth:timeBudget:roundTripBudget:)` with the fan of
    /// geodesics from `origin` set up once (nil near a pole).
    func boundary(from origin: LonLat, fan: GeodesicFan?, azimuth: Double, timeBudget: Double, roundTripBudget: Double) -> BoundaryPoint {
        if let fan {
            if wind.isCalm { return calmBoundary(ray: fan.ray(azimuth: azimuth), timeBudget: timeBudget, roundTripBudget: roundTripBudget) }
            if case .uniform(let vector) = wind {
                return Self.uniformWindBoundary(
                    UniformWindRay(ray: fan.ray(azimuth: azimuth), wind: vector, airspeed: timer.airspeed),
                    timeBudget: timeBudget, roundTripBudget: roundTripBudget
                ).point
            }
        }
        let byTime: Double, byRange: Double
        if wind.isCalm {
            (byTime, byRange) = calmDistances(timeBudget: timeBudget, roundTripBudget: roundTripBudget)
        } else {
            let reachLimit = min((timer.airspeed + maximumWindSpeed) * max(timeBudget, roundTripBudget, 0) + 1, Self.longestGeodesic)
            byTime = crossing(upTo: reachLimit, budget: timeBudget, origin: origin, azimuth: azimuth, roundTrip: false)
            // Both costs grow with distance: if the round trip to the time
            // limit fits, the range limit lies beyond it and needs no search.
            let atTimeLimit = timer.roundTrip(from: origin, azimuth: azimuth, distance: byTime)
            if let out = atTimeLimit.out, let back = atTimeLimit.back, out + back <= roundTripBudget {
                byRange = .infinity
            } else {
                byRange = crossing(upTo: reachLimit, budget: roundTripBudget, origin: origin, azimuth: azimuth, roundTrip: true)
            }
        }
        let distance = min(byTime, byRange)
        let position = Geodesic.wgs84.positionAndAzimuth(from: origin, azimuth: azimuth, distance: distance).position
        return BoundaryPoint(azimuth: azimuth, distance: distance, position: position, limit: byTime <= byRange ? .time : .range)
    }

    /// The still-air reach of a standard, metres along the geodesic: what
    /// the time standard alone allows (airspeed × (standard − dispatch)) and
    /// what the fuel alone allows (airspeed × (endurance − reserve − on
    /// scene) / 2, out and back). The smaller bounds a calm-air isochrone
    /// (its `limit` is `range` when it is the fuel's); the same computation
    /// `IsochroneBuilder` draws its discs with. Throws as
    /// `flightBudgetSeconds(forStandard:)` does.
    public func stillAirRadii(forStandard minutes: Double) throws -> (byTime: Double, byRange: Double) {
        calmDistances(timeBudget: try flightBudgetSeconds(forStandard: minutes), roundTripBudget: roundTripBudgetSeconds)
    }

    /// Calm air: the distances the time and the round-trip budgets allow.
    func calmDistances(timeBudget: Double, roundTripBudget: Double) -> (byTime: Double, byRange: Double) {
        (
            min(timer.airspeed * max(timeBudget, 0), Self.longestGeodesic),
            min(timer.airspeed * max(roundTripBudget, 0) / 2, Self.longestGeodesic)
        )
    }

    private func calmBoundary(ray: GeodesicRay, timeBudget: Double, roundTripBudget: Double) -> BoundaryPoint {
        let (byTime, byRange) = calmDistances(timeBudget: timeBudget, roundTripBudget: roundTripBudget)
        let distance = min(byTime, byRange)
        return BoundaryPoint(
            azimuth: ray.azimuth, distance: distance, position: ray.point(atDistance: distance),
            limit: byTime <= byRange ? .time : .range)
    }

    /// The boundary along one ray in a uniform wind (a static function of
    /// plain values, so that callers' closures copy nothing heavier), and
    /// the arc where the time budget is met (beyond the point when the
    /// range binds). The time crossing's search starts from `timeArc` when
    /// given (`UniformWindRay.crossing`).
    static func uniformWindBoundary(
        _ ray: UniformWindRay, timeBudget: Double, roundTripBudget: Double,
        timeArc start: Double? = nil
    ) -> (point: BoundaryPoint, timeArc: Double) {
        let reachLimit = min((ray.airspeed + ray.wind.speed) * max(timeBudget, roundTripBudget, 0) + 1, Self.longestGeodesic)
        // Arc is at most length / b: ds/dσ ≥ b.
        let arcLimit = reachLimit / GeodesicFan.b
        var (arc, sums) = ray.crossing(budget: timeBudget, roundTrip: false, limit: arcLimit, start: start)
        let timeArc = arc
        var limit = ReachLimit.time
        // Both times grow along the track: the range limit binds only if the
        // round trip to the time limit does not fit.
        if sums[2] + sums[3] > roundTripBudget {
            (arc, sums) = ray.crossing(budget: roundTripBudget, roundTrip: true, limit: arc)
            limit = .range
        }
        let distance = min(sums[0], Self.longestGeodesic)
        return (
            BoundaryPoint(
                azimuth: ray.ray.azimuth, distance: distance,
                position: ray.ray.point(atArc: arc, longitudeIntegral: sums[1]), limit: limit), timeArc
        )
    }

    /// The longest shortest path on WGS84: half a meridian, 20,003.93 km
    /// (equatorial antipodes are joined over a pole). No search goes past it.
    static let longestGeodesic = 20_003_931.46
}

extension ReachModel {
    /// The distance s in [0, upper] where the flight time out (or out and
    /// back, with `roundTrip`) reaches `budget`; a track that cannot be flown
    /// that far counts as over budget.
    fileprivate func crossing(upTo upper: Double, budget: Double, origin: LonLat, azimuth: Double, roundTrip: Bool) -> Double {
        guard budget > 0 else { return 0 }
        func excess(_ s: Double) -> Double? {
            let trip = timer.roundTrip(from: origin, azimuth: azimuth, distance: s)
            guard let out = trip.out else { return nil }
            if !roundTrip { return out - budget }
            return trip.back.map { out + $0 - budget }
        }
        if let e = excess(upper), e <= 0 { return upper }
        var low = 0.0, high = upper
        let firstGuess = (timer.initialGroundSpeed(at: origin, azimuth: azimuth) ?? timer.airspeed) * budget / (roundTrip ? 2 : 1)
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
            // Newton: d(time)/ds is 1/ground speed at the far end (out), plus
            // 1/ground speed of the way back there (round trip).
            let step = rate(at: s, origin: origin, azimuth: azimuth, roundTrip: roundTrip).map { s - e / $0 }
            s = step.flatMap { (low < $0 && $0 < high) ? $0 : nil } ?? (low + high) / 2
        }
        return low
    }

    /// d(time)/ds at distance s along the track, seconds per metre.
    private func rate(at s: Double, origin: LonLat, azimuth: Double, roundTrip: Bool) -> Double? {
        let (position, track) = Geodesic.wgs84.positionAndAzimuth(from: origin, azimuth: azimuth, distance: s)
        let vector = wind.vector(at: position)
        guard let out = vector.groundSpeed(trackDegrees: track, airspeed: timer.airspeed) else { return nil }
        guard roundTrip else { return 1 / out }
        return vector.groundSpeed(trackDegrees: track + 180, airspeed: timer.airspeed).map { 1 / out + 1 / $0 }
    }
}
