import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// People and records the pipeline's HTTP tests share: a sales rep, a second rep, a PM, a
/// vendor manager and an admin, each with an API token, and one account.
struct PipelineFixture {
    var app: Application
    var rep: User
    var otherRep: User
    var pm: User
    var admin: User
    var tokens: [String: String]
    var accountID: String

    static func make(_ app: Application) async throws -> PipelineFixture {
        let rep = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
        let otherRep = try await makeUser(app, "samuel@lumen.example", roles: [.sales])
        let pm = try await makeUser(app, "paula@lumen.example", roles: [.pm])
        let admin = try await makeUser(app, "alex@lumen.example", roles: [.admin])
        try await makeUser(app, "victor@lumen.example", roles: [.vendorManager])
        var tokens: [String: String] = [:]
        for name in ["sofia", "samuel", "paula", "alex", "victor"] {
            tokens[name] = try await APITests().token(app, for: "\(name)@lumen.example")
        }
        var fixture = PipelineFixture(
            app: app, rep: rep, otherRep: otherRep, pm: pm, admin: admin, tokens: tokens, accountID: "")
        fixture.accountID = try await fixture.makeAccount(name: "Acme Medical")
        return fixture
    }

    /// An account made through the accounts API as Sofia; `extra` adds JSON members.
    func makeAccount(name: String, extra: String = "") async throws -> String {
        let response = try await api(
            .POST, "/api/v1/accounts", as: "sofia",
            json: #"{"name": "\#(name)", "currency": "EUR", "confirmDuplicate": true\#(extra)}"#)
        #expect(response.status == .created, "\(response.body.string)")
        return try #require(try response.json()["id"] as? String)
    }

    func headers(_ who: String) -> HTTPHeaders { ["Authorization": "Bearer \(tokens[who]!)"] }

    /// Sends `json` as `who`; returns the response.
    func api(_ method: HTTPMethod, _ path: String, as who: String, json: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var client = Browser(app)
        return try await client.request(method, path, json: json, headers: headers(who))
    }

    static func body(
        accountID: String, name: String = "Website relaunch", amount: String = "12000.00", currency: String = "EUR",
        extra: String = ""
    ) -> String {
        """
        {"accountId": "\(accountID)", "name": "\(name)", "sourceLanguage": "en", "targetLanguages": ["fr", "de"],
         "services": ["translation"], "expectedValue": {"amount": "\(amount)", "currency": "\(currency)"},
         "closeDate": "2027-02-15"\(extra)}
        """
    }

    /// Creates an opportunity as Sofia through the API; returns its JSON.
    func createOpportunity(
        name: String = "Website relaunch", amount: String = "12000.00", currency: String = "EUR", withPM: Bool = false
    ) async throws -> [String: Any] {
        let response = try await api(
            .POST, "/api/v1/opportunities", as: "sofia",
            json: Self.body(
                accountID: accountID, name: name, amount: amount, currency: currency,
                extra: withPM ? #", "partnerPmId": "\#(pm.id)""# : ""))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json()
    }

    func stageID(_ name: String) async throws -> String {
        let stages = try await api(.GET, "/api/v1/stages", as: "sofia").items
        return try #require(stages.first { $0["name"] as? String == name }?["id"] as? String)
    }
}
