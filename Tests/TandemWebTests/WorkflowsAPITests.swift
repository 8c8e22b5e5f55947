import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/api/v1/workflows`, `/api/v1/pricing-settings`, `/api/v1/accounts/{id}/margin-floor`.
@Suite("Workflows and pricing settings API")
struct WorkflowsAPITests {
    @Test func everyoneReadsWorkflowsAndAdminsEditThem() async throws {
        try await withTandem { app, _ in
            let f = try await RateCardsAPITests.fixture(app)
            let list = try await f.api(.GET, "/api/v1/workflows", as: "sofia")
            #expect(list.status == .ok)
            #expect(list.items.map { $0["service"] as? String }.contains("translation"))
            let translation = try await f.api(.GET, "/api/v1/workflows/translation", as: "paula")
            let steps = try #require(try translation.json()["steps"] as? [[String: Any]])
            #expect(steps.map { $0["service"] as? String } == ["translation", "revision"])
            #expect(try translation.json()["version"] as? Int == 1)

            let body = """
                {"version": 1, "steps": [
                  {"service": "translation", "performer": "vendor", "unit": "word", "effort": "weighted-words"},
                  {"service": "revision", "performer": "vendor", "unit": "word", "effort": "words-except-context"},
                  {"service": "qa", "performer": "project-manager", "unit": "hour", "effort": "fixed", "fixedHours": "1.5"}]}
                """
            #expect(try await f.api(.PUT, "/api/v1/workflows/translation", as: "mona", json: body).status == .forbidden)
            let saved = try await f.api(.PUT, "/api/v1/workflows/translation", as: "alex", json: body)
            #expect(saved.status == .ok)
            #expect(try saved.json()["version"] as? Int == 2)
            let qa = try #require((try saved.json()["steps"] as? [[String: Any]])?.last)
            #expect(qa["fixedHours"] as? String == "1.5")
            let stale = try await f.api(.PUT, "/api/v1/workflows/translation", as: "alex", json: body)
            #expect(stale.status == .conflict && stale.errorField == "version")

            let bad = """
                {"steps": [{"service": "qa", "performer": "project-manager", "unit": "hour", "effort": "fixed"},
                           {"service": "dtp", "performer": "robot", "unit": "page", "effort": "quantity"}]}
                """
            let invalid = try await f.api(.PATCH, "/api/v1/workflows/dtp", as: "alex", json: bad)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.errorFields == ["steps[1].performer"])
            let noHours = try await f.api(
                .PATCH, "/api/v1/workflows/dtp", as: "alex",
                json:
                    #"{"steps": [{"service": "qa", "performer": "project-manager", "unit": "hour", "effort": "fixed"}]}"#
            )
            #expect(noHours.errorField == "steps[0].fixedHours")
            let noSteps = try await f.api(.PUT, "/api/v1/workflows/dtp", as: "alex", json: #"{"version": 1}"#)
            #expect(noSteps.errorField == "steps")
        }
    }

    @Test func pricingSettingsAreHiddenFromSalesAndEditedByAdmins() async throws {
        try await withTandem { app, _ in
            let f = try await RateCardsAPITests.fixture(app)
            #expect(try await f.api(.GET, "/api/v1/pricing-settings", as: "sofia").status == .forbidden)
            let read = try await f.api(.GET, "/api/v1/pricing-settings", as: "paula")
            #expect(read.status == .ok)
            let settings = try read.json()
            #expect(settings["marginFloor"] as? String == "30.00")
            #expect((settings["effortGrid"] as? [String: String])?["100"] == "20.00")
            let perWord = (settings["defaultCostRates"] as? [String: Any])?["perWord"] as? [String: String]
            #expect(perWord == ["amount": "0.08", "currency": "EUR"])

            let change = #"{"marginFloor": "35", "effortGrid": {"context": "0", "100": "25"}, "version": 1}"#
            #expect(try await f.api(.PATCH, "/api/v1/pricing-settings", as: "mona", json: change).status == .forbidden)
            let saved = try await f.api(.PATCH, "/api/v1/pricing-settings", as: "alex", json: change)
            #expect(saved.status == .ok)
            #expect(try saved.json()["marginFloor"] as? String == "35.00")
            #expect(try saved.json()["version"] as? Int == 2)
            let stale = try await f.api(.PATCH, "/api/v1/pricing-settings", as: "alex", json: change)
            #expect(stale.status == .conflict)
            let bad = try await f.api(
                .PATCH, "/api/v1/pricing-settings", as: "alex",
                json: #"{"marginFloor": "lots", "costPerWord": "-1", "effortGrid": {"old": "5"}}"#)
            #expect(bad.errorFields == ["effortGrid.old", "costPerWord", "marginFloor"])
        }
    }

    @Test func managersSetAnAccountsOwnMarginFloor() async throws {
        try await withTandem { app, _ in
            let f = try await RateCardsAPITests.fixture(app)
            let path = "/api/v1/accounts/\(f.accountID)/margin-floor"
            #expect(try await f.api(.PUT, path, as: "sofia", json: #"{"marginFloor": "40"}"#).status == .forbidden)
            let set = try await f.api(.PUT, path, as: "mona", json: #"{"marginFloor": "40"}"#)
            #expect(try set.json()["marginFloor"] as? String == "40.00")
            let settings = try await f.api(.GET, "/api/v1/pricing-settings", as: "alex")
            let floors = try #require(try settings.json()["accountMarginFloors"] as? [[String: String]])
            #expect(floors == [["accountId": f.accountID, "marginFloor": "40.00"]])
            #expect(
                try await f.api(.PUT, path, as: "mona", json: #"{"marginFloor": "140"}"#).errorField == "marginFloor")
            let cleared = try await f.api(.PUT, path, as: "mona", json: #"{"marginFloor": null}"#)
            #expect(try cleared.json()["marginFloor"] is NSNull)
            let ghost = "/api/v1/accounts/00000000-0000-0000-0000-00000000dead/margin-floor"
            #expect(try await f.api(.PUT, ghost, as: "mona", json: #"{"marginFloor": "40"}"#).status == .notFound)
        }
    }
}
