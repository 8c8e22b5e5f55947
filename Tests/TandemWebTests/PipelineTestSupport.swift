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
        let accountID = try await PipelineFixture.makeAccount(app, name: "Acme Medical", owner: rep)
        return PipelineFixture(
            app: app, rep: rep, otherRep: otherRep, pm: pm, admin: admin, tokens: tokens, accountID: accountID)
    }

    /// An account made as the accounts side makes them.
    static func makeAccount(_ app: Application, name: String, owner: User, partnerPm: User? = nil) async throws
        -> String
    {
        UUID().uuidString.lowercased()
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
        accountID: String, name: String = "Website relaunch", amount: String = "12000.00", currency: String = "EUR"
    )
        -> String
    {
        """
        {"accountId": "\(accountID)", "name": "\(name)", "sourceLanguage": "en", "targetLanguages": ["fr", "de"],
         "services": ["translation"], "expectedValue": {"amount": "\(amount)", "currency": "\(currency)"},
         "closeDate": "2027-02-15"}
        """
    }

    /// Creates an opportunity as Sofia through the API; returns its JSON.
    func createOpportunity(name: String = "Website relaunch", amount: String = "12000.00", currency: String = "EUR")
        async throws -> [String: Any]
    {
        let response = try await api(
            .POST, "/api/v1/opportunities", as: "sofia",
            json: Self.body(accountID: accountID, name: name, amount: amount, currency: currency))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json()
    }

    func stageID(_ name: String) async throws -> String {
        let stages = try await api(.GET, "/api/v1/stages", as: "sofia").items
        return try #require(stages.first { $0["name"] as? String == name }?["id"] as? String)
    }
}
