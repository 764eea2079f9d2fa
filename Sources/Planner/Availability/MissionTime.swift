import Isochrones

/// How long one mission keeps an aircraft from the next: the response
/// (dispatch and the flight out), the aircraft's time on scene, the flight
/// back — taken equal to the flight out, exact in calm air and approximate
/// with wind, where the legs differ — and the turnaround after landing.
/// Used by the busy-share estimate (`ExpectedCoverage`) and `simulate`.
public enum MissionTime {
    /// Minutes of a mission answered with `response` minutes by an aircraft
    /// flying `model`, plus `turnaround`.
    public static func minutes(response: Double, model: ReachModel, turnaround: Double = 0) -> Double {
        response + model.aircraft.onSceneMin + max(0, response - model.dispatchMinutes) + turnaround
    }
}
