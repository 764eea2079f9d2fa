import Foundation
import GeoCore
import Isochrones
import Support

/// Where an aircraft's fuel, not the time standard, bounds its reach: out,
/// on scene, back and the reserve must fit the endurance, so the aircraft
/// may turn back before the standard runs out.
///
/// The radii are still-air geodesic distances from
/// `ReachModel.stillAirRadii(forStandard:)`, the computation the isochrones
/// are drawn with (an isochrone whose `limit` is `range` has the range
/// radius). In a wind the reach is no disc and the figures describe still air.
public struct RangeLimit: Sendable, Equatable {
    /// The aircraft type's name.
    public let aircraft: String
    /// The standard, minutes (dispatch included).
    public let minutes: Double
    /// What the standard alone would allow, km.
    public let timeRadiusKm: Double
    /// What the fuel allows, km: less than `timeRadiusKm`.
    public let rangeRadiusKm: Double
    /// Endurance − reserve − on scene, minutes: the flight time out and back.
    public let roundTripMinutes: Double

    /// How much the fuel cuts the reach, km.
    public var cutKm: Double { timeRadiusKm - rangeRadiusKm }
    /// How much the fuel cuts the reach, percent of the time radius.
    public var cutPercent: Double { 100 * cutKm / timeRadiusKm }

    /// The range limits of `models` (each type once, in the order given) at
    /// a standard: only those whose fuel bounds the reach before the time does.
    public static func of(_ models: [ReachModel], minutes: Double) throws -> [RangeLimit] {
        var seen: Set<String> = []
        return try models.compactMap { model in
            guard seen.insert(model.aircraft.name).inserted else { return nil }
            let radii = try model.stillAirRadii(forStandard: minutes)
            guard radii.byRange < radii.byTime else { return nil }
            return RangeLimit(
                aircraft: model.aircraft.name, minutes: minutes, timeRadiusKm: radii.byTime / 1_000,
                rangeRadiusKm: radii.byRange / 1_000, roundTripMinutes: model.aircraft.roundTripFlightBudgetMin)
        }
    }

    /// The range limits of the study's aircraft (the scenario's and those
    /// stationed at `sites`) at a standard.
    public static func of(_ study: Study, sites: [Site], minutes: Double) throws -> [RangeLimit] {
        try of([study.model] + study.groups(sites).map(\.model), minutes: minutes)
    }

    /// One sentence for the terminal and the report, e.g. "fuel range limits
    /// AW139 to 112.5 km (out and back in 65 min of flight); the 120-minute
    /// standard alone would allow 350.0 km: 237.5 km (67.86%) less".
    public var sentence: String {
        String(
            format:
                "fuel range limits %@ to %.1f km (out and back in %@ min of flight: endurance − reserve − on scene); the %@-minute standard alone would allow %.1f km: %.1f km (%.2f%%) less",
            aircraft, rangeRadiusKm, NumberText.readable(roundTripMinutes), NumberText.readable(minutes),
            timeRadiusKm, cutKm, cutPercent)
    }
}
