import AsyncHTTPClient
import Foundation
import NIOCore
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Live notifications: server-sent events behind the sign-in cookie, one broadcaster.
@Suite("Live notifications over server-sent events")
struct ThreadsLiveTests {
    /// Reads a stream's text as it arrives, until `stop` says so or the time is up.
    final class Reader: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) {
            lock.lock()
            text += s
            lock.unlock()
        }
        var received: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    static func open(_ client: LiveClient, cookie: String, into reader: Reader) -> Task<Void, Never> {
        Task {
            var request = HTTPClientRequest(url: client.base + "/notifications/stream")
            request.headers.add(name: .cookie, value: cookie)
            request.headers.add(name: .accept, value: "text/event-stream")
            guard let response = try? await client.http.execute(request, timeout: .seconds(30)) else { return }
            reader.append("status: \(response.status.code)\n")
            do {
                for try await buffer in response.body { reader.append(String(buffer: buffer)) }
            } catch {}
        }
    }

    static func cookie(_ app: Application, _ email: String) async throws -> String {
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        return browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    static func wait(_ seconds: Double, until done: () -> Bool) async throws {
        let end = Date().addingTimeInterval(seconds)
        while !done(), Date() < end { try await Task.sleep(nanoseconds: 50_000_000) }
    }

    @Test func aMentionReachesBothOfTheRepsOpenPagesAndNotAnotherUsers() async throws {
        try await withTandem { app, _ in
            let sofia = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            _ = try await makeUser(app, "paula@lumen.example", roles: [.pm])
            _ = try await makeUser(app, "marco@lumen.example", roles: [.sales])
            let account = try await AccountManagement(app.appEnvironment).create(
                AccountInput(name: "Nordhaven Medical", currency: "EUR"), by: sofia, confirmDuplicate: true)
            let sofiaCookie = try await Self.cookie(app, "sofia@lumen.example")
            let sofiaCookie2 = try await Self.cookie(app, "sofia@lumen.example")
            let marcoCookie = try await Self.cookie(app, "marco@lumen.example")
            let paulaToken = try await APITests().token(app, for: "paula@lumen.example")
            try await withLiveServer(app) { client in
                let readers = [Reader(), Reader(), Reader()]
                let tasks = [
                    Self.open(client, cookie: sofiaCookie, into: readers[0]),
                    Self.open(client, cookie: sofiaCookie2, into: readers[1]),
                    Self.open(client, cookie: marcoCookie, into: readers[2]),
                ]
                try await Self.wait(10) { readers.allSatisfy { $0.received.contains("event: count") } }
                #expect(readers.allSatisfy { $0.received.contains("status: 200") })
                #expect(await app.notificationBroadcaster?.openStreams == 3)
                var request = HTTPClientRequest(url: client.base + "/api/v1/threads/account/\(account.id)/comments")
                request.method = .POST
                request.headers.add(name: .authorization, value: "Bearer \(paulaToken)")
                request.headers.add(name: .contentType, value: "application/json")
                request.body = .bytes(ByteBuffer(string: #"{"body": "@sofia the client wants a call"}"#))
                let posted = try await client.http.execute(request, timeout: .seconds(30))
                #expect(posted.status == .created)
                try await Self.wait(10) { readers[0...1].allSatisfy { $0.received.contains("event: notification") } }
                for reader in readers[0...1] {
                    #expect(reader.received.contains("event: notification"))
                    #expect(reader.received.contains(#""kind":"mention""#))
                    #expect(reader.received.contains(#""unreadCount":1"#))
                    #expect(reader.received.contains("Nordhaven Medical"))
                }
                #expect(!readers[2].received.contains("event: notification"))
                for task in tasks { task.cancel() }
            }
        }
    }

    @Test func theStreamNeedsTheSignInAndTheTickReportsCountsChangedElsewhere() async throws {
        try await withTandem { app, _ in
            let sofia = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            var anonymous = Browser(app)
            let refused = try await anonymous.get("/notifications/stream")
            #expect(refused.status == .seeOther || refused.status == .unauthorized)
            let broadcaster = NotificationBroadcaster(tick: 60)
            let (_, stream) = await broadcaster.subscribe(sofia.id, unread: 0) { n, _ in
                .init(
                    id: n.id.description, kind: n.kind.rawValue, recordType: "", recordId: "", createdAt: n.createdAt,
                    read: false, text: "", href: nil)
            }
            await broadcaster.tickOnce { _ in 0 }
            await broadcaster.tickOnce { _ in 4 }
            await broadcaster.stop()
            var events: [String] = []
            for await text in stream { events.append(text) }
            #expect(events.count == 3)
            #expect(events[0].contains("retry: 3000") && events[0].contains(#""unreadCount":0"#))
            #expect(events[1] == ": keep-alive\n\n")
            #expect(events[2].contains("event: count") && events[2].contains(#""unreadCount":4"#))
        }
    }
}
