import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting
import Yams

@testable import TandemWeb

@Suite("JSON API")
struct APITests {
    /// Signs in through the page and creates a token there, as a user would.
    func token(_ app: Application, for email: String) async throws -> String {
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        let page = try await browser.submit("/settings/profile/tokens", ["name": "script"])
        #expect(page.status == .created)
        let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return String(page.body.string[match])
    }

    func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    @Test func noCredentialsGet401WithTheErrorShape() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let none = try await client.get("/api/v1/me")
            #expect(none.status == .unauthorized)
            #expect(none.errorCode == "unauthenticated")
            let error = try #require(try none.json()["error"] as? [String: Any])
            #expect(error.keys.sorted() == ["code", "field", "fields", "message"])
            #expect(error["field"] is NSNull)
            #expect((error["fields"] as? [Any])?.isEmpty == true)
            #expect(none.headers.first(name: .wwwAuthenticate) == "Bearer realm=\"tandem\"")
        }
    }

    @Test func anUnknownTokenGets401InvalidToken() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let bad = try await client.request(.GET, "/api/v1/me", headers: bearer("tdm_nope"))
            #expect(bad.status == .unauthorized)
            #expect(bad.errorCode == "invalid_token")
        }
    }

    @Test func aTokenAuthenticates() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let secret = try await token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let me = try await client.request(.GET, "/api/v1/me", headers: bearer(secret))
            #expect(me.status == .ok)
            #expect(try me.json()["email"] as? String == "sofia@lumen.example")
            #expect(try me.json()["roles"] as? [String] == ["sales"])
        }
    }

    @Test func tokensAreListedWithoutTheirSecret() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let secret = try await token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let list = try await client.request(.GET, "/api/v1/tokens", headers: bearer(secret))
            #expect(list.status == .ok)
            #expect(list.items.count == 1)
            #expect(list.items.first?["name"] as? String == "script")
            #expect(try list.json()["nextCursor"] is NSNull)
            #expect(!list.body.string.contains(secret))  // the secret is never shown again
        }
    }

    @Test func aRevokedTokenStopsWorking() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let secret = try await token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let list = try await client.request(.GET, "/api/v1/tokens", headers: bearer(secret))
            let id = try #require(list.items.first?["id"] as? String)
            let revoked = try await client.request(.DELETE, "/api/v1/tokens/\(id)", headers: bearer(secret))
            #expect(revoked.status == .noContent)
            #expect(try await client.request(.GET, "/api/v1/me", headers: bearer(secret)).status == .unauthorized)
        }
    }

    @Test func aDeactivatedUsersTokenStopsWorking() async throws {
        try await withTandem { app, _ in
            let user = try await makeUser(app, "pierre@lumen.example", roles: [.pm])
            let secret = try await token(app, for: "pierre@lumen.example")
            var client = Browser(app)
            #expect(try await client.request(.GET, "/api/v1/me", headers: bearer(secret)).status == .ok)
            try await app.stores.users.setActive(user.id, false, at: app.tandem.clock())
            #expect(try await client.request(.GET, "/api/v1/me", headers: bearer(secret)).status == .unauthorized)
        }
    }

    @Test func theWrongRoleGets403OnTheUserList() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let secret = try await token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let users = try await client.request(.GET, "/api/v1/users", headers: bearer(secret))
            #expect(users.status == .forbidden)
            #expect(users.errorCode == "forbidden")
        }
    }

    @Test func theWrongRoleGets403WhenCreatingAUser() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "sofia@lumen.example", roles: [.sales])
            let secret = try await token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let create = try await client.request(
                .POST, "/api/v1/users",
                json: #"{"email":"x@y.io","displayName":"X","roles":["pm"],"password":"long enough pw"}"#,
                headers: bearer(secret))
            #expect(create.status == .forbidden)
            #expect(create.errorCode == "forbidden")
            #expect(try await app.stores.users.count() == 1)
        }
    }

    @Test func adminsCreateUsers() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let secret = try await token(app, for: "admin@lumen.example")
            var client = Browser(app)
            let created = try await client.request(
                .POST, "/api/v1/users",
                json:
                    #"{"email":"Nina@Lumen.example","displayName":"Nina","roles":["pm","sales"],"password":"long enough pw"}"#,
                headers: bearer(secret))
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            #expect(created.location == "/api/v1/users/\(id)")
            #expect(try created.json()["email"] as? String == "nina@lumen.example")
            #expect(try created.json()["roles"] as? [String] == ["sales", "pm"])
            let stored = try await app.stores.users.find(id: try #require(User.ID(uuidString: id)))
            #expect(stored?.displayName == "Nina")
        }
    }

    @Test func aTakenEmailAddressIsAConflict() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let secret = try await token(app, for: "admin@lumen.example")
            var client = Browser(app)
            let again = try await client.request(
                .POST, "/api/v1/users",
                json: #"{"email":"ADMIN@lumen.example","displayName":"N","roles":["pm"],"password":"long enough pw"}"#,
                headers: bearer(secret))
            #expect(again.status == .conflict)
            #expect(again.errorCode == "conflict")
            #expect(again.errorField == "email")
            #expect(again.errorFieldCodes == ["taken"])
            #expect(again.errorMessage == "Another user already has this e-mail address.")
        }
    }

    @Test func aUserIdThatIsNotAUUIDIs400() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let secret = try await token(app, for: "admin@lumen.example")
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users/not-a-uuid", headers: bearer(secret))
            #expect(response.status == .badRequest)
            #expect(response.errorField == "id")
        }
    }

    @Test func anUnknownUserIs404() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let secret = try await token(app, for: "admin@lumen.example")
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users/\(UUID())", headers: bearer(secret))
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
        }
    }

    @Test func anUnknownAPIPathIs404InJSON() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let response = try await client.get("/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
            #expect(response.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func errorMessagesFollowTheCallersLanguageButCodesDoNot() async throws {
        try await withTandem { app, _ in
            var client = Browser(app, language: "fr-FR,fr;q=0.9,en;q=0.5")
            let response = try await client.get("/api/v1/me")
            #expect(response.errorCode == "unauthenticated")
            #expect(response.errorMessage?.hasPrefix("Connectez-vous") == true)
            #expect(response.headers.first(name: .contentLanguage) == "fr")
        }
    }

    /// The document describes the conventions of docs/api.md as reusable components.
    @Test func theOpenAPIDocumentDescribesTheConventions() throws {
        let url = repositoryRoot.appendingPathComponent("Resources/OpenAPI/openapi.yaml")
        let document = try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        for name in ["ListEnvelope", "UserList", "TokenList", "Money", "FieldError", "Reason", "Percentage"] {
            #expect(schemas[name] != nil, "components.schemas.\(name)")
        }
        #expect(schemas["ListEnvelope"]?["required"] as? [String] == ["items", "nextCursor"])
        #expect(schemas["Money"]?["required"] as? [String] == ["amount", "currency"])
        let error = try #require((schemas["Error"]?["properties"] as? [String: Any])?["error"] as? [String: Any])
        #expect(error["required"] as? [String] == ["code", "message", "field", "fields"])
        let parameters = try #require(components["parameters"] as? [String: [String: Any]])
        #expect(parameters["Limit"]?["name"] as? String == "limit")
        #expect(parameters["Cursor"]?["name"] as? String == "cursor")
    }

    /// Every route under /api/v1 is in the OpenAPI document and every documented operation exists.
    @Test func routesAndTheOpenAPIDocumentAgree() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let served = try await client.get("/api/openapi.yaml")
            #expect(served.status == .ok)
            let document = try #require(try Yams.load(yaml: served.body.string) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) /api/v1\(path)")
                }
            }
            let registered = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
                })
            #expect(registered == documented)
            #expect(registered.count >= 6)
        }
    }
}
