import Foundation
import Logging
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Security: redirects, headers, cookies and logs")
struct SecurityRedirectTests {
    static let offsite = [
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example", "/\\/evil.example",
        "//evil.example", "/%2F/evil.example", "https://evil.example/", "/ /evil.example", "/\u{0B}/evil.example",
        "/\u{200B}/evil.example",
    ]

    @Test(arguments: offsite)
    func anOffsitePathIsNotALocalRedirect(_ raw: String) {
        #expect(LocalRedirect.path(raw) == nil)
    }

    @Test(arguments: ["/", "/settings/users", "/settings/users?tab=2&x=%20y", "/quotes/42#terms"])
    func aLocalPathIsKept(_ raw: String) {
        #expect(LocalRedirect.path(raw) == raw)
    }

    /// The reported attack: `next=/%09/evil.example` answered `Location: /<TAB>/evil.example`.
    @Test func aTabInNextDoesNotLeaveTheSite() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            for encoded in ["/%09/evil.example", "/%0A/evil.example", "/%5Cevil.example", "//evil.example"] {
                let page = try await browser.get("/login?next=\(encoded)")
                #expect(page.status == .ok)
                #expect(!page.body.string.contains("evil.example"), "the form kept \(encoded)")
            }
            let form = try await browser.get("/login")
            let response = try await browser.request(
                .POST, "/login",
                form: [
                    "email": "ada@lumen.example", "password": "correct horse", "next": "/\t/evil.example",
                    "_csrf": Browser.csrf(in: form.body.string),
                ])
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            // Signed in, the sign-in page redirects at once: still never off the site.
            #expect(try await browser.get("/login?next=/%09/evil.example").location == "/")
        }
    }

    @Test func headersForbidPluginsBaseAndCaching() async throws {
        try await withTandem { app, _ in
            var browser = Browser(app)
            let page = try await browser.get("/login")
            let policy = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("object-src 'none'"))
            #expect(policy.contains("base-uri 'none'"))
            #expect(page.headers.first(name: .strictTransportSecurity) == nil)  // plain http on loopback
        }
    }

    @Test func httpsGetsHSTSAndHostPrefixedSecureCookies() async throws {
        try await withTandem(configure: { $0.publicURL = "https://tandem.lumen.example" }) { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            let form = try await browser.get("/login")
            #expect(form.headers.first(name: .strictTransportSecurity) == "max-age=31536000")
            let csrf = try #require(form.headers[.setCookie].first { $0.hasPrefix("__Host-tandem_csrf=") })
            #expect(csrf.contains("Secure") && csrf.contains("Path=/") && !csrf.contains("Domain"))
            let signedIn = try await browser.request(
                .POST, "/login",
                form: [
                    "email": "ada@lumen.example", "password": "correct horse",
                    "_csrf": Browser.csrf(in: form.body.string),
                ])
            let session = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("__Host-tandem_session=") })
            #expect(session.contains("Secure") && session.contains("HttpOnly"))
            let profile = try await browser.get("/settings/profile")
            #expect(profile.status == .ok)
            let out = try await browser.request(
                .POST, "/logout", form: ["_csrf": Browser.csrf(in: profile.body.string)])
            let cleared = try #require(out.headers[.setCookie].first { $0.hasPrefix("__Host-tandem_session=") })
            #expect(cleared.contains("Secure"), "a __Host- cookie is only cleared by a Secure Set-Cookie")
        }
    }

    @Test func cookiesAreSecureByDefaultExceptOnLoopback() throws {
        #expect(try TandemConfig.fromEnvironment([:]).secureCookies == false)
        #expect(try TandemConfig.fromEnvironment(["TANDEM_HOST": "0.0.0.0"]).secureCookies == true)
        #expect(try TandemConfig.fromEnvironment(["TANDEM_HOST": "::1"]).secureCookies == false)
        #expect(
            try TandemConfig.fromEnvironment(["TANDEM_HOST": "0.0.0.0", "TANDEM_SECURE_COOKIES": "false"]).secureCookies
                == false)
        #expect(try TandemConfig.fromEnvironment(["TANDEM_PUBLIC_URL": "https://t.example"]).secureCookies == true)
    }

    @Test func oneTimeLinkSecretsAreNotLogged() async throws {
        try await withTandem { app, _ in
            let lines = LogLines()
            app.logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
            var browser = Browser(app)
            _ = try await browser.get("/invite/SECRETinvite123456789")
            _ = try await browser.get("/setup/SECRETsetup123456789")
            _ = try await browser.get("/inv%69te/SECRETencoded123456789")
            let logged = lines.all.joined(separator: "\n")
            #expect(logged.contains("GET /invite/[redacted]"))
            #expect(logged.contains("GET /setup/[redacted] 404"), "the line names the answer's status")
            #expect(logged.contains("GET /setup/[redacted]"))
            #expect(!logged.contains("SECRET"), "\(logged)")
        }
    }

    @Test func theDatabasePasswordIsNotPrinted() {
        var config = TandemConfig()
        config.databaseURL = "postgres://tandem:s3cr%40t-pw@db.example:5432/tandem"
        struct ConnectionFailed: Error, CustomStringConvertible {
            var description: String {
                "could not connect to postgres://tandem:s3cr%40t-pw@db.example:5432/tandem (password s3cr@t-pw)"
            }
        }
        let message = TandemServer.consoleMessage(for: ConnectionFailed(), config: config)
        #expect(!message.contains("s3cr"))
        #expect(message.contains("postgres://tandem:***@db.example:5432/tandem"))
    }

    @Test func theDemoRefusesADatabaseWithRealUsers() async throws {
        try await withTandem { app, _ in
            try await DemoSeed.checkDatabaseIsDemoOnly(app.stores)  // empty: fine
            try await makeUser(app, "real.person@client.example", roles: [.admin])
            await #expect(throws: DemoSeed.RealUsersPresent.self) {
                try await DemoSeed.checkDatabaseIsDemoOnly(app.stores)
            }
        }
    }
}

/// Log lines kept in memory for a test.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) { lines.append(event.message.description) }
}
