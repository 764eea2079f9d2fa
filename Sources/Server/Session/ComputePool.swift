import Foundation
import GeoCore
import Support

/// Runs the planner's synchronous, CPU-bound work off the server's event
/// loops, at most one job per processor at a time; further jobs wait their
/// turn, so many concurrent requests queue instead of starving the server.
final class ComputePool: Sendable {
    private let queue: OperationQueue

    init(width: Int = ParallelMap.width) {
        let queue = OperationQueue()
        queue.name = "aircover serve: planner work"
        queue.maxConcurrentOperationCount = max(1, width)
        self.queue = queue
    }

    /// The result of `work`, or the error it threw.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.addOperation { continuation.resume(with: Result { try work() }) }
        }
    }
}
