import Foundation
import TandemDomain

/// Parsing of user input in the user's locale. Errors are `DomainError.invalidInput`
/// with a message in the user's language (catalog keys `error.*`) saying what was expected.
///
/// Numbers (en): `1,234.50`, `1234.5`, `1 234.5`; refused as ambiguous: `1.234,5`, `1,5`.
/// Numbers (fr): `1 234,50`, `1234,5`, `1234.5`; refused as ambiguous: `1,234` and `1.234`
/// (a thousands separator in other conventions), `1,234.5`, `1.234,5`.
/// Dates: the locale's order (fr `29/11/2026`, en `11/29/2026`; `/`, `.` or `-` between the
/// parts) and ISO `2026-11-29` always; refused: days that do not exist (`31/02/2026`) and
/// two-digit years (`29/11/26`, 1926 or 2026?).
extension Localizer {
    /// Example shown in error messages: 1234.5 in the user's format.
    var numberExample: String { format(Decimal(string: "1234.5")!, minimumFractionDigits: 1) }
    var dateExample: String { formatDate(CalendarDate(year: 2026, month: 12, day: 31)!) }

    /// The error keeps its key and arguments (as this locale wrote them), so that another edge
    /// can say it again; its fallback is already in this localizer's language.
    func invalid(_ field: String?, _ key: String, _ args: [String: MessageArgument]) -> DomainError {
        .invalidInput(field: field, key: key, arguments: args.mapValues { format($0) }, fallback: t(key, args))
    }

    /// A decimal number in the user's format.
    public func parseDecimal(_ text: String, field: String? = nil) throws -> Decimal {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.isEmpty { throw invalid(field, "error.value.required", [:]) }
        switch NumberReader(conventions).read(input) {
        case .value(let value): return value
        case .ambiguous:
            throw invalid(
                field, "error.decimal.ambiguous",
                [
                    "input": .text(input), "example": .text(numberExample),
                    "separator": .text(String(conventions.decimalSeparator)),
                ])
        case .invalid:
            throw invalid(field, "error.decimal.invalid", ["input": .text(input), "example": .text(numberExample)])
        }
    }

    /// A whole number in the user's format (`1 234` fr, `1,234` en).
    public func parseInteger(_ text: String, field: String? = nil) throws -> Int {
        let value = try parseDecimal(text, field: field)
        guard value == value.rounded(scale: 0), let int = Int(exactly: NSDecimalNumber(decimal: value).int64Value),
            Decimal(int) == value
        else {
            throw invalid(
                field, "error.integer.invalid", ["input": .text(text.trimmingCharacters(in: .whitespacesAndNewlines))])
        }
        return int
    }

    /// An amount in `currency`, in the user's number format, optionally with the currency's
    /// symbol or code (`1 234,50 €`, `€1,234.50`, `1234.5 EUR`); at most the currency's minor
    /// units as decimals.
    public func parseMoney(_ text: String, currency: CurrencyCode, field: String? = nil) throws -> Money {
        var input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.isEmpty { throw invalid(field, "error.value.required", [:]) }
        let original = input
        var negative = false
        if let first = input.first, first == "-" || first == "\u{2212}" {
            negative = true
            input = String(input.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        // Strip this currency's code or symbol (any locale's spelling) at either end.
        var marks =
            [currency.code] + [FormatConventions.english, .french].compactMap { $0.currencySymbols[currency.code] }
        marks = Array(Set(marks)).sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
        for mark in marks {
            if input.uppercased().hasPrefix(mark.uppercased()) {
                input = String(input.dropFirst(mark.count))
                break
            }
            if input.uppercased().hasSuffix(mark.uppercased()) {
                input = String(input.dropLast(mark.count))
                break
            }
        }
        input = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if !negative, let first = input.first, first == "-" || first == "\u{2212}" {
            negative = true
            input = String(input.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        let example: MessageArgument = .money(Money(Decimal(string: "1234.5")!, currency))
        let value: Decimal
        let signAgain = negative && (input.first.map { "+-\u{2212}".contains($0) } ?? false)
        switch signAgain ? .invalid : NumberReader(conventions).read(input) {
        case .value(let number): value = negative ? -number : number
        case .ambiguous:
            throw invalid(
                field, "error.decimal.ambiguous",
                [
                    "input": .text(original), "example": .text(numberExample),
                    "separator": .text(String(conventions.decimalSeparator)),
                ])
        case .invalid:
            throw invalid(
                field, "error.money.invalid",
                ["input": .text(original), "example": example, "currency": .text(currency.code)])
        }
        if value.rounded(scale: currency.minorUnits) != value {
            throw invalid(
                field, "error.money.precision",
                ["input": .text(original), "currency": .text(currency.code), "count": .integer(currency.minorUnits)])
        }
        return Money(value, currency)
    }

    /// A day in the user's order (fr `29/11/2026`, en `11/29/2026`) or ISO `2026-11-29`.
    public func parseDate(_ text: String, field: String? = nil) throws -> CalendarDate {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.isEmpty { throw invalid(field, "error.value.required", [:]) }
        let invalidError = invalid(field, "error.date.invalid", ["input": .text(input), "example": .text(dateExample)])
        guard let separator = input.first(where: { "/.-".contains($0) }) else { throw invalidError }
        let parts = input.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else {
            throw invalidError
        }
        let numbers = parts.map { Int($0)! }
        let year: Int
        let month: Int
        let day: Int
        if parts[0].count == 4 {
            // Year first is always year-month-day (ISO order).
            guard parts[1].count <= 2, parts[2].count <= 2 else { throw invalidError }
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else {
            guard parts[0].count <= 2, parts[1].count <= 2 else { throw invalidError }
            if parts[2].count == 2 {
                throw invalid(field, "error.date.ambiguous", ["input": .text(input), "example": .text(dateExample)])
            }
            guard parts[2].count == 4 else { throw invalidError }
            year = numbers[2]
            switch conventions.dateOrder {
            case .dayMonthYear: (day, month) = (numbers[0], numbers[1])
            case .monthDayYear: (month, day) = (numbers[0], numbers[1])
            case .yearMonthDay:
                // No day/month order of our own: accept only what can be read one way.
                if numbers[0] <= 12 && numbers[1] <= 12 && numbers[0] != numbers[1] {
                    throw invalid(
                        field, "error.date.ambiguous", ["input": .text(input), "example": .text(dateExample)])
                }
                (day, month) = numbers[0] > 12 ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
            }
        }
        guard (1...12).contains(month) else { throw invalidError }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw invalid(field, "error.date.nonexistent", ["input": .text(input), "example": .text(dateExample)])
        }
        return date
    }
}

/// Reads a number written with a given convention, telling a clear value from an ambiguous or
/// invalid spelling.
struct NumberReader {
    enum Outcome: Equatable {
        case value(Decimal)
        case ambiguous, invalid
    }

    let conventions: FormatConventions
    init(_ conventions: FormatConventions) { self.conventions = conventions }

    private struct Reading {
        var integer: String
        var fraction: String
        var grouped: Bool
        var hasDecimal: Bool
    }

    func read(_ text: String) -> Outcome {
        var body = Substring(text)
        var negative = false
        if let first = body.first, "+-\u{2212}".contains(first) {
            negative = first != "+"
            body = body.dropFirst()
        }
        guard !body.isEmpty,
            body.allSatisfy({
                ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || FormatConventions.spaces.contains($0)
            })
        else {
            return .invalid
        }
        let own = Self.read(body, decimal: conventions.decimalSeparator, grouping: conventions.groupingInput)
        if let reading = own {
            if conventions.threeDecimalsAreAmbiguous && looksGrouped(reading) { return .ambiguous }
            return value(reading, negative)
        }
        if let alternative = conventions.alternativeDecimalSeparator,
            let reading = Self.read(body, decimal: alternative, grouping: conventions.groupingInput)
        {
            return looksGrouped(reading) ? .ambiguous : value(reading, negative)
        }
        // Written in another common convention: refuse as ambiguous and say what is expected.
        let foreign: [(Character, Set<Character>)] = [(".", [","]), (",", FormatConventions.spaces.union(["."]))]
        for (decimal, grouping) in foreign
        where decimal != conventions.decimalSeparator || grouping != conventions.groupingInput {
            if Self.read(body, decimal: decimal, grouping: grouping) != nil { return .ambiguous }
        }
        return .invalid
    }

    /// `1,234` or `1.234`: one separator followed by exactly three digits, which elsewhere would be
    /// a thousands separator.
    private func looksGrouped(_ r: Reading) -> Bool {
        r.hasDecimal && !r.grouped && r.fraction.count == 3 && (1...3).contains(r.integer.count) && r.integer != "0"
    }

    private func value(_ r: Reading, _ negative: Bool) -> Outcome {
        let text =
            (negative ? "-" : "") + (r.integer.isEmpty ? "0" : r.integer) + (r.fraction.isEmpty ? "" : "." + r.fraction)
        guard let value = Decimal(canonical: text) else { return .invalid }
        return .value(value)
    }

    /// Digits, optional groups of three after a first group of 1–3 separated by one kind of
    /// grouping separator, optional decimal separator followed by at least one digit.
    private static func read(_ body: Substring, decimal: Character, grouping: Set<Character>) -> Reading? {
        let decimalParts = body.split(separator: decimal, maxSplits: 2, omittingEmptySubsequences: false)
        guard decimalParts.count <= 2 else { return nil }
        let integerPart = decimalParts[0]
        let fraction = decimalParts.count == 2 ? String(decimalParts[1]) : ""
        if decimalParts.count == 2 && (fraction.isEmpty || !fraction.allSatisfy({ $0.isASCII && $0.isNumber })) {
            return nil
        }
        let groups = integerPart.split(
            omittingEmptySubsequences: false, whereSeparator: { !($0.isASCII && $0.isNumber) })
        let separators = integerPart.filter { !($0.isASCII && $0.isNumber) }
        guard separators.allSatisfy(grouping.contains) else { return nil }
        // One kind of grouping separator per number (all spaces count as one kind).
        let kinds = Set(separators.map { FormatConventions.spaces.contains($0) ? " " : $0 })
        guard kinds.count <= 1 else { return nil }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let integer = groups.joined()
        if integer.isEmpty && fraction.isEmpty { return nil }
        return Reading(
            integer: integer, fraction: fraction, grouped: groups.count > 1, hasDecimal: decimalParts.count == 2)
    }
}

extension Localizer {
    /// Catalog keys the library itself uses (parsing errors); they must exist in `en.json`.
    public static let libraryKeys: [String] = [
        "error.value.required", "error.decimal.invalid", "error.decimal.ambiguous", "error.integer.invalid",
        "error.money.invalid", "error.money.precision", "error.date.invalid", "error.date.ambiguous",
        "error.date.nonexistent",
    ]
}
