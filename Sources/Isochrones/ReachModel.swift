import Foundation
import GeoCore

/// Which limit decides whether a point can be served.
public enum ReachLimit: String, Sendable, Codable {
    /// Within the time budget given; the time standard decides.
    case time
    /// Beyond the round-trip range: out, on scene, back and reserve do not
    /// fit the endurance.
    case range
    /// The track cannot be flown (wind stronger than the aircraft).
    case wind
    /// Inside a no-fly zone or terrain above the aircraft's ceiling.
    case obstacle
}

/// How long an aircraft from a base takes to reach a point.
public struct Reach: Sendable, Equatable {
    /// Dispatch + flight time in minutes; `nil` when the point cannot be
    /// served at all (`limit` says why).
    public var responseMinutes: Double?
    /// Flight time out, minutes (`nil` as above).
    public var flightMinutes: Double?
    /// `.time` when the point can be served (then the time standard alone
    /// decides coverage); otherwise the limit that excludes it.
    public var limit: ReachLimit
}

/// Response times of one aircraft type under given conditions: the
/// aircraft's airspeed, dispatch time (day or night), round-trip range
/// limit, and the wind.
///
/// Response time(B, P) = dispatch + flight time along the WGS84 geodesic
/// from B to P (see `FlightTimer`). P can be served only if the flight out,
/// the time on scene, the flight back and the reserve fit the endurance.
public struct ReachModel: Sendable {
    public let aircraft: Aircraft
    public let wind: Wind
    public let night: Bool
    /// No-fly zones and high terrain that paths go around.
    public let airspace: Airspace
    public let timer: FlightTimer

    public init(aircraft: Aircraft, wind: Wind = .calm, night: Bool = false, airspace: Airspace = .empty) throws {
        try aircraft.validate()
        if case .uniform(let vector) = wind, vector.speed >= aircraft.cruiseSpeedMetresPerSecond {
            throw AircraftError(
                aircraft: aircraft.name,
                problem: "the wind (\(vector.speed * 3.6) km/h) is as fast as the aircraft (\(aircraft.cruiseSpeedKmh) km/h); no isochrone exists")
        }
        self.aircraft = aircraft
        self.wind = wind
        self.night = night
        self.airspace = airspace
        self.timer = FlightTimer(airspeed: aircraft.cruiseSpeedMetresPerSecond, wind: wind)
    }

    /// Dispatch (launch) time, minutes.
    public var dispatchMinutes: Double { aircraft.dispatchMinutes(night: night) }

    /// Flight time available for out + back, seconds.
    public var roundTripBudgetSeconds: Double { aircraft.roundTripFlightBudgetMin * 60 }

    /// The response time from `base` to `point`. With obstacles, this
    /// computes the base's routes first; to time many points from one base,
    /// use `routes(from:maximumMinutes:)` once and `reach(via:to:)`.
    public func reach(from base: LonLat, to point: LonLat) -> Reach {
        if !airspace.isEmpty {
            return reach(via: routes(from: base, maximumFlightSeconds: roundTripBudgetSeconds), to: point)
        }
        let trip = timer.roundTrip(from: base, to: point)
        guard let out = trip.out, let back = trip.back else {
            return Reach(responseMinutes: nil, flightMinutes: nil, limit: .wind)
        }
        guard out + back <= roundTripBudgetSeconds else {
            return Reach(responseMinutes: nil, flightMinutes: out / 60, limit: .range)
        }
        return Reach(responseMinutes: dispatchMinutes + out / 60, flightMinutes: out / 60, limit: .time)
    }

    /// Flight time out available within a response-time standard, seconds;
    /// throws when the dispatch alone exceeds it.
    public func flightBudgetSeconds(forStandard minutes: Double) throws -> Double {
        guard minutes.isFinite, minutes > 0 else {
            throw AircraftError(aircraft: aircraft.name, problem: "the time standard must be a positive number of minutes, got \(minutes)")
        }
        guard minutes > dispatchMinutes else {
            throw AircraftError(
                aircraft: aircraft.name,
                problem:
                    "the \(night ? "night" : "day") dispatch time (\(dispatchMinutes) min) is not shorter than the \(minutes) min standard: nothing can be reached"
            )
        }
        return (minutes - dispatchMinutes) * 60
    }

    /// The response time to a point `distance` metres away along a geodesic,
    /// in calm air with nothing in the way (the caller has the distance).
    public func reach(alongGeodesicOf distance: Double) -> Reach {
        precondition(wind.isCalm && airspace.isEmpty, "only for calm air without obstacles")
        let seconds = distance / timer.airspeed
        guard 2 * seconds <= roundTripBudgetSeconds else { return Reach(responseMinutes: nil, flightMinutes: seconds / 60, limit: .range) }
        return Reach(responseMinutes: dispatchMinutes + seconds / 60, flightMinutes: seconds / 60, limit: .time)
    }

    /// The routes from `base` around obstacles that can matter within
    /// `maximumFlightSeconds` of flight.
    public func routes(from base: LonLat, maximumFlightSeconds: Double) -> BaseRoutes {
        BaseRoutes(model: self, base: base, maximumFlightSeconds: maximumFlightSeconds)
    }

    /// The response time to `point` using precomputed routes of its base.
    public func reach(via routes: BaseRoutes, to point: LonLat) -> Reach {
        if airspace.isBlocked(point) { return Reach(responseMinutes: nil, flightMinutes: nil, limit: .obstacle) }
        guard let best = routes.reach(point, model: self) else {
            return Reach(responseMinutes: nil, flightMinutes: nil, limit: .obstacle)
        }
        guard best.withinRange else { return Reach(responseMinutes: nil, flightMinutes: best.out / 60, limit: .range) }
        return Reach(responseMinutes: dispatchMinutes + best.out / 60, flightMinutes: best.out / 60, limit: .time)
    }

    /// The strongest wind the aircraft can meet, m/s.
    public var maximumWindSpeed: Double {
        switch wind {
        case .calm: 0
        case .uniform(let vector): vector.speed
        case .field(let field): field.maximumSpeed
        }
    }
}
