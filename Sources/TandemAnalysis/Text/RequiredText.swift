import Foundation

/// What a text must contain for an SRX "before" pattern to match anywhere in it, read off the
/// pattern's first element when that element must match: a character class (one of its
/// characters must appear) or literal characters (they must appear, in a row). Most rules cannot
/// match most texts (a colon rule, a CJK full stop, an ellipsis); checking for their characters
/// costs far less than running the regular expression, which Foundation makes convert the whole
/// text again on every call. Patterns this simple reading cannot vouch for give nil: the rule
/// then always runs.
enum RequiredText: Equatable {
    case anyOf(ScalarSet)
    case literal(String)

    /// A few characters, tested without hashing: ASCII ones as bits, others in a short list.
    struct ScalarSet: Equatable {
        private var low: UInt64 = 0, high: UInt64 = 0
        private var others: [Unicode.Scalar] = []

        init(_ members: Set<Unicode.Scalar>) {
            for m in members {
                switch m.value {
                case 0..<64: low |= 1 << UInt64(m.value)
                case 64..<128: high |= 1 << UInt64(m.value - 64)
                default: others.append(m)
                }
            }
            others.sort { $0.value < $1.value }
        }

        func isPresent(in text: String) -> Bool {
            var text = text
            if others.isEmpty {
                // Only ASCII can match: bytes of multi-byte characters are all ≥ 0x80.
                return text.withUTF8 { bytes in
                    bytes.contains { b in
                        b < 64 ? low & (1 << UInt64(b)) != 0 : b < 128 && high & (1 << UInt64(b - 64)) != 0
                    }
                }
            }
            return text.unicodeScalars.contains { c in
                switch c.value {
                case 0..<64: low & (1 << UInt64(c.value)) != 0
                case 64..<128: high & (1 << UInt64(c.value - 64)) != 0
                default: others.contains(c)
                }
            }
        }
    }

    /// Characters that are syntax outside a class in ICU patterns.
    private static let special: Set<Unicode.Scalar> = [
        "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}",
    ]

    static func of(pattern: String) -> RequiredText? {
        let p = Array(pattern.unicodeScalars)
        guard !p.isEmpty, !hasTopLevelAlternation(p) else { return nil }
        // An escape stands for its character when that character is punctuation (`\.`); letters
        // and digits after a backslash are classes or other syntax (`\p`, `\d`, `\u`).
        func escaped(_ i: Int) -> Unicode.Scalar? {
            guard i + 1 < p.count else { return nil }
            let c = p[i + 1]
            return c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.isWhitespace ? nil : c
        }
        // Quantifiers that let the element before them match nothing.
        func optional(_ i: Int) -> Bool { i < p.count && (p[i] == "?" || p[i] == "*" || p[i] == "{") }
        if p[0] == "[" {
            var members: Set<Unicode.Scalar> = []
            var i = 1
            // `[:Lu:]` is a property, not the characters : L u.
            if i < p.count, p[i] == ":", let close = p[i...].firstIndex(of: "]"), p[close - 1] == ":" { return nil }
            while i < p.count, p[i] != "]" {
                // Negation, nested classes, set operations, ranges and strings are not read.
                if ["^", "[", "&", "-", "{", "}", "$"].contains(p[i]) { return nil }
                if p[i] == "\\" {
                    guard let c = escaped(i) else { return nil }
                    members.insert(c)
                    i += 2
                } else {
                    members.insert(p[i])
                    i += 1
                }
            }
            guard i < p.count, !members.isEmpty, !optional(i + 1) else { return nil }
            return .anyOf(ScalarSet(members))
        }
        var run: [Unicode.Scalar] = []
        var i = 0
        while i < p.count {
            if p[i] == "\\" {
                guard let c = escaped(i) else { break }
                run.append(c)
                i += 2
            } else if special.contains(p[i]) {
                break
            } else {
                run.append(p[i])
                i += 1
            }
        }
        // `ab?`: the last character may be absent.
        if optional(i), !run.isEmpty { run.removeLast() }
        guard !run.isEmpty else { return nil }
        var literal = ""
        literal.unicodeScalars.append(contentsOf: run)
        return .literal(literal)
    }

    /// Whether `|` appears outside any group or class (then no element is required).
    private static func hasTopLevelAlternation(_ p: [Unicode.Scalar]) -> Bool {
        var depth = 0
        var inClass = false
        var i = 0
        while i < p.count {
            switch p[i] {
            case "\\": i += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0: return true
            default: break
            }
            i += 1
        }
        return false
    }

    func isPresent(in text: String) -> Bool {
        switch self {
        case .anyOf(let members):
            return members.isPresent(in: text)
        case .literal(let literal):
            var text = text
            var literal = literal
            return text.withUTF8 { haystack in
                literal.withUTF8 { needle in
                    guard needle.count <= haystack.count else { return false }
                    let first = needle[0]
                    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                        if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                    }
                    return false
                }
            }
        }
    }
}
