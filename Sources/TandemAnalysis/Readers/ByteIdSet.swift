import Foundation

/// Ids seen in one scope, kept as UTF-8 bytes. Readers check most ids on libxml2's bytes; a
/// `Set<String>` would need a Swift string per id and hash it with SipHash, which costs several
/// times more than the check itself. Ids come from the document, not from an attacker who can
/// see the table: FNV-1a with linear probing is enough.
struct ByteIdSet {
    private var bytes: [UInt8] = []
    /// Each id's start in `bytes` and its length.
    private var entries: [(start: Int, count: Int, hash: Int)] = []
    /// Index in `entries` + 1; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 64)

    var isEmpty: Bool { entries.isEmpty }

    /// Inserts the id; false if it was already there.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = Self.hash(id)
        var slot = hash & (slots.count - 1)
        while slots[slot] != 0 {
            if matches(Int(slots[slot]) - 1, id, hash) { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
        entries.append((bytes.count, id.count, hash))
        bytes.append(contentsOf: id)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return true
    }

    mutating func insert(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { insert($0) }
    }

    func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { id in
            let hash = Self.hash(id)
            var slot = hash & (slots.count - 1)
            while slots[slot] != 0 {
                if matches(Int(slots[slot]) - 1, id, hash) { return true }
                slot = (slot + 1) & (slots.count - 1)
            }
            return false
        }
    }

    /// The ids, in the order they were inserted.
    var strings: [String] {
        bytes.withUnsafeBufferPointer { stored in
            entries.map { String(decoding: UnsafeBufferPointer(rebasing: stored[$0.start..<$0.start + $0.count]), as: UTF8.self) }
        }
    }

    mutating func removeAll() {
        guard !entries.isEmpty else { return }
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        // Sets of a few ids (the parts of a unit) are cleared often: their slots are zeroed in place.
        if slots.count == 64 {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            slots = [Int32](repeating: 0, count: 64)
        }
    }

    @inline(__always) private func matches(_ entry: Int, _ id: UnsafeBufferPointer<UInt8>, _ hash: Int) -> Bool {
        let (start, count, stored) = entries[entry]
        guard stored == hash, count == id.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            count == 0 || memcmp(stored.baseAddress! + start, id.baseAddress!, count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 4)
        for (i, entry) in entries.enumerated() {
            var slot = entry.hash & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(i + 1)
        }
    }

    @inline(__always) private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
