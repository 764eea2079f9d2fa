import Foundation
import Planner

extension PlannerServer {
    /// `run` for a synchronous caller (the command line): blocks until the
    /// server stops. A failure to listen (address in use, unknown host) is
    /// an `InputError` naming the address.
    public func runBlocking(host: String, port: Int, ready: @escaping @Sendable (String) -> Void) throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do { try await run(host: host, port: port, ready: ready) } catch { outcome.set(error) }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw InputError("cannot serve on \(host):\(port): \(error)") }
    }
}

/// The error a background task ended with.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.lock(); stored = error; lock.unlock() }
    var error: (any Error)? { lock.lock(); defer { lock.unlock() }; return stored }
}
