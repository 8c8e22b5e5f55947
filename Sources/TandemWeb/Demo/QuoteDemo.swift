import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.quotes" (after the pricing step): 60 quotes on the demo opportunities in
/// every status, each analysed by the real analysis job from the demo's catalogue and TMX, then
/// moved through the same use cases the pages call (submit, review, send, accept, lose, expire),
/// so every number on the pages comes from the rules.
enum QuoteDemo {
    static let step = DemoSeed.Step(name: "demo.v2.quotes", idBase: 0x7_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static let quoteCount = 60

    /// What each quote ends as, in turn: open work first, so the lists look like a busy week.
    static let outcomes: [QuoteStatus] = [
        .draft, .inReview, .approved, .sent, .inReview, .accepted, .draft, .rejected, .sent, .lost, .approved,
        .accepted, .expired, .inReview, .sent,
    ]

    struct NoHashing: PasswordHashing {
        func hash(_ password: String) async throws -> String { password }
        func verify(_ password: String, against hash: String) async throws -> Bool { false }
    }

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let users = try await stores.users.list()
        guard let manager = users.first(where: { $0.roles.contains(.manager) }),
            let fallbackPM = users.first(where: { $0.roles.contains(.pm) })
        else { return }
        let opportunities = try await stores.pipeline.opportunities.list(OpportunityFilter())
            .filter { $0.sourceLanguage.language == "en" && !$0.targetLanguages.isEmpty }
            .sorted { $0.id < $1.id }
        guard !opportunities.isEmpty else { return }
        let files: any AssetFiles = QuoteDemoFiles.keep ?? QuoteDemoFiles.Store()
        // Checked against the demo vendors like any quote, so verdicts and holds are real.
        let capacity = CapacityService(source: DatabaseCapacitySource(stores: stores, clock: { now }), clock: { now })
        for index in 0..<quoteCount {
            let opportunity = opportunities[(index * 7) % opportunities.count]
            // Quotes were made over the last weeks; each one's steps a few hours apart.
            let start = now.addingTimeInterval(-Double(quoteCount - index) * 9 * 3600)
            let clock = DemoClock(start)
            let env = AppEnvironment(stores: stores, clock: { clock.now }, ids: ids, passwords: NoHashing())
            let owner = users.first { $0.id == opportunity.ownerID } ?? manager
            let reviewer =
                opportunity.capabilityBuilding
                ? manager : users.first { $0.id == opportunity.partnerPmID } ?? fallbackPM
            try await make(
                outcomes[index % outcomes.count], for: opportunity, index: index, owner: owner, reviewer: reviewer,
                env: env, clock: clock, files: files, capacity: capacity)
        }
    }

    static func make(
        _ outcome: QuoteStatus, for opportunity: Opportunity, index: Int, owner: User, reviewer: User,
        env: AppEnvironment, clock: DemoClock, files: any AssetFiles, capacity: CapacityService
    ) async throws {
        let management = QuoteManagement(env, capacity: capacity)
        let deadline = env.now.addingTimeInterval(Double(9 + index % 12) * 86_400)
        let (quote, _) = try await management.create(
            .init(
                opportunityID: opportunity.id.description,
                deadline: ISO8601DateFormatter().string(from: deadline),
                // Translation and revision: the work the demo's vendors and rate cards cover.
                services: ["translation"]), by: owner)
        _ = try await management.addFiles(
            quote.id,
            [
                .init(role: .document, name: QuoteDemoFiles.catalogueName, data: Data(QuoteDemoFiles.catalogue.utf8)),
                .init(role: .memory, name: QuoteDemoFiles.memoryName, data: Data(QuoteDemoFiles.memory.utf8)),
            ], files: files, maximumSize: 1_048_576, by: owner)
        let job = QuoteAnalysisJob(files: files, capacity: capacity)
        _ = try await JobWorker(name: "demo-seed", env: env, handlers: [job]).runOnce()
        guard outcome != .draft else { return }
        clock.advance(hours: 2)
        var current = try await management.submit(quote.id, by: owner)
        guard outcome != .inReview else { return }
        clock.advance(hours: 5)
        if current.status == .inReview {
            let review = QuoteReview(env, capacity: capacity)
            switch outcome {
            case .rejected:
                _ = try await review.decide(
                    quote.id,
                    .init(decision: "reject", reason: "The price is below what this client accepts; redo the lines."),
                    by: reviewer)
                return
            case _ where index % 3 == 0:
                let later = env.now.addingTimeInterval(Double(14 + index % 10) * 86_400)
                current = try await review.decide(
                    quote.id,
                    .init(
                        decision: "change", deadline: ISO8601DateFormatter().string(from: later),
                        reason: "Our reviewers for this pair are booked: three more working days make the date safe."),
                    by: reviewer)
            default:
                current = try await review.decide(
                    quote.id,
                    .init(
                        decision: "approve",
                        reason: opportunity.capabilityBuilding ? "A first project in this pair; worth it." : nil),
                    by: reviewer)
            }
        }
        guard outcome != .approved, current.status == .approved else { return }
        clock.advance(hours: 3)
        if outcome == .expired {
            try await env.stores.quoteStores.quotes.setValidUntil(
                quote.id, LocalDate(env.now.addingTimeInterval(-86_400), in: TimeZone(identifier: "UTC")!), at: env.now)
            _ = try await management.expireDue()
            return
        }
        _ = try await management.send(quote.id, by: owner)
        clock.advance(hours: 30)
        switch outcome {
        case .accepted:
            _ = try await QuoteHandOff(env).accept(
                quote.id, .init(clientReference: "PO-\(4400 + index)"), by: owner)
        case .lost:
            _ = try await management.lose(quote.id, reason: "The client chose a cheaper offer.", by: owner)
        default:
            break
        }
    }
}

/// The demo's clock for one quote: each step happens a little later than the one before.
final class DemoClock: @unchecked Sendable {
    // Moved only by the seeding task that owns it, between calls.
    private(set) var now: Date
    init(_ start: Date) { now = start }
    func advance(hours: Double) { now += hours * 3600 }
}
