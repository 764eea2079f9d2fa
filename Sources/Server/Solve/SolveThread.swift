import Foundation

/// Runs submitted work one item at a time, in order, on a thread of its own
/// (started when work arrives, ended when none is left).
///
/// Solves run here rather than on Dispatch's shared pool (`ComputePool`):
/// on Linux that pool is as wide as the machine has cores and also runs
/// Swift concurrency's tasks, the server's request handlers among them, so
/// solves blocking its threads for minutes would hold up every request,
/// assessments included, on a small machine.
final class SolveThread: @unchecked Sendable {
    private let name: String
    private let lock = NSLock()
    private var waiting: [@Sendable () -> Void] = []
    private var running = false

    init(name: String) { self.name = name }

    /// Queues `work` and returns at once.
    func submit(_ work: @escaping @Sendable () -> Void) {
        let start = lock.withLock {
            waiting.append(work)
            defer { running = true }
            return !running
        }
        guard start else { return }
        let thread = Thread { [self] in drain() }
        thread.name = name
        thread.start()
    }

    private func drain() {
        while let work = lock.withLock({ () -> (@Sendable () -> Void)? in
            guard !waiting.isEmpty else { running = false; return nil }
            return waiting.removeFirst()
        }) {
            work()
        }
    }
}
