import Foundation

/// How one language writes numbers, money, dates and times. Fixed, explicit patterns rather than
/// the platform's CLDR data, which differs between Linux and Apple platforms and between ICU
/// versions; tests pin the exact strings. Adding a language's conventions is one table entry;
/// a language without one uses `international` (unambiguous ISO-style forms).
public struct FormatConventions: Sendable, Equatable {
    public enum DateOrder: Sendable, Equatable { case dayMonthYear, monthDayYear, yearMonthDay }
    public enum CurrencyPlacement: Sendable, Equatable {
        /// `€1,234.50`; alphabetic symbols get a no-break space: `CHF 1,234.50`.
        case before
        /// `1 234,50 €` with the given separator between the amount and the symbol.
        case after(separator: String)
    }

    public var decimalSeparator: Character
    /// Written between groups of three digits.
    public var groupingSeparator: String
    /// Accepted between groups of three digits in input.
    public var groupingInput: Set<Character>
    /// Also accepted as a decimal separator in input (e.g. `.` from a numeric keypad in French).
    public var alternativeDecimalSeparator: Character?
    /// Whether `1,234` (one separator, three decimals, no grouping) is refused as ambiguous: true
    /// where the decimal separator is the English grouping separator.
    public var threeDecimalsAreAmbiguous: Bool
    public var percentSuffix: String
    public var currencyPlacement: CurrencyPlacement
    /// Currency symbols by ISO code; other currencies are written with their code.
    public var currencySymbols: [String: String]
    public var dateOrder: DateOrder
    public var dateSeparator: String
    /// Two-digit day and month (`05/03/2026`) or not (`3/5/2026`).
    public var padDayAndMonth: Bool
    /// 12-hour clock with these AM/PM markers, or nil for 24-hour (`14:30`).
    public var amPM: (am: String, pm: String)?
    /// Between the time and the AM/PM marker.
    public var amPMSeparator: String
    /// Between the date and the time in a date-time.
    public var dateTimeSeparator: String

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.decimalSeparator == rhs.decimalSeparator && lhs.groupingSeparator == rhs.groupingSeparator
            && lhs.dateOrder == rhs.dateOrder && lhs.dateSeparator == rhs.dateSeparator
            && lhs.padDayAndMonth == rhs.padDayAndMonth
            && lhs.amPM?.am == rhs.amPM?.am && lhs.amPM?.pm == rhs.amPM?.pm
            && lhs.currencyPlacement == rhs.currencyPlacement
            && lhs.currencySymbols == rhs.currencySymbols && lhs.percentSuffix == rhs.percentSuffix
    }

    static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// English (United States): `1,234.5`, `€1,234.50`, `25%`, `11/29/2026`, `11/29/2026, 2:30 PM`
    /// (U+202F narrow no-break space before AM/PM, as CLDR 42+ and current browsers write it).
    public static let english = FormatConventions(
        decimalSeparator: ".", groupingSeparator: ",", groupingInput: spaces.union([","]),
        alternativeDecimalSeparator: nil, threeDecimalsAreAmbiguous: false,
        percentSuffix: "%", currencyPlacement: .before,
        currencySymbols: [
            "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "INR": "₹", "CNY": "CN¥",
        ],
        dateOrder: .monthDayYear, dateSeparator: "/", padDayAndMonth: false,
        amPM: (am: "AM", pm: "PM"), amPMSeparator: "\u{202F}", dateTimeSeparator: ", ")

    /// French (France), CLDR: `1 234,5` with U+202F narrow no-break space between groups,
    /// `1 234,50 €` with U+00A0 no-break space before the symbol, `25 %` with U+202F before `%`,
    /// `29/11/2026`, `29/11/2026 14:30`.
    public static let french = FormatConventions(
        decimalSeparator: ",", groupingSeparator: "\u{202F}", groupingInput: spaces,
        alternativeDecimalSeparator: ".", threeDecimalsAreAmbiguous: true,
        percentSuffix: "\u{202F}%", currencyPlacement: .after(separator: "\u{00A0}"),
        currencySymbols: ["EUR": "€", "USD": "$US", "GBP": "£GB", "CAD": "$CA", "AUD": "$AU", "CHF": "CHF"],
        dateOrder: .dayMonthYear, dateSeparator: "/", padDayAndMonth: true,
        amPM: nil, amPMSeparator: "", dateTimeSeparator: " ")

    /// For languages without their own entry: `1 234.5` (SI narrow no-break space grouping),
    /// `1 234.50 EUR`, `2026-11-29`, `2026-11-29 14:30`; nothing a reader can misread.
    public static let international = FormatConventions(
        decimalSeparator: ".", groupingSeparator: "\u{202F}", groupingInput: spaces,
        alternativeDecimalSeparator: nil, threeDecimalsAreAmbiguous: false,
        percentSuffix: "\u{202F}%", currencyPlacement: .after(separator: "\u{00A0}"),
        currencySymbols: [:],
        dateOrder: .yearMonthDay, dateSeparator: "-", padDayAndMonth: true,
        amPM: nil, amPMSeparator: "", dateTimeSeparator: " ")

    /// Conventions by language subtag (`fr-CA` uses `fr`).
    public static let table: [String: FormatConventions] = ["en": english, "fr": french]

    public static func conventions(for locale: String) -> FormatConventions {
        table[languageSubtag(of: locale)] ?? international
    }
}
