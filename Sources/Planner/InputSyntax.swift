import Foundation
import GeoCore
import Isochrones

/// Parsing of the short forms users type on the command line and in
/// scenario files: positions, thresholds, wind.
public enum InputSyntax {
    /// "LON,LAT" in WGS84 degrees, e.g. "123.43,41.80".
    public static func position(_ text: String) throws -> LonLat {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else {
            throw InputError("\"\(text)\" is not a position; write LON,LAT in degrees, e.g. 123.43,41.80")
        }
        guard (-180...180).contains(lon), (-90...90).contains(lat) else {
            throw InputError("\"\(text)\" is outside WGS84 (longitude −180…180, latitude −90…90); is it LAT,LON? Write LON,LAT")
        }
        return LonLat(lon, lat)
    }

    /// Several positions separated by ";" (e.g. "121.6,38.9;123.4,41.8").
    public static func positions(_ text: String) throws -> [LonLat] {
        try text.split(separator: ";").map { try position(String($0)) }
    }

    /// The longest response-time standard accepted, minutes: rescue
    /// standards are minutes to a few hours; a day bounds every one.
    public static let longestStandardMinutes = 1_440.0

    /// Response-time thresholds in minutes, "60,120": positive, at most
    /// `longestStandardMinutes`, strictly increasing.
    public static func minutes(_ text: String) throws -> [Double] {
        let values = try text.split(separator: ",").map { part -> Double in
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0 else {
                throw InputError("\"\(part)\" is not a positive number of minutes (in --minutes \(text))")
            }
            guard value <= longestStandardMinutes else {
                throw InputError(
                    "\"\(part)\" minutes is longer than a day (\(Int(longestStandardMinutes)) min), the longest standard accepted (in --minutes \(text))")
            }
            return value
        }
        guard !values.isEmpty else { throw InputError("no minutes given; write e.g. --minutes 60,120") }
        for (a, b) in zip(values, values.dropFirst()) where !(a < b) {
            throw InputError("minutes must increase: \(text); write e.g. 30,60,120")
        }
        return values
    }

    /// "FROM_DEG@KMH", the direction the wind blows from (degrees clockwise
    /// from north) and its speed, e.g. "270@40" for a 40 km/h westerly.
    public static func wind(_ text: String) throws -> WindVector {
        let parts = text.split(separator: "@").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let from = Double(parts[0]), let speed = Double(parts[1]),
            from.isFinite, speed.isFinite
        else {
            throw InputError("\"\(text)\" is not a wind; write FROM_DEG@KMH, e.g. 270@40 for a 40 km/h westerly")
        }
        guard speed >= 0 else { throw InputError("wind speed must not be negative (in \(text))") }
        guard from >= 0, from <= 360 else { throw InputError("wind direction must be 0 to 360 degrees, the direction it blows from (in \(text))") }
        return WindVector(fromDegrees: from, speedKmh: speed)
    }
}

/// Input a user must correct: a message saying what and how.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
