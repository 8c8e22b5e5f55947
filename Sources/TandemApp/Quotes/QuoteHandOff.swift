import Foundation
import TandemDomain
import TandemPlanning

/// Recording the client's acceptance: one project (however often, or however concurrently, it
/// is recorded) with the brief, the chosen option's lines as one promise per target language,
/// and the quote's tentative holds turned into firm reservations at once, so that won work is
/// never invisible to other quotes. The opportunity is won with the quote.
public struct QuoteHandOff: Sendable {
    let env: AppEnvironment
    /// Plans the jobs' due dates from the quote's plan (docs/production.md); without it they
    /// share the window up to the promise by effort.
    let capacity: CapacityService?
    public init(_ env: AppEnvironment, capacity: CapacityService? = nil) {
        self.env = env
        self.capacity = capacity
    }

    /// Orders acceptances in this process; the unique quote on projects orders them across processes.
    static let lock = AsyncLock()

    public struct Input: Sendable {
        public var clientReference: String?
        /// ISO 8601 instant; now when absent.
        public var acceptedAt: String?
        public var optionID: String?
        public init(clientReference: String?, acceptedAt: String? = nil, optionID: String? = nil) {
            self.clientReference = clientReference
            self.acceptedAt = acceptedAt
            self.optionID = optionID
        }
    }

    public struct Outcome: Sendable {
        public var project: Project
        /// False when the acceptance had been recorded before (the same project).
        public var created: Bool
    }

    public func accept(_ id: Quote.ID, _ input: Input, by user: User) async throws -> Outcome {
        var read = FieldReader()
        let reference = read.text(input.clientReference, "clientReference", max: 200, required: false) ?? ""
        let acceptedAt = input.acceptedAt.flatMap {
            $0.isEmpty ? nil : QuoteManagement.instant($0, "acceptedAt", &read)
        }
        let option: QuoteOption.ID? = input.optionID.flatMap { $0.isEmpty ? nil : read.id($0, "optionId") }
        try read.check()
        let env = env
        // Planned before the transaction, so the write lock is held only for the writes.
        let checks = try await plannedSteps(id, option: option)
        return try await Self.lock.withLock {
            if let existing = try await env.stores.quoteStores.projects.find(quoteID: id) {
                guard Policy.permits(user, .viewProjects) else { throw QuoteManagement.forbidden }
                return Outcome(project: existing, created: false)
            }
            do {
                let project = try await env.stores.transaction { tx in
                    try await Self.handOff(
                        id, reference: reference, acceptedAt: acceptedAt ?? env.now, option: option, by: user, in: tx,
                        env: env, checks: checks)
                }
                return Outcome(project: project, created: true)
            } catch let error as DomainError where error.field == "quoteId" {
                // Another instance recorded it first.
                guard let existing = try await env.stores.quoteStores.projects.find(quoteID: id) else { throw error }
                return Outcome(project: existing, created: false)
            }
        }
    }

    static func handOff(
        _ id: Quote.ID, reference: String, acceptedAt: Date, option: QuoteOption.ID?, by user: User, in tx: Stores,
        env: AppEnvironment, checks: [QuoteFeasibility.Check]? = nil
    ) async throws -> Project {
        guard let quote = try await tx.quoteStores.quotes.find(id: id),
            let version = try await tx.quoteStores.quotes.version(id, number: quote.currentVersion),
            let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID),
            let account = try await tx.accounts.find(id: quote.accountID)
        else { throw DomainError.quoteNotFound }
        guard Policy.permits(user, .editQuote(owner: opportunity.ownerID)) else { throw QuoteManagement.forbidden }
        guard quote.status == .sent else { throw DomainError.quoteTransition(from: quote.status, to: .accepted) }
        var problems: [DomainError] = []
        if account.terms.purchaseOrderRequired && reference.isEmpty {
            problems.append(
                .invalid(
                    "clientReference", "error.quote.po_required",
                    fallback: "This client requires a purchase order: give its number."))
        }
        if let option, !version.options.contains(where: { $0.id == option }) {
            problems.append(.invalid("optionId", "error.field.unknown", fallback: "Choose one of the quote's options."))
        }
        try ValidationErrors.check(problems)
        let chosen = option ?? version.options.first?.id
        var brief = try await tx.briefs.latest(of: RecordSubject(kind: .opportunity, id: opportunity.id.rawValue))
        if brief == nil {
            brief = try await tx.briefs.latest(of: RecordSubject(kind: .account, id: account.id.rawValue))
        }
        let project = Project(
            id: env.ids(), quoteID: quote.id, accountID: account.id, opportunityID: opportunity.id,
            name: opportunity.name, brief: brief?.content, clientReference: reference, acceptedAt: acceptedAt,
            optionID: chosen, salesOwnerID: opportunity.ownerID, pmID: opportunity.partnerPmID, createdAt: env.now)
        let promises = Self.promises(version, option: chosen, project: project, currency: quote.currency, env: env)
        var reservations: [Reservation] = []
        var bookings: [VendorBooking] = []
        let holds = try await QuoteFeasibility.holds(of: quote, in: tx)
        let plan = try await QuoteWorkflowPlan.load(from: tx)
        // The chosen option's holds become bookings; the other options' are released.
        let kept = quote.holdReference(option: version.options.isEmpty ? nil : chosen)
        for hold in holds where hold.quoteReference != kept { _ = try await tx.vendorSchedule.removeHold(hold.id) }
        for hold in holds where hold.quoteReference == kept {
            let booking = VendorBooking(
                id: env.ids(), vendorID: hold.vendorID, from: hold.from, to: hold.to, minutes: hold.minutes,
                jobReference: "project:\(project.id)")
            bookings.append(booking)
            reservations.append(
                Reservation(
                    id: env.ids(), projectID: project.id, bookingID: booking.id, vendorID: hold.vendorID,
                    targetLanguage: nil))
            _ = try await tx.vendorSchedule.removeHold(hold.id)
        }
        try await tx.quoteStores.projects.create(project, promises: promises, reservations: reservations)
        if !bookings.isEmpty { try await tx.vendorSchedule.addBookings(bookings) }
        _ = try await ProductionHandOff.makeJobs(
            for: project, version: version, promises: promises,
            files: try await tx.quoteStores.files.files(of: quote.id),
            plan: plan, checks: checks ?? [], by: user.id, in: tx, env: env)
        guard try await tx.quoteStores.quotes.move(id, from: .sent, to: .accepted, version: nil, at: env.now) else {
            throw DomainError.quoteTransition(from: quote.status, to: .accepted)
        }
        try await QuoteManagement.closeOpportunity(opportunity.id, .won, by: user.id, in: tx, env: env)
        try await QuoteEvents.quoteAccepted(quote, project: project, by: user, in: tx, env: env)
        try await ActivityLog.record(
            .quoteAccepted, on: RecordSubject(kind: .quote, id: id.rawValue), by: user.id,
            payload: ["project": project.id.description, "reference": reference], in: tx, env: env)
        return project
    }

    /// The quote's plan with its own holds taken out (for the jobs' due dates), nil without capacity.
    func plannedSteps(_ id: Quote.ID, option: QuoteOption.ID?) async throws -> [QuoteFeasibility.Check]? {
        guard let index = try await capacity?.snapshot(),
            let quote = try await env.stores.quoteStores.quotes.find(id: id),
            let version = try await env.stores.quoteStores.quotes.version(id, number: quote.currentVersion)
        else { return nil }
        let holds = try await QuoteFeasibility.holds(of: quote, in: env.stores)
        let plan = try await QuoteWorkflowPlan.load(from: env.stores)
        return QuoteFeasibility.check(
            version, option: option ?? version.options.first?.id, ownHolds: holds, on: index, plan: plan, now: env.now)
    }

    /// One promise per target: its delivery instant, the price of its lines in the chosen option,
    /// the weighted words of its analysed lines, their services.
    static func promises(
        _ version: QuoteVersion, option: QuoteOption.ID?, project: Project, currency: CurrencyCode, env: AppEnvironment
    ) -> [Promise] {
        let lines = version.lines(of: option)
        return version.targets.map { target in
            let own = lines.filter { $0.targetLanguage == target.language }
            let analysed = own.filter { $0.kind == .analysed }
            return Promise(
                id: env.ids(), projectID: project.id, targetLanguage: target.language, deliveryDate: target.delivery,
                price: Money(own.reduce(0) { $0 + $1.price.amount }, currency).rounded,
                weightedWords: analysed.map(\.weightedWords).max() ?? 0, services: analysed.map(\.service),
                salesOwnerID: project.salesOwnerID, pmID: project.pmID, createdAt: env.now)
        }
    }
}
