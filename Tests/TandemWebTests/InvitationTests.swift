import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Invitations and reset links")
struct InvitationTests {
    static func link(in html: String) throws -> String {
        let range = try #require(html.range(of: #"/invite/[A-Za-z0-9]{40}"#, options: .regularExpression))
        return String(html[range])
    }

    /// An admin signs in and invites Noor (no password); returns the invitation link's path.
    static func inviteNoor(_ app: Application) async throws -> String {
        try await makeUser(app, "admin@lumen.example", roles: [.admin])
        var admin = Browser(app)
        _ = try await admin.signIn("admin@lumen.example")
        let created = try await admin.submit(
            "/settings/users/new", ["displayName": "Noor Haddad", "email": "noor@lumen.example", "roles[]": "sales"])
        #expect(created.status == .created)
        return try link(in: created.body.string)
    }

    @Test func anInvitedUserIsListedAsInvitedAndCannotSignInYet() async throws {
        try await withTandem { app, _ in
            _ = try await Self.inviteNoor(app)
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            #expect(try await admin.get("/settings/users").body.string.contains("Invited"))
            var noor = Browser(app)
            #expect(try await noor.signIn("noor@lumen.example", password: "").status == .unauthorized)
        }
    }

    @Test func anInvitedUserChoosesTheirOwnPassword() async throws {
        try await withTandem { app, _ in
            let path = try await Self.inviteNoor(app)
            var noor = Browser(app)
            let set = try await noor.submit(
                path, ["password": "my own password", "passwordConfirmation": "my own password"])
            #expect(set.status == .seeOther)
            #expect(try await noor.get("/").body.string.contains("Your password is set."))
            var again = Browser(app)
            #expect(try await again.signIn("noor@lumen.example", password: "my own password").status == .seeOther)
        }
    }

    @Test func aWeakPasswordIsRefusedOnTheInvitationPage() async throws {
        try await withTandem { app, _ in
            let path = try await Self.inviteNoor(app)
            var noor = Browser(app)
            let weak = try await noor.submit(path, ["password": "short", "passwordConfirmation": "short"])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("Use at least 10 characters."))
            #expect(try await noor.get(path).status == .ok)  // the link still works
        }
    }

    @Test func anInvitationLinkWorksOnce() async throws {
        try await withTandem { app, _ in
            let path = try await Self.inviteNoor(app)
            var noor = Browser(app)
            let set = try await noor.submit(
                path, ["password": "my own password", "passwordConfirmation": "my own password"])
            #expect(set.status == .seeOther)
            var again = Browser(app)
            #expect(try await again.get(path).status == .notFound)
        }
    }

    @Test func aNewResetLinkReplacesTheOldOneAndEndsSessions() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let pm = try await makeUser(app, "pm@lumen.example", roles: [.pm])
            var pmBrowser = Browser(app)
            _ = try await pmBrowser.signIn("pm@lumen.example")
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let first = try Self.link(
                in: try await admin.submit("/settings/users/\(pm.id)", to: "/settings/users/\(pm.id)/invite", [:]).body
                    .string)
            let second = try Self.link(
                in: try await admin.submit("/settings/users/\(pm.id)", to: "/settings/users/\(pm.id)/invite", [:]).body
                    .string)
            var visitor = Browser(app)
            #expect(try await visitor.get(first).status == .notFound)
            #expect(
                try await visitor.submit(
                    second, ["password": "reset password", "passwordConfirmation": "reset password"]
                ).status == .seeOther)
            #expect(try await pmBrowser.get("/").status == .seeOther)  // the old session ended
        }
    }

    @Test func linksExpireAfterAWeek() async throws {
        try await withTandem { app, clock in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let late = try Self.link(
                in: try await admin.submit(
                    "/settings/users/new", ["displayName": "Late", "email": "late@lumen.example", "roles[]": "pm"]
                ).body.string)
            var visitor = Browser(app)
            #expect(try await visitor.get(late).status == .ok)
            clock.advance(by: 8 * 24 * 3600)
            #expect(try await visitor.get(late).status == .notFound)
        }
    }

    @Test func linksDieWithDeactivation() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let gone = try await admin.submit(
                "/settings/users/new", ["displayName": "Gone", "email": "gone@lumen.example", "roles[]": "pm"])
            let goneLink = try Self.link(in: gone.body.string)
            let goneUser = try #require(
                try await app.stores.users.find(email: try EmailAddress("gone@lumen.example")))
            let deactivated = try await admin.submit(
                "/settings/users/\(goneUser.id)", to: "/settings/users/\(goneUser.id)/deactivate", [:])
            #expect(deactivated.status == .seeOther)
            var visitor = Browser(app)
            #expect(try await visitor.get(goneLink).status == .notFound)
        }
    }
}
