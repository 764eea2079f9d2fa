import Foundation

/// Maps indices to results on `width` threads; results come back in index
/// order, so output never depends on the thread count or scheduling.
///
/// Every parallel loop in aircover goes through this type, so `width` bounds
/// the threads aircover's own work uses (CBC and GDAL keep their own).
public enum ParallelMap {
    /// The environment variable that sets `width`: a whole number from 1 to
    /// `maximumWidth`. Unset, the width is the number of active processors.
    public static let widthVariable = "AIRCOVER_THREADS"
    public static let maximumWidth = 1_024

    /// The number of threads a map runs on (see `widthVariable`). An invalid
    /// value of the variable falls back to the processor count here; the
    /// command line refuses it before any work.
    public static let width: Int = (try? widthFromEnvironment()) ?? ProcessInfo.processInfo.activeProcessorCount

    /// `widthVariable`'s value, nil when it is unset; throws a
    /// `ConfigError` naming the variable when it is not a whole number in
    /// 1…`maximumWidth`.
    public static func widthFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int? {
        guard let text = environment[widthVariable] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...maximumWidth).contains(value) else {
            throw ConfigError(
                source: "the environment", path: widthVariable,
                problem: "is \"\(text)\"; it must be a whole number of threads from 1 to \(maximumWidth)")
        }
        return value
    }

    /// Told after each index of a map completes: (indices done, count), from
    /// any thread. Bind it around a stretch of synchronous work with
    /// `ParallelMap.$observer.withValue(…) { … }`; maps started inside the
    /// bodies of a reporting map (nested maps) do not report, so the figures
    /// always describe the outermost map under way.
    @TaskLocal public static var observer: (@Sendable (_ done: Int, _ count: Int) -> Void)?

    /// `body(0) … body(count − 1)`, run on up to `width` threads that each take
    /// the next index not yet taken.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let workers = min(width, count)
        guard let observer else {
            if workers <= 1 { return (0..<count).map(body) }
            let box = ResultBox<T>(count: count)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = box.takeIndex() { _ = box.store(body(index), at: index) }
            }
            return box.values.map { $0! }
        }
        if workers <= 1 {
            return (0..<count).map { index in
                defer { observer(index + 1, count) }
                return $observer.withValue(nil) { body(index) }
            }
        }
        let box = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = box.takeIndex() {
                let value = $observer.withValue(nil) { body(index) }
                observer(box.store(value, at: index), count)
            }
        }
        return box.values.map { $0! }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var stored = 0
        private(set) var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func takeIndex() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < values.count else { return nil }
            next += 1
            return next - 1
        }
        /// Stores a result; the number of results stored so far.
        func store(_ value: T, at index: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            values[index] = value
            stored += 1
            return stored
        }
    }
}
