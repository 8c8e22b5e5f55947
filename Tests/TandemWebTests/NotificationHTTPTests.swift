import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The inbox page, the shell's badge and `/api/v1/notifications`: one's own inbox only.
@Suite("Notifications over HTTP")
struct NotificationHTTPTests {
    static let quote = RecordSubject(
        kind: .init(rawValue: "quote"), id: UUID(uuidString: "00000000-0000-0000-0000-00000000f001")!)

    /// Sofia gets a decision and an acceptance from Paula; Paula gets nothing.
    static func seed(_ app: Application) async throws -> (sofia: User, paula: User) {
        let sofia = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
        let paula = try await makeUser(app, "paula@lumen.example", roles: [.pm])
        let notifications = Notifications(app.appEnvironment)
        try await notifications.notify(
            [sofia.id], kind: .reviewDecided, subject: quote, actor: paula.id, label: "Q-2026-0007 · Nordlicht",
            note: "Later date: the German reviewer is away")
        try await notifications.notify(
            [sofia.id], kind: .quoteAccepted, subject: quote, actor: paula.id, label: "Q-2026-0007 · Nordlicht")
        return (sofia, paula)
    }

    @Test func theApiListsOnlyTheCallersOwnAndMarksThemRead() async throws {
        try await withTandem { app, clock in
            _ = try await Self.seed(app)
            let sofia = try await APITests().token(app, for: "sofia@lumen.example")
            let paula = try await APITests().token(app, for: "paula@lumen.example")
            var client = Browser(app)
            let list = try await client.request(
                .GET, "/api/v1/notifications?limit=1", headers: APITests().bearer(sofia))
            #expect(list.status == .ok)
            let body = try list.json()
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.count == 1 && body["nextCursor"] is String)
            let first = items[0]
            #expect(first["kind"] as? String == "quote-accepted" || first["kind"] as? String == "review-decided")
            #expect((first["subject"] as? [String: String])?["kind"] == "quote")
            #expect((first["text"] as? String)?.contains("Q-2026-0007 · Nordlicht") == true)
            #expect(first["readAt"] is NSNull)
            let count = try await client.request(
                .GET, "/api/v1/notifications/unread-count", headers: APITests().bearer(sofia))
            #expect(try count.json()["unread"] as? Int == 2)
            let id = try #require(first["id"] as? String)
            let othersRead = try await client.request(
                .POST, "/api/v1/notifications/\(id)/read", headers: APITests().bearer(paula))
            #expect(othersRead.status == .notFound)
            clock.advance(by: 60)
            let read = try await client.request(
                .POST, "/api/v1/notifications/\(id)/read", headers: APITests().bearer(sofia))
            #expect(read.status == .ok)
            #expect(try read.json()["readAt"] is String)
            let unread = try await client.request(
                .GET, "/api/v1/notifications?unread=true", headers: APITests().bearer(sofia))
            #expect((try unread.json()["items"] as? [Any])?.count == 1)
            let all = try await client.request(
                .POST, "/api/v1/notifications/read-all", headers: APITests().bearer(sofia))
            #expect(try all.json()["marked"] as? Int == 1)
            let paulas = try await client.request(.GET, "/api/v1/notifications", headers: APITests().bearer(paula))
            #expect((try paulas.json()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func badInputNamesTheFieldAndStrangersGet401() async throws {
        try await withTandem { app, _ in
            _ = try await Self.seed(app)
            let sofia = try await APITests().token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let bad = try await client.request(
                .GET, "/api/v1/notifications?unread=maybe&limit=0", headers: APITests().bearer(sofia))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["limit", "unread"])
            let badID = try await client.request(
                .POST, "/api/v1/notifications/not-a-uuid/read", headers: APITests().bearer(sofia))
            #expect(badID.status == .notFound)
            #expect(try await client.request(.GET, "/api/v1/notifications").status == .unauthorized)
            #expect(try await client.request(.POST, "/api/v1/notifications/read-all").status == .unauthorized)
        }
    }

    @Test(arguments: [("en", "Paula"), ("fr", "Paula")])
    func theInboxShowsTheBadgeAndOpeningOneGoesToItsRecord(language: String, actor: String) async throws {
        try await withTandem { app, _ in
            _ = try await Self.seed(app)
            var browser = Browser(app, language: language)
            _ = try await browser.signIn("sofia@lumen.example")
            let dashboard = try await browser.get("/")
            #expect(dashboard.body.string.contains(#"<span class="inbox-count" aria-hidden="true">2</span>"#))
            let inbox = try await browser.get("/notifications")
            let html = inbox.body.string
            #expect(inbox.status == .ok)
            #expect(html.contains("Q-2026-0007 · Nordlicht"))
            #expect(html.contains("Later date: the German reviewer is away"))
            #expect(html.contains(language == "fr" ? "Tout marquer comme lu" : "Mark all as read"))
            let action = try #require(
                html.range(of: #"/notifications/[0-9a-f-]{36}/read"#, options: .regularExpression).map {
                    String(html[$0])
                })
            let opened = try await browser.request(
                .POST, action, form: ["_csrf": Browser.csrf(in: html)])
            #expect(opened.status == .seeOther && opened.location == "/quotes/\(Self.quote.id.uuidString.lowercased())")
            let after = try await browser.get("/notifications?unread=true")
            #expect(after.body.string.contains(#"<span class="inbox-count" aria-hidden="true">1</span>"#))
            let readAll = try await browser.submit("/notifications", to: "/notifications/read-all", [:])
            #expect(readAll.status == .seeOther)
            let empty = try await browser.get("/notifications?unread=true")
            #expect(!empty.body.string.contains(#"class="inbox-count""#))
            #expect(empty.body.string.contains(language == "fr" ? "Vous avez tout lu." : "You have read everything."))
        }
    }

    @Test func aPageWithoutCsrfCannotMarkAnythingRead() async throws {
        try await withTandem { app, _ in
            _ = try await Self.seed(app)
            var browser = Browser(app)
            _ = try await browser.signIn("sofia@lumen.example")
            let response = try await browser.request(.POST, "/notifications/read-all", form: [:])
            #expect(response.status == .forbidden)
            #expect(
                try await Notifications(app.appEnvironment).unreadCount(
                    for: try #require(
                        try await app.stores.users.find(email: EmailAddress("sofia@lumen.example")))) == 2)
        }
    }
}
