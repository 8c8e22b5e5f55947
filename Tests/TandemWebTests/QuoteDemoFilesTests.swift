import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor

@testable import TandemWeb

/// The demo quotes (`demo.v2.quotes`): analysed from a 324-unit catalogue, so their prices are
/// above the cards' minimum charges, and their files are kept (under the data directory with
/// `serve --demo`), so a demo quote can be analysed again.
@Suite("Demo quotes: real-sized files, kept")
struct QuoteDemoFilesTests {
    @Test func theCatalogueIsDeterministicWithRepetitions() {
        #expect(QuoteDemoFiles.catalogue == QuoteDemoFiles.catalogue)
        #expect(QuoteDemoFiles.catalogue.components(separatedBy: "<trans-unit ").count - 1 == 324)
        #expect(QuoteDemoFiles.catalogue.contains("Our linen shirt is made in Europe from certified materials."))
    }

    @Test func demoQuotesArePricedAboveTheMinimumAndCanBeAnalysedAgain() async throws {
        try await withTandem { app, clock in
            try await DemoSeed.run(
                on: app.db, hasher: app.password.async, clock: { clock.now }, files: app.quoteFiles)
            let store = app.stores.quoteStores.quotes
            let quotes = try await store.list(QuoteFilter())
            var priced = 0
            var aboveMinimum = 0
            for quote in quotes {
                guard let version = try await store.version(quote.id, number: quote.currentVersion),
                    version.lines.contains(where: { $0.kind == .analysed && $0.weightedWords > 0 })
                else { continue }
                priced += 1
                // The demo cards' minimum charges are 40 to 150 per target.
                if version.totals.total.amount > 150 { aboveMinimum += 1 }
            }
            #expect(priced >= 50)
            #expect(aboveMinimum * 10 >= priced * 9, "\(aboveMinimum) of \(priced)")

            // A draft demo quote is analysed again from its kept files.
            let draft = try #require(quotes.first { $0.status == .draft })
            let manager = try #require(try await app.stores.users.list().first { $0.roles.contains(.manager) })
            let env = app.appEnvironment
            let analysis = try await QuoteManagement(env, capacity: app.capacity).reanalyse(draft.id, by: manager)
            var status: QuoteAnalysis.Status?
            var job: BackgroundJob?
            for _ in 0..<50 {
                job = try await app.jobWorker.runOnce() ?? job
                status = try await app.stores.quoteStores.analyses.find(id: analysis.id)?.status
                if status == .done || status == .failed { break }
            }
            #expect(status == .done, "\(String(describing: job))")
        }
    }
}
