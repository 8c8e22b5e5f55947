import Foundation

/// "1 unit of `currency` = `rate` × the organisation's base currency", valid from `date` until
/// the next rate of the same currency.
public struct ExchangeRate: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ExchangeRate>
    public var id: ID
    public var currency: CurrencyCode
    public var date: LocalDate
    public var rate: Decimal

    public init(id: ID, currency: CurrencyCode, date: LocalDate, rate: Decimal) {
        self.id = id
        self.currency = currency
        self.date = date
        self.rate = rate
    }

    /// Checks a rate as an admin enters it (a decimal with a dot, above zero).
    public static func validate(currency: String, date: String, rate: String, base: CurrencyCode) throws
        -> (CurrencyCode, LocalDate, Decimal)
    {
        var errors: [DomainError] = []
        var code: CurrencyCode?
        do { code = try CurrencyCode(currency) } catch { errors += error.domainErrors }
        if code == base {
            errors.append(
                .invalid(
                    "currency", "error.exchange_rate.base", ["currency": base.code],
                    fallback: "\(base) is the base currency; it needs no rate."))
        }
        var day: LocalDate?
        do { day = try LocalDate(iso: date) } catch { errors += error.domainErrors.map { $0.renamed("date") } }
        let value = Decimal(canonical: rate)
        if value == nil || value! <= 0 {
            errors.append(
                .invalid(
                    "rate", "error.exchange_rate.rate", ["value": rate],
                    fallback: "“\(rate)” is not a rate; write a number above zero such as 1.0825."))
        }
        try ValidationErrors.check(errors)
        return (code!, day!, value!)
    }
}

/// An amount in the base currency and how it was obtained.
public struct Conversion: Sendable, Equatable {
    public var value: Money
    /// Nil when the amount was already in the base currency.
    public var rate: ExchangeRate?
}

/// The admin-maintained rates, looked up as "the latest on or before a day"; a missing rate is
/// reported (nil), never guessed.
public struct ExchangeRateTable: Sendable {
    public let base: CurrencyCode
    private let byCurrency: [CurrencyCode: [ExchangeRate]]

    public init(base: CurrencyCode, rates: [ExchangeRate]) {
        self.base = base
        self.byCurrency = Dictionary(grouping: rates, by: \.currency).mapValues { $0.sorted { $0.date < $1.date } }
    }

    public func rate(for currency: CurrencyCode, on day: LocalDate) -> ExchangeRate? {
        byCurrency[currency]?.last { $0.date <= day }
    }

    public func convert(_ money: Money, on day: LocalDate) -> Conversion? {
        if money.currency == base { return Conversion(value: money, rate: nil) }
        guard let rate = rate(for: money.currency, on: day) else { return nil }
        return Conversion(value: Money(money.amount * rate.rate, base), rate: rate)
    }
}

extension DomainError {
    /// The same error about another field (a date parser names `date`; a form may call it `closeDate`).
    public func renamed(_ field: String) -> DomainError {
        switch self {
        case .invalidInput(_, let key, let arguments, let fallback):
            return .invalidInput(field: field, key: key, arguments: arguments, fallback: fallback)
        case .conflict(_, let key, let arguments, let fallback):
            return .conflict(field: field, key: key, arguments: arguments, fallback: fallback)
        default: return self
        }
    }
}
