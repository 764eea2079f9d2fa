import Foundation
import GeoCore

/// A horizontal wind vector, m/s, in the local east/north frame.
public struct WindVector: Sendable, Equatable {
    /// Eastward component (u), m/s.
    public var east: Double
    /// Northward component (v), m/s.
    public var north: Double

    public init(east: Double, north: Double) {
        self.east = east
        self.north = north
    }

    /// The wind blowing *from* `fromDegrees` (meteorological convention:
    /// 270 is a westerly, blowing towards the east) at `speedKmh`.
    public init(fromDegrees: Double, speedKmh: Double) {
        let towards = (fromDegrees + 180) * .pi / 180
        let speed = speedKmh / 3.6
        self.init(east: speed * sin(towards), north: speed * cos(towards))
    }

    public static let calm = WindVector(east: 0, north: 0)

    public var speed: Double { (east * east + north * north).squareRoot() }

    /// Ground speed (m/s) along a track of azimuth `trackDegrees` (clockwise
    /// from north) for an aircraft of true airspeed `airspeed` (m/s) that
    /// heads into the wind so as to hold the track (the wind triangle):
    /// g = √(v² − w⊥²) + w∥. `nil` when the crosswind is at least the
    /// airspeed or the result is not positive: the track cannot be flown.
    public func groundSpeed(trackDegrees: Double, airspeed: Double) -> Double? {
        let track = trackDegrees * .pi / 180
        let along = east * sin(track) + north * cos(track)
        let across = east * cos(track) - north * sin(track)
        let remaining = airspeed * airspeed - across * across
        guard remaining > 0 else { return nil }
        let ground = remaining.squareRoot() + along
        return ground > 0 ? ground : nil
    }
}

/// The wind an aircraft meets: none, the same everywhere, or a gridded field.
public enum Wind: Sendable {
    case calm
    /// The same vector (in each point's local east/north frame) everywhere.
    case uniform(WindVector)
    /// A gridded field, bilinearly interpolated.
    case field(WindField)

    /// The wind vector at `position`.
    public func vector(at position: LonLat) -> WindVector {
        switch self {
        case .calm: .calm
        case .uniform(let vector): vector
        case .field(let field): field.vector(at: position)
        }
    }

    public var isCalm: Bool {
        if case .calm = self { return true }
        if case .uniform(let v) = self { return v.speed == 0 }
        return false
    }
}
