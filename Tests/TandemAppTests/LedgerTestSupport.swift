import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// A won project with two promises (fr due in 7 days for 600 EUR, de in 9 days for 400 EUR) on
/// top of `QuoteWorld` (rep, PM, account, vendors), on a scratch database.
struct LedgerWorld {
    var world: QuoteWorld
    var project: Project
    var fr: Promise
    var de: Promise

    var env: AppEnvironment { world.env }
    var ledger: PromiseLedger { PromiseLedger(world.env) }
    var rep: User { world.rep }
    var pm: User { world.pm }

    static func run(_ body: (LedgerWorld) async throws -> Void) async throws {
        try await QuoteWorld.run { world in
            let (project, promises) = try await makeProject(world.env, world: world)
            try await body(LedgerWorld(world: world, project: project, fr: promises[0], de: promises[1]))
        }
    }

    static func makeProject(_ env: AppEnvironment, world: QuoteWorld) async throws -> (Project, [Promise]) {
        let now = env.now
        let quote = Quote(
            id: env.ids(), number: "Q-2026-0901", accountID: world.accountID, opportunityID: world.opportunity.id,
            status: .accepted, validUntil: try LocalDate(iso: "2026-12-31"), currency: .eur, createdBy: world.rep.id,
            createdAt: now)
        let version = QuoteVersion(
            id: env.ids(), quoteID: quote.id, number: 1, sourceLanguage: try LanguageTag("en"), targets: [],
            services: [.translation], totals: QuoteTotals(total: Money(1000, .eur)), createdBy: world.rep.id,
            createdAt: now)
        try await env.stores.quoteStores.quotes.create(quote, version: version)
        let project = Project(
            id: env.ids(), quoteID: quote.id, accountID: world.accountID, opportunityID: world.opportunity.id,
            name: "Website relaunch", brief: nil, clientReference: "PO-1", acceptedAt: now, optionID: nil,
            salesOwnerID: world.rep.id, pmID: world.pm.id, createdAt: now)
        let promises = try [("fr", 7, 600), ("de", 9, 400)].map { target, days, price in
            Promise(
                id: env.ids(), projectID: project.id, targetLanguage: try LanguageTag(target),
                deliveryDate: now.addingTimeInterval(Double(days) * 86_400), price: Money(Decimal(price), .eur),
                weightedWords: 2000, services: ["translation"], salesOwnerID: world.rep.id, pmID: world.pm.id,
                createdAt: now)
        }
        try await env.stores.quoteStores.projects.create(project, promises: promises, reservations: [])
        return (project, promises)
    }

    func entry(_ promise: Promise) async throws -> LedgerPromise {
        try await ledger.entry(promise.id, for: world.manager)
    }

    func page(_ filter: LedgerFilter = LedgerFilter()) async throws -> (rows: [LedgerPromise], totals: LedgerTotals) {
        let page = try await ledger.page(filter, after: nil, limit: 50, for: world.manager)
        return (page.rows, page.totals)
    }

    func atRiskNotices(_ user: User) async throws -> Int {
        try await env.stores.notifications.list(recipient: user.id, unreadOnly: false, after: nil, limit: 200)
            .filter { $0.kind == .promiseAtRisk }.count
    }

    func advance(days: Double) { world.clock.now += days * 86_400 }
}

func expectField(_ field: String, _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected an error on \(field)")
    } catch let error as ValidationErrors {
        #expect(error.errors.contains { $0.field == field }, "fields: \(error.errors.map(\.field))")
    } catch let error as DomainError {
        #expect(error.field == field)
    } catch {
        Issue.record("unexpected \(error)")
    }
}
