import Foundation
import TandemDomain

/// Reads typed values out of what a form or a JSON body sent, collecting every problem (named by
/// its field) instead of stopping at the first, as `ValidationErrors` wants.
struct FieldReader {
    var errors: [DomainError] = []

    mutating func text(_ raw: String?, _ field: String, max: Int, required: Bool) -> String? {
        let trimmed = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            errors.append(.invalid(field, "error.field.required", fallback: "This field is required."))
            return nil
        }
        if trimmed.count > max {
            errors.append(
                .invalid(field, "error.field.too_long", ["max": String(max)], fallback: "At most \(max) characters."))
            return nil
        }
        return trimmed
    }

    mutating func tag(_ raw: String, _ field: String) -> LanguageTag? {
        do { return try LanguageTag(raw) } catch {
            errors += error.domainErrors.map { $0.renamed(field) }
            return nil
        }
    }

    mutating func tags(_ raws: [String], _ field: String) -> [LanguageTag]? {
        guard !raws.isEmpty else {
            errors.append(
                .invalid(field, "error.opportunity.targets_required", fallback: "Choose at least one target language."))
            return nil
        }
        let before = errors.count
        var tags: [LanguageTag] = []
        for (index, raw) in raws.enumerated() {
            if let tag = tag(raw, "\(field).\(index)"), !tags.contains(tag) { tags.append(tag) }
        }
        return errors.count == before ? tags : nil
    }

    mutating func services(_ raws: [String], _ field: String) -> [LanguageService]? {
        guard !raws.isEmpty else {
            errors.append(
                .invalid(field, "error.opportunity.services_required", fallback: "Choose at least one service."))
            return nil
        }
        var services: [LanguageService] = []
        for (index, raw) in raws.enumerated() {
            guard let service = LanguageService(rawValue: raw.trimmingCharacters(in: .whitespaces)) else {
                errors.append(
                    .invalid(
                        "\(field).\(index)", "error.opportunity.service_unknown", ["value": raw],
                        fallback: "“\(raw)” is not one of the services Tandem knows."))
                return nil
            }
            if !services.contains(service) { services.append(service) }
        }
        return services
    }

    mutating func date(_ raw: String, _ field: String) -> LocalDate? {
        do { return try LocalDate(iso: raw) } catch {
            errors += error.domainErrors.map { $0.renamed(field) }
            return nil
        }
    }

    mutating func money(amount: String, currency: String, _ field: String) -> Money? {
        var code: CurrencyCode?
        do { code = try CurrencyCode(currency) } catch {
            errors += error.domainErrors.map { $0.renamed("\(field).currency") }
        }
        guard let value = Decimal(canonical: amount), value >= 0 else {
            errors.append(
                .invalid(
                    "\(field).amount", "error.amount.invalid", ["value": amount],
                    fallback: "“\(amount)” is not an amount; write it like 1234.50."))
            return nil
        }
        return code.map { Money(value, $0) }
    }

    mutating func wholeNumber(_ raw: String, _ field: String, range: ClosedRange<Int>) -> Int? {
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            errors.append(
                .invalid(
                    field, "error.field.whole_number",
                    ["min": String(range.lowerBound), "max": String(range.upperBound)],
                    fallback: "Write a whole number from \(range.lowerBound) to \(range.upperBound)."))
            return nil
        }
        return value
    }

    mutating func id<Owner>(_ raw: String, _ field: String, as: Owner.Type = Owner.self) -> Identifier<Owner>? {
        guard let id = Identifier<Owner>(uuidString: raw.trimmingCharacters(in: .whitespaces)) else {
            errors.append(.invalid(field, "error.field.unknown", fallback: "Choose one of the listed values."))
            return nil
        }
        return id
    }

    mutating func unknown(_ field: String) {
        errors.append(.invalid(field, "error.field.unknown", fallback: "Choose one of the listed values."))
    }

    /// Throws every problem at once, one per field (a form shows one message next to each).
    func check() throws {
        var seen = Set<String?>()
        try ValidationErrors.check(errors.filter { seen.insert($0.field).inserted })
    }
}
