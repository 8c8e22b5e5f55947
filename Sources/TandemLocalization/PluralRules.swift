import Foundation

/// CLDR plural categories, in CLDR order.
public enum PluralCategory: String, CaseIterable, Sendable, Comparable, Codable {
    case zero, one, two, few, many, other

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// CLDR plural operands of a number as written: `n` absolute value, `i` integer digits,
/// `v` number of visible fraction digits, `f` visible fraction digits as an integer,
/// `e` compact exponent (always 0 here).
public struct PluralOperands: Sendable, Equatable {
    public var n: Decimal
    public var i: Int
    public var v: Int
    public var f: Int
    public var e: Int = 0

    /// From the number's canonical text (e.g. "1.50" keeps `v` = 2); `Decimal` drops trailing
    /// zeros, so pass `visibleFractionDigits` when a count is displayed with them.
    public init(_ value: Decimal, visibleFractionDigits: Int? = nil) {
        var absolute = value < 0 ? -value : value
        if let digits = visibleFractionDigits { absolute = absolute.rounded(scale: digits) }
        let text = absolute.canonicalString
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var fraction = parts.count > 1 ? parts[1] : ""
        if let digits = visibleFractionDigits, fraction.count < digits {
            fraction += String(repeating: "0", count: digits - fraction.count)
        }
        n = absolute
        // Very large numbers saturate; plural rules only look at the last digits or round millions.
        // Beyond 18 digits keep the last 18, but never let a huge number read as 0.
        let lastDigits = Int(parts[0].suffix(18)) ?? 0
        i = parts[0].count > 18 && lastDigits == 0 ? 1_000_000_000_000_000_000 : lastDigits
        v = fraction.count
        f = Int(fraction.prefix(18)) ?? 0
    }

    public init(_ value: Int) { self.init(Decimal(value)) }

    var isInteger: Bool { v == 0 }
    /// `n` when it is a whole number that fits in an `Int`, for rules written on `n`.
    var integralN: Int? { f == 0 ? i : nil }
}

/// A language's plural rule: the categories it uses and how a number selects one.
public struct PluralRule: Sendable {
    public let categories: [PluralCategory]
    private let select: @Sendable (PluralOperands) -> PluralCategory

    public init(categories: [PluralCategory], select: @escaping @Sendable (PluralOperands) -> PluralCategory) {
        self.categories = categories.sorted()
        self.select = select
    }

    public func category(for operands: PluralOperands) -> PluralCategory {
        let category = select(operands)
        return categories.contains(category) ? category : .other
    }

    public func category(for value: Decimal) -> PluralCategory { category(for: PluralOperands(value)) }
    public func category(for value: Int) -> PluralCategory { category(for: PluralOperands(value)) }

    /// A few numbers that select `category`, for translators' notes ("1, 21, 31…").
    public func examples(of category: PluralCategory, limit: Int = 4) -> [String] {
        var found: [String] = []
        for value in Array(0...200) + [1000, 1_000_000, 2_000_000] where self.category(for: value) == category {
            found.append(String(value))
            if found.count == limit { break }
        }
        if found.count < limit {
            for text in ["0.5", "1.5", "2.5"] where self.category(for: Decimal(canonical: text)!) == category {
                found.append(text)
            }
        }
        return found
    }
}

/// Plural rules per language (CLDR 42+). Adding a language is one table entry; a language
/// without an entry uses only `other`.
public enum PluralRules {
    /// "many" in the Romance languages: whole multiples of a million ("1 000 000 de fichiers").
    @Sendable static func isRoundMillion(_ o: PluralOperands) -> Bool {
        o.e == 0 && o.i != 0 && o.i % 1_000_000 == 0 && o.v == 0
    }

    static let oneOther = PluralRule(categories: [.one, .other]) { o in
        o.i == 1 && o.v == 0 ? .one : .other
    }
    static let otherOnly = PluralRule(categories: [.other]) { _ in .other }

    public static let table: [String: PluralRule] = [
        // one: i = 1 and v = 0
        "en": oneOther, "de": oneOther, "nl": oneOther, "sv": oneOther, "fi": oneOther, "et": oneOther,
        // one: i = 0,1; many: round millions; other
        "fr": PluralRule(categories: [.one, .many, .other]) { o in
            if o.i == 0 || o.i == 1 { return .one }
            return isRoundMillion(o) ? .many : .other
        },
        "pt": PluralRule(categories: [.one, .many, .other]) { o in
            if o.i == 0 || o.i == 1 { return .one }
            return isRoundMillion(o) ? .many : .other
        },
        // one: i = 1 and v = 0; many: round millions
        "it": PluralRule(categories: [.one, .many, .other]) { o in
            if o.i == 1 && o.v == 0 { return .one }
            return isRoundMillion(o) ? .many : .other
        },
        // one: n = 1; many: round millions
        "es": PluralRule(categories: [.one, .many, .other]) { o in
            if o.integralN == 1 { return .one }
            return isRoundMillion(o) ? .many : .other
        },
        "ru": slavicEast, "uk": slavicEast,
        "pl": PluralRule(categories: [.one, .few, .many, .other]) { o in
            guard o.v == 0 else { return .other }
            if o.i == 1 { return .one }
            let m10 = o.i % 10
            let m100 = o.i % 100
            if (2...4).contains(m10) && !(12...14).contains(m100) { return .few }
            return .many
        },
        "cs": westSlavic, "sk": westSlavic,
        "ar": PluralRule(categories: [.zero, .one, .two, .few, .many, .other]) { o in
            guard let n = o.integralN else { return .other }
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(n % 100) { return .few }
                if (11...99).contains(n % 100) { return .many }
                return .other
            }
        },
        "ja": otherOnly, "zh": otherOnly, "ko": otherOnly, "th": otherOnly, "vi": otherOnly, "id": otherOnly,
    ]

    static let slavicEast = PluralRule(categories: [.one, .few, .many, .other]) { o in
        guard o.v == 0 else { return .other }
        let m10 = o.i % 10
        let m100 = o.i % 100
        if m10 == 1 && m100 != 11 { return .one }
        if (2...4).contains(m10) && !(12...14).contains(m100) { return .few }
        return .many
    }

    static let westSlavic = PluralRule(categories: [.one, .few, .many, .other]) { o in
        if o.v != 0 { return .many }
        if o.i == 1 { return .one }
        if (2...4).contains(o.i) { return .few }
        return .other
    }

    /// The rule for a locale such as `fr`, `fr-CA` or `pt-BR` (looked up by language).
    public static func rule(for locale: String) -> PluralRule {
        table[languageSubtag(of: locale)] ?? otherOnly
    }
}

/// `fr` for `fr-CA`, `pt` for `pt_BR`.
func languageSubtag(of locale: String) -> String {
    String(locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
}
