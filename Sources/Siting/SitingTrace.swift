import Foundation

/// Stage timings on stderr when AIRCOVER_TRACE is set, for profiling solves.
enum SitingTrace {
    static let enabled = ProcessInfo.processInfo.environment["AIRCOVER_TRACE"] != nil

    static func log(_ stage: String, since start: ContinuousClock.Instant) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[siting] \(stage): \((ContinuousClock.now - start) / .seconds(1)) s\n".utf8))
    }
}
