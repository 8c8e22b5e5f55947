/// The content of one segment as a SAX reader builds it: text bytes are gathered until a code,
/// or the end, turns them into one text piece. Shared by the XLIFF 1.2, XLIFF 2 and TMX readers.
struct SegmentContent {
    private var pieces: [InlinePiece] = []
    private var text: [UInt8] = []

    init() { text.reserveCapacity(512) }

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }
    @inline(__always) mutating func append(_ string: String) { text.append(contentsOf: string.utf8) }

    @inline(__always) mutating func code(_ kind: InlinePiece.CodeKind) {
        flush()
        pieces.append(.code(kind))
    }

    /// Starts a new segment.
    mutating func reset() {
        pieces = []
        text.removeAll(keepingCapacity: true)
    }

    /// The segment's pieces; the content is empty afterwards.
    mutating func take() -> [InlinePiece] {
        flush()
        defer { pieces = [] }
        return pieces
    }

    private mutating func flush() {
        if !text.isEmpty {
            pieces.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }
    }
}
