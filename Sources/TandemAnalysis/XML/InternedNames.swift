import CLibXML2

/// What a reader derives from each name libxml2 interns. Element, attribute and prefix names and
/// namespace URIs come from the parser's dictionary, so while the parser lives a pointer always
/// names the same string: each is decoded once. Used by the event reader and the three direct
/// readers.
///
/// A direct-mapped table (most lookups are one pointer comparison) in front of a dictionary: the
/// dictionary alone costs 10–12% more instructions when reading XLIFF (BENCHMARKS.md).
struct InternedNames<Value> {
    private var recent: [(key: UnsafeRawPointer?, value: Value)]
    private var all: [UnsafeRawPointer: Value] = [:]
    private let shift: UInt64

    /// `slots`: a power of two, a few times the number of names a document uses; `placeholder`
    /// fills the empty slots (it is never returned).
    init(slots: Int, placeholder: Value) {
        precondition(slots > 1 && slots & (slots - 1) == 0, "slots must be a power of two")
        recent = Array(repeating: (nil, placeholder), count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    /// The value for the interned name `p`, made from its string by `make` the first time.
    @inline(__always) mutating func value(_ p: UnsafePointer<xmlChar>, make: (String) -> Value) -> Value {
        let key = UnsafeRawPointer(p)
        // Fibonacci hashing of the address.
        let slot = Int(
            truncatingIfNeeded: (UInt64(UInt(bitPattern: Int(bitPattern: key))) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        if recent[slot].key == key { return recent[slot].value }
        let value: Value
        if let known = all[key] {
            value = known
        } else {
            value = make(String(cString: p))
            all[key] = value
        }
        recent[slot] = (key, value)
        return value
    }
}
