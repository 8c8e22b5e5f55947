import Foundation
import TandemDomain

/// A value substituted for a `{placeholder}`; numbers, money and dates are formatted by the
/// localizer. Literals work: `["name": "Ada", "count": 3]`.
public enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringInterpolation
{
    case text(String)
    case integer(Int)
    case decimal(Decimal)
    case money(Money)
    /// An instant shown as a date in the user's time zone.
    case date(Date)
    /// An instant shown as date and time in the user's time zone.
    case dateTime(Date)
    case day(CalendarDate)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
}

/// Everything the interface needs for one user: messages in their language (falling back to
/// English key by key), plural selection, and formatting and parsing for their locale and time
/// zone. A cheap `Sendable` value; make one per request with `Catalogs.localizer(locale:timeZone:)`.
public struct Localizer: Sendable {
    /// The canonical locale of the catalog in use (`en`, `fr`).
    public let locale: String
    public let timeZone: TimeZone
    public let conventions: FormatConventions
    public let pluralRule: PluralRule
    let primary: CompiledCatalog
    let fallback: CompiledCatalog

    init(locale: String, timeZone: TimeZone, primary: CompiledCatalog, fallback: CompiledCatalog) {
        self.locale = locale
        self.timeZone = timeZone
        self.primary = primary
        self.fallback = fallback
        conventions = FormatConventions.conventions(for: locale)
        pluralRule = PluralRules.rule(for: locale)
    }

    /// The value for `<html lang="...">`.
    public var languageTag: String { locale }

    /// Whether `key` exists in this language or in English.
    public func has(_ key: String) -> Bool { primary.messages[key] != nil || fallback.messages[key] != nil }

    /// Whether `key` is translated in this language (not a fallback to English).
    public func isTranslated(_ key: String) -> Bool { primary.messages[key] != nil }

    /// The message for `key` with `args` substituted. Plural messages select their form with the
    /// `count` argument (missing: `other`). A key missing in this language falls back to English;
    /// missing everywhere, the key itself is returned so the gap is visible. A missing argument
    /// stays visible as `{name}`; extra arguments are ignored.
    public func t(_ key: String, _ args: [String: MessageArgument] = [:]) -> String {
        let (message, catalog): (CompiledMessage, CompiledCatalog)
        if let found = primary.messages[key] {
            (message, catalog) = (found, primary)
        } else if let found = fallback.messages[key] {
            (message, catalog) = (found, fallback)
        } else {
            return key
        }
        let template: MessageTemplate
        switch message {
        case .text(let text): template = text
        case .plural(let forms):
            let category = args["count"].flatMap(pluralOperands).map { catalog.plural.category(for: $0) } ?? .other
            template = forms[category] ?? forms[.other]!
        }
        return template.render { name in args[name].map(format) }
    }

    /// Shorthand for a plural message: `t("users.count", count: 3)`.
    public func t(_ key: String, count: Int, _ args: [String: MessageArgument] = [:]) -> String {
        var all = args
        all["count"] = .integer(count)
        return t(key, all)
    }

    /// The CLDR plural category of `value` in this language.
    public func pluralCategory(for value: Decimal) -> PluralCategory { pluralRule.category(for: value) }
    public func pluralCategory(for value: Int) -> PluralCategory { pluralRule.category(for: value) }

    func pluralOperands(_ argument: MessageArgument) -> PluralOperands? {
        switch argument {
        case .integer(let n): return PluralOperands(n)
        case .decimal(let d): return PluralOperands(d)
        case .text(let text): return Decimal(canonical: text).map { PluralOperands($0) }
        default: return nil
        }
    }

    /// An argument as it appears in a message.
    public func format(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let text): return text
        case .integer(let n): return format(n)
        case .decimal(let d): return format(d)
        case .money(let m): return format(m)
        case .date(let date): return formatDate(date)
        case .dateTime(let date): return formatDateTime(date)
        case .day(let day): return formatDate(day)
        }
    }
}
