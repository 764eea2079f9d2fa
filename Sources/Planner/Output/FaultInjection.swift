import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Crash points for tests of what a killed run leaves behind.
///
/// When the environment variable `AIRCOVER_KILL_AT` names a point, the
/// process sends itself SIGKILL there: no clean-up, no flush, exactly as
/// if the machine lost power or the user pressed kill -9. Unset (always, in
/// normal use), `point` does nothing.
enum FaultInjection {
    static let killAt = ProcessInfo.processInfo.environment["AIRCOVER_KILL_AT"]

    static func point(_ name: String) {
        if killAt == name { kill(getpid(), SIGKILL) }
    }
}
