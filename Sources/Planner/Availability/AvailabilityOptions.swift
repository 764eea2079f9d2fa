import Foundation
import GeoCore

/// A scenario's `[availability]` table: how often an aircraft cannot fly a
/// mission when called, for the expected-coverage figures
/// (`ExpectedCoverage`).
///
/// - `busy`: the share of time each aircraft is away on another mission
///   (0 ≤ q < 1), given; or `missions_per_year` (the whole network's) with
///   `turnaround_min`, from which q is estimated at each standard as
///   missions × mission time / (aircraft × 8,760 h), where the mission time
///   is the response model's out (mean response time of the demand served
///   within the standard), on scene (the aircraft's figure) and back (the
///   same flight time as out, without dispatch), plus the turnaround.
/// - `night_share` (0…1): the share of hours that are night; the expected
///   figures weight the day and night dispatch by it. Without it, only the
///   scenario's own dispatch counts (`[standards] night`).
/// - `flyable` (0 < f ≤ 1, default 1): the share of hours the weather lets
///   aircraft fly, one constant for the whole study.
public struct AvailabilityOptions: Sendable, Equatable {
    public enum Busy: Sendable, Equatable {
        case given(Double)
        case estimated(missionsPerYear: Double, turnaroundMinutes: Double)
    }

    public var busy: Busy
    public var nightShare: Double?
    public var flyable: Double

    public init(busy: Busy, nightShare: Double? = nil, flyable: Double = 1) {
        self.busy = busy
        self.nightShare = nightShare
        self.flyable = flyable
    }

    static let keys: Set<String> = ["busy", "missions_per_year", "turnaround_min", "night_share", "flyable"]

    /// Reads and checks the table; every mistake names its key.
    static func read(_ table: ConfigTable) throws -> AvailabilityOptions {
        try table.rejectUnknownKeys(allowed: keys)
        let busy: Busy
        switch (try table.optionalNumber("busy"), try table.optionalNumber("missions_per_year")) {
        case (let q?, nil):
            guard q >= 0, q < 1 else { throw table.error("busy", "must be a share of time from 0 up to (not including) 1, e.g. 0.15") }
            if table.contains("turnaround_min") { throw table.error("turnaround_min", "is used only with missions_per_year, not with a given busy share") }
            busy = .given(q)
        case (nil, let missions?):
            guard missions >= 0, missions <= 10_000_000 else { throw table.error("missions_per_year", "must be a number of missions from 0 to 10,000,000") }
            guard let turnaround = try table.optionalNumber("turnaround_min") else {
                throw table.error("turnaround_min", "is missing: the minutes an aircraft needs after landing before its next mission (refuel, crew, cleaning), e.g. 30")
            }
            guard turnaround >= 0, turnaround <= 24 * 60 else { throw table.error("turnaround_min", "must be from 0 to 1,440 minutes") }
            busy = .estimated(missionsPerYear: missions, turnaroundMinutes: turnaround)
        case (_?, _?):
            throw table.error("busy", "give busy or missions_per_year, not both")
        case (nil, nil):
            throw table.error("busy", "is missing: give busy (a share of time, e.g. 0.15) or missions_per_year with turnaround_min")
        }
        let nightShare = try table.optionalNumber("night_share")
        if let nightShare, !(0...1).contains(nightShare) { throw table.error("night_share", "must be a share of hours from 0 to 1") }
        let flyable = try table.optionalNumber("flyable") ?? 1
        guard flyable > 0, flyable <= 1 else { throw table.error("flyable", "must be a share of hours above 0 and at most 1") }
        return AvailabilityOptions(busy: busy, nightShare: nightShare, flyable: flyable)
    }
}
