import Foundation

/// A value built on first use, once, by whichever caller needs it first
/// (others wait); a failure is kept and reported to every later caller.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let build: @Sendable () throws -> Value
    private var built: Result<Value, any Error>?

    init(_ build: @escaping @Sendable () throws -> Value) { self.build = build }

    func value() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        let result = built ?? Result { try build() }
        built = result
        return try result.get()
    }

    /// The value when it has been built, without waiting: nil while it is
    /// being built, when it has not been asked for, or when building failed.
    func ifBuilt() -> Value? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return try? built?.get()
    }
}

/// One `LazyValue` per key, made on first request.
final class LazyValues<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let build: @Sendable (Key) throws -> Value
    private var values: [Key: LazyValue<Value>] = [:]

    init(_ build: @escaping @Sendable (Key) throws -> Value) { self.build = build }

    /// The value for `key`, built now when no caller has asked for it before.
    func value(_ key: Key) throws -> Value {
        let lazy = lock.withLock {
            if let lazy = values[key] { return lazy }
            let build = self.build
            let lazy = LazyValue { try build(key) }
            values[key] = lazy
            return lazy
        }
        return try lazy.value()
    }

    /// The value for `key` when it has been built (`LazyValue.ifBuilt`).
    func ifBuilt(_ key: Key) -> Value? {
        lock.withLock { values[key] }?.ifBuilt()
    }
}
