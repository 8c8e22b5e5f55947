import Foundation
import TandemDomain

/// Checks vendor input field by field; every problem is collected, named by its path
/// (`timeZone`, `pairs.0.rates.1.price.amount`), so a form, the API and the CSV import report
/// all of them at once.
public struct VendorValidation {
    public private(set) var errors: [DomainError] = []

    public init() {}

    /// IANA zone names (and UTC); abbreviations such as "CET" or offsets are not accepted.
    static let zoneNames: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    public mutating func vendor(
        _ input: VendorInput, id: VendorProfile.ID, today: LocalDate, ids: IdentifierGenerator, at now: Date
    )
        -> ValidVendor?
    {
        let name = self.name(input.name)
        let kind = choice(input.kind, VendorKind.self, field: "kind", default: .freelance)
        let email = self.email(input.email)
        let phone = text(input.phone, field: "phone", max: 40)
        let country = self.country(input.country)
        let zone = timeZone(input.timeZone)
        let status = choice(input.status, VendorStatus.self, field: "status", default: .approved)
        let hours = workingHours(input.workingHours)
        let domains = self.domains(input.domains)
        let tools = input.tools.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let nda = date(input.ndaSignedOn, field: "ndaSignedOn")
        let share = self.share(input.maxBookedShare)
        let score = qualityScore(input.qualityScore)
        let workers = parallelWorkers(input.parallelWorkers)
        let hourlyCost = input.hourlyCost.flatMap { money($0, field: "hourlyCost") }
        let currency = input.currency.flatMap { currencyCode($0, field: "currency") } ?? .eur
        var capabilities: [VendorCapability] = []
        var rates: [VendorRate] = []
        var seen = Set<String>()
        for (index, pair) in input.pairs.enumerated() {
            let field = "pairs.\(index)"
            guard let languages = languagePair(pair, field: field) else { continue }
            for (name, capability) in pair.services {
                guard let service = service(name, field: "\(field).services.\(name)") else { continue }
                let key = "\(languages)|\(service)"
                if !seen.insert(key).inserted {
                    fail(
                        "\(field).services.\(name)", "error.vendor.capability_repeated", ["pair": "\(languages)"],
                        "\(languages) \(service) is listed twice; list each pair and service once.")
                    continue
                }
                if let built = self.capability(capability, field: "\(field).services.\(name)") {
                    capabilities.append(
                        VendorCapability(
                            id: ids(), vendorID: id, pair: languages, service: service, throughput: built.throughput,
                            approval: built.approval, domains: built.domains))
                }
            }
            for (rateIndex, rate) in pair.rates.enumerated() {
                let field = "\(field).rates.\(rateIndex)"
                let service = self.service(rate.service, field: "\(field).service")
                let unit = choice(rate.unit, RateUnit.self, field: "\(field).unit", default: .word)
                let price = money(rate.price, field: "\(field).price")
                let rush = rate.rushPrice.flatMap { money($0, field: "\(field).rushPrice") }
                let from = date(rate.validFrom, field: "\(field).validFrom") ?? today
                if let price, let rush, rush.currency != price.currency {
                    fail(
                        "\(field).rushPrice.currency", "error.vendor.rush_currency", ["currency": price.currency.code],
                        "The rush price must be in \(price.currency), like the price.")
                }
                if let service, let price {
                    rates.append(
                        VendorRate(
                            id: ids(), vendorID: id, pair: languages, service: service, unit: unit, price: price,
                            rushPrice: rush, validFrom: from))
                }
            }
        }
        guard errors.isEmpty, let name, let zone else { return nil }
        let profile = VendorProfile(
            id: id, name: name, kind: kind, email: email, phone: phone, country: country, timeZone: zone,
            status: status,
            workingHours: hours ?? .officeHours, domains: domains, tools: tools, ndaSignedOn: nda,
            maxBookedShare: share,
            qualityScore: score, parallelWorkers: workers ?? 1, hourlyCost: hourlyCost, currency: currency,
            createdAt: now)
        return ValidVendor(profile: profile, capabilities: capabilities, rates: rates)
    }

    // MARK: Single fields (each returns nil and records an error when the value is wrong)

    mutating func name(_ raw: String) -> String? {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { fail("name", "error.name.required", [:], "A name is required.") }
        if name.count > 120 {
            fail("name", "error.name.too_long", ["max": "120"], "The name is longer than 120 characters.")
        }
        return errors.contains { $0.field == "name" } ? nil : name
    }

    mutating func timeZone(_ raw: String, field: String = "timeZone") -> String? {
        let zone = raw.trimmingCharacters(in: .whitespaces)
        guard Self.zoneNames.contains(zone) else {
            fail(
                field, "error.time_zone.invalid", ["value": raw],
                "“\(raw)” is not a time zone; use an IANA name such as Europe/Paris.")
            return nil
        }
        return zone
    }

    mutating func email(_ raw: String?, field: String = "email") -> EmailAddress? {
        guard let raw = blankToNil(raw) else { return nil }
        return capture(field) { try EmailAddress(raw) }
    }

    mutating func country(_ raw: String?, field: String = "country") -> String? {
        guard let raw = blankToNil(raw) else { return nil }
        let code = raw.uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            fail(
                field, "error.vendor.country", ["value": raw],
                "“\(raw)” is not a country code; use two letters such as DE or JP.")
            return nil
        }
        return code
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ raw: String?, _ type: T.Type, field: String, default value: T
    )
        -> T where T.RawValue == String
    {
        guard let raw = blankToNil(raw) else { return value }
        let normalized = raw.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(
            of: "_", with: "-")
        if let found = T(rawValue: normalized) { return found }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        fail(field, "error.vendor.choice", ["value": raw, "allowed": allowed], "“\(raw)” is not one of \(allowed).")
        return value
    }

    mutating func workingHours(_ raw: [String: [String]]?, field: String = "workingHours") -> WorkingHours? {
        guard let raw else { return nil }
        do { return try WorkingHours(parsing: raw, field: field) } catch {
            errors += error.domainErrors  // already named by day (`workingHours.mon`)
            return nil
        }
    }

    mutating func domains(_ raw: [DomainInput], field: String = "domains") -> [SubjectDomain] {
        raw.enumerated().compactMap { index, domain in
            let name = domain.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            let level = choice(
                domain.level, ExpertiseLevel.self, field: "\(field).\(index).level", default: .proficient)
            return SubjectDomain(name: name, level: level)
        }
    }

    mutating func date(_ raw: String?, field: String) -> LocalDate? {
        guard let raw = blankToNil(raw) else { return nil }
        return capture(field) { try LocalDate(iso: raw) }
    }

    mutating func share(_ raw: String?, field: String = "maxBookedShare") -> Decimal? {
        guard let raw = blankToNil(raw) else { return nil }
        guard let value = Decimal(canonical: raw), value > 0, value <= 1 else {
            fail(
                field, "error.vendor.share", ["value": raw],
                "“\(raw)” is not a share; write a decimal from 0.05 to 1, such as 0.8.")
            return nil
        }
        return value
    }

    mutating func probability(_ raw: String, field: String = "probability") -> Decimal? {
        guard let value = Decimal(canonical: raw), value >= 0, value <= 1 else {
            fail(
                field, "error.vendor.probability", ["value": raw],
                "“\(raw)” is not a probability; write a decimal from 0 to 1, such as 0.4.")
            return nil
        }
        return value
    }

    mutating func qualityScore(_ raw: Int?, field: String = "qualityScore") -> Int? {
        guard let raw else { return nil }
        guard (0...100).contains(raw) else {
            fail(
                field, "error.vendor.quality", ["value": String(raw)],
                "The quality score is a whole number from 0 to 100.")
            return nil
        }
        return raw
    }

    mutating func parallelWorkers(_ raw: Int?, field: String = "parallelWorkers") -> Int? {
        guard let raw else { return nil }
        guard (1...500).contains(raw) else {
            fail(
                field, "error.vendor.workers", ["value": String(raw)],
                "Parallel workers is a whole number from 1 to 500.")
            return nil
        }
        return raw
    }

    mutating func currencyCode(_ raw: String, field: String) -> CurrencyCode? {
        capture(field) { try CurrencyCode(raw) }
    }

    mutating func money(_ raw: MoneyInput, field: String) -> Money? {
        let currency = currencyCode(raw.currency, field: "\(field).currency")
        guard let amount = Decimal(canonical: raw.amount), amount >= 0 else {
            fail(
                "\(field).amount", "error.amount.invalid", ["value": raw.amount],
                "“\(raw.amount)” is not an amount; write it like 1234.50.")
            return nil
        }
        return currency.map { Money(amount, $0) }
    }

    mutating func languagePair(_ pair: PairInput, field: String) -> LanguagePair? {
        let source = capture("\(field).source") { try LanguageTag(pair.source) }
        let target = capture("\(field).target") { try LanguageTag(pair.target) }
        guard let source, let target else { return nil }
        if source == target {
            fail(
                "\(field).target", "error.vendor.same_languages", ["value": target.description],
                "Source and target are both \(target); choose two languages.")
            return nil
        }
        return LanguagePair(source: source, target: target)
    }

    mutating func service(_ raw: String, field: String) -> LinguisticService? {
        capture(field) { try LinguisticService(parsing: raw, field: field) }
    }

    mutating func capability(_ input: CapabilityInput, field: String)
        -> (throughput: Throughput, approval: CapabilityApproval, domains: [String])?
    {
        var throughput: Throughput?
        if input.byTheHour {
            throughput = Throughput(perHour: 1, unit: .hours)
        } else if let words = blankToNil(input.wordsPerHour) {
            throughput = positive(words, field: "\(field).wordsPerHour").map { .wordsPerHour($0) }
        } else if let pages = blankToNil(input.pagesPerHour) {
            throughput = positive(pages, field: "\(field).pagesPerHour").map { Throughput(perHour: $0, unit: .pages) }
        } else {
            fail(
                "\(field).wordsPerHour", "error.vendor.throughput_required", [:],
                "Give a throughput: words per hour, pages per hour, or by the hour.")
        }
        if let years = input.yearsOfExperience, !(0...70).contains(years) {
            fail(
                "\(field).yearsOfExperience", "error.vendor.years", ["value": String(years)],
                "Years of experience is a whole number from 0 to 70.")
        }
        guard let throughput else { return nil }
        let approval = CapabilityApproval(
            approved: input.approved ?? true, degree: blankToNil(input.degree),
            yearsOfExperience: input.yearsOfExperience,
            testPassed: input.testPassed ?? false)
        let domains = input.domains.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return (throughput, approval, domains)
    }

    mutating func positive(_ raw: String, field: String) -> Decimal? {
        guard let value = Decimal(canonical: raw), value > 0, value <= 100_000 else {
            fail(
                field, "error.vendor.throughput", ["value": raw],
                "“\(raw)” is not a throughput; write a positive number such as 350.")
            return nil
        }
        return value
    }

    mutating func text(_ raw: String?, field: String, max: Int) -> String? {
        guard let value = blankToNil(raw) else { return nil }
        if value.count > max {
            fail(field, "error.value.too_long", ["max": String(max)], "Use at most \(max) characters.")
        }
        return value
    }

    // MARK: Recording problems

    public mutating func fail(_ field: String, _ key: String, _ arguments: [String: String], _ fallback: String) {
        errors.append(.invalid(field, key, arguments, fallback: fallback))
    }

    /// Runs a domain parser; its errors are recorded under `field` (the parser's own field name
    /// is generic, e.g. `date`).
    mutating func capture<T>(_ field: String, _ parse: () throws -> T) -> T? {
        do { return try parse() } catch {
            errors += error.domainErrors.map { $0.naming(field) }
            return nil
        }
    }

    func blankToNil(_ raw: String?) -> String? {
        guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

extension DomainError {
    /// The same error about another field.
    public func naming(_ field: String) -> DomainError {
        switch self {
        case .invalidInput(_, let key, let arguments, let fallback):
            return .invalidInput(field: field, key: key, arguments: arguments, fallback: fallback)
        case .conflict(_, let key, let arguments, let fallback):
            return .conflict(field: field, key: key, arguments: arguments, fallback: fallback)
        default: return self
        }
    }
}
