import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// A person of the clients tests with an API token, made the way a user makes one.
struct APICaller {
    var user: User
    var token: String
    var headers: HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    static func make(_ app: Application, _ email: String, _ roles: Set<Role>) async throws -> APICaller {
        let user = try await makeUser(app, email, roles: roles)
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        let page = try await browser.submit("/settings/profile/tokens", ["name": "script"])
        let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return APICaller(user: user, token: String(page.body.string[match]))
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, json: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var client = Browser(app)
        return try await client.request(method, path, json: json, headers: headers)
    }
}

/// The usual cast of the clients tests.
struct ClientCast {
    var admin: APICaller
    var manager: APICaller
    var sofia: APICaller
    var samuel: APICaller
    var paula: APICaller
    var victor: APICaller

    static func make(_ app: Application) async throws -> ClientCast {
        ClientCast(
            admin: try await .make(app, "ada@lumen.example", [.admin]),
            manager: try await .make(app, "morgan@lumen.example", [.manager]),
            sofia: try await .make(app, "sofia@lumen.example", [.sales]),
            samuel: try await .make(app, "samuel@lumen.example", [.sales]),
            paula: try await .make(app, "paula@lumen.example", [.pm]),
            victor: try await .make(app, "victor@lumen.example", [.vendorManager]))
    }

    /// Creates an account through the API as `caller` and answers its ID.
    func account(_ app: Application, _ name: String, by caller: APICaller? = nil, extra: String = "") async throws
        -> String
    {
        let response = try await (caller ?? sofia).send(
            app, .POST, "/api/v1/accounts",
            json: #"{"name": "\#(name)", "currency": "EUR", "confirmDuplicate": true\#(extra)}"#)
        #expect(response.status == .created, "\(response.body.string)")
        return try #require(try response.json()["id"] as? String)
    }
}
