import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/api/v1/opportunities`: right role, wrong role, bad input for every route.
@Suite("Opportunities API")
struct OpportunityAPITests {
    @Test func aNewOpportunityStartsAtLeadWithItsProbability() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let created = try await f.createOpportunity()
            #expect(created["stage"] as? String == (try await f.stageID("Lead")))
            // The PM partner defaults to the account's.
            let partnered = try await f.makeAccount(name: "Globex Legal", extra: #", "partnerPmId": "\#(f.pm.id)""#)
            let withPartner = try await f.api(
                .POST, "/api/v1/opportunities", as: "sofia", json: PipelineFixture.body(accountID: partnered))
            #expect(try withPartner.json()["partnerPmId"] as? String == f.pm.id.description)
            let unknownAccount = try await f.api(
                .POST, "/api/v1/opportunities", as: "sofia", json: PipelineFixture.body(accountID: UUID().uuidString))
            #expect(unknownAccount.status == .unprocessableEntity && unknownAccount.errorField == "accountId")
            #expect(created["probability"] as? Int == 10)
            #expect(created["partnerPmId"] is NSNull)
            #expect(created["ownerId"] as? String == f.rep.id.description)
            #expect((created["expectedValue"] as? [String: String]) == ["amount": "12000.00", "currency": "EUR"])
            #expect(created["version"] as? Int == 1)
            let id = try #require(created["id"] as? String)
            let read = try await f.api(.GET, "/api/v1/opportunities/\(id)", as: "paula")
            #expect(read.status == .ok)
            #expect(try read.json()["name"] as? String == "Website relaunch")
        }
    }

    @Test func creatingIsForSalesAndBadInputNamesTheField() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let body = PipelineFixture.body(accountID: f.accountID)
            #expect(try await f.api(.POST, "/api/v1/opportunities", as: "victor", json: body).status == .forbidden)
            #expect(try await f.api(.POST, "/api/v1/opportunities", as: "paula", json: body).status == .forbidden)
            let missing = try await f.api(
                .POST, "/api/v1/opportunities", as: "sofia", json: #"{"accountId": "\#(f.accountID)"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorField == "name")
            let badAmount = try await f.api(
                .POST, "/api/v1/opportunities", as: "sofia",
                json: PipelineFixture.body(accountID: f.accountID, amount: "12,000"))
            #expect(badAmount.status == .unprocessableEntity)
            #expect(badAmount.errorField == "expectedValue.amount")
            let badLanguage = try await f.api(
                .POST, "/api/v1/opportunities", as: "sofia",
                json: body.replacingOccurrences(of: #"["fr", "de"]"#, with: #"["fr", "d!"]"#))
            #expect(badLanguage.errorField == "targetLanguages.1")
        }
    }

    @Test func listsFilterAndPage() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            for n in 1...3 { _ = try await f.createOpportunity(name: "Deal \(n)") }
            let page = try await f.api(.GET, "/api/v1/opportunities?limit=2", as: "paula")
            #expect(page.status == .ok)
            #expect(page.items.count == 2)
            let cursor = try #require(page.nextCursor)
            let rest = try await f.api(.GET, "/api/v1/opportunities?limit=2&cursor=\(cursor)", as: "paula")
            #expect(rest.items.map { $0["name"] as? String } == ["Deal 3"])
            let owned = try await f.api(.GET, "/api/v1/opportunities?ownerId=\(f.otherRep.id)", as: "sofia")
            #expect(owned.items.isEmpty)
            let pair = try await f.api(.GET, "/api/v1/opportunities?sourceLanguage=en&targetLanguage=de", as: "sofia")
            #expect(pair.items.count == 3)
            let bad = try await f.api(
                .GET, "/api/v1/opportunities?closeFrom=soon&capabilityBuilding=maybe", as: "sofia")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["closeFrom", "capabilityBuilding"])
            #expect(try await f.api(.GET, "/api/v1/opportunities", as: "victor").status == .forbidden)
        }
    }

    @Test func readingNeedsAWellFormedKnownID() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            #expect(try await f.api(.GET, "/api/v1/opportunities/nope", as: "sofia").status == .badRequest)
            let unknown = try await f.api(.GET, "/api/v1/opportunities/\(UUID().uuidString)", as: "sofia")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func ownersChangeTheirDealsOthersDoNot() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let id = try #require(try await f.createOpportunity()["id"] as? String)
            let path = "/api/v1/opportunities/\(id)"
            let changed = try await f.api(.PATCH, path, as: "sofia", json: #"{"probability": 35, "nextStep": "Call"}"#)
            #expect(changed.status == .ok)
            #expect(try changed.json()["probability"] as? Int == 35)
            #expect(try changed.json()["probabilityOverridden"] as? Bool == true)
            #expect(try await f.api(.PATCH, path, as: "samuel", json: #"{"name": "Mine"}"#).status == .forbidden)
            #expect(try await f.api(.PATCH, path, as: "paula", json: #"{"name": "Mine"}"#).status == .forbidden)
            #expect(try await f.api(.PATCH, path, as: "alex", json: #"{"name": "Renamed"}"#).status == .ok)
            let bad = try await f.api(.PATCH, path, as: "sofia", json: #"{"probability": 140}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorField == "probability")
            let stale = try await f.api(.PATCH, path, as: "sofia", json: #"{"name": "Late", "version": 1}"#)
            #expect(stale.status == .conflict)
            #expect(stale.errorField == "version")
            let cleared = try await f.api(.PATCH, path, as: "sofia", json: #"{"probability": null}"#)
            #expect(try cleared.json()["probability"] as? Int == 10)
        }
    }

    @Test func solutionDesignNeedsAPMPartner() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let id = try #require(try await f.createOpportunity()["id"] as? String)
            let design = try await f.stageID("Solution design")
            let move = "/api/v1/opportunities/\(id)/stage"
            let refused = try await f.api(.POST, move, as: "sofia", json: #"{"stage": "\#(design)"}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.errorField == "partnerPmId")
            _ = try await f.api(
                .PATCH, "/api/v1/opportunities/\(id)", as: "sofia", json: #"{"partnerPmId": "\#(f.pm.id)"}"#)
            let moved = try await f.api(.POST, move, as: "sofia", json: #"{"stage": "\#(design)"}"#)
            #expect(moved.status == .ok)
            #expect(try moved.json()["stage"] as? String == design)
            #expect(try moved.json()["probability"] as? Int == 40)
            let unknown = try await f.api(.POST, move, as: "sofia", json: #"{"stage": "nope"}"#)
            #expect(unknown.status == .unprocessableEntity && unknown.errorField == "stage")
            let lost = try await f.stageID("Lost")
            let noReason = try await f.api(.POST, move, as: "sofia", json: #"{"stage": "\#(lost)"}"#)
            #expect(noReason.errorField == "lostReasonId")
            #expect(try await f.api(.POST, move, as: "paula", json: #"{"stage": "\#(lost)"}"#).status == .forbidden)
            let reasons = try await f.api(.GET, "/api/v1/lost-reasons", as: "sofia").items
            let reason = try #require(reasons.first?["id"] as? String)
            let gone = try await f.api(
                .POST, move, as: "sofia",
                json: #"{"stage": "\#(lost)", "lostReasonId": "\#(reason)", "lostNote": "In-house"}"#)
            #expect(gone.status == .ok)
            #expect(try gone.json()["lostReasonId"] as? String == reason)
            #expect(try gone.json()["probability"] as? Int == 0)
        }
    }

    @Test func thePMPartnerWritesSolutionNotesSalesRepsDoNot() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let other = try #require(try await f.createOpportunity(name: "Not hers")["id"] as? String)
            let notHers = try await f.api(
                .PUT, "/api/v1/opportunities/\(other)/solution-notes", as: "paula", json: #"{"solutionNotes": "x"}"#)
            #expect(notHers.status == .forbidden)
            let id = try #require(try await f.createOpportunity(withPM: true)["id"] as? String)
            let path = "/api/v1/opportunities/\(id)/solution-notes"
            let written = try await f.api(
                .PUT, path, as: "paula", json: #"{"solutionNotes": "Two linguists, client TM"}"#)
            #expect(written.status == .ok)
            #expect(try written.json()["solutionNotesBy"] as? String == f.pm.id.description)
            #expect(try await f.api(.PUT, path, as: "sofia", json: #"{"solutionNotes": "x"}"#).status == .forbidden)
            let bad = try await f.api(.PUT, path, as: "paula", json: #"{"solutionNotes": 7}"#)
            #expect(bad.status == .unprocessableEntity && bad.errorField == "solutionNotes")
        }
    }
}
