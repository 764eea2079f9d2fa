import Siting

/// The siting models, by the name the command line, the server and the
/// JSON outputs use. `solve(on:timed:options:)` is the one way from a model,
/// its options and an instance to a `SitingResult`.
public enum SitingModel: String, Sendable, CaseIterable {
    case lscp, mclp, backup, pcenter, pmedian, mexclp, malp, maxmin

    /// p-center and p-median read response times (a timed instance), not
    /// coverage alone.
    public var needsTimes: Bool { self == .pcenter || self == .pmedian }
}
