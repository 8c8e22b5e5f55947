import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Sign-in, sessions and CSRF")
struct AuthTests {
    @Test func healthAnswersWithARequestID() async throws {
        try await withTandem { app, _ in
            var browser = Browser(app)
            let health = try await browser.get("/health")
            #expect(health.status == .ok)
            #expect(health.body.string.contains("\"ok\""))
            #expect(health.headers.first(name: "X-Request-ID")?.isEmpty == false)
        }
    }

    @Test func readinessReportsTheDatabase() async throws {
        try await withTandem { app, _ in
            var browser = Browser(app)
            let ready = try await browser.get("/ready")
            #expect(ready.status == .ok)
            #expect(ready.body.string.contains("\"database\":\"ok\""))
        }
    }

    @Test func pagesNeedASignIn() async throws {
        try await withTandem { app, _ in
            var browser = Browser(app)
            let response = try await browser.get("/settings/users")
            #expect(response.status == .seeOther)
            #expect(response.location == "/login?next=%2Fsettings%2Fusers")
        }
    }

    @Test func rightPasswordSignsInAndComesBack() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.admin])
            var browser = Browser(app)
            let response = try await browser.submit(
                "/login", ["email": "ADA@lumen.example", "password": "correct horse", "next": "/settings/users"])
            #expect(response.status == .seeOther)
            #expect(response.location == "/settings/users")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("tandem_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let page = try await browser.get("/settings/users")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("ada@lumen.example"))
        }
    }

    @Test func wrongPasswordIsRefusedAndKeepsTheAddress() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.admin])
            var browser = Browser(app)
            let response = try await browser.signIn("ada@lumen.example", password: "wrong password")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("The e-mail address or password is not correct."))
            #expect(response.body.string.contains(#"value="ada@lumen.example""#))
            #expect(browser.cookies["tandem_session"] == nil)
        }
    }

    @Test func anOffsiteRedirectAfterSignInIsIgnored() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            let response = try await browser.submit(
                "/login", ["email": "ada@lumen.example", "password": "correct horse", "next": "//evil.example/"])
            #expect(response.location == "/")
        }
    }

    @Test func repeatedFailuresAreThrottledEvenWithTheRightPassword() async throws {
        try await withTandem { app, clock in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            for _ in 1...5 { _ = try await browser.signIn("ada@lumen.example", password: "nope nope nope") }
            let blocked = try await browser.signIn("ada@lumen.example")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("Too many failed sign-ins"))
            clock.advance(by: 16 * 60)
            #expect(try await browser.signIn("ada@lumen.example").status == .seeOther)
        }
    }

    @Test func oneAddressTryingManyAccountsIsThrottled() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            for n in 1...20 { _ = try await browser.signIn("guess\(n)@lumen.example", password: "nope nope nope") }
            #expect(try await browser.signIn("ada@lumen.example").status == .tooManyRequests)
        }
    }

    @Test func theSignInFormWithoutItsTokenIsRefused() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.admin])
            var browser = Browser(app)
            _ = try await browser.get("/login")
            let forged = try await browser.request(
                .POST, "/login", form: ["email": "ada@lumen.example", "password": "correct horse"])
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("This form has expired"))
            #expect(browser.cookies["tandem_session"] == nil)
        }
    }

    @Test func aSignedInFormWithAGuessedTokenIsRefused() async throws {
        try await withTandem { app, _ in
            let ada = try await makeUser(app, "ada@lumen.example", roles: [.admin])
            var browser = Browser(app)
            _ = try await browser.signIn("ada@lumen.example")
            let forged = try await browser.request(
                .POST, "/settings/profile/tokens", form: ["name": "x", "_csrf": "guess"])
            #expect(forged.status == .forbidden)
            #expect(try await app.stores.apiTokens.list(for: ada.id).isEmpty)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            _ = try await browser.signIn("ada@lumen.example")
            let stolen = try #require(browser.cookies["tandem_session"])
            let out = try await browser.submit("/", to: "/logout", [:])
            #expect(out.location == "/login")
            var thief = Browser(app)
            thief.cookies["tandem_session"] = stolen
            #expect(try await thief.get("/").status == .seeOther)
        }
    }

    @Test func aDeactivatedUsersSessionStopsWorking() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let pm = try await makeUser(app, "pm@lumen.example", roles: [.pm])
            var pmBrowser = Browser(app)
            var admin = Browser(app)
            _ = try await pmBrowser.signIn("pm@lumen.example")
            #expect(try await pmBrowser.get("/").status == .ok)
            _ = try await admin.signIn("admin@lumen.example")
            let done = try await admin.submit(
                "/settings/users/\(pm.id)", to: "/settings/users/\(pm.id)/deactivate", [:])
            #expect(done.location == "/settings/users")
            #expect(try await pmBrowser.get("/").status == .seeOther)
            var fresh = Browser(app)
            #expect(try await fresh.signIn("pm@lumen.example").status == .unauthorized)
        }
    }

    @Test func sessionsExpire() async throws {
        try await withTandem { app, clock in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            _ = try await browser.signIn("ada@lumen.example")
            clock.advance(by: 13 * 3600)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    func setupPath(_ app: Application) async throws -> String {
        let link = try #require(try await app.issueSetupLinkIfNeeded())
        return String(link[link.range(of: "/setup/")!.lowerBound...])
    }

    static let goodSetup = [
        "organisationName": "Lumen", "displayName": "Ada", "email": "ada@lumen.example",
        "password": "long enough pw", "passwordConfirmation": "long enough pw",
    ]

    @Test func aWrongSetupSecretIs404() async throws {
        try await withTandem { app, _ in
            _ = try await setupPath(app)
            var browser = Browser(app)
            #expect(try await browser.get("/setup/not-the-secret").status == .notFound)
        }
    }

    @Test func aBadSetupFormKeepsWhatWasTyped() async throws {
        try await withTandem { app, _ in
            let path = try await setupPath(app)
            var browser = Browser(app)
            var fields = Self.goodSetup
            fields["email"] = "ada@lumen"
            let bad = try await browser.submit(path, fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("is not an e-mail address"))
            #expect(bad.body.string.contains(#"value="Lumen""#))
            #expect(try await app.stores.users.count() == 0)
        }
    }

    @Test func theSetupLinkCreatesTheAdminAndNamesTheOrganisation() async throws {
        try await withTandem { app, _ in
            let path = try await setupPath(app)
            var browser = Browser(app)
            let good = try await browser.submit(path, Self.goodSetup)
            #expect(good.status == .seeOther)
            let dashboard = try await browser.get("/")
            #expect(dashboard.body.string.contains("Welcome, Ada"))
            #expect(try await app.stores.organisation.load().name == "Lumen")
        }
    }

    @Test func theSetupLinkWorksOnce() async throws {
        try await withTandem { app, _ in
            let path = try await setupPath(app)
            var browser = Browser(app)
            _ = try await browser.submit(path, Self.goodSetup)
            var second = Browser(app)
            #expect(try await second.get(path).status == .notFound)
            #expect(try await app.issueSetupLinkIfNeeded() == nil)
            #expect(try await app.stores.users.count() == 1)
        }
    }
}
