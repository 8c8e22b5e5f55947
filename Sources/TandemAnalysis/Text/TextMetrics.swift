import TandemDomain

/// Words and characters of a segment, by Tandem's counting rules (see docs/analysis.md).
public struct TextMetrics: Sendable, Equatable, Codable {
    public var words: Double
    public var characters: Int

    public init(words: Double, characters: Int) {
        self.words = words
        self.characters = characters
    }

    public static let zero = TextMetrics(words: 0, characters: 0)

    public static func + (a: TextMetrics, b: TextMetrics) -> TextMetrics {
        TextMetrics(words: a.words + b.words, characters: a.characters + b.characters)
    }
}

/// Counting rules: UAX #29 words holding a letter or digit count 1; Chinese, Japanese, Korean and
/// Thai characters count as characters ÷ 2.8, 3.0, 3.3, 6.0 (GMX-V practice). Characters are
/// extended grapheme clusters that are not white space, inline codes excluded.
public enum WordCounter {
    /// Characters per word for logographic scripts. Han characters take the factor of the source
    /// language when it is Japanese (3.0) or Korean (3.3); otherwise Chinese (2.8).
    public static func factor(for script: Tokenizer.Script, language: LanguageTag?) -> Double {
        switch script {
        case .han:
            switch language?.language {
            case "ja": return 3.0
            case "ko": return 3.3
            default: return 2.8
            }
        case .kana: return 3.0
        case .hangul: return 3.3
        case .thai: return 6.0
        }
    }

    public static func count(_ text: String, language: LanguageTag? = nil) -> TextMetrics {
        var words = 0
        var han = 0
        var kana = 0
        var hangul = 0
        var thai = 0
        for token in Tokenizer.tokens(text) {
            switch token.kind {
            case .word, .number: words += 1
            case .logogram(.han): han += 1
            case .logogram(.kana): kana += 1
            case .logogram(.hangul): hangul += 1
            case .logogram(.thai): thai += 1
            case .punctuation: break
            }
        }
        var total = Double(words)
        if han > 0 { total += Double(han) / factor(for: .han, language: language) }
        if kana > 0 { total += Double(kana) / factor(for: .kana, language: language) }
        if hangul > 0 { total += Double(hangul) / factor(for: .hangul, language: language) }
        if thai > 0 { total += Double(thai) / factor(for: .thai, language: language) }
        let characters = text.reduce(0) { $1.isWhitespace ? $0 : $0 + 1 }
        return TextMetrics(words: total, characters: characters)
    }
}
