import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.guidance" (after the ledger): a year of review-gate history for the parity
/// dashboard. The historic projects' quotes get the PM's decision most had to pass (approved as
/// sales proposed, or with a later date); and a few quotes a PM rejected and the client never
/// took, on the demo's deals, so that "outcome of reviewed quotes" shows losses too.
/// Deterministic: the same decisions on every run. Fit reasons need no data of their own: they
/// come from the demo's accounts, vendors, ledger and capacity (docs/guidance.md).
enum GuidanceDemo {
    static let step = DemoSeed.Step(name: "demo.v2.guidance", idBase: 0x90_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static let reasons = [
        "change": "Our reviewers for this pair are booked: a few more working days make the date safe.",
        "reject": "The price is below what this work costs us; redo the lines with the current rates.",
    ]

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let pms = try await stores.users.list().filter { $0.roles.contains(.pm) }.sorted {
            $0.email.description < $1.email.description
        }
        guard !pms.isEmpty else { return }
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        let projects = try await stores.quoteStores.projects.list()
            .filter { $0.acceptedAt >= yearAgo && $0.acceptedAt < now.addingTimeInterval(-7 * 86_400) }
            .sorted { ($0.acceptedAt, $0.id.rawValue.uuidString) < ($1.acceptedAt, $1.id.rawValue.uuidString) }
        var events: [ActivityEvent] = []
        for (index, project) in projects.enumerated() {
            // About one in three went to review: two approved as proposed for one with a new date.
            guard index % 3 == 0 else { continue }
            let decision = index % 9 == 0 ? "change" : "approve"
            events.append(
                ActivityEvent(
                    id: ids(), subject: RecordSubject(kind: .quote, id: project.quoteID.rawValue), kind: .quoteReviewed,
                    actorId: project.pmID ?? pms[index % pms.count].id,
                    at: project.acceptedAt.addingTimeInterval(-3 * 86_400),
                    payload: ["decision": decision, "status": "approved", "reason": reasons[decision] ?? ""]))
        }
        try await rejectedQuotes(stores, ids: ids, now: now, pms: pms, events: &events)
        for event in events { try await stores.threads.events.record(event) }
    }

    /// One rejected, then lost, quote a month on the first demo deals, over the last year.
    static func rejectedQuotes(
        _ stores: Stores, ids: IdentifierGenerator, now: Date, pms: [User], events: inout [ActivityEvent]
    ) async throws {
        let deals = try await stores.pipeline.opportunities.list(OpportunityFilter())
            .sorted { $0.id.rawValue.uuidString < $1.id.rawValue.uuidString }
        guard !deals.isEmpty else { return }
        for month in 0..<12 {
            let deal = deals[(month * 7) % deals.count]
            let made = now.addingTimeInterval(-Double(month * 30 + 12) * 86_400)
            let year = Calendar(identifier: .gregorian).component(.year, from: made)
            let quote = Quote(
                id: ids(), number: String(format: "Q-%d-8%03d", year, month), accountID: deal.accountID,
                opportunityID: deal.id, status: .lost,
                validUntil: LocalDate(made, in: TimeZone(identifier: "UTC")!).adding(days: 30),
                currency: deal.expectedValue.currency, createdBy: deal.ownerID, createdAt: made)
            try await stores.quoteStores.quotes.create(
                quote,
                version: QuoteVersion(
                    id: ids(), quoteID: quote.id, number: 1, sourceLanguage: deal.sourceLanguage, targets: [],
                    services: [.translation], totals: QuoteTotals(total: deal.expectedValue), createdBy: deal.ownerID,
                    createdAt: made))
            events.append(
                ActivityEvent(
                    id: ids(), subject: RecordSubject(kind: .quote, id: quote.id.rawValue), kind: .quoteReviewed,
                    actorId: deal.partnerPmID ?? pms[month % pms.count].id, at: made.addingTimeInterval(86_400),
                    payload: ["decision": "reject", "status": "rejected", "reason": reasons["reject"] ?? ""]))
        }
    }
}
