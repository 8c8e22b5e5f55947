import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/api/v1/rate-cards`: the contract (`201 {"id", "version"}`), versions, roles and bad input.
@Suite("Rate cards API")
struct RateCardsAPITests {
    static let card = """
        {"name": "Lumen standard", "currency": "EUR", "grid": {"repetition": "10", "100": "20", "95-99": "40"},
         "prices": [{"source": "en", "target": "fr", "service": "translation", "unit": "word", "price": "0.12"}],
         "minimumCharge": "0.00"}
        """

    static func fixture(_ app: Application) async throws -> PipelineFixture {
        var f = try await PipelineFixture.make(app)
        try await makeUser(app, "mona@lumen.example", roles: [.manager])
        f.tokens["mona"] = try await APITests().token(app, for: "mona@lumen.example")
        return f
    }

    @Test func creatingACardAnswersItsIDAndVersion() async throws {
        try await withTandem { app, _ in
            let f = try await Self.fixture(app)
            let created = try await f.api(.POST, "/api/v1/rate-cards", as: "mona", json: Self.card)
            #expect(created.status == .created)
            let body = try created.json()
            #expect(Set(body.keys) == ["id", "version"])
            #expect(body["version"] as? Int == 1)
            let id = try #require(body["id"] as? String)
            #expect(created.location == "/api/v1/rate-cards/\(id)")

            let read = try await f.api(.GET, "/api/v1/rate-cards/\(id)", as: "sofia")
            #expect(read.status == .ok)
            let card = try read.json()
            #expect((card["grid"] as? [String: String])?["repetition"] == "10.00")
            #expect((card["grid"] as? [String: String])?["new"] == "100.00")
            #expect(((card["prices"] as? [[String: Any]])?.first?["price"]) as? String == "0.12")
            #expect(card["minimumCharge"] as? String == "0.00")
            #expect(card["accountId"] is NSNull)
        }
    }

    @Test func onlyManagersAndAdminsCreateAndEdit() async throws {
        try await withTandem { app, _ in
            let f = try await Self.fixture(app)
            for who in ["sofia", "paula", "victor"] {
                #expect(try await f.api(.POST, "/api/v1/rate-cards", as: who, json: Self.card).status == .forbidden)
            }
            let created = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: Self.card)
            let id = try #require(try created.json()["id"] as? String)
            #expect(try await f.api(.GET, "/api/v1/rate-cards", as: "paula").status == .ok)
            #expect(try await f.api(.GET, "/api/v1/rate-cards", as: "victor").status == .forbidden)
            let patch = #"{"minimumCharge": "50.00"}"#
            #expect(try await f.api(.PATCH, "/api/v1/rate-cards/\(id)", as: "sofia", json: patch).status == .forbidden)
        }
    }

    @Test func badInputNamesEachField() async throws {
        try await withTandem { app, _ in
            let f = try await Self.fixture(app)
            let bad = """
                {"name": "", "currency": "EURO", "grid": {"95-99": "140"},
                 "prices": [{"source": "en", "target": "fr", "service": "translation", "unit": "word", "price": "0.12"},
                            {"source": "en", "target": "de", "service": "translation", "unit": "sheet", "price": "abc"}],
                 "minimumCharge": "-1"}
                """
            let response = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: bad)
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.errorFields == [
                    "name", "currency", "grid.95-99", "prices[1].unit", "prices[1].price", "minimumCharge",
                ])
            let number =
                #"{"name": "X", "currency": "EUR", "prices": [{"source": "en", "target": "fr", "service": "translation", "unit": "word", "price": 0.12}]}"#
            let typed = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: number)
            #expect(typed.status == .unprocessableEntity && typed.errorField == "prices[0].price")
            let first =
                #"{"name": "X", "currency": "EUR", "prices": [{"source": "en", "target": "fr", "service": "translation", "unit": "word", "price": "-0.12"}]}"#
            let negative = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: first)
            #expect(negative.errorField == "prices[0].price")
            let empty = try await f.api(
                .POST, "/api/v1/rate-cards", as: "alex", json: #"{"name": "X", "currency": "EUR"}"#)
            #expect(empty.errorField == "prices")
        }
    }

    @Test func editingMakesANewVersionAndOldOnesStayReadable() async throws {
        try await withTandem { app, _ in
            let f = try await Self.fixture(app)
            let created = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: Self.card)
            let id = try #require(try created.json()["id"] as? String)
            let patched = try await f.api(
                .PATCH, "/api/v1/rate-cards/\(id)", as: "mona", json: #"{"minimumCharge": "45", "version": 1}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["version"] as? Int == 2)
            #expect(try patched.json()["minimumCharge"] as? String == "45.00")
            // A second edit made from version 1 lost the race.
            let stale = try await f.api(
                .PATCH, "/api/v1/rate-cards/\(id)", as: "alex", json: #"{"minimumCharge": "60", "version": 1}"#)
            #expect(stale.status == .conflict && stale.errorField == "version")
            let old = try await f.api(.GET, "/api/v1/rate-cards/\(id)?version=1", as: "sofia")
            #expect(try old.json()["minimumCharge"] as? String == "0.00")
            let latest = try await f.api(.GET, "/api/v1/rate-cards/\(id)", as: "sofia")
            #expect(try latest.json()["version"] as? Int == 2)
            let versions = try await f.api(.GET, "/api/v1/rate-cards/\(id)/versions", as: "paula")
            #expect(versions.items.map { $0["version"] as? Int } == [2, 1])
            #expect(try await f.api(.GET, "/api/v1/rate-cards/\(id)?version=9", as: "sofia").status == .notFound)
            #expect(try await f.api(.GET, "/api/v1/rate-cards/\(id)?version=x", as: "sofia").errorField == "version")
            let badPatch = try await f.api(
                .PATCH, "/api/v1/rate-cards/\(id)", as: "alex", json: #"{"pmFeePercent": "120"}"#)
            #expect(badPatch.status == .unprocessableEntity && badPatch.errorField == "pmFeePercent")
        }
    }

    @Test func oneCardPerAccountAndOneDefault() async throws {
        try await withTandem { app, _ in
            let f = try await Self.fixture(app)
            #expect(try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: Self.card).status == .created)
            let again = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: Self.card)
            #expect(again.status == .conflict && again.errorField == "accountId")
            let forAccount = Self.card.replacingOccurrences(
                of: #""name": "Lumen standard""#, with: #""name": "Acme", "accountId": "\#(f.accountID)""#)
            let created = try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: forAccount)
            #expect(created.status == .created)
            let list = try await f.api(.GET, "/api/v1/rate-cards", as: "sofia")
            #expect(list.items.map { $0["name"] as? String } == ["Lumen standard", "Acme"])
            let filtered = try await f.api(.GET, "/api/v1/rate-cards?accountId=\(f.accountID)", as: "sofia")
            #expect(filtered.items.count == 1)
            let unknown = Self.card.replacingOccurrences(
                of: #""name": "Lumen standard""#,
                with: #""name": "Ghost", "accountId": "00000000-0000-0000-0000-00000000dead""#)
            #expect(try await f.api(.POST, "/api/v1/rate-cards", as: "alex", json: unknown).errorField == "accountId")
        }
    }
}
