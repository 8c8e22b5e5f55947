/// The content of one segment as a SAX reader builds it: text bytes are gathered until a code,
/// or the end, turns them into one text piece. Shared by the XLIFF 1.2, XLIFF 2 and TMX readers.
struct SegmentContent {
    private var pieces: [InlinePiece] = []
    /// Text bytes since the last piece. A buffer of its own: emptying an array once per segment
    /// costs more than gathering the segment's text.
    private let text = TextBuffer()

    init() {}

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(bytes) }
    @inline(__always) mutating func append(_ string: String) { text.append(string) }

    @inline(__always) mutating func code(_ kind: InlinePiece.CodeKind) {
        flush()
        pieces.append(.code(kind))
    }

    /// Starts a new segment.
    mutating func reset() {
        if !pieces.isEmpty { pieces = [] }
        text.count = 0
    }

    /// The segment's pieces; the content is empty afterwards.
    mutating func take() -> [InlinePiece] {
        // Most segments are one run of text: an array of one, made at its size.
        if pieces.isEmpty {
            guard text.count > 0 else { return [] }
            defer { text.count = 0 }
            return [.text(text.string())]
        }
        flush()
        defer { pieces = [] }
        return pieces
    }

    private mutating func flush() {
        if text.count > 0 {
            pieces.append(.text(text.string()))
            text.count = 0
        }
    }
}

/// A growable byte buffer, emptied by setting `count`.
final class TextBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity = 512
    var count = 0

    init() { base = .allocate(capacity: capacity) }
    deinit { base.deallocate() }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) func append(_ other: TextBuffer) { append(other.bytes) }

    func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Replaces the content.
    @inline(__always) func set(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = 0
        append(bytes)
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func string() -> String { String(decoding: bytes, as: UTF8.self) }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
