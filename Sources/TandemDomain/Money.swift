import Foundation

/// An ISO 4217 currency code such as `EUR`.
public struct CurrencyCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) throws {
        let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw DomainError.invalid(
                "currency", "error.currency.invalid", ["value": code],
                fallback: "“\(code)” is not a three-letter ISO 4217 currency code such as EUR or USD.")
        }
        self.code = upper
    }

    public init(from decoder: Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public var description: String { code }

    /// Number of minor units (cents) used when rounding amounts for display and totals.
    public var minorUnits: Int {
        switch code {
        case "JPY", "KRW", "VND", "CLP", "ISK": return 0
        case "BHD", "KWD", "OMR", "TND", "JOD": return 3
        default: return 2
        }
    }

    public static let eur = try! CurrencyCode("EUR")
    public static let usd = try! CurrencyCode("USD")
    public static let gbp = try! CurrencyCode("GBP")
}

/// An amount of money: a `Decimal` and its currency. Never a floating-point number.
/// Encoded as `{"amount": "12.50", "currency": "EUR"}` with the amount as a string, so JSON
/// clients never round it through a double.
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: CurrencyCode

    public init(_ amount: Decimal, _ currency: CurrencyCode) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses a plain decimal string with a dot as separator ("1234.50"). Locale-aware input
    /// parsing lives in the localisation layer.
    public init(parsing amount: String, currency: CurrencyCode) throws {
        guard let value = Decimal(canonical: amount) else {
            throw DomainError.invalid(
                "amount", "error.amount.invalid", ["value": amount],
                fallback: "“\(amount)” is not an amount; write it like 1234.50.")
        }
        self.init(value, currency)
    }

    enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .amount)
        guard let value = Decimal(canonical: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: "“\(text)” is not a decimal amount such as 1234.50")
        }
        amount = value
        currency = try container.decode(CurrencyCode.self, forKey: .currency)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount.canonicalString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    public static func zero(_ currency: CurrencyCode) -> Money { Money(0, currency) }

    /// Rounded to the currency's minor units, half away from zero (commercial rounding).
    public var rounded: Money { Money(amount.rounded(scale: currency.minorUnits), currency) }

    public var description: String { "\(amount.canonicalString) \(currency.code)" }

    public static func + (lhs: Money, rhs: Money) throws -> Money {
        guard lhs.currency == rhs.currency else { throw DomainError.currencyMismatch(lhs.currency, rhs.currency) }
        return Money(lhs.amount + rhs.amount, lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) throws -> Money {
        guard lhs.currency == rhs.currency else { throw DomainError.currencyMismatch(lhs.currency, rhs.currency) }
        return Money(lhs.amount - rhs.amount, lhs.currency)
    }

    public static func * (lhs: Money, factor: Decimal) -> Money { Money(lhs.amount * factor, lhs.currency) }
}

extension Decimal {
    /// Parses "-1234.5" style text strictly (dot separator, no grouping, no exponent).
    public init?(canonical text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digitsSeen = false
        var dotSeen = false
        for (index, ch) in trimmed.enumerated() {
            if ch == "-" || ch == "+" {
                if index != 0 { return nil }
                continue
            }
            if ch == "." {
                if dotSeen { return nil }
                dotSeen = true
                continue
            }
            guard ch.isASCII, ch.isNumber else { return nil }
            digitsSeen = true
        }
        guard digitsSeen, let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        self = value
    }

    /// "1234.5" with a dot and no grouping, as stored and sent over the API.
    public var canonicalString: String {
        var copy = self
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }

    /// Rounds half away from zero to `scale` decimal places.
    public func rounded(scale: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }
}
