import AsyncHTTPClient
import Foundation
import NIOCore
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Notifications written inside another feature's transaction reach open pages once it commits,
/// not at the next keep-alive tick (docs/collaboration.md, "Live updates").
@Suite("Live notifications after the commit")
struct LiveAfterCommitTests {
    static func cookie(_ app: Application, _ email: String) async throws -> String {
        var browser = Browser(app)
        _ = try await browser.signIn(email, password: DemoSeed.password)
        return browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// Reads `chunks` until the text holds `marker` (or the stream ends).
    static func read(
        _ chunks: inout AsyncStream<String>.Iterator, into text: inout String, until marker: String
    ) async {
        while !text.contains(marker) {
            guard let chunk = await chunks.next() else { return }
            text += chunk
        }
    }

    @Test func aReviewDecisionReachesTheRepsOpenPageWithinASecond() async throws {
        // The tick is far away: only the publication after the commit can deliver it in time.
        try await withDemoTandem(configure: { $0.liveTickSeconds = 300 }) { app, _ in
            let quote = try #require(
                try await app.stores.quoteStores.quotes.list(QuoteFilter(statuses: [.inReview])).first)
            let rep = try #require(try await app.stores.users.find(id: quote.createdBy))
            let repCookie = try await Self.cookie(app, rep.email.value)
            var pm = Browser(app)
            _ = try await pm.signIn("paula.project@lumen.example", password: DemoSeed.password)
            let token = try await ThreadsEveryRecordTests.token(&pm)
            try await withLiveServer(app) { client in
                let (stream, continuation) = AsyncStream<String>.makeStream()
                let reading = Task {
                    var request = HTTPClientRequest(url: client.base + "/notifications/stream")
                    request.headers.add(name: .cookie, value: repCookie)
                    request.headers.add(name: .accept, value: "text/event-stream")
                    if let response = try? await client.http.execute(request, timeout: .seconds(30)) {
                        do {
                            for try await buffer in response.body { continuation.yield(String(buffer: buffer)) }
                        } catch {}
                    }
                    continuation.finish()
                }
                var chunks = stream.makeAsyncIterator()
                var text = ""
                await Self.read(&chunks, into: &text, until: "event: count")
                #expect(text.contains("event: count"))
                var request = HTTPClientRequest(url: client.base + "/api/v1/quotes/\(quote.id)/review")
                request.method = .POST
                request.headers.add(name: .authorization, value: "Bearer \(token)")
                request.headers.add(name: .contentType, value: "application/json")
                request.body = .bytes(
                    ByteBuffer(
                        string: #"{"decision": "reject", "reason": "The IT delivery date ignores the holiday."}"#))
                let decided = try await client.http.execute(request, timeout: .seconds(30))
                #expect(decided.status == .ok)
                let clock = ContinuousClock()
                let start = clock.now
                await Self.read(&chunks, into: &text, until: "event: notification")
                let waited = clock.now - start
                #expect(text.contains("event: notification"))
                #expect(text.contains(#""kind":"review-decided""#))
                #expect(text.contains(quote.number))
                #expect(waited < .seconds(1), "the notification took \(waited)")
                reading.cancel()
            }
        }
    }

    @Test func workQueuedInsideATransactionWaitsForItsCommitAndIsDroppedOnFailure() async throws {
        try await withTandem { app, _ in
            let log = Log()
            let stores = app.stores
            try await stores.transaction { tx in
                await AfterCommit.run { await log.add("committed") }
                // A nested transaction joins the outer one and its work waits for the outer commit.
                try await tx.transaction { _ in await AfterCommit.run { await log.add("nested") } }
                #expect(await log.lines.isEmpty)
            }
            #expect(await log.lines == ["committed", "nested"])
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await stores.transaction { _ in
                    await AfterCommit.run { await log.add("rolled back") }
                    throw Refused()
                }
            }
            #expect(await log.lines == ["committed", "nested"])
            await AfterCommit.run { await log.add("outside") }
            #expect(await log.lines.last == "outside")
        }
    }

    actor Log {
        var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
    }
}
