/// One way to serve a demand point in a `DispatchSimulation`: an aircraft
/// of `base`, on scene `responseMinutes` after the alert (dispatch
/// included), busy for `missionMinutes` from the alert until it is ready
/// at its base again.
public struct DispatchOption: Sendable, Equatable {
    public let base: Int
    public let responseMinutes: Double
    public let missionMinutes: Double

    public init(base: Int, responseMinutes: Double, missionMinutes: Double) {
        self.base = base
        self.responseMinutes = responseMinutes
        self.missionMinutes = missionMinutes
    }
}
