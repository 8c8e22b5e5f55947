import Foundation
import TandemDomain

struct RawStep: Decodable {
    var service: String
    var words: Int?
    var pages: Int?
    var hours: Double?
    var bands: [String: Int]?

    func step(field f: String) throws -> StepRequest {
        let amounts = [words != nil, pages != nil, hours != nil].filter { $0 }.count
        if amounts == 0 { throw PlanningInputError(field: "\(f).words", .required) }
        guard amounts == 1 else { throw PlanningInputError(field: f, .oneAmount) }
        if let pages { return .pages(Service(service), pages) }
        if let hours {
            let minutes = hours * 60
            guard minutes >= 1, minutes == minutes.rounded(), minutes < Double(Int32.max) else {
                throw PlanningInputError(field: "\(f).hours", .notWholeMinutes(got: "\(hours)"))
            }
            return .hours(Service(service), minutes: Int(minutes))
        }
        var bandsOut: [MatchBand: Int]?
        if let bands {
            var out: [MatchBand: Int] = [:]
            for (name, count) in bands.sorted(by: { $0.key < $1.key }) {
                guard let band = MatchBand(rawValue: name) else {
                    throw PlanningInputError(field: "\(f).bands.\(name)", .notABand(name))
                }
                guard count >= 0 else {
                    throw PlanningInputError(field: "\(f).bands.\(name)", .notAPositiveWholeNumber(got: "\(count)"))
                }
                out[band] = count
            }
            let sum = out.values.reduce(0, +)
            guard sum == words! else {
                throw PlanningInputError(field: "\(f).bands", .bandsSum(got: "\(sum)", words: "\(words!)"))
            }
            bandsOut = out
        }
        return StepRequest(service: Service(service), words: words!, bands: bandsOut)
    }
}

struct RawTarget: Decodable {
    var source: String
    var target: String
    var steps: [RawStep]
}

struct RawRequest: Decodable {
    var start: String
    var deadline: String
    var maxVendorsPerStep: Int?
    var targets: [RawTarget]
    var preferredVendors: [String]?
    var excludedVendors: [String]?
    var exchangeRates: RawRates?
    var baseCurrency: String?
    var rush: Bool?
    var minimumQuality: Int?
    var grid: [String: RawDecimal]?

    func request() throws -> FeasibilityRequest {
        guard let start = Instant(iso8601: start) else {
            throw PlanningInputError(
                field: "request.start", .notAnInstant(self.start, example: "2027-03-01T08:00:00Z"))
        }
        guard let deadline = Instant(iso8601: deadline) else {
            throw PlanningInputError(
                field: "request.deadline", .notAnInstant(self.deadline, example: "2027-03-04T17:00:00Z"))
        }
        var targetsOut: [TargetRequest] = []
        for (t, raw) in targets.enumerated() {
            let f = "request.targets[\(t)]"
            let source: LanguageTag
            let target: LanguageTag
            do { source = try LanguageTag(raw.source) } catch {
                throw PlanningInputError(field: "\(f).source", .notALanguageTag(raw.source))
            }
            do { target = try LanguageTag(raw.target) } catch {
                throw PlanningInputError(field: "\(f).target", .notALanguageTag(raw.target))
            }
            var steps: [StepRequest] = []
            for (s, step) in raw.steps.enumerated() { steps.append(try step.step(field: "\(f).steps[\(s)]")) }
            targetsOut.append(TargetRequest(source: source, target: target, steps: steps))
        }
        if let minimumQuality, !(0...100).contains(minimumQuality) {
            throw PlanningInputError(field: "request.minimumQuality", .notAQualityScore(got: "\(minimumQuality)"))
        }
        return FeasibilityRequest(
            start: start, deadline: deadline, maxVendorsPerStep: maxVendorsPerStep ?? 1, targets: targetsOut,
            preferredVendors: (preferredVendors ?? []).map { VendorID($0) },
            excludedVendors: (excludedVendors ?? []).map { VendorID($0) },
            exchangeRates: try rates(), rush: rush ?? false, minimumQuality: minimumQuality,
            grid: try grid.map { try RawVendor.grid($0, field: "request.grid") })
    }

    /// The original `{"currency", "rates"}` shape, or `baseCurrency` with a flat
    /// `{"USD": "0.92"}` (complete: every vendor's currency needs a rate).
    func rates() throws -> ExchangeRates? {
        if let exchangeRates, exchangeRates.flat == nil {
            return try exchangeRates.rates(field: "request.exchangeRates")
        }
        guard let baseCurrency else {
            if exchangeRates != nil { throw PlanningInputError(field: "request.baseCurrency", .required) }
            return nil
        }
        guard let base = try? CurrencyCode(baseCurrency) else {
            throw PlanningInputError(field: "request.baseCurrency", .notACurrency(baseCurrency, example: "EUR"))
        }
        let flat = RawRates(currency: base.code, rates: exchangeRates?.flat ?? [:])
        var rates = try flat.rates(field: "request.exchangeRates", nested: false)
        rates.complete = true
        return rates
    }
}

/// `{"currency": "EUR", "rates": {"USD": "0.92"}}`, or (with `request.baseCurrency`) the flat
/// `{"USD": "0.92"}`: rates are strings, never floats.
struct RawRates: Decodable {
    var currency: String
    var rates: [String: String]
    /// The flat shape's rates, when it is that shape.
    var flat: [String: String]?

    private enum Keys: String, CodingKey { case currency, rates }

    init(currency: String, rates: [String: String]) {
        self.currency = currency
        self.rates = rates
    }

    init(from decoder: Decoder) throws {
        let keyed = try decoder.container(keyedBy: Keys.self)
        if keyed.contains(.rates) || keyed.contains(.currency) {
            currency = try keyed.decode(String.self, forKey: .currency)
            rates = try keyed.decode([String: String].self, forKey: .rates)
        } else {
            currency = ""
            rates = [:]
            flat = try [String: String](from: decoder)
        }
    }

    func rates(field: String, nested: Bool = true) throws -> ExchangeRates {
        guard let base = try? CurrencyCode(currency) else {
            throw PlanningInputError(field: "\(field).currency", .notACurrency(currency, example: "EUR"))
        }
        let path = nested ? ".rates" : ""
        var out: [String: Decimal] = [:]
        for (code, text) in rates.sorted(by: { $0.key < $1.key }) {
            guard let currency = try? CurrencyCode(code) else {
                throw PlanningInputError(field: "\(field)\(path).\(code)", .notACurrency(code, example: "USD"))
            }
            guard let rate = Decimal(canonical: text), rate > 0 else {
                throw PlanningInputError(field: "\(field)\(path).\(code)", .notAPositiveRate(text))
            }
            out[currency.code] = rate
        }
        return ExchangeRates(currency: base, rates: out)
    }
}
