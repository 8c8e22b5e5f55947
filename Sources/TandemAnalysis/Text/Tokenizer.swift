/// Word segmentation after Unicode UAX #29 (default word boundaries), reduced to what counting
/// and matching need: letters and digits join into words across the "mid" characters
/// (`can't`, `3.14`, `e.g`), connector punctuation (`_`) joins, combining marks and format
/// characters attach to what precedes them. Ideographs, kana, Hangul and Thai come out one
/// character per token, flagged with their script so that counting can apply GMX-V factors.
public enum Tokenizer {
    public enum Kind: Sendable, Equatable {
        /// Letters (and possibly digits) — a word.
        case word
        /// Digits only, with decimal separators — a number.
        case number
        /// One CJK or Thai character.
        case logogram(Script)
        /// Anything else that is not white space.
        case punctuation
    }

    public enum Script: Sendable, Equatable { case han, kana, hangul, thai }

    public struct Token: Sendable, Equatable {
        public var text: Substring
        public var kind: Kind
    }

    enum Class {
        case letter, digit, midLetter, midNum, midNumLet, extendNumLet, extend, space, other
        case logogram(Script)
    }

    static func classify(_ s: Unicode.Scalar) -> Class {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return .space
            case 0x2E, 0x27: return .midNumLet  // . '
            case 0x3A: return .midLetter  // :
            case 0x2C, 0x3B: return .midNum  // , ;
            case 0x5F: return .extendNumLet  // _
            default: return .other
            }
        }
        switch v {
        case 0x0E00...0x0E7F:
            return s.properties.generalCategory == .nonspacingMark ? .extend : .logogram(.thai)
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
            return s.properties.generalCategory == .nonspacingMark ? .extend : .logogram(.kana)
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF:
            return .logogram(.hangul)
        case 0x00B7, 0x0387, 0x05F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A: return .midLetter
        case 0x037E, 0x0589, 0x060C, 0x060D, 0x066C, 0x07F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54, 0xFF0C, 0xFF1B:
            return .midNum
        case 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E: return .midNumLet
        case 0x00A0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x0085, 0x1680: return .space
        default: break
        }
        let p = s.properties
        if p.isIdeographic { return .logogram(.han) }
        switch p.generalCategory {
        case .decimalNumber: return .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return .extend
        case .connectorPunctuation: return .extendNumLet
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control: return p.isWhitespace ? .space : .other
        default: return p.isAlphabetic ? .letter : .other
        }
    }

    /// The tokens of `text`, white space dropped.
    public static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            let c = classify(scalars[i])
            switch c {
            case .space:
                i = scalars.index(after: i)
            case .logogram(let script):
                var j = scalars.index(after: i)
                while j < end, case .extend = classify(scalars[j]) { j = scalars.index(after: j) }
                result.append(Token(text: Substring(scalars[i..<j]), kind: .logogram(script)))
                i = j
            case .letter, .digit, .extendNumLet:
                let start = i
                var hasLetter = false
                var hasDigit = false
                var last: Class = c
                var j = i
                while j < end {
                    let cj = classify(scalars[j])
                    switch cj {
                    case .letter:
                        hasLetter = true
                        last = cj
                        j = scalars.index(after: j)
                        continue
                    case .digit:
                        hasDigit = true
                        last = cj
                        j = scalars.index(after: j)
                        continue
                    case .extendNumLet:
                        last = cj
                        j = scalars.index(after: j)
                        continue
                    case .extend:
                        j = scalars.index(after: j)
                        continue
                    case .midLetter, .midNum, .midNumLet:
                        let k = scalars.index(after: j)
                        if k < end {
                            let ck = classify(scalars[k])
                            let letterJoin: Bool = {
                                if case .letter = last, case .letter = ck { return true }
                                return false
                            }()
                            let digitJoin: Bool = {
                                if case .digit = last, case .digit = ck { return true }
                                return false
                            }()
                            var joins = false
                            switch cj {
                            case .midLetter: joins = letterJoin
                            case .midNum: joins = digitJoin
                            default: joins = letterJoin || digitJoin
                            }
                            if joins {
                                j = k
                                continue
                            }
                        }
                    default: break
                    }
                    break
                }
                if !hasLetter && !hasDigit {
                    result.append(Token(text: Substring(scalars[start..<j]), kind: .punctuation))
                } else {
                    result.append(Token(text: Substring(scalars[start..<j]), kind: hasLetter ? .word : .number))
                }
                i = j
            default:
                var j = scalars.index(after: i)
                while j < end, case .extend = classify(scalars[j]) { j = scalars.index(after: j) }
                result.append(Token(text: Substring(scalars[i..<j]), kind: .punctuation))
                i = j
            }
        }
        return result
    }
}
