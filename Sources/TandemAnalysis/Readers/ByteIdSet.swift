import Foundation

/// Ids seen in one scope, kept as UTF-8 bytes. Readers check most ids on libxml2's bytes; a
/// `Set<String>` would need a Swift string per id and hash it with SipHash, which costs several
/// times more than the check itself. Ids come from the document being read, and a collision
/// only costs a comparison: FNV-1a with linear probing is enough. A class, so that checking an
/// id copies nothing; `removeAll` is O(1) (a new generation), as part ids are cleared per unit.
final class ByteIdSet {
    private struct Slot {
        var start = 0
        var count = 0
        var hash: UInt32 = 0
        /// The slot holds an id if this is the set's current generation.
        var generation: UInt32 = 0
    }

    private let bytes = TextBuffer()
    private var slots: UnsafeMutablePointer<Slot>
    private var capacity = 64
    private var used = 0
    private var generation: UInt32 = 1

    init() {
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
    }

    deinit { slots.deallocate() }

    var isEmpty: Bool { used == 0 }

    /// Inserts the id; false if it was already there.
    func insert(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = Self.hash(id)
        var i = Int(hash) & (capacity - 1)
        while slots[i].generation == generation {
            if matches(slots[i], id, hash) { return false }
            i = (i + 1) & (capacity - 1)
        }
        slots[i] = Slot(start: bytes.count, count: id.count, hash: hash, generation: generation)
        bytes.append(id)
        used += 1
        if used * 2 > capacity { grow() }
        return true
    }

    func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { id in
            let hash = Self.hash(id)
            var i = Int(hash) & (capacity - 1)
            while slots[i].generation == generation {
                if matches(slots[i], id, hash) { return true }
                i = (i + 1) & (capacity - 1)
            }
            return false
        }
    }

    func removeAll() {
        guard used > 0 else { return }
        bytes.count = 0
        used = 0
        generation &+= 1
        if generation == 0 {
            slots.update(repeating: Slot(), count: capacity)
            generation = 1
        }
    }

    @inline(__always) private func matches(_ slot: Slot, _ id: UnsafeBufferPointer<UInt8>, _ hash: UInt32) -> Bool {
        guard slot.hash == hash, slot.count == id.count else { return false }
        return slot.count == 0 || memcmp(bytes.bytes.baseAddress! + slot.start, id.baseAddress!, slot.count) == 0
    }

    private func grow() {
        let old = slots
        let oldCapacity = capacity
        capacity *= 4
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        for j in 0..<oldCapacity where old[j].generation == generation {
            var i = Int(old[j].hash) & (capacity - 1)
            while slots[i].generation == generation { i = (i + 1) & (capacity - 1) }
            slots[i] = old[j]
        }
        old.deallocate()
    }

    @inline(__always) private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}
