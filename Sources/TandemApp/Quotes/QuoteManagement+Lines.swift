import Foundation
import TandemDomain

extension QuoteManagement {
    /// A manual line (DTP pages, hours, file engineering, certification) or a discount (a
    /// positive amount taken off). Prices are decimal strings in the quote's currency.
    public struct LineInput: Sendable {
        public var kind: String
        public var description: String
        public var targetLanguage: String?
        public var unit: String
        public var quantity: String
        public var unitPrice: String
        public var optionID: String?
        public init(
            kind: String = "manual", description: String, targetLanguage: String? = nil, unit: String = "fixed",
            quantity: String = "1", unitPrice: String, optionID: String? = nil
        ) {
            self.kind = kind
            self.description = description
            self.targetLanguage = targetLanguage
            self.unit = unit
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.optionID = optionID
        }
    }

    static let units = ["word", "character", "hour", "page", "fixed"]

    public func addLine(_ id: Quote.ID, _ input: LineInput, by user: User) async throws -> QuoteVersion {
        var read = FieldReader()
        let kind = QuoteLine.Kind(rawValue: input.kind).flatMap { $0 == .analysed ? nil : $0 }
        if kind == nil { read.unknown("kind") }
        let description = read.text(input.description, "description", max: 300, required: true)
        let target = input.targetLanguage.flatMap { $0.isEmpty ? nil : read.tag($0, "targetLanguage") }
        if !Self.units.contains(input.unit) { read.unknown("unit") }
        let quantity = Decimal(canonical: input.quantity).flatMap { $0 > 0 ? $0 : nil }
        if quantity == nil {
            read.errors.append(.invalid("quantity", "error.quote.quantity", fallback: "Give a positive quantity."))
        }
        let price = Decimal(canonical: input.unitPrice).flatMap { $0 >= 0 ? $0 : nil }
        if price == nil {
            read.errors.append(
                .invalid("unitPrice", "error.amount.invalid", ["value": input.unitPrice], fallback: "Not an amount."))
        }
        let option: QuoteOption.ID? = input.optionID.flatMap { $0.isEmpty ? nil : read.id($0, "optionId") }
        try read.check()
        return try await change(id, by: user) { version, quote, ids in
            if let option, !version.options.contains(where: { $0.id == option }) {
                throw ValidationErrors([.invalid("optionId", "error.field.unknown", fallback: "No such option.")])
            }
            let unitPrice = Money(price!, quote.currency)
            let sign: Decimal = kind == .discount ? -1 : 1
            version.lines.append(
                QuoteLine(
                    id: ids(), kind: kind!, optionID: option, targetLanguage: target, service: kind!.rawValue,
                    description: description!, unit: input.unit, quantity: quantity!, unitPrice: unitPrice,
                    price: Money(sign * price! * quantity!, quote.currency).rounded))
        }
    }

    public func removeLine(_ id: Quote.ID, line: QuoteLine.ID, by user: User) async throws -> QuoteVersion {
        try await change(id, by: user) { version, _, _ in
            guard version.lines.contains(where: { $0.id == line && $0.kind != .analysed }) else {
                throw DomainError.notFound(entityKey: "entity.quote_line", fallback: "The line was not found.")
            }
            version.lines.removeAll { $0.id == line }
        }
    }

    /// An alternative (e.g. "Express", or post-editing instead of translation).
    public func addOption(_ id: Quote.ID, name: String, services: [String], by user: User) async throws -> QuoteVersion
    {
        var read = FieldReader()
        let name = read.text(name, "name", max: 100, required: true)
        let services = services.isEmpty ? [] : read.services(services, "services") ?? []
        try read.check()
        return try await change(id, by: user) { version, _, ids in
            if version.options.isEmpty {
                // The quote so far becomes the first option, so the new one is a real alternative.
                let standard = QuoteOption(id: ids(), name: "Standard", services: version.services)
                version.options = [standard]
                for i in version.lines.indices where version.lines[i].kind == .analysed {
                    version.lines[i].optionID = standard.id
                }
            }
            version.options.append(QuoteOption(id: ids(), name: name!, services: services))
        }
    }

    /// New delivery instants: one for every target, or per target (staggered).
    public func setDeliveries(_ id: Quote.ID, deadline: String?, perTarget: [String: String] = [:], by user: User)
        async throws -> QuoteVersion
    {
        var read = FieldReader()
        let all = deadline.flatMap { $0.isEmpty ? nil : Self.instant($0, "deadline", &read) }
        var each: [LanguageTag: Date] = [:]
        for (tag, raw) in perTarget {
            if let language = read.tag(tag, "deliveries"), let date = Self.instant(raw, "deliveries.\(tag)", &read) {
                each[language] = date
            }
        }
        try read.check()
        return try await change(id, by: user) { [each] version, _, _ in
            for i in version.targets.indices {
                if let date = each[version.targets[i].language] ?? all { version.targets[i].delivery = date }
            }
        }
    }

    /// Applies `edit` to the editable draft, re-prices and re-checks it.
    func change(
        _ id: Quote.ID, by user: User,
        _ edit: @escaping @Sendable (inout QuoteVersion, Quote, IdentifierGenerator) throws -> Void
    ) async throws -> QuoteVersion {
        let env = env
        let index = try await snapshot()
        return try await env.stores.transaction { tx in
            let (quote, draft) = try await Self.editableDraft(id, by: user, in: tx, env: env)
            var version = draft
            try edit(&version, quote, env.ids)
            return try await Self.refresh(quote, version, in: tx, env: env, index: index)
        }
    }
}
