import Foundation

/// Maps indices to results on all cores; results come back in index order,
/// so output never depends on the thread count or scheduling.
public enum ParallelMap {
    /// `body(0) … body(count − 1)`, run concurrently on all cores.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let box = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            box.store(body(index), at: index)
        }
        return box.values.map { $0! }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func store(_ value: T, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
    }
}
