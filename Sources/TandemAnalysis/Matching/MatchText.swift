import Foundation

/// A segment prepared for matching: the token keys used by the edit distance (words in lower
/// case, every number as the placeholder `#`; inline codes and punctuation are left out) and the
/// details the fixed penalties look at (exact words, numbers, codes with their positions,
/// punctuation). `exact` is the normalised source: NFC tokens with white space collapsed, codes as
/// placeholders; two segments with the same `exact` are identical for repetitions and score 100.
public struct MatchText: Sendable, Equatable {
    public var keys: [String]
    public var exact: String
    var words: [String]
    var numbers: [String]
    var codes: [Code]

    struct Code: Sendable, Equatable {
        var kind: InlinePiece.CodeKind
        /// Index of the key token the code precedes.
        var position: Int
    }
    var punctuation: [String]

    public init(_ content: [InlinePiece]) {
        keys = []
        words = []
        numbers = []
        codes = []
        punctuation = []
        var exact = ""
        exact.reserveCapacity(64)
        for piece in content {
            switch piece {
            case .code(let kind):
                codes.append(Code(kind: kind, position: keys.count))
                exact += kind == .open ? "{o} " : kind == .close ? "{c} " : "{s} "
            case .text(let text):
                let normalised = text.precomposedStringWithCanonicalMappingIfNeeded
                for token in Tokenizer.tokens(normalised) {
                    let t = String(token.text)
                    exact += t
                    exact += " "
                    switch token.kind {
                    case .word, .logogram:
                        words.append(t)
                        keys.append(t.lowercased())
                    case .number:
                        numbers.append(t)
                        keys.append("#")
                    case .punctuation:
                        punctuation.append(t)
                    }
                }
            }
        }
        self.exact = exact
    }

    public init(text: String) { self.init([.text(text)]) }
}

extension String {
    /// NFC, skipping the work for ASCII text.
    var precomposedStringWithCanonicalMappingIfNeeded: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
