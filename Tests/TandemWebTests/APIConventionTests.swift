import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The conventions of docs/api.md, one test each: lists and cursors, errors, headers.
@Suite("API conventions")
struct APIConventionTests {
    /// An admin's token, signed in and created through the pages as a user would.
    func adminToken(_ app: Application) async throws -> HTTPHeaders {
        try await makeUser(app, "admin@lumen.example", roles: [.admin])
        var browser = Browser(app)
        _ = try await browser.signIn("admin@lumen.example")
        let page = try await browser.submit("/settings/profile/tokens", ["name": "script"])
        let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return ["Authorization": "Bearer \(page.body.string[match])"]
    }

    func createUser(_ app: Application, json: String, language: String? = nil) async throws -> TestingHTTPResponse {
        let headers = try await adminToken(app)
        var client = Browser(app, language: language)
        return try await client.request(.POST, "/api/v1/users", json: json, headers: headers)
    }

    // MARK: Lists

    @Test func aListAnswersItemsAndANullCursorOnItsLastPage() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let list = try await client.request(.GET, "/api/v1/users", headers: headers)
            #expect(list.status == .ok)
            #expect(try list.json().keys.sorted() == ["items", "nextCursor"])
            #expect(try list.json()["nextCursor"] is NSNull)
            #expect(list.items.map { $0["email"] as? String } == ["admin@lumen.example"])
        }
    }

    @Test func pagingWithTheCursorVisitsEveryItemOnceInOrder() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            for name in ["erin", "bob", "dana", "carl", "alma"] {
                try await makeUser(app, "\(name)@lumen.example", roles: [.pm])
            }
            var client = Browser(app)
            var seen: [String] = []
            var pages = 0
            var path = "/api/v1/users?limit=2"
            while true {
                let page = try await client.request(.GET, path, headers: headers)
                #expect(page.status == .ok)
                #expect(page.items.count <= 2)
                seen += page.items.compactMap { $0["displayName"] as? String }
                pages += 1
                guard let cursor = page.nextCursor, pages < 10 else { break }
                path = "/api/v1/users?limit=2&cursor=\(cursor)"
            }
            #expect(pages == 3)
            #expect(seen == ["Admin", "Alma", "Bob", "Carl", "Dana", "Erin"])
        }
    }

    @Test func theDefaultLimitIs50() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            for index in 1...50 {
                try await makeUser(app, "user\(index)@lumen.example", roles: [.pm])
            }
            var client = Browser(app)
            let first = try await client.request(.GET, "/api/v1/users", headers: headers)
            #expect(first.items.count == 50)
            let cursor = try #require(first.nextCursor)
            let second = try await client.request(.GET, "/api/v1/users?cursor=\(cursor)", headers: headers)
            #expect(second.items.count == 1)
            #expect(second.nextCursor == nil)
        }
    }

    @Test(arguments: ["0", "201", "-1", "ten", "1.5", ""])
    func aLimitOutside1To200Is422NamingLimit(limit: String) async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users?limit=\(limit)", headers: headers)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorCode == "invalid")
            #expect(response.errorField == "limit")
            #expect(response.errorFieldCodes == ["out_of_range"])
            #expect(response.errorMessage == "Use a whole number from 1 to 200.")
        }
    }

    @Test(arguments: ["1", "200"])
    func theLimitBoundsAreAccepted(limit: String) async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users?limit=\(limit)", headers: headers)
            #expect(response.status == .ok)
            #expect(response.items.count == 1)
        }
    }

    @Test func aForgedCursorIs422NamingCursor() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users?cursor=not-a-cursor", headers: headers)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "cursor")
        }
    }

    @Test func aBadLimitAndABadCursorAreReportedTogether() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users?limit=0&cursor=%21", headers: headers)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorFields == ["limit", "cursor"])
            #expect(response.errorField == "limit")
        }
    }

    @Test func usersAreFilteredWithPlainQueryParameters() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            try await makeUser(app, "pm@lumen.example", roles: [.pm])
            try await makeUser(app, "gone@lumen.example", roles: [.pm], active: false)
            var client = Browser(app)
            let pms = try await client.request(.GET, "/api/v1/users?role=pm&active=true", headers: headers)
            #expect(pms.items.map { $0["email"] as? String } == ["pm@lumen.example"])
            let inactive = try await client.request(.GET, "/api/v1/users?active=false", headers: headers)
            #expect(inactive.items.map { $0["email"] as? String } == ["gone@lumen.example"])
        }
    }

    @Test func anUnknownFilterValueIs422NamingTheParameter() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(.GET, "/api/v1/users?role=boss&active=maybe", headers: headers)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorFields == ["role", "active"])
        }
    }

    @Test func pagingAndFilterProblemsAreReportedTogether() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(
                .GET, "/api/v1/users?limit=0&cursor=%25%25&role=boss", headers: headers)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorFields == ["limit", "cursor", "role"])
        }
    }

    @Test func tokensArePagedNewestFirst() async throws {
        try await withTandem { app, clock in
            let admin = try await makeUser(app, "admin@lumen.example", roles: [.admin])
            let stores = app.stores
            for (index, name) in ["first", "second", "third"].enumerated() {
                let token = APIToken(
                    id: .init(UUID()), userID: admin.id, name: name, prefix: "tdm_\(index)",
                    createdAt: clock.now.addingTimeInterval(Double(index) * 60))
                try await stores.apiTokens.create(token, secretHash: "hash-\(index)")
            }
            var browser = Browser(app)
            _ = try await browser.signIn("admin@lumen.example")
            clock.advance(by: 3600)
            let page = try await browser.submit("/settings/profile/tokens", ["name": "newest"])
            let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
            let headers: HTTPHeaders = ["Authorization": "Bearer \(page.body.string[match])"]
            var client = Browser(app)
            let first = try await client.request(.GET, "/api/v1/tokens?limit=3", headers: headers)
            #expect(first.items.compactMap { $0["name"] as? String } == ["newest", "third", "second"])
            let cursor = try #require(first.nextCursor)
            let second = try await client.request(.GET, "/api/v1/tokens?limit=3&cursor=\(cursor)", headers: headers)
            #expect(second.items.compactMap { $0["name"] as? String } == ["first"])
            #expect(second.nextCursor == nil)
        }
    }

    // MARK: Errors

    @Test func aMissingFieldIs422NamingIt() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app, json: #"{"email":"z@lumen.example","roles":["pm"],"password":"long enough pw"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorCode == "invalid")
            #expect(response.errorField == "displayName")
            #expect(response.errorFields == ["displayName"])
            #expect(response.errorFieldCodes == ["required"])
            #expect(response.errorMessage == "This field is required.")
        }
    }

    @Test func aNullFieldIs422NamingIt() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app, json: #"{"email":null,"displayName":"Z","roles":["pm"],"password":"long enough pw"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "email")
            #expect(response.errorFieldCodes == ["required"])
        }
    }

    @Test func aWrongTypeIs422NamingTheField() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app, json: #"{"email":"z@lumen.example","displayName":"Z","roles":"pm","password":"long enough pw"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "roles")
            #expect(response.errorFieldCodes == ["wrong_type"])
            #expect(response.errorMessage == "Expected a JSON array here.")
        }
    }

    @Test func aWrongTypeInsideAnArrayNamesItsPosition() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app,
                json: #"{"email":"z@lumen.example","displayName":"Z","roles":["pm",7],"password":"long enough pw"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "roles.1")
            #expect(response.errorMessage == "Expected a string here.")
        }
    }

    @Test func everyInvalidFieldIsListedAtOnce() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app, json: #"{"email":"not-an-address","displayName":"  ","roles":["boss"],"password":"short"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorFields == ["email", "displayName", "roles", "password"])
            #expect(response.errorFieldCodes == ["invalid", "required", "unknown", "too_short"])
            #expect(response.errorField == "email")
            #expect(try await app.stores.users.count() == 1)
        }
    }

    @Test func noRolesIs422NamingRoles() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app, json: #"{"email":"z@lumen.example","displayName":"Z","roles":[],"password":"long enough pw"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorFields == ["roles"])
            #expect(response.errorFieldCodes == ["required"])
        }
    }

    @Test(arguments: ["{", "not json", #"{"email": }"#, "<user/>"])
    func aBodyThatIsNotJSONIs400WithoutDecoderInternals(body: String) async throws {
        try await withTandem { app, _ in
            let response = try await createUser(app, json: body)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_json")
            #expect(response.errorField == nil)
            #expect(response.errorMessage == "The request body is not valid JSON.")
            for leak in ["DecodingError", "codingPath", "debugDescription", "given data", "line", "offset"] {
                #expect(!response.body.string.contains(leak))
            }
        }
    }

    @Test func anEmptyBodyIs400() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(app, json: "")
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_json")
        }
    }

    @Test func jsonThatIsNotAnObjectIs422WithoutAField() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(app, json: "[1, 2]")
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorCode == "invalid")
            #expect(response.errorField == nil)
            #expect(response.errorMessage == "The request body must be a JSON object.")
        }
    }

    @Test func aFormBodyIs415() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let response = try await client.request(
                .POST, "/api/v1/users", form: ["email": "z@lumen.example"], headers: headers)
            #expect(response.status == .unsupportedMediaType)
            #expect(response.errorCode == "unsupported_media_type")
        }
    }

    /// The in-memory test client skips the body limit, so this checks how the 413 is described.
    @Test func aBodyOverTheLimitIs413WithACatalogMessage() async throws {
        try await withTandem { app, _ in
            let api = Request(application: app, method: .POST, url: "/api/v1/users", on: app.eventLoopGroup.next())
            let described = ErrorDescription.describe(Abort(.payloadTooLarge), in: api)
            #expect(described.status == .payloadTooLarge)
            #expect(described.code == "payload_too_large")
            #expect(described.message == "The request body is too large.")
            let page = Request(
                application: app, method: .POST, url: "/settings/users/new", on: app.eventLoopGroup.next())
            #expect(ErrorDescription.describe(Abort(.payloadTooLarge), in: page).code == "payload_too_large")
        }
    }

    @Test func fieldMessagesFollowTheCallersLanguage() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(
                app, json: #"{"email":"z@lumen.example","roles":["pm"],"password":"long enough pw"}"#,
                language: "fr-FR,fr;q=0.9")
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorFieldCodes == ["required"])
            #expect(response.errorMessage == "Ce champ est obligatoire.")
            #expect(response.headers.first(name: .contentLanguage) == "fr")
        }
    }

    @Test func notJSONIsExplainedInFrench() async throws {
        try await withTandem { app, _ in
            let response = try await createUser(app, json: "{", language: "fr")
            #expect(response.status == .badRequest)
            #expect(response.errorMessage == "Le corps de la requête n’est pas du JSON valide.")
        }
    }

    // MARK: Headers

    @Test func successfulAPIResponsesAreNotStored() async throws {
        try await withTandem { app, _ in
            let headers = try await adminToken(app)
            var client = Browser(app)
            let me = try await client.request(.GET, "/api/v1/me", headers: headers)
            #expect(me.status == .ok)
            #expect(me.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func apiErrorsAreNotStored() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let response = try await client.get("/api/v1/me")
            #expect(response.status == .unauthorized)
            #expect(response.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func staticFilesMayBeCached() async throws {
        try await withTandem { app, _ in
            var client = Browser(app)
            let response = try await client.get("/styles.css")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .cacheControl) != "no-store")
        }
    }
}
