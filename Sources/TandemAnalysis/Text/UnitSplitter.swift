import Foundation
import TandemDomain

/// Splits a unit that its file leaves unsegmented (an XLIFF 1.2 `<trans-unit>` without
/// `<seg-source>`, a PO entry) into sentences with SRX rules, as CAT tools do when they open such a file, so
/// that repetitions and TM matches are found per sentence as the CAT tool will find them.
/// Inline codes stay with their text: a code at a sentence boundary goes with the sentence it
/// opens, except a closing code, which ends the sentence before it.
final class UnitSplitter {
    private let rules: SRXRules
    private var segmenters: [String: Segmenter] = [:]
    /// Breaks of texts already split, by language (emptied when full).
    private var recent: [String: [String: [Int]]] = [:]
    static let recentLimit = 8192

    init(rules: SRXRules) { self.rules = rules }

    /// The sentences of `pieces` (one element when there is nothing to split).
    func split(_ pieces: [InlinePiece], language: LanguageTag?) -> [[InlinePiece]] {
        guard Self.mayHoldSeveralSentences(pieces) else { return [pieces] }
        var text = ""
        for case .text(let t) in pieces { text += t }
        let key = language?.description ?? ""
        let breaks: [Int]
        if let known = recent[key]?[text] {
            breaks = known
        } else {
            let segmenter = segmenters[key] ?? Segmenter(rules: rules, language: language)
            segmenters[key] = segmenter
            breaks = segmenter.breaks(in: text)
            // Localisation files repeat themselves; the rules (regular expressions) cost.
            if recent[key, default: [:]].count >= Self.recentLimit { recent[key] = [:] }
            recent[key, default: [:]][text] = breaks
        }
        guard !breaks.isEmpty else { return [pieces] }
        return Self.split(pieces, at: breaks)
    }

    /// Replaces each whole-unit segment (at `wholeUnits`, ascending) that holds several sentences by one segment per sentence,
    /// with ids `unit/1`, `unit/2`, …
    func split(_ segments: [SourceSegment], wholeUnits: [Int], language: LanguageTag?) -> [SourceSegment] {
        var out: [SourceSegment] = []
        var changed = false
        var next = 0
        for (index, segment) in segments.enumerated() {
            guard next < wholeUnits.count, wholeUnits[next] == index else {
                out.append(segment)
                continue
            }
            next += 1
            let sentences = split(segment.content, language: language)
            if sentences.count == 1 {
                out.append(segment)
                continue
            }
            changed = true
            for (k, sentence) in sentences.enumerated() {
                out.append(
                    SourceSegment(id: "\(segment.id)/\(k + 1)", content: sentence, translatable: segment.translatable))
            }
        }
        return changed ? out : segments
    }

    /// A cheap test before the rules run: a sentence terminator, then white space, then more
    /// text (or, after a full-width terminator, any more text). Most units are one sentence or a
    /// label, and regular expressions cost.
    static func mayHoldSeveralSentences(_ pieces: [InlinePiece]) -> Bool {
        // States: after text; after . ! ? …; after : or ; (a break needs a line end next); after
        // white space that follows a terminator; after a full-width terminator.
        enum State { case text, terminator, colon, space, fullWidth }
        var state = State.text
        let terminators = Self.terminatorBits
        for case .text(let t) in pieces {
            // ASCII text (most units) needs no decoding: only ASCII can end an ASCII sentence.
            var ascii = true
            let before = state
            var text = t
            let decided: Bool? = text.withUTF8 { bytes in
                var i = 0
                while i < bytes.count {
                    var byte = bytes[i]
                    if state == .text {
                        // Skip plain text fast: only . ! ? : ; and non-ASCII bytes can change the state.
                        while byte < 0x80, byte >= 0x40 || terminators & (1 << UInt64(byte)) == 0 {
                            i += 1
                            if i == bytes.count { return nil }
                            byte = bytes[i]
                        }
                    }
                    if byte >= 0x80 {
                        ascii = false
                        return nil
                    }
                    switch state {
                    case .text:
                        if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                            state = .terminator
                        } else if byte == 0x3A || byte == 0x3B {
                            state = .colon
                        }
                    case .terminator:
                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                            state = .space
                        } else if !(byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x27 || byte == 0x22
                            || byte == 0x29 || byte == 0x5D || byte == 0x7D)
                        {
                            state = byte == 0x3A || byte == 0x3B ? .colon : .text
                        }
                    case .colon:
                        if byte >= 0x0A && byte <= 0x0D {
                            state = .space
                        } else if !(byte == 0x20 || byte == 0x09) {
                            state =
                                byte == 0x2E || byte == 0x21 || byte == 0x3F
                                ? .terminator : byte == 0x3A || byte == 0x3B ? .colon : .text
                        }
                    case .space, .fullWidth:
                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                            state = .space
                        } else if !(byte == 0x27 || byte == 0x22 || byte == 0x29 || byte == 0x5D || byte == 0x7D) {
                            return true
                        }
                    }
                    i += 1
                }
                return nil
            }
            if let decided { return decided }
            if ascii { continue }
            state = before  // this piece again, scalar by scalar
            for scalar in t.unicodeScalars {
                let isWhitespace: Bool
                let isLineEnd: Bool
                let isTerminator: Bool
                let isColon: Bool
                let isCloser: Bool
                if scalar.isASCII {
                    let v = scalar.value
                    isWhitespace = v == 0x20 || (v >= 0x09 && v <= 0x0D)
                    isLineEnd = v >= 0x0A && v <= 0x0D
                    isTerminator = v == 0x2E || v == 0x21 || v == 0x3F
                    isColon = v == 0x3A || v == 0x3B
                    isCloser = v == 0x27 || v == 0x22 || v == 0x29 || v == 0x5D || v == 0x7D
                } else {
                    isWhitespace = scalar.properties.isWhitespace
                    isLineEnd = scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
                    isTerminator = scalar.properties.isSentenceTerminal || scalar == "…"
                    isColon = false
                    isCloser = closers.contains(scalar)
                }
                switch state {
                case .text:
                    break
                case .terminator:
                    if isWhitespace {
                        state = .space
                        continue
                    }
                    if isCloser || isTerminator { continue }
                case .colon:
                    if isLineEnd {
                        state = .space
                        continue
                    }
                    if isWhitespace { continue }
                case .space, .fullWidth:
                    if isWhitespace {
                        state = .space
                        continue
                    }
                    if !isCloser && !(state == .fullWidth && isTerminator) { return true }
                    continue
                }
                state =
                    isTerminator ? (fullWidth.contains(scalar) ? .fullWidth : .terminator) : isColon ? .colon : .text
            }
        }
        return false
    }

    static let fullWidth: Set<Unicode.Scalar> = ["。", "！", "？"]

    /// ! . : ; ? as bits of a mask over the first 64 code points.
    static let terminatorBits: UInt64 = [0x21, 0x2E, 0x3A, 0x3B, 0x3F].reduce(0) { $0 | 1 << UInt64($1) }

    /// Closing quotes and brackets that may follow a sentence terminator.
    static let closers: Set<Unicode.Scalar> = ["'", "\"", ")", "]", "}", "’", "”", "»", "」", "』", "）"]

    /// Cuts `pieces` at `breaks` (UTF-16 offsets into the concatenated text); sentences with no
    /// text but white space are joined to their neighbour.
    static func split(_ pieces: [InlinePiece], at breaks: [Int]) -> [[InlinePiece]] {
        var sentences: [[InlinePiece]] = [[]]
        var offset = 0
        var next = 0
        func cut() { if !sentences[sentences.count - 1].isEmpty { sentences.append([]) } }
        for piece in pieces {
            while next < breaks.count, breaks[next] < offset { next += 1 }
            switch piece {
            case .code(let kind):
                if next < breaks.count, breaks[next] == offset, kind != .close {
                    cut()
                    next += 1
                }
                sentences[sentences.count - 1].append(piece)
            case .text(let t):
                let count = t.utf16.count
                var start = t.startIndex
                while next < breaks.count, breaks[next] < offset + count {
                    let end = String.Index(utf16Offset: breaks[next] - offset, in: t)
                    if end > start { sentences[sentences.count - 1].append(.text(String(t[start..<end]))) }
                    cut()
                    start = end
                    next += 1
                }
                if start < t.endIndex { sentences[sentences.count - 1].append(.text(String(t[start...]))) }
                offset += count
            }
        }
        // Join sentences without text to a neighbour, so codes and spaces are not lost.
        var joined: [[InlinePiece]] = []
        var carried: [InlinePiece] = []
        for sentence in sentences {
            let hasText = sentence.contains {
                if case .text(let t) = $0 { return t.contains { !$0.isWhitespace } } else { return false }
            }
            if hasText {
                joined.append(carried + sentence)
                carried = []
            } else if joined.isEmpty {
                carried += sentence
            } else {
                joined[joined.count - 1] += sentence
            }
        }
        if joined.isEmpty { return [carried] }
        if !carried.isEmpty { joined[joined.count - 1] += carried }
        return joined.map(SourceSegment.compact)
    }
}
