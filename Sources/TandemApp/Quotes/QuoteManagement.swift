import Foundation
import TandemDomain
import TandemPlanning

/// What sales does with quotes: create one from an opportunity or straight from an account,
/// add files and TMs, exclude files, choose targets per file, manual lines, discounts and
/// options, then submit, send, lose (docs/quotes.md). Every change re-prices the current draft
/// version and checks it live against capacity; a version that was sent is never changed:
/// editing a submitted or sent quote starts a new draft version.
public struct QuoteManagement: Sendable {
    let env: AppEnvironment
    let capacity: CapacityService?
    /// Quotes are valid this many days after they are created.
    public static let validityDays = 30

    public init(_ env: AppEnvironment, capacity: CapacityService? = nil) {
        self.env = env
        self.capacity = capacity
    }

    public struct CreateInput: Sendable {
        public var opportunityID: String?
        public var accountID: String?
        public var rateCardID: String?
        /// ISO 8601 instant: the delivery of every target.
        public var deadline: String?
        public var services: [String]?
        /// From an account: the languages (else the account's language pairs).
        public var sourceLanguage: String?
        public var targetLanguages: [String]?
        public var name: String?

        public init(
            opportunityID: String? = nil, accountID: String? = nil, rateCardID: String? = nil, deadline: String?,
            services: [String]? = nil, sourceLanguage: String? = nil, targetLanguages: [String]? = nil,
            name: String? = nil
        ) {
            self.opportunityID = opportunityID
            self.accountID = accountID
            self.rateCardID = rateCardID
            self.deadline = deadline
            self.services = services
            self.sourceLanguage = sourceLanguage
            self.targetLanguages = targetLanguages
            self.name = name
        }
    }

    /// A new quote (version 1, draft). From an account, its opportunity is created at Proposal.
    public func create(_ input: CreateInput, by user: User) async throws -> (Quote, QuoteVersion) {
        var read = FieldReader()
        let deadline = Self.instant(input.deadline, "deadline", &read)
        let services = input.services.flatMap { $0.isEmpty ? nil : read.services($0, "services") }
        var rateCard: UUID?
        if let raw = input.rateCardID, !raw.isEmpty {
            rateCard = UUID(uuidString: raw)
            if rateCard == nil { read.unknown("rateCardId") }
        }
        var opportunityID: Opportunity.ID?
        var accountID: Account.ID?
        if let raw = input.opportunityID, !raw.isEmpty {
            opportunityID = read.id(raw, "opportunityId")
        } else if let raw = input.accountID, !raw.isEmpty {
            accountID = read.id(raw, "accountId")
        } else {
            read.errors.append(
                .invalid(
                    "opportunityId", "error.quote.opportunity_or_account",
                    fallback: "Give the opportunity, or the account for a repeat request."))
        }
        try read.check()
        let env = env
        let now = env.now
        return try await env.stores.transaction { [opportunityID, accountID, rateCard] tx in
            var txEnv = env
            txEnv.stores = tx
            let opportunity: Opportunity
            if let opportunityID {
                guard let found = try await tx.pipeline.opportunities.find(id: opportunityID) else {
                    throw ValidationErrors([
                        .invalid("opportunityId", "error.field.unknown", fallback: "No such opportunity.")
                    ])
                }
                opportunity = found
            } else {
                opportunity = try await Self.opportunity(
                    for: accountID!, input, deadline: deadline!, by: user, env: txEnv)
            }
            guard Policy.permits(user, .editQuote(owner: opportunity.ownerID)) else { throw Self.forbidden }
            guard let account = try await tx.accounts.find(id: opportunity.accountID) else {
                throw DomainError.accountNotFound
            }
            let year = Calendar.utc.component(.year, from: now)
            let number = Quote.number(year: year, sequence: try await tx.quoteStores.quotes.nextNumber(year: year))
            let quote = Quote(
                id: env.ids(), number: number, accountID: account.id, opportunityID: opportunity.id,
                validUntil: LocalDate(now, in: .utc).adding(days: Self.validityDays), currency: account.currency,
                createdBy: user.id, createdAt: now)
            let version = QuoteVersion(
                id: env.ids(), quoteID: quote.id, number: 1, rateCardID: rateCard,
                sourceLanguage: opportunity.sourceLanguage,
                targets: opportunity.targetLanguages.map { QuoteTarget(language: $0, delivery: deadline!) },
                services: services ?? opportunity.services, totals: .zero(account.currency), createdBy: user.id,
                createdAt: now)
            try await tx.quoteStores.quotes.create(quote, version: version)
            return (quote, version)
        }
    }

    /// The opportunity of a quote made straight from an account (at Proposal).
    static func opportunity(
        for accountID: Account.ID, _ input: CreateInput, deadline: Date, by user: User, env: AppEnvironment
    ) async throws -> Opportunity {
        guard let account = try await env.stores.accounts.find(id: accountID) else {
            throw ValidationErrors([.invalid("accountId", "error.field.unknown", fallback: "No such account.")])
        }
        var source = input.sourceLanguage ?? account.languagePairs.first?.source.description
        var targets =
            input.targetLanguages
            ?? account.languagePairs.filter { $0.source.description == source }
            .map(\.target.description)
        if source == nil || targets.isEmpty {
            source = source ?? ""
            targets = []
        }
        let day = LocalDate(deadline, in: .utc)
        let name = input.name.flatMap { $0.isEmpty ? nil : $0 } ?? "\(account.name) \(day)"
        do {
            return try await OpportunityManagement(env).createForQuote(
                .init(
                    accountID: account.id.description, name: name, sourceLanguage: source!, targetLanguages: targets,
                    services: input.services ?? ["translation"], amount: "0", currency: account.currency.code,
                    closeDate: day.description),
                by: user)
        } catch let errors as ValidationErrors {
            // Only the languages and services can be wrong here; name them as this request does.
            throw ValidationErrors(
                errors.errors.filter { ["sourceLanguage", "targetLanguages", "services"].contains($0.field ?? "") })
        }
    }

    static func instant(_ raw: String?, _ field: String, _ read: inout FieldReader) -> Date? {
        guard let raw, !raw.isEmpty else {
            read.errors.append(.invalid(field, "error.field.required", fallback: "This field is required."))
            return nil
        }
        guard let date = ISO8601.parse(raw) else {
            read.errors.append(
                .invalid(
                    field, "error.quote.instant", ["value": raw],
                    fallback: "“\(raw)” is not an instant such as 2026-12-18T17:00:00Z."))
            return nil
        }
        return date
    }

    static let forbidden = DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")

    /// The quote and its version that takes changes: the current draft, or a new draft version
    /// made from the current one when the quote was submitted, approved, rejected or sent.
    static func editableDraft(_ id: Quote.ID, by user: User, in tx: Stores, env: AppEnvironment) async throws
        -> (Quote, QuoteVersion)
    {
        guard var quote = try await tx.quoteStores.quotes.find(id: id),
            let current = try await tx.quoteStores.quotes.version(id, number: quote.currentVersion)
        else { throw DomainError.quoteNotFound }
        let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID)
        guard Policy.permits(user, .editQuote(owner: opportunity?.ownerID)) || Policy.permits(user, .reviewQuote)
        else { throw forbidden }
        if quote.status == .draft && !current.isSent { return (quote, current) }
        guard quote.status.canMove(to: .draft) else {
            throw DomainError.quoteTransition(from: quote.status, to: .draft)
        }
        let next = current.nextDraft(id: env.ids(), by: user.id, at: env.now)
        try await tx.quoteStores.quotes.addVersion(next)
        guard
            try await tx.quoteStores.quotes.move(id, from: quote.status, to: .draft, version: next.number, at: env.now)
        else { throw DomainError.quoteTransition(from: quote.status, to: .draft) }
        quote.status = .draft
        quote.currentVersion = next.number
        return (quote, next)
    }

    /// Re-prices the draft version, checks it against capacity and replaces the quote's holds.
    public func refresh(_ id: Quote.ID) async throws -> QuoteVersion {
        let env = env
        let index = try await snapshot()
        return try await env.stores.transaction { tx in
            guard let quote = try await tx.quoteStores.quotes.find(id: id),
                let version = try await tx.quoteStores.quotes.version(id, number: quote.currentVersion)
            else { throw DomainError.quoteNotFound }
            return try await Self.refresh(quote, version, in: tx, env: env, index: index)
        }
    }

    /// Stores a finished analysis and, in the same transaction, re-prices and re-checks the quote.
    public func finishAnalysis(_ id: QuoteAnalysis.ID, files: [FileAnalysis]) async throws {
        let env = env
        let index = try await snapshot()
        try await env.stores.transaction { tx in
            guard let analysis = try await tx.quoteStores.analyses.find(id: id) else { return }
            try await tx.quoteStores.analyses.finish(id, files: files, at: env.now)
            guard let quote = try await tx.quoteStores.quotes.find(id: analysis.quoteID),
                let version = try await tx.quoteStores.quotes.version(quote.id, number: quote.currentVersion),
                !version.isSent
            else { return }
            _ = try await Self.refresh(quote, version, in: tx, env: env, index: index)
        }
    }

    /// The capacity index, taken before a transaction starts (the service reads on its own
    /// connection; SQLite has one per writer).
    func snapshot() async throws -> CapacityIndex? { try await capacity?.snapshot() }

    static func refresh(
        _ quote: Quote, _ draft: QuoteVersion, in tx: Stores, env: AppEnvironment, index: CapacityIndex?
    ) async throws -> QuoteVersion {
        var version = draft
        let analysis = try await tx.quoteStores.analyses.latestDone(of: quote.id)
        let files = try await tx.quoteStores.files.files(of: quote.id)
        version.lines = QuoteRepricing.lines(version, analysis: analysis, files: files, ids: env.ids)
        let priced = try await QuotePricingStep.price(version, quote: quote, now: env.now, in: tx)
        version = priced.version
        let plan = try await QuoteWorkflowPlan.load(from: tx)
        let base = try await tx.organisation.load().baseCurrency
        let rates = ExchangeRateTable(base: base, rates: try await tx.pipeline.exchangeRates.list())
        let today = LocalDate(env.now, in: .utc)
        var checks: [QuoteFeasibility.Check] = []
        if let index, quote.status.isOpen {
            let own = try await QuoteFeasibility.holds(of: quote, in: tx)
            checks = QuoteFeasibility.checkEveryOption(version, ownHolds: own, on: index, plan: plan, now: env.now)
            let probability = try await Self.probability(of: quote, in: tx)
            try await QuoteFeasibility.placeHolds(
                for: quote, checks: checks, probability: probability, index: index, in: tx, ids: env.ids)
            version.feasibility = QuoteFeasibility.summary(checks)
        }
        version.lines = try await QuoteRepricing.costs(
            version.lines, source: version.sourceLanguage, checks: checks, plan: plan, rates: rates, on: today, in: tx)
        version.totals = QuoteRepricing.totals(
            version, currency: priced.totals?.total.currency ?? quote.currency, rates: rates, on: today,
            base: priced.totals)
        if !version.isSent { _ = try await tx.quoteStores.quotes.updateDraft(version) }
        return version
    }

    /// The opportunity's chance of winning, 0…1, for the quote's holds.
    static func probability(of quote: Quote, in tx: Stores) async throws -> Decimal {
        guard let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID),
            let stage = try await tx.pipeline.stages.find(id: opportunity.stageID)
        else { return Decimal(string: "0.5")! }
        return Decimal(opportunity.probability(in: stage)) / 100
    }
}

extension Calendar {
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .utc
        return calendar
    }
}

extension TimeZone {
    static var utc: TimeZone { TimeZone(identifier: "UTC")! }
}

/// ISO 8601 instants as the API writes them, with or without fractional seconds.
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
