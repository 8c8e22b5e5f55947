import Foundation
import TandemDomain

extension QuoteManagement {
    /// Submits the draft: checked live once more, then the review gate decides (docs/quotes.md):
    /// in review with its reasons, or approved at once.
    public func submit(_ id: Quote.ID, by user: User) async throws -> Quote {
        let env = env
        let index = try await snapshot()
        return try await env.stores.transaction { tx in
            guard let quote = try await tx.quoteStores.quotes.find(id: id),
                var version = try await tx.quoteStores.quotes.version(id, number: quote.currentVersion)
            else { throw DomainError.quoteNotFound }
            let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID)
            guard Policy.permits(user, .editQuote(owner: opportunity?.ownerID)) else { throw Self.forbidden }
            guard quote.status == .draft else { throw DomainError.quoteTransition(from: quote.status, to: .inReview) }
            version = try await Self.refresh(quote, version, in: tx, env: env, index: index)
            let facts = try await Self.gateFacts(quote, version, opportunity: opportunity, in: tx)
            version.reviewReasons = QuoteReviewGate.reasons(
                facts, settings: try await tx.quoteStores.reviewSettings.load())
            _ = try await tx.quoteStores.quotes.updateDraft(version)
            let status = QuoteReviewGate.status(for: version.reviewReasons)
            guard try await tx.quoteStores.quotes.move(id, from: .draft, to: status, version: nil, at: env.now) else {
                throw DomainError.quoteTransition(from: quote.status, to: status)
            }
            if status == .inReview {
                try await QuoteEvents.reviewRequested(quote, opportunity: opportunity, by: user, in: tx, env: env)
            }
            try await ActivityLog.record(
                .quoteSubmitted, on: RecordSubject(kind: .quote, id: id.rawValue), by: user.id,
                payload: ["status": status.rawValue], in: tx, env: env)
            return try await tx.quoteStores.quotes.find(id: id)!
        }
    }

    /// What the gate knows: the worst verdict, the margin against the floor, and the facts of the
    /// admin's extra triggers.
    static func gateFacts(_ quote: Quote, _ version: QuoteVersion, opportunity: Opportunity?, in tx: Stores)
        async throws -> QuoteGateFacts
    {
        let stages = StageList(try await tx.pipeline.stages.list())
        let won = try await tx.pipeline.opportunities.list(OpportunityFilter(stageIDs: stages.wonStageIDs))
            .filter { $0.id != quote.opportunityID }
        let pairs = Set(won.flatMap(\.languagePairs))
        let quotePairs = version.targets.map { LanguagePair(source: version.sourceLanguage, target: $0.language) }
        let below = try await QuoteMargins.belowFloor(version.totals, account: quote.accountID, in: tx)
        var brief = try await tx.briefs.latest(of: RecordSubject(kind: .opportunity, id: quote.opportunityID.rawValue))
        if brief == nil {
            brief = try await tx.briefs.latest(of: RecordSubject(kind: .account, id: quote.accountID.rawValue))
        }
        return QuoteGateFacts(
            verdict: QuoteReviewGate.worst(version.feasibility.map(\.verdict)), belowMarginFloor: below,
            newClient: !won.contains { $0.accountID == quote.accountID },
            newPair: quotePairs.contains { !pairs.contains($0) }, valueInBase: version.totals.totalInBase?.amount,
            briefComplete: brief?.content.isComplete ?? false)
    }

    /// Sales sends an approved quote; the version becomes immutable.
    public func send(_ id: Quote.ID, by user: User) async throws -> Quote {
        let env = env
        return try await env.stores.transaction { tx in
            guard let quote = try await tx.quoteStores.quotes.find(id: id),
                let version = try await tx.quoteStores.quotes.version(id, number: quote.currentVersion)
            else { throw DomainError.quoteNotFound }
            let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID)
            guard Policy.permits(user, .editQuote(owner: opportunity?.ownerID)) else { throw Self.forbidden }
            guard quote.status == .approved,
                try await tx.quoteStores.quotes.move(id, from: .approved, to: .sent, version: nil, at: env.now)
            else { throw DomainError.quoteTransition(from: quote.status, to: .sent) }
            try await tx.quoteStores.quotes.markSent(version.id, at: env.now)
            try await ActivityLog.record(
                .quoteSent, on: RecordSubject(kind: .quote, id: id.rawValue), by: user.id,
                payload: ["version": "\(version.number)"], in: tx, env: env)
            return try await tx.quoteStores.quotes.find(id: id)!
        }
    }

    /// The deal is lost: the reason is recorded, the holds released, the opportunity lost too.
    public func lose(_ id: Quote.ID, reason: String, lostReasonID: String? = nil, by user: User) async throws -> Quote {
        var read = FieldReader()
        let reason = read.text(reason, "reason", max: 1000, required: true)
        let lostReason: LostReason.ID? = lostReasonID.flatMap { $0.isEmpty ? nil : read.id($0, "lostReasonId") }
        try read.check()
        let env = env
        return try await env.stores.transaction { tx in
            guard let quote = try await tx.quoteStores.quotes.find(id: id) else { throw DomainError.quoteNotFound }
            let opportunity = try await tx.pipeline.opportunities.find(id: quote.opportunityID)
            guard Policy.permits(user, .editQuote(owner: opportunity?.ownerID)) else { throw Self.forbidden }
            guard quote.status.canMove(to: .lost),
                try await tx.quoteStores.quotes.move(id, from: quote.status, to: .lost, version: nil, at: env.now)
            else { throw DomainError.quoteTransition(from: quote.status, to: .lost) }
            try await tx.quoteStores.quotes.setLostReason(id, reason!)
            try await QuoteFeasibility.releaseHolds(of: quote, in: tx)
            try await Self.closeOpportunity(
                quote.opportunityID, .lost, note: reason!, lostReason: lostReason, by: user.id, in: tx, env: env)
            try await ActivityLog.record(
                .quoteLost, on: RecordSubject(kind: .quote, id: id.rawValue), by: user.id, payload: ["reason": reason!],
                in: tx, env: env)
            return try await tx.quoteStores.quotes.find(id: id)!
        }
    }

    /// Open quotes past their validity day become `expired` and release their holds; returns how many.
    @discardableResult
    public func expireDue() async throws -> Int {
        let env = env
        let today = LocalDate(env.now, in: .utc)
        let open = try await env.stores.quoteStores.quotes.list(
            QuoteFilter(statuses: Set(QuoteStatus.allCases.filter { $0.isOpen })))
        var expired = 0
        for quote in open where quote.validUntil < today {
            let moved = try await env.stores.transaction { tx in
                guard
                    try await tx.quoteStores.quotes.move(
                        quote.id, from: quote.status, to: .expired, version: nil, at: env.now)
                else { return false }
                try await QuoteFeasibility.releaseHolds(of: quote, in: tx)
                return true
            }
            if moved { expired += 1 }
        }
        return expired
    }

    /// Moves the quote's opportunity to the first won or lost stage: the quote's outcome is a fact,
    /// so the pipeline's rules for moving by hand do not apply. The move is on the deal's timeline,
    /// by whoever recorded the quote's outcome.
    static func closeOpportunity(
        _ id: Opportunity.ID, _ outcome: StageOutcome, note: String = "", lostReason: LostReason.ID? = nil,
        by actor: User.ID, in tx: Stores, env: AppEnvironment
    ) async throws {
        let date = env.now
        let stages = try await tx.pipeline.stages.list()
        guard let stage = stages.first(where: { $0.outcome == outcome }) else { return }
        let before = try await tx.pipeline.opportunities.find(id: id)?.stageID
        var changes = OpportunityChanges()
        changes.stageID = stage.id
        changes.probabilityOverride = .some(nil)
        if outcome == .lost {
            changes.lostNote = note
            changes.lostReasonID = .some(lostReason)
        }
        _ = try await tx.pipeline.opportunities.update(id, changes, expectedVersion: nil, at: date)
        guard before != stage.id else { return }
        try await ActivityLog.record(
            .stageChanged, on: .opportunity(id.rawValue), by: actor,
            payload: ["from": stages.first { $0.id == before }?.name ?? "", "to": stage.name], in: tx, env: env)
    }
}

/// The margin against the floor (the organisation's setting, overridable per account).
enum QuoteMargins {
    static func belowFloor(_ totals: QuoteTotals, account: Account.ID, in stores: Stores) async throws -> Bool {
        guard let price = totals.totalInBase, let cost = totals.cost, price.currency == cost.currency else {
            return false
        }
        let floor = try await stores.pricing.settings.marginFloor(for: account)
        return floor.isBreached(by: try Margin.of(price: price, cost: cost))
    }
}

/// The notifications quotes send (docs/notifications.md), inside the caller's transaction.
enum QuoteEvents {
    static func subject(_ quote: Quote) -> RecordSubject { RecordSubject(kind: .quote, id: quote.id.rawValue) }

    /// To the opportunity's PM partner, else every PM.
    static func reviewRequested(
        _ quote: Quote, opportunity: Opportunity?, by user: User, in tx: Stores, env: AppEnvironment
    ) async throws {
        let notifications = Notifications(env)
        var pms = opportunity?.partnerPmID.map { [$0] } ?? []
        if pms.isEmpty { pms = try await notifications.users(withRole: .pm, in: tx) }
        try await notifications.notify(
            in: tx, pms, kind: .reviewRequested, subject: subject(quote), actor: user.id, label: quote.number)
    }

    /// To the rep who made the quote and the opportunity's owner, with the PM's reason.
    static func reviewDecided(_ quote: Quote, note: String, by user: User, in tx: Stores, env: AppEnvironment)
        async throws
    {
        let owner = try await tx.pipeline.opportunities.find(id: quote.opportunityID)?.ownerID
        try await Notifications(env).notify(
            in: tx, [quote.createdBy] + (owner.map { [$0] } ?? []), kind: .reviewDecided, subject: subject(quote),
            actor: user.id, label: quote.number, note: note)
    }

    /// To the project's PM, else every PM.
    static func quoteAccepted(_ quote: Quote, project: Project, by user: User, in tx: Stores, env: AppEnvironment)
        async throws
    {
        let notifications = Notifications(env)
        var pms = project.pmID.map { [$0] } ?? []
        if pms.isEmpty { pms = try await notifications.users(withRole: .pm, in: tx) }
        try await notifications.notify(
            in: tx, pms, kind: .quoteAccepted, subject: RecordSubject(kind: .project, id: project.id.rawValue),
            actor: user.id, label: "\(quote.number) · \(project.name)")
    }

    /// To the sales owner, with the PM's comment.
    static func briefChallenged(_ project: Project, comment: String, by user: User, in tx: Stores, env: AppEnvironment)
        async throws
    {
        try await Notifications(env).notify(
            in: tx, [project.salesOwnerID], kind: .briefChallenged,
            subject: RecordSubject(kind: .project, id: project.id.rawValue), actor: user.id, label: project.name,
            note: comment)
    }
}
