import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Quote expiry runs on a timer in the running server, not only at start, and stops with the app
/// (docs/quotes.md, "The background queue").
@Suite("Quote expiry timer")
struct QuoteExpiryTimerTests {
    let quotes = QuoteAPITests()

    @Test func aQuotePastItsValidityExpiresWhileTheServerRunsAndTheTimerStopsWithTheApp() async throws {
        try await quotes.withWorld(configure: { $0.quoteExpirySeconds = 1 }) { world in
            let app = world.app
            let id = try await quotes.create(world)
            // The server runs (the handler `serve` boots; tests' requests boot without it): the first
            // run, at start, finds nothing to expire.
            try await JobWorkerLifecycle().didBootAsync(app)
            #expect(await app.quoteExpiry.isRunning)
            let quoteID = try #require(Quote.ID(uuidString: id))
            let first = try await waitForRuns(app, atLeast: 1)
            #expect(try await app.stores.quoteStores.quotes.find(id: quoteID)?.status == .draft)

            // Its validity ends while the server runs; the next run expires it without a restart.
            try await app.stores.quoteStores.quotes.setValidUntil(
                quoteID, LocalDate(app.tandem.clock().addingTimeInterval(-86_400), in: TimeZone(identifier: "UTC")!),
                at: app.tandem.clock())
            _ = try await waitForRuns(app, atLeast: first + 1)
            #expect(try await app.stores.quoteStores.quotes.find(id: quoteID)?.status == .expired)

            // Stopping waits for a run in progress; no run happens after it (the database closes next).
            await JobWorkerLifecycle().shutdownAsync(app)
            let stopped = await app.quoteExpiry.runs
            try await Task.sleep(for: .milliseconds(1500))
            #expect(await app.quoteExpiry.runs == stopped)
            #expect(await !app.quoteExpiry.isRunning)
        }
    }

    func waitForRuns(_ app: Application, atLeast count: Int) async throws -> Int {
        for _ in 0..<100 {
            let runs = await app.quoteExpiry.runs
            if runs >= count { return runs }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the expiry timer did not run \(count) time(s)")
        return await app.quoteExpiry.runs
    }
}
