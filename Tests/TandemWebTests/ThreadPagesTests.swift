import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The thread pages: the panel on a record's page, posting, editing, following, the timeline,
/// the digest and the preferences on the profile page.
@Suite("Thread pages")
struct ThreadPagesTests {
    @Test func aCommentPostedOnTheAccountPageShowsThereAndEditsKeepHistory() async throws {
        try await withTandem { app, clock in
            let sofia = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            _ = try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let account = try await AccountManagement(app.appEnvironment).create(
                AccountInput(name: "Nordhaven Medical", currency: "EUR"), by: sofia, confirmDuplicate: true)
            var browser = Browser(app)
            _ = try await browser.signIn("sofia@lumen.example")
            let page = "/accounts/\(account.id)"
            let empty = try await browser.get(page)
            #expect(empty.body.string.contains("id=\"thread\""))
            #expect(empty.body.string.contains("/threads/account/\(account.id)/mentions"))
            let blank = try await browser.submit(page, to: "/threads/account/\(account.id)/comments", ["body": " "])
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.body.string.contains("field-error"))
            let posted = try await browser.submit(
                page, to: "/threads/account/\(account.id)/comments",
                ["body": "**Kick-off** with @paula <script>x()</script>"])
            #expect(posted.status == .seeOther)
            let shown = try await browser.get(page)
            #expect(shown.body.string.contains("<strong>Kick-off</strong>"))
            #expect(shown.body.string.contains("class=\"mention\""))
            #expect(!shown.body.string.contains("<script>x()"))
            let editHref = try #require(
                shown.body.string.range(of: #"/comments/[0-9a-f-]{36}/edit"#, options: .regularExpression)
                    .map { String(shown.body.string[$0]) })
            clock.advance(by: 60)
            let saved = try await browser.submit(editHref, ["body": "Kick-off moved to Tuesday", "version": "1"])
            #expect(saved.status == .seeOther)
            let stale = try await browser.submit(editHref, ["body": "Kick-off on Wednesday", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Kick-off on Wednesday"))
            #expect(stale.body.string.contains("**Kick-off** with @paula"))
            let timeline = try await browser.get("/threads/account/\(account.id)/timeline")
            #expect(timeline.status == .ok && timeline.body.string.contains("Kick-off moved to Tuesday"))
            let people = try await browser.get("/threads/account/\(account.id)/mentions?q=pa")
            #expect(people.body.string.contains("\"handle\":\"paula\""))
        }
    }

    @Test func preferencesOnTheProfileFeedTheDigestPage() async throws {
        try await withTandem { app, _ in
            let sofia = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            _ = try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let account = try await AccountManagement(app.appEnvironment).create(
                AccountInput(name: "Nordhaven Medical", currency: "EUR"), by: sofia, confirmDuplicate: true)
            var paula = Browser(app, language: "fr")
            _ = try await paula.signIn("paula@lumen.example")
            let profile = try await paula.get("/settings/profile")
            #expect(profile.body.string.contains("id=\"notification-preferences\""))
            let saved = try await paula.submit(
                "/settings/profile", to: "/settings/profile/notifications",
                ["inApp.reply": "on", "digest.mention": "on", "inApp.followed": "on"])
            #expect(saved.status == .seeOther)
            _ = try await Threads(app.appEnvironment, directory: ThreadRuntime.directory).post(
                on: .account(account.id), body: "@paula the NDA is signed", by: sofia)
            let digest = try await paula.get("/digest")
            #expect(digest.status == .ok)
            #expect(digest.body.string.contains("Nordhaven Medical"))
            #expect(digest.body.string.contains("vous a mentionné"))
            let inbox = try await Notifications(app.appEnvironment).unreadCount(
                for: try #require(try await app.stores.users.find(email: EmailAddress("paula@lumen.example"))))
            #expect(inbox == 0)
        }
    }
}
