import Foundation
import TandemApp
import TandemDomain
import Testing

/// Lead to won leaves out a project accepted before its opportunity was created (past work
/// linked to a deal opened later): no negative lead times, in the figure and its drill-down alike.
@Suite("Lead to won and linked history")
struct LeadTimeHistoryTests {
    @Test func aProjectAcceptedBeforeItsDealWasCreatedHasNoLeadTime() async throws {
        try await GoalsWorld.run { w in
            let env = w.env
            let acme = try #require(
                try await env.stores.accounts.list(AccountFilter(), after: nil, limit: 50).first { $0.name == "Acme" })
            // Opened on 18 November, linked to work accepted on 8 October.
            let later = try await OpportunityManagement(env).create(
                .init(
                    accountID: acme.id.description, name: "Acme framework", sourceLanguage: "en",
                    targetLanguages: ["fr"], services: ["translation"], amount: "1000.00", currency: "EUR",
                    closeDate: "2026-12-15"), by: w.repA)
            let accepted = GoalsWorld.day("2026-10-08")
            let quote = Quote(
                id: env.ids(), number: "Q-2026-0990", accountID: acme.id, opportunityID: later.id, status: .accepted,
                validUntil: try LocalDate(iso: "2026-12-31"), currency: .eur, createdBy: w.repA.id,
                createdAt: accepted, statusChangedAt: accepted)
            try await env.stores.quoteStores.quotes.create(
                quote,
                version: QuoteVersion(
                    id: env.ids(), quoteID: quote.id, number: 1, sourceLanguage: try LanguageTag("en"), targets: [],
                    services: [.translation], totals: QuoteTotals(total: Money(0, .eur)), createdBy: w.repA.id,
                    createdAt: accepted))
            try await env.stores.quoteStores.projects.create(
                Project(
                    id: env.ids(), quoteID: quote.id, accountID: acme.id, opportunityID: later.id,
                    name: "Linked history",
                    brief: nil, clientReference: "PO-H", acceptedAt: accepted, optionID: nil, salesOwnerID: w.repA.id,
                    pmID: w.pm.id, createdAt: accepted), promises: [], reservations: [])

            let period = try await w.scorecards.period(GoalsWorld.october)
            let team = try #require(try await w.scorecards.rows(.team, period: period, for: w.manager).first)
            // As before: 25 and 40 days for the projects whose deals came first.
            #expect(team.metrics.leadToWonDays == Decimal(string: "32.5"))
            let rows = try await w.scorecards.drillDown(
                .leadToWonDays, subject: .team, subjectID: "all", period: period, for: w.manager)
            #expect(rows.count == 2)
            #expect(!rows.map(\.label).contains("Linked history"))
        }
    }
}
