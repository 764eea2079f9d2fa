import Foundation

/// A helicopter's performance profile, as used for response times and the
/// round-trip range limit.
///
/// Field names are those of the catalog file (`aircraft-catalog.toml`) and of
/// `aircover aircraft --json`. Units are in the names: km/h, minutes, metres.
public struct Aircraft: Sendable, Codable, Equatable {
    /// The catalog key users type (e.g. "AW139").
    public var name: String
    public var fullName: String?
    public var manufacturer: String?
    public var role: String?
    /// Other names accepted for this type (e.g. "EC135" for the H135).
    public var aliases: [String]
    /// Cruise true airspeed, km/h.
    public var cruiseSpeedKmh: Double
    /// Launch time from alert to airborne by day, minutes (an operator assumption).
    public var dispatchDayMin: Double
    /// Launch time from alert to airborne by night, minutes (an operator assumption).
    public var dispatchNightMin: Double
    /// Maximum endurance on standard fuel, minutes.
    public var enduranceMin: Double
    /// Fuel reserve that must remain on landing, minutes.
    public var reserveMin: Double
    /// Time on scene (hover, hoist, landing) assumed for the round-trip limit, minutes.
    public var onSceneMin: Double
    /// Maximum operating altitude, metres; terrain above it is an obstacle.
    public var maxAltitudeM: Double
    /// Where each figure comes from, by field name.
    public var sources: [String: String]

    public init(
        name: String, fullName: String? = nil, manufacturer: String? = nil, role: String? = nil,
        aliases: [String] = [], cruiseSpeedKmh: Double, dispatchDayMin: Double, dispatchNightMin: Double,
        enduranceMin: Double, reserveMin: Double, onSceneMin: Double, maxAltitudeM: Double,
        sources: [String: String] = [:]
    ) {
        self.name = name
        self.fullName = fullName
        self.manufacturer = manufacturer
        self.role = role
        self.aliases = aliases
        self.cruiseSpeedKmh = cruiseSpeedKmh
        self.dispatchDayMin = dispatchDayMin
        self.dispatchNightMin = dispatchNightMin
        self.enduranceMin = enduranceMin
        self.reserveMin = reserveMin
        self.onSceneMin = onSceneMin
        self.maxAltitudeM = maxAltitudeM
        self.sources = sources
    }

    /// The field names of the catalog file, in their documented order.
    public static let fieldNames: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, manufacturer, role, aliases, sources
        case fullName = "full_name"
        case cruiseSpeedKmh = "cruise_speed_kmh"
        case dispatchDayMin = "dispatch_day_min"
        case dispatchNightMin = "dispatch_night_min"
        case enduranceMin = "endurance_min"
        case reserveMin = "reserve_min"
        case onSceneMin = "on_scene_min"
        case maxAltitudeM = "max_altitude_m"
    }

    /// Cruise true airspeed in m/s.
    public var cruiseSpeedMetresPerSecond: Double { cruiseSpeedKmh / 3.6 }

    /// Dispatch (launch) time in minutes for day or night operations.
    public func dispatchMinutes(night: Bool) -> Double { night ? dispatchNightMin : dispatchDayMin }

    /// Flight time available for the round trip out and back, minutes:
    /// endurance − reserve − on-scene time.
    public var roundTripFlightBudgetMin: Double { enduranceMin - reserveMin - onSceneMin }

    /// Checks that every figure is physically meaningful.
    public func validate() throws {
        func fail(_ what: String) -> AircraftError { AircraftError(aircraft: name, problem: what) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw fail("the name is empty") }
        let figures: [(String, Double)] = [
            ("cruise_speed_kmh", cruiseSpeedKmh), ("dispatch_day_min", dispatchDayMin),
            ("dispatch_night_min", dispatchNightMin), ("endurance_min", enduranceMin),
            ("reserve_min", reserveMin), ("on_scene_min", onSceneMin), ("max_altitude_m", maxAltitudeM),
        ]
        for (field, value) in figures where !value.isFinite {
            throw fail("\(field) is not a finite number")
        }
        if cruiseSpeedKmh <= 0 { throw fail("cruise_speed_kmh must be positive, got \(cruiseSpeedKmh)") }
        for (field, value) in figures.dropFirst() where value < 0 {
            throw fail("\(field) must not be negative, got \(value)")
        }
        if enduranceMin <= 0 { throw fail("endurance_min must be positive, got \(enduranceMin)") }
        if roundTripFlightBudgetMin <= 0 {
            throw fail("endurance_min (\(enduranceMin)) leaves no flight time after reserve_min (\(reserveMin)) and on_scene_min (\(onSceneMin))")
        }
    }
}

extension Aircraft {
    /// The figures a rescue planner can mean, by field: what the aircraft
    /// readers (catalog files, the built-in catalog, scenario `[aircraft]`
    /// tables and their overrides) accept. A figure outside is a typing
    /// error (a unit slip, an extra digit), refused before it can make a
    /// run hang or allocate without bound.
    ///
    /// - cruise_speed_kmh 50–1000: from the slowest rescue helicopters and
    ///   gyroplanes (about 150 km/h, with margin) to turbofan air ambulances
    ///   (about 850–900 km/h); turboprops (450–650 km/h) lie between.
    /// - dispatch_day_min, dispatch_night_min 0–240: from a crew on the pad
    ///   (0) to a crew called out from home; above four hours no response
    ///   standard is meaningful.
    /// - endurance_min 1–1440: single-engine helicopters fly 2–4 h,
    ///   long-range maritime patrol turboprops 10–14 h; 24 h bounds them.
    /// - reserve_min 0–240, on_scene_min 0–480: reserves are 20–45 min
    ///   (VFR/IFR rules); on-scene times from a hand-over to hours of
    ///   hoisting.
    /// - max_altitude_m 0–16000: helicopters are certified to 6–7.6 km,
    ///   turboprops to about 10 km, business jets to 15.5 km.
    public static let planningRanges: [(field: String, range: ClosedRange<Double>, unit: String, value: any KeyPath<Aircraft, Double> & Sendable)] = [
        ("cruise_speed_kmh", 50...1000, "km/h", \.cruiseSpeedKmh),
        ("dispatch_day_min", 0...240, "min", \.dispatchDayMin),
        ("dispatch_night_min", 0...240, "min", \.dispatchNightMin),
        ("endurance_min", 1...1440, "min", \.enduranceMin),
        ("reserve_min", 0...240, "min", \.reserveMin),
        ("on_scene_min", 0...480, "min", \.onSceneMin),
        ("max_altitude_m", 0...16000, "m", \.maxAltitudeM),
    ]

    /// `validate()`, and every figure within `planningRanges`.
    public func validateForPlanning() throws {
        try validate()
        for entry in Self.planningRanges where !entry.range.contains(self[keyPath: entry.value]) {
            throw AircraftError(
                aircraft: name,
                problem: "\(entry.field) is \(Self.figure(self[keyPath: entry.value])), outside the accepted "
                    + "\(Self.figure(entry.range.lowerBound))–\(Self.figure(entry.range.upperBound)) \(entry.unit)")
        }
    }

    static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// An aircraft profile that cannot be used, and why.
public struct AircraftError: Error, CustomStringConvertible, Equatable, Sendable {
    public let aircraft: String
    public let problem: String
    public var description: String { "aircraft \"\(aircraft)\": \(problem)" }
}
