@testable import Isochrones

/// Profiles with round figures, so that expected radii can be worked out by
/// hand; independent of the shipped catalog's data.
enum TestAircraft {
    /// 300 km/h, 10 min dispatch by day, 20 by night, endurance long enough
    /// that range never binds within two hours.
    static let fast = Aircraft(
        name: "Test300", cruiseSpeedKmh: 300, dispatchDayMin: 10, dispatchNightMin: 20,
        enduranceMin: 600, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 3000)
    /// 240 km/h with 125 min of endurance: 125 − 20 − 15 = 90 min of flight
    /// for the round trip, so at most 45 min (180 km) out.
    static let shortRange = Aircraft(
        name: "Short", cruiseSpeedKmh: 240, dispatchDayMin: 5, dispatchNightMin: 5,
        enduranceMin: 125, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 3000)
    /// A fictional 12,000 km/h aircraft, to test reaches wider than a hemisphere.
    static let global = Aircraft(
        name: "Global", cruiseSpeedKmh: 12_000, dispatchDayMin: 0, dispatchNightMin: 0,
        enduranceMin: 10_000, reserveMin: 0, onSceneMin: 0, maxAltitudeM: 10_000)
}
