import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// A sales rep, a PM, a vendor manager, a French client with an opportunity and one analysed
/// quote, made through the use cases on the test app's database.
struct QuoteWebFixture {
    var app: Application
    var rep: User
    var pm: User
    var account: Account
    var opportunity: Opportunity
    var quote: Quote

    static func make(_ app: Application, country: String = "FR") async throws -> QuoteWebFixture {
        let env = app.appEnvironment
        let rep = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
        let pm = try await makeUser(app, "paula@lumen.example", roles: [.pm])
        try await makeUser(app, "victor@lumen.example", roles: [.vendorManager])
        var input = AccountInput(name: "Maison Lumière", currency: "EUR")
        input.partnerPmId = pm.id.description
        input.country = country
        input.billingAddress = "12 rue des Lilas\n69003 Lyon"
        let account = try await AccountManagement(env).create(input, by: rep, confirmDuplicate: true)
        let opportunity = try await OpportunityManagement(env).create(
            .init(
                accountID: account.id.description, name: "Catalogue 2027", sourceLanguage: "en",
                targetLanguages: ["fr", "de"], services: ["translation"], amount: "5000.00", currency: "EUR",
                closeDate: "2026-12-15"), by: rep)
        let quote = try await QuoteManagement(env).create(
            .init(
                opportunityID: opportunity.id.description, deadline: "2026-11-27T17:00:00Z",
                services: ["translation"]), by: rep
        ).0
        let fixture = QuoteWebFixture(
            app: app, rep: rep, pm: pm, account: account, opportunity: opportunity, quote: quote)
        try await fixture.analyse()
        return fixture
    }

    /// A finished analysis of one file (the same bands for both targets), then a re-price.
    func analyse() async throws {
        let env = app.appEnvironment
        let file = QuoteFile(
            id: env.ids(), quoteID: quote.id, kind: .document, name: "catalogue.xlf", size: 100, uploadedBy: rep.id,
            uploadedAt: env.now)
        try await env.stores.quoteStores.files.add(file)
        let bands: BandCounts = [
            "new": BandCount(segments: 200, words: 2000), "100": BandCount(segments: 100, words: 1000),
        ]
        let analysis = QuoteAnalysis(
            id: env.ids(), quoteID: quote.id, status: .done, progress: 1,
            files: try ["fr", "de"].map {
                FileAnalysis(fileID: file.id, name: file.name, targetLanguage: try LanguageTag($0), bands: bands)
            }, createdAt: env.now, finishedAt: env.now)
        try await env.stores.quoteStores.analyses.create(analysis)
        _ = try await QuoteManagement(env).refresh(quote.id)
    }

    var id: String { quote.id.description }
}
