import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.goals" (issue #16, docs/metrics.md): the historic quotes get their priced
/// lines (the quoted cost the ledger's outcomes are measured against), last quarter gets a run
/// of rush deals Samuel sold on deadlines production could not meet (late and over cost), and
/// two incentive plans: a revenue-only commission for sales and a shared plan on delivered
/// margin and promises kept. Comparing them on last quarter flags the commission for Samuel.
enum GoalsDemo {
    static let step = DemoSeed.Step(name: "demo.v2.goals", idBase: 0x80_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        try await quotedCosts(stores, ids: ids)
        try await rushDeals(stores, ids: ids, now: now)
        try await plans(stores, ids: ids, now: now)
        let more = IdentifierGenerator.sequential(startingAt: reviewIDBase)
        try await reviewSubmissions(stores, ids: more)
        try await rushJobs(stores, ids: more)
    }

    /// Each historic quote (accepted, version 1 without lines) gets one analysed translation line
    /// per promise (the first price, and a cost estimated at 45 % of it) and the total of them.
    static func quotedCosts(_ stores: Stores, ids: IdentifierGenerator) async throws {
        let quotes = stores.quoteStores.quotes
        for project in try await stores.quoteStores.projects.list().sorted(by: { $0.id < $1.id }) {
            guard var version = try await quotes.version(project.quoteID, number: 1), version.lines.isEmpty else {
                continue
            }
            let promises = try await stores.quoteStores.projects.promises(of: project.id)
            guard !promises.isEmpty else { continue }
            for promise in promises.sorted(by: { $0.targetLanguage.description < $1.targetLanguage.description }) {
                let first = try await stores.ledger.versions(of: promise.id).first { $0.number == 1 }?.terms.price
                let price = first ?? promise.price
                version.lines.append(
                    QuoteLine(
                        id: ids(),
                        kind: .analysed, targetLanguage: promise.targetLanguage, service: "translation",
                        weightedWords: promise.weightedWords, quantity: promise.weightedWords,
                        unitPrice: Money(Decimal(string: "0.14")!, price.currency), price: price,
                        cost: Money(price.amount * Decimal(string: "0.45")!, .eur).rounded))
            }
            // The quote's total is the sum of its lines, as on any priced quote.
            version.totals.total = Money(
                version.lines.reduce(Decimal(0)) { $0 + $1.price.amount }, version.lines[0].price.currency)
            _ = try await quotes.updateDraft(version)
        }
    }

    /// Last quarter (in the organisation's zone): six rush deals for Samuel's first account, two
    /// targets each, delivered late by a production slip at about 80 % cost.
    static func rushDeals(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let zone = try await stores.organisation.load().timeZone
        let quarter = MetricPeriod.containing(now, kind: .quarter, zone: zone).previous
        let users = try await stores.users.list()
        guard let rep = users.first(where: { $0.email.value == "samuel.sauer@lumen.example" }) else { return }
        let accounts = try await stores.accounts.list(AccountFilter(), after: nil, limit: 500)
            .filter { $0.ownerId == rep.id }.sorted { $0.id < $1.id }
        guard let account = accounts.first,
            let deal = try await stores.pipeline.opportunities.list(OpportunityFilter(accountID: account.id))
                .sorted(by: { $0.id < $1.id }).first
        else { return }
        let pm = users.first { $0.id == account.partnerPmId } ?? users.first { $0.roles.contains(.pm) }!
        var batch = LedgerDemo.Batch()
        for index in 0..<6 {
            let accepted = quarter.from.addingTimeInterval(Double(8 + index * 11) * 86_400 + 10 * 3600)
            let targets = ["de", "ja"]
            let quote = Quote(
                id: ids(),
                number: String(format: "Q-%d-7%03d", LocalDate(accepted, in: TimeZone(identifier: "UTC")!).year, index),
                accountID: account.id, opportunityID: deal.id, status: .accepted,
                validUntil: LocalDate(accepted, in: TimeZone(identifier: "UTC")!).adding(days: 30), currency: .eur,
                createdBy: rep.id, createdAt: accepted.addingTimeInterval(-86_400), statusChangedAt: accepted)
            let prices = targets.map { _ in Money(Decimal(3_000 + index * 250), .eur) }
            let lines = zip(targets, prices).map { target, price in
                QuoteLine(
                    id: ids(), kind: .analysed, targetLanguage: try! LanguageTag(target), service: "translation",
                    weightedWords: 20_000, quantity: 20_000, unitPrice: Money(Decimal(string: "0.15")!, .eur),
                    price: price,
                    cost: Money(price.amount * Decimal(string: "0.45")!, .eur))
            }
            try await stores.quoteStores.quotes.create(
                quote,
                version: QuoteVersion(
                    id: ids(), quoteID: quote.id, number: 1, sourceLanguage: try LanguageTag("en"), targets: [],
                    services: [.translation], lines: lines,
                    totals: QuoteTotals(total: Money(prices.reduce(Decimal(0)) { $0 + $1.amount }, .eur)),
                    createdBy: rep.id, createdAt: quote.createdAt))
            let project = Project(
                id: ids(), quoteID: quote.id, accountID: account.id, opportunityID: deal.id,
                name: "\(deal.name) · rush \(index + 1)", brief: nil, briefStatus: .acknowledged,
                clientReference: "PO-R\(index + 1)", acceptedAt: accepted, optionID: nil, salesOwnerID: rep.id,
                pmID: pm.id, createdAt: accepted)
            try await stores.quoteStores.projects.create(project, promises: [], reservations: [])
            for (target, price) in zip(targets, prices) {
                let id: Promise.ID = ids()
                let promised = accepted.addingTimeInterval(6 * 86_400)
                let delivered = promised.addingTimeInterval(Double(30 + index * 7) * 3600)
                let cost = Money(price.amount * Decimal(string: "0.82")!, .eur)
                var state = PromiseState(marginAtRisk: true, cause: .productionSlip, deliveredAt: delivered)
                state.forecast = PromiseForecast(expectedFinish: delivered, expectedCost: cost)
                batch.promises.append(
                    Promise(
                        id: id, projectID: project.id, targetLanguage: try LanguageTag(target), deliveryDate: promised,
                        price: price, weightedWords: 20_000, services: ["translation"], salesOwnerID: rep.id,
                        pmID: pm.id, status: .broken, version: 1, createdAt: accepted))
                batch.states.append((id, .broken, state))
                batch.deliveries.append(
                    ClientDelivery(
                        id: ids(), promiseID: id, projectID: project.id, deliveredAt: delivered,
                        what: "20,000 words, translated under a rush deadline", recipient: "Client portal", cost: cost,
                        lateCause: .productionSlip, recordedBy: pm.id, recordedAt: delivered))
            }
        }
        try await stores.ledger.addPromises(batch.promises)
        try await stores.ledger.saveStates(batch.states)
        try await stores.ledger.addDeliveries(batch.deliveries)
    }

    static func plans(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        guard let manager = try await stores.users.list().first(where: { $0.roles.contains(.manager) }) else { return }
        func component(_ kind: ComponentKind, _ weight: Int, _ threshold: Int, _ target: Int, _ cap: Int)
            -> PlanComponent
        {
            PlanComponent(
                kind: kind, weight: Decimal(weight), threshold: Decimal(threshold), target: Decimal(target),
                cap: Decimal(cap))
        }
        try await stores.goals.plans.create(
            IncentivePlan(
                id: ids(), name: "Revenue commission", roles: [.sales], targetBonus: Money(3_000, .eur),
                components: [component(.bookedRevenue, 100, 20_000, 40_000, 120_000)], createdBy: manager.id,
                createdAt: now))
        try await stores.goals.plans.create(
            IncentivePlan(
                id: ids(), name: "Shared delivery plan", roles: [.sales, .pm], targetBonus: Money(3_000, .eur),
                components: [
                    component(.deliveredMargin, 60, 8_000, 20_000, 40_000),
                    component(.promisesKept, 40, 10, 25, 40),
                ], createdBy: manager.id, createdAt: now))
    }
}
