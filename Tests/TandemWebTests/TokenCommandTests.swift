import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("The console's API token command")
struct TokenCommandTests {
    @Test func theTokenActsAsItsUserAndIsListedWithItsName() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let secret = try await app.createAPIToken(forEmail: " Sofia@Lumen.example ", name: " CRM import ")
            #expect(secret.hasPrefix("tdm_"))
            var client = Browser(app)
            let me = try await client.request(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(secret)"])
            #expect(me.status == .ok)
            #expect(try me.json()["email"] as? String == "sofia@lumen.example")
            let tokens = try await client.request(
                .GET, "/api/v1/tokens", headers: ["Authorization": "Bearer \(secret)"])
            #expect(tokens.items.compactMap { $0["name"] as? String } == ["CRM import"])
        }
    }

    @Test func unknownOrDeactivatedUsersAndEmptyNamesGetNoToken() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "gone@lumen.example", roles: [.sales], active: false)
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            for address in ["nobody@lumen.example", "gone@lumen.example"] {
                await #expect(throws: DomainError.userNotFound) {
                    _ = try await app.createAPIToken(forEmail: address, name: "x")
                }
            }
            let unnamed = await #expect(throws: DomainError.self) {
                _ = try await app.createAPIToken(forEmail: "sofia@lumen.example", name: "  ")
            }
            #expect(unnamed?.field == "name")
        }
    }
}
