import Foundation

/// Ids in order of first appearance, looked up by their bytes: a hash table
/// of byte strings in front of a `[String: Int32]`, so that ids equal as
/// Swift strings (canonically equivalent Unicode, say) share one index, as
/// they would with a plain dictionary of strings, while a row costs only a
/// hash and compare of a few machine words.
struct IDTable {
    private(set) var ids: [String] = []
    private var indexOfID: [String: Int32] = [:]
    /// A distinct byte string: its first 8 bytes (see `head`), its length,
    /// where its bytes start in `bytes`, and the index of its id.
    private struct Entry {
        let head: UInt64, count: Int, start: Int, index: Int32
    }
    private var entries: [Entry] = [], bytes: [UInt8] = []
    /// Open addressing with linear probing: entry numbers, -1 where free; at
    /// most half full.
    private var slots = [Int32](repeating: -1, count: 64)
    /// The entry found last (rows often repeat the previous demand).
    private var last = -1

    /// The index of the id `text` spells, appending the id if new.
    mutating func index(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let head = Self.head(text)
        if last >= 0, matches(last, head, text) { return entries[last].index }
        var slot = Self.hash(head, text) & (slots.count - 1)
        while slots[slot] >= 0 {
            let e = Int(slots[slot])
            if matches(e, head, text) {
                last = e
                return entries[e].index
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = String(decoding: text, as: UTF8.self)
        let index = indexOfID[id] ?? Int32(ids.count)
        if index == ids.count {
            ids.append(id)
            indexOfID[id] = index
        }
        last = entries.count
        slots[slot] = Int32(last)
        entries.append(Entry(head: head, count: text.count, start: bytes.count, index: index))
        bytes.append(contentsOf: text)
        if entries.count * 2 > slots.count { grow() }
        return index
    }

    private func matches(_ e: Int, _ head: UInt64, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[e]
        guard entry.head == head, entry.count == text.count else { return false }
        return text.count <= 8
            || bytes.withUnsafeBufferPointer { stored in
                (8..<text.count).allSatisfy { stored[entry.start + $0] == text[$0] }
            }
    }

    private mutating func grow() {
        var slots = [Int32](repeating: -1, count: self.slots.count * 2)
        bytes.withUnsafeBufferPointer { stored in
            for (e, entry) in entries.enumerated() {
                let text = UnsafeBufferPointer(rebasing: stored[entry.start..<entry.start + entry.count])
                var slot = Self.hash(entry.head, text) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(e)
            }
        }
        self.slots = slots
    }

    /// Up to the first 8 bytes of `text`, little-endian, zero-padded.
    private static func head(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for k in 0..<min(8, text.count) { head |= UInt64(text[k]) << (8 * k) }
        return head
    }

    /// A multiplicative hash of the length, the head and any bytes after it.
    private static func hash(_ head: UInt64, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = (head ^ UInt64(text.count) << 56) &* 0x9E37_79B9_7F4A_7C15
        for byte in text.dropFirst(8) { hash = (hash ^ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15 }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }
}
