import Foundation

/// Stage timings on stderr when AIRCOVER_TRACE is set, for profiling solves.
public enum SitingTrace {
    static let enabled = ProcessInfo.processInfo.environment["AIRCOVER_TRACE"] != nil

    /// `[tag] stage: seconds since start` on stderr.
    public static func log(_ stage: String, since start: ContinuousClock.Instant, tag: String = "siting") {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[\(tag)] \(stage): \((ContinuousClock.now - start) / .seconds(1)) s\n".utf8))
    }
}
