import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Security: the sign-in throttle, proxies and CSRF on streamed bodies")
struct SignInThrottleTests {
    /// `ada@x\n`, `ada@x\r\n`, `ada@x\u2028` once had a budget each; they are one account.
    @Test func variantsOfOneAddressShareOneBudget() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            for variant in [
                "ada@lumen.example\n", "ada@lumen.example\r\n", "ada@lumen.example\u{2028}", " ADA@lumen.example\t",
                "ada@lumen.example\u{2029}",
            ] {
                #expect(try await browser.signIn(variant, password: "nope nope nope").status == .unauthorized)
            }
            #expect(try await browser.signIn("ada@lumen.example").status == .tooManyRequests)
        }
    }

    /// The attempt is counted before the password is checked, so parallel guesses cannot all
    /// pass the check: at most the budget (5) is ever verified.
    @Test func parallelGuessesGetNoMoreThanTheBudget() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var first = Browser(app)
            let token = Browser.csrf(in: try await first.get("/login").body.string)
            let cookies = first.cookies
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 0..<15 {
                    group.addTask {
                        var browser = Browser(app)
                        browser.cookies = cookies
                        let form = ["email": "ada@lumen.example", "password": "guess number \(n)", "_csrf": token]
                        return try await browser.request(.POST, "/login", form: form).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 10)
            #expect(Set(statuses).isSubset(of: [.unauthorized, .tooManyRequests]))
        }
    }

    /// Unknown, inactive and invited accounts are checked against a dummy hash, so they answer
    /// as slowly as a real one and do not reveal who has an account.
    @Test func unknownAndInactiveAccountsStillRunOneVerification() async throws {
        try await withTandem { app, _ in
            let verifications = Counter()
            app.passwords.use { _ in CountingHasher(verifications: verifications) }
            try await makeUser(app, "gone@lumen.example", roles: [.pm], active: false)
            var browser = Browser(app)
            for email in ["nobody@lumen.example", "gone@lumen.example", "not an address"] {
                let before = verifications.value
                #expect(try await browser.signIn(email, password: "some password").status == .unauthorized)
                #expect(verifications.value == before + 1, "\(email) skipped the password check")
            }
        }
    }

    @Test func attemptsOlderThanTheWindowArePruned() async throws {
        try await withTandem { app, clock in
            var browser = Browser(app)
            for n in 1...3 { _ = try await browser.signIn("guess\(n)@lumen.example", password: "nope nope nope") }
            let stores = app.stores
            #expect(try await stores.loginAttempts.failures(key: "ip:unknown", since: .distantPast) == 3)
            clock.advance(by: 16 * 60)
            _ = try await browser.signIn("late@lumen.example", password: "nope nope nope")
            #expect(try await stores.loginAttempts.failures(key: "ip:unknown", since: .distantPast) == 1)
        }
    }

    @Test func behindATrustedProxyEachClientHasItsOwnBudget() async throws {
        try await withTandem(configure: { $0.trustedProxies = [CIDR("127.0.0.1/32")!, CIDR("10.0.0.0/8")!] }) {
            app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            try await withLiveServer(app) { client in
                for n in 1...20 {
                    let status = try await client.signIn(
                        "guess\(n)@lumen.example", "nope nope nope", forwardedFor: "203.0.113.7, 10.1.2.3")
                    #expect(status == .unauthorized)
                }
                #expect(
                    try await client.signIn("ada@lumen.example", "correct horse", forwardedFor: "203.0.113.7")
                        == .tooManyRequests)
                #expect(
                    try await client.signIn("ada@lumen.example", "correct horse", forwardedFor: "198.51.100.9")
                        == .seeOther)
            }
        }
    }

    @Test func withoutTrustedProxiesTheHeaderIsIgnored() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            try await withLiveServer(app) { client in
                for n in 1...20 {
                    _ = try await client.signIn(
                        "guess\(n)@lumen.example", "nope nope nope", forwardedFor: "203.0.113.\(n)")
                }
                #expect(
                    try await client.signIn("ada@lumen.example", "correct horse", forwardedFor: "198.51.100.9")
                        == .tooManyRequests)
            }
        }
    }

    @Test func forwardedForIsReadFromTheRightAndOnlyFromTrustedPeers() {
        let trusted = [CIDR("10.0.0.0/8")!, CIDR("::1/128")!]
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["198.51.100.9, 10.0.0.9"], trusted: trusted)
                == "198.51.100.9")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["6.6.6.6, 198.51.100.9"], trusted: trusted)
                == "198.51.100.9")
        #expect(
            ClientAddress.resolve(peer: "203.0.113.1", forwardedFor: ["198.51.100.9"], trusted: trusted)
                == "203.0.113.1")
        #expect(ClientAddress.resolve(peer: "::1", forwardedFor: ["2001:db8::7"], trusted: trusted) == "2001:db8::7")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["not-an-address"], trusted: trusted) == "10.0.0.5")
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: [], trusted: trusted) == "10.0.0.5")
        #expect(CIDR("10.0.0.0/33") == nil && CIDR("banana") == nil)
        #expect(CIDR("192.168.0.0/16")!.contains("::ffff:192.168.4.4"))
        #expect(throws: ConfigError.self) {
            try TandemConfig.fromEnvironment(["TANDEM_TRUSTED_PROXIES": "10.0.0.0/8, nope"])
        }
    }

    /// A form that arrives in several chunks (`Transfer-Encoding: chunked`) is read whole by
    /// the CSRF check; it used to be refused.
    @Test func aChunkedFormPassesTheCSRFCheck() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            try await withLiveServer(app) { client in
                let (token, cookie) = try await client.loginForm()
                let body = "email=ada%40lumen.example&password=correct+horse&_csrf=\(token)"
                let middle = body.index(body.startIndex, offsetBy: 20)
                var request = HTTPClientRequest(url: client.base + "/login")
                request.method = .POST
                request.headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
                request.headers.add(name: .cookie, value: cookie)
                let chunks = [String(body[..<middle]), String(body[middle...])].map { ByteBuffer(string: $0) }
                let stream = AsyncStream<ByteBuffer> { continuation in
                    for chunk in chunks { continuation.yield(chunk) }
                    continuation.finish()
                }
                request.body = .stream(stream, length: .unknown)
                let response = try await client.http.execute(request, timeout: .seconds(60))
                #expect(response.status == .seeOther)
            }
        }
    }
}

/// A running server on a free port and an HTTP client for it.
struct LiveClient: Sendable {
    let http: HTTPClient
    let base: String

    func loginForm() async throws -> (token: String, cookie: String) {
        let response = try await http.execute(HTTPClientRequest(url: base + "/login"), timeout: .seconds(60))
        let html = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let cookie = response.headers[.setCookie].map { String($0.split(separator: ";")[0]) }.joined(separator: "; ")
        return (Browser.csrf(in: html), cookie)
    }

    func signIn(_ email: String, _ password: String, forwardedFor: String) async throws -> HTTPResponseStatus {
        let (token, cookie) = try await loginForm()
        var request = HTTPClientRequest(url: base + "/login")
        request.method = .POST
        request.headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
        request.headers.add(name: .cookie, value: cookie)
        request.headers.add(name: "X-Forwarded-For", value: forwardedFor)
        request.body = .bytes(
            ByteBuffer(string: Browser.urlencode(["email": email, "password": password, "_csrf": token])))
        return try await http.execute(request, timeout: .seconds(60)).status
    }
}

func withLiveServer(_ app: Application, _ body: (LiveClient) async throws -> Void) async throws {
    app.http.server.configuration.hostname = "127.0.0.1"
    app.http.server.configuration.port = 0
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    let port = try #require(app.http.server.shared.localAddress?.port)
    let http = HTTPClient(
        eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    do {
        try await body(LiveClient(http: http, base: "http://127.0.0.1:\(port)"))
    } catch {
        try? await http.shutdown()
        await app.server.shutdown()
        throw error
    }
    try await http.shutdown()
    await app.server.shutdown()
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// Plain-text "hashes" that count verifications.
struct CountingHasher: PasswordHasher {
    let verifications: Counter
    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] { Array("plain:".utf8) + password }
    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws
        -> Bool
    {
        verifications.increment()
        return Array("plain:".utf8) + Array(password) == Array(digest)
    }
}
