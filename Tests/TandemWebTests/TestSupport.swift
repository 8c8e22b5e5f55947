import Foundation
import NIOCore
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The repository root, found from this file (tests may run from any directory).
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url
}()

/// A pinned clock the tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
    func advance(by seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }
}

/// Runs `body` against a configured, migrated app on a scratch database (SQLite in memory, or a
/// fresh PostgreSQL database when TANDEM_TEST_DATABASE_URL is set).
func withTandem(
    configure adjust: (inout TandemConfig) -> Void = { _ in }, ids: IdentifierGenerator = .random,
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    let location = try await StandaloneDatabase.scratchLocation()
    do {
        try await runTandem(on: location, configure: adjust, ids: ids, body)
    } catch {
        await StandaloneDatabase.dropScratch(location)
        throw error
    }
    await StandaloneDatabase.dropScratch(location)
}

/// Runs `body` against a configured, migrated app on `location`, with the tests' pinned clock.
func runTandem(
    on location: DatabaseLocation, configure adjust: (inout TandemConfig) -> Void = { _ in },
    ids: IdentifierGenerator = .random, _ body: (Application, TestClock) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18, a fixed day
    var config = TandemConfig()
    config.resourcesDirectory = repositoryRoot.appendingPathComponent("Resources").path
    config.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-test-\(UUID())").path
    config.bcryptCost = 4
    adjust(&config)
    do {
        try await configure(
            app, context: AppContext(config: config, clock: { clock.now }, ids: ids), location: location)
        try await app.autoMigrate()
        try await body(app, clock)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Creates a user with password "correct horse" straight in the store, with the app's clock and
/// identifier generator.
@discardableResult
func makeUser(_ app: Application, _ email: String, roles: Set<Role>, active: Bool = true) async throws -> User {
    let stores = app.stores
    let hash = try await app.password.async.hash("correct horse")
    var user = try await stores.users.create(
        try NewUser(
            email: try EmailAddress(email), displayName: email.components(separatedBy: "@")[0].capitalized,
            roles: roles, passwordHash: hash), id: app.tandem.ids(), at: app.tandem.clock())
    if !active {
        try await stores.users.setActive(user.id, false, at: app.tandem.clock())
        user.isActive = false
    }
    return user
}

/// A tiny browser: keeps cookies, posts forms with their CSRF token.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var language: String?

    init(_ app: Application, language: String? = nil) {
        self.app = app
        self.language = language
    }

    mutating func request(
        _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, json: String? = nil,
        headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let language { headers.replaceOrAdd(name: .acceptLanguage, value: language) }
        var body: ByteBuffer?
        if let form {
            headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
            body = ByteBuffer(string: Self.urlencode(form))
        } else if let json {
            headers.replaceOrAdd(name: .contentType, value: "application/json")
            body = ByteBuffer(string: json)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") || pair[1].isEmpty {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
        }
        return response
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse { try await request(.GET, path) }

    /// Fetches `page` to pick up its CSRF token, then posts `fields` to `action`.
    mutating func submit(_ page: String, to action: String? = nil, _ fields: [String: String]) async throws
        -> TestingHTTPResponse
    {
        let form = try await get(page)
        var fields = fields
        fields["_csrf"] = Self.csrf(in: form.body.string)
        return try await request(.POST, action ?? page, form: fields)
    }

    mutating func signIn(_ email: String, password: String = "correct horse") async throws -> TestingHTTPResponse {
        try await submit("/login", ["email": email, "password": password])
    }

    static func csrf(in html: String) -> String {
        guard let range = html.range(of: #"name="_csrf" value="([^"]*)""#, options: .regularExpression) else {
            return ""
        }
        return String(html[range]).components(separatedBy: "value=\"")[1].dropLast().description
    }

    static func urlencode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            let encode = { (s: String) in s.addingPercentEncoding(withAllowedCharacters: allowed)! }
            return key.hasSuffix("[]")
                ? value.split(separator: ",").map { "\(encode(key))=\(encode(String($0)))" }.joined(separator: "&")
                : "\(encode(key))=\(encode(value))"
        }.joined(separator: "&")
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any] ?? [:]
    }
    var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { ((try? json())?["error"] as? [String: Any])?["message"] as? String }
    /// `error.field`: the first invalid field, nil when the error is about no field.
    var errorField: String? { ((try? json())?["error"] as? [String: Any])?["field"] as? String }
    /// `error.fields[].field`, in order.
    var errorFields: [String] {
        (((try? json())?["error"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap {
            $0["field"] as? String
        } ?? []
    }
    /// `error.fields[].code`, in order.
    var errorFieldCodes: [String] {
        (((try? json())?["error"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap {
            $0["code"] as? String
        } ?? []
    }
    /// `items` of a list answer.
    var items: [[String: Any]] { ((try? json())?["items"] as? [[String: Any]]) ?? [] }
    /// `nextCursor` of a list answer (nil when null or absent).
    var nextCursor: String? { (try? json())?["nextCursor"] as? String }
}
