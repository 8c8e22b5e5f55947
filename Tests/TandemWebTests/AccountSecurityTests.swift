import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Security: password resets by an admin and password length")
struct AccountSecurityTests {
    @Test func anAdminsPasswordResetEndsSessionsTokensAndLinks() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let pm = try await makeUser(app, "pm@lumen.example", roles: [.pm])
            var pmBrowser = Browser(app)
            _ = try await pmBrowser.signIn("pm@lumen.example")
            let created = try await pmBrowser.submit("/settings/profile/tokens", ["name": "laptop"])
            let secret = try #require(created.body.string.firstMatch(of: /tdm_[A-Za-z0-9]+/)).output
            let bearer: HTTPHeaders = ["Authorization": "Bearer \(secret)"]
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer).status == .ok)

            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let invited = try await admin.submit("/settings/users/\(pm.id)", to: "/settings/users/\(pm.id)/invite", [:])
            let link = try #require(invited.body.string.firstMatch(of: /\/invite\/[A-Za-z0-9]+/)).output
            let reset = try await admin.submit(
                "/settings/users/\(pm.id)",
                ["displayName": "Pm", "email": "pm@lumen.example", "roles": "pm", "password": "a brand new secret"])
            #expect(reset.location == "/settings/users")

            #expect(try await pmBrowser.get("/").status == .seeOther, "the old session still works")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer).status == .unauthorized)
            var stranger = Browser(app)
            #expect(try await stranger.get(String(link)).status == .notFound, "the pending link still works")
            var fresh = Browser(app)
            #expect(try await fresh.signIn("pm@lumen.example", password: "a brand new secret").status == .seeOther)
        }
    }

    @Test func passwordsLongerThanBcryptReadsAreRefused() throws {
        #expect(throws: Never.self) { try PasswordRules.validate(String(repeating: "a", count: 72)) }
        #expect(throws: DomainError.self) { try PasswordRules.validate(String(repeating: "a", count: 73)) }
        // 37 × "é" is 74 bytes though only 37 characters.
        #expect(throws: DomainError.self) { try PasswordRules.validate(String(repeating: "é", count: 37)) }
    }

    @Test func theProfileSaysWhyALongPasswordIsRefused() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            _ = try await browser.signIn("ada@lumen.example")
            let long = String(repeating: "ü", count: 40)
            let response = try await browser.submit(
                "/settings/profile",
                ["currentPassword": "correct horse", "newPassword": long, "newPasswordConfirmation": long])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Use at most 72 bytes"))
        }
    }
}

@Suite("The console's reset link")
struct ResetLinkCommandTests {
    @Test func theLinkLetsALockedOutAdminChooseANewPassword() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let link = try await app.resetLink(for: " Admin@Lumen.example ")
            let path = String(try #require(link.firstMatch(of: /\/invite\/[A-Za-z0-9]+$/)).output)
            var browser = Browser(app)
            let done = try await browser.submit(
                path, ["password": "a fresh admin secret", "passwordConfirmation": "a fresh admin secret"])
            #expect(done.status == .seeOther)
            var fresh = Browser(app)
            #expect(try await fresh.signIn("admin@lumen.example", password: "a fresh admin secret").status == .seeOther)
        }
    }

    @Test func unknownAndDeactivatedAddressesGetNoLink() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "gone@lumen.example", roles: [.admin], active: false)
            for address in ["nobody@lumen.example", "gone@lumen.example"] {
                await #expect(throws: DomainError.userNotFound) { _ = try await app.resetLink(for: address) }
            }
            await #expect(throws: DomainError.self) { _ = try await app.resetLink(for: "not an address") }
        }
    }
}
