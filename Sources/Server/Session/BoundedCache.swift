/// A map that holds at most `capacity` entries: storing one more drops the
/// least recently used (read or stored). Not synchronized: its owner
/// guards it with a lock.
struct BoundedCache<Key: Hashable, Value> {
    let capacity: Int
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    /// `capacity`: at least 1.
    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { entries.count }

    /// The value stored for `key`, now the most recently used; nil when there is none.
    mutating func value(_ key: Key) -> Value? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key] = (entry.value, clock)
        return entry.value
    }

    /// Stores `value` for `key` as the most recently used, dropping the
    /// least recently used entry when the cache is full.
    mutating func store(_ value: Value, for key: Key) {
        if entries[key] == nil, entries.count >= capacity,
            let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
        {
            entries[oldest] = nil
        }
        clock += 1
        entries[key] = (value, clock)
    }

    mutating func remove(_ key: Key) { entries[key] = nil }
}
