import Foundation
import GeoCore
import Support

/// A scenario's `[availability]` table: how often an aircraft cannot fly a
/// mission when called, for the expected-coverage figures
/// (`ExpectedCoverage`), and the missions `aircover simulate` sends.
///
/// - `missions_per_year`: the whole network's missions a year, spread over
///   the grid cells by weight (0 < m ≤ 10⁷).
/// - `turnaround_min`: minutes from landing to the next mission (refuel,
///   crew, cleaning), added to every mission's time (`MissionTime`).
/// - `busy`: the share of time each aircraft is away on another mission
///   (0 ≤ q < 1), given; without it, q is estimated at each standard from
///   `missions_per_year` (then `turnaround_min` is required) as missions ×
///   mission time / (aircraft × 8,760 h), the mission time being the
///   weight-mean `MissionTime` of the nearest base over the demand served
///   within the standard.
/// - `night_share` (0…1): the share of hours that are night; the expected
///   figures weight the day and night dispatch by it. Without it, only the
///   scenario's own dispatch counts (`[standards] night`).
/// - `flyable` (0 < f ≤ 1, default 1): the share of hours the weather lets
///   aircraft fly, one constant for the whole study.
/// - `flyable_field`: instead of `flyable`, the zone layer's attribute
///   holding each zone's flyable share (0 ≤ f ≤ 1; `Study.zoneFlyable`).
/// - `base_flyable_field`: the bases' and candidates' attribute holding
///   the share of hours the weather at each base lets its aircraft fly
///   (0 ≤ f ≤ 1; `Site.flyable`), independently of the other bases; with
///   or without `flyable` or `flyable_field`, which stay the weather at the
///   demand (`ExpectedCoverage`).
public struct AvailabilityOptions: Sendable, Equatable {
    public var busy: Double?
    public var missionsPerYear: Double?
    public var turnaroundMinutes: Double?
    public var nightShare: Double?
    public var flyable: Double
    /// The zone attribute giving each zone's flyable share; nil: `flyable` everywhere.
    public var flyableField: String?
    /// The bases' attribute giving each base's flyable share; nil: no weather of the bases' own.
    public var baseFlyableField: String?

    public init(
        busy: Double? = nil, missionsPerYear: Double? = nil, turnaroundMinutes: Double? = nil,
        nightShare: Double? = nil, flyable: Double = 1, flyableField: String? = nil, baseFlyableField: String? = nil
    ) {
        self.baseFlyableField = baseFlyableField
        self.busy = busy
        self.missionsPerYear = missionsPerYear
        self.turnaroundMinutes = turnaroundMinutes
        self.nightShare = nightShare
        self.flyable = flyable
        self.flyableField = flyableField
    }

    static let keys: Set<String> = ["busy", "missions_per_year", "turnaround_min", "night_share", "flyable", "flyable_field", "base_flyable_field"]

    /// Reads and checks the table; every mistake names its key.
    static func read(_ table: ConfigTable) throws -> AvailabilityOptions {
        try table.rejectUnknownKeys(allowed: keys)
        let busy = try table.optionalNumber("busy")
        if let busy, !(busy >= 0 && busy < 1) {
            throw table.error("busy", "must be a share of time from 0 up to (not including) 1, e.g. 0.15")
        }
        let missions = try table.optionalNumber("missions_per_year")
        if let missions, !(missions > 0 && missions <= 10_000_000) {
            throw table.error("missions_per_year", "must be a positive number of missions a year, at most 10,000,000")
        }
        let turnaround = try table.optionalNumber("turnaround_min")
        if let turnaround, !(turnaround >= 0 && turnaround <= 24 * 60) {
            throw table.error("turnaround_min", "must be from 0 to 1,440 minutes")
        }
        if turnaround != nil && missions == nil {
            throw table.error("turnaround_min", "is used only with missions_per_year (the busy estimate and simulate's mission time)")
        }
        if busy == nil {
            guard missions != nil else {
                throw table.error("busy", "is missing: give busy (a share of time, e.g. 0.15) or missions_per_year with turnaround_min")
            }
            guard turnaround != nil else {
                throw table.error(
                    "turnaround_min",
                    "is missing: the busy share is estimated from missions_per_year and the mission time, "
                        + "which needs the minutes from landing to the next mission (refuel, crew, cleaning), e.g. 30")
            }
        }
        let nightShare = try table.optionalNumber("night_share")
        if let nightShare, !(0...1).contains(nightShare) { throw table.error("night_share", "must be a share of hours from 0 to 1") }
        let flyable = try table.optionalNumber("flyable") ?? 1
        guard flyable > 0, flyable <= 1 else { throw table.error("flyable", "must be a share of hours above 0 and at most 1") }
        let flyableField = try table.optionalString("flyable_field")
        if let flyableField {
            guard !flyableField.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw table.error("flyable_field", "is empty; name the zone layer's field holding each zone's flyable share")
            }
            if table.contains("flyable") { throw table.error("flyable_field", "give flyable (one share) or flyable_field (a share per zone), not both") }
        }
        let baseFlyableField = try table.optionalString("base_flyable_field")
        if let baseFlyableField, baseFlyableField.trimmingCharacters(in: .whitespaces).isEmpty {
            throw table.error("base_flyable_field", "is empty; name the bases' field holding each base's flyable share")
        }
        return AvailabilityOptions(
            busy: busy, missionsPerYear: missions, turnaroundMinutes: turnaround,
            nightShare: nightShare, flyable: flyable, flyableField: flyableField, baseFlyableField: baseFlyableField)
    }
}
