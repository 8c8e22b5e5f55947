import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The opportunity's brief (API and page) and its activities on the page.
@Suite("Opportunity brief and activities")
struct OpportunityBriefTests {
    @Test func anOpportunityStartsFromTheAccountsBriefAndOverridesParts() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let account =
                #"{"content": {"problems": "Slow agency", "objectives": "Launch in May", "qualityExpectations": "ISO 17100", "buyingCriteria": [{"name": "Quality", "weight": 60}]}}"#
            let saved = try await f.api(.PUT, "/api/v1/accounts/\(f.accountID)/brief", as: "sofia", json: account)
            #expect(saved.status == .ok, "\(saved.body.string)")
            let id = try #require(try await f.createOpportunity(withPM: true)["id"] as? String)
            let path = "/api/v1/opportunities/\(id)/brief"
            let first = try await f.api(.GET, path, as: "paula")
            #expect(first.status == .ok)
            #expect(try first.json()["version"] as? Int == 0)
            #expect((try first.json()["effective"] as? [String: Any])?["problems"] as? String == "Slow agency")
            #expect(try first.json()["isComplete"] as? Bool == true)
            let override = try await f.api(
                .PUT, path, as: "sofia", json: #"{"content": {"problems": "Only the app this time"}, "version": 0}"#)
            #expect(override.status == .ok, "\(override.body.string)")
            let body = try override.json()
            #expect((body["effective"] as? [String: Any])?["problems"] as? String == "Only the app this time")
            #expect((body["effective"] as? [String: Any])?["objectives"] as? String == "Launch in May")
            #expect(body["overriddenParts"] as? [String] == ["problems"])
            let stale = try await f.api(.PUT, path, as: "sofia", json: #"{"content": {"problems": "x"}, "version": 0}"#)
            #expect(stale.status == .conflict)
            let pmStatement = try await f.api(.PUT, path, as: "paula", json: #"{"content": {"risks": "x"}}"#)
            #expect(pmStatement.status == .forbidden)
            let pmNotes = try await f.api(
                .PUT, path, as: "paula",
                json: #"{"content": {"problems": "Only the app this time", "productionNotes": "Use the app TM"}}"#)
            #expect(pmNotes.status == .ok, "\(pmNotes.body.string)")
            #expect(try await f.api(.GET, path, as: "victor").status == .forbidden)
            let bad = try await f.api(.PUT, path, as: "sofia", json: #"{"content": {"problems": 3}}"#)
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test func thePageShowsTheEffectiveBriefAndLogsActivities() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            _ = try await f.api(
                .PUT, "/api/v1/accounts/\(f.accountID)/brief", as: "sofia",
                json: #"{"content": {"objectives": "Launch in May"}}"#)
            let id = try #require(try await f.createOpportunity()["id"] as? String)
            var sofia = Browser(app)
            _ = try await sofia.signIn("sofia@lumen.example")
            let page = try await sofia.get("/opportunities/\(id)")
            #expect(page.body.string.contains("Launch in May"))
            #expect(page.body.string.contains("Brief incomplete"))
            let saved = try await sofia.submit(
                "/opportunities/\(id)", to: "/opportunities/\(id)/brief",
                ["problems": "Only the mobile app", "version": "0"])
            #expect(saved.status == .seeOther)
            let after = try await sofia.get("/opportunities/\(id)").body.string
            #expect(after.contains("Only the mobile app"))
            #expect(after.contains("Brief saved."))
            let logged = try await sofia.submit(
                "/opportunities/\(id)", to: "/opportunities/\(id)/activities",
                ["kind": "call", "text": "Called the buyer", "nextStep": "Send samples", "nextStepDue": "2026-11-01"])
            #expect(logged.status == .seeOther)
            let withActivity = try await sofia.get("/opportunities/\(id)").body.string
            #expect(withActivity.contains("Called the buyer"))
            #expect(withActivity.contains("Send samples"))
            let dashboard = try await sofia.get("/").body.string
            #expect(dashboard.contains("Send samples"))
            let empty = try await sofia.submit(
                "/opportunities/\(id)", to: "/opportunities/\(id)/activities", ["kind": "call", "text": ""])
            #expect(empty.status == .seeOther)
            #expect(try await sofia.get("/opportunities/\(id)").body.string.contains("The activity was not logged"))
            var victor = Browser(app)
            _ = try await victor.signIn("victor@lumen.example")
            let refused = try await victor.submit(
                "/", to: "/opportunities/\(id)/activities", ["kind": "call", "text": "x"])
            #expect(refused.status == .forbidden)
        }
    }
}
