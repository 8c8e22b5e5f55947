import Foundation
import TandemApp
import TandemDomain

/// Writes `GoalsWorld`'s records straight through the stores.
struct GoalsBuilder {
    var env: AppEnvironment
    var pm: User
    var ids: [String: Promise.ID] = [:]
    var promises: [Promise] = []
    var states: [(Promise.ID, PromiseStatus, PromiseState)] = []
    var versions: [PromiseVersion] = []
    var deliveries: [ClientDelivery] = []
    var complaints: [Complaint] = []
    var number = 0

    init(env: AppEnvironment, pm: User) {
        self.env = env
        self.pm = pm
    }

    struct Client {
        var account: Account.ID
        var opportunity: Opportunity
        var rep: User
        var currency: CurrencyCode
    }

    func client(_ name: String, currency: String, rep: User) async throws -> Client {
        var input = AccountInput(name: name, currency: currency)
        input.partnerPmId = pm.id.description
        let account = try await AccountManagement(env).create(input, by: rep, confirmDuplicate: true).id
        let opportunity = try await OpportunityManagement(env).create(
            .init(
                accountID: account.description, name: "\(name) deal", sourceLanguage: "en", targetLanguages: ["fr"],
                services: ["translation"], amount: "1000.00", currency: currency, closeDate: "2026-12-15"), by: rep)
        return Client(account: account, opportunity: opportunity, rep: rep, currency: try CurrencyCode(currency))
    }

    mutating func quote(_ c: Client, status: QuoteStatus, at: Date, lines: [(String, Int, Int)]) async throws
        -> Quote.ID
    {
        number += 1
        let quote = Quote(
            id: env.ids(), number: "Q-2026-\(number)", accountID: c.account, opportunityID: c.opportunity.id,
            status: status, validUntil: try LocalDate(iso: "2026-12-31"), currency: c.currency, createdBy: c.rep.id,
            createdAt: at.addingTimeInterval(-86_400), statusChangedAt: at)
        let quoteLines = try lines.map { target, price, cost in
            QuoteLine(
                id: env.ids(), kind: .analysed, targetLanguage: try LanguageTag(target), service: "translation",
                unitPrice: Money(0, c.currency), price: Money(Decimal(price), c.currency),
                cost: Money(Decimal(cost), .eur))
        }
        try await env.stores.quoteStores.quotes.create(
            quote,
            version: QuoteVersion(
                id: env.ids(), quoteID: quote.id, number: 1, sourceLanguage: try LanguageTag("en"), targets: [],
                services: [.translation], lines: quoteLines, totals: QuoteTotals(total: Money(0, c.currency)),
                createdBy: c.rep.id, createdAt: at))
        return quote.id
    }

    mutating func project(_ name: String, _ c: Client, accepted day: String, lines: [(String, Int, Int)])
        async throws -> (Project, Client)
    {
        let at = GoalsWorld.day(day)
        let quote = try await quote(c, status: .accepted, at: at, lines: lines)
        let project = Project(
            id: env.ids(), quoteID: quote, accountID: c.account, opportunityID: c.opportunity.id, name: name,
            brief: nil,
            clientReference: "PO-\(name)", acceptedAt: at, optionID: nil, salesOwnerID: c.rep.id, pmID: pm.id,
            createdAt: at)
        try await env.stores.quoteStores.projects.create(project, promises: [], reservations: [])
        return (project, c)
    }

    mutating func lostQuote(_ c: Client, at day: String) async throws {
        _ = try await quote(c, status: .lost, at: GoalsWorld.day(day), lines: [("fr", 800, 300)])
    }

    mutating func promise(
        _ key: String, _ p: (Project, Client), _ target: String, price: Int, due: String,
        delivered: (String, Int)? = nil, firstPrice: Int? = nil, complaint: Bool = false, cancelled: Bool = false
    ) {
        let (project, client) = p
        let id: Promise.ID = env.ids()
        ids[key] = id
        let dueAt = GoalsWorld.day(due)
        let money = Money(Decimal(price), client.currency)
        var kept = true
        var state = PromiseState(cancelled: cancelled)
        if let (day, cost) = delivered {
            let at = GoalsWorld.day(day)
            kept = at <= dueAt
            state.deliveredAt = at
            deliveries.append(
                ClientDelivery(
                    id: env.ids(), promiseID: id, projectID: project.id, deliveredAt: at, what: "files",
                    recipient: "portal", cost: Money(Decimal(cost), .eur), recordedBy: pm.id, recordedAt: at))
            if complaint {
                complaints.append(
                    Complaint(
                        id: env.ids(), promiseID: id, deliveryID: deliveries.last!.id, receivedAt: at, description: "x",
                        severity: .major, justified: true, rootCause: "", correctiveAction: "", recordedBy: pm.id,
                        recordedAt: at))
            }
        }
        let status: PromiseStatus = delivered == nil ? .onTrack : kept ? .kept : .broken
        if let firstPrice {
            let first = PromiseTerms(deliveryDate: dueAt, price: Money(Decimal(firstPrice), client.currency))
            let now = PromiseTerms(deliveryDate: dueAt, price: money)
            versions += [
                PromiseVersion(id: env.ids(), promiseID: id, number: 1, terms: first, by: nil, at: project.acceptedAt),
                PromiseVersion(
                    id: env.ids(), promiseID: id, number: 2, terms: now, previous: first, reason: "More files",
                    cause: .clientChange, by: client.rep.id, at: project.acceptedAt),
            ]
            state.renegotiated = true
        }
        promises.append(
            Promise(
                id: id, projectID: project.id, targetLanguage: try! LanguageTag(target), deliveryDate: dueAt,
                price: money, weightedWords: 1000, services: ["translation"], salesOwnerID: client.rep.id, pmID: pm.id,
                status: status, version: firstPrice == nil ? 1 : 2, createdAt: project.acceptedAt))
        states.append((id, status, state))
    }

    func save() async throws {
        try await env.stores.ledger.addPromises(promises)
        try await env.stores.ledger.saveStates(states)
        try await env.stores.ledger.addVersions(versions)
        try await env.stores.ledger.addDeliveries(deliveries)
        try await env.stores.ledger.addComplaints(complaints)
    }
}
