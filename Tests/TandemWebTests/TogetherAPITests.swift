import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The working-together API contract: proposals, signatures and decisions (409
/// `needs_cosignatures`, 403 for non-managers), ideas and votes, review meetings with versions.
@Suite("Working together over the API")
struct TogetherAPITests {
    struct People {
        var sofia: String
        var paula: String
        var morgan: String
        var victor: String
    }

    static func people(_ app: Application) async throws -> People {
        try await makeUser(app, "sofia@lumen.example", roles: [.sales])
        try await makeUser(app, "paula@lumen.example", roles: [.pm])
        try await makeUser(app, "morgan@lumen.example", roles: [.manager])
        try await makeUser(app, "victor@lumen.example", roles: [.vendorManager])
        let api = APITests()
        return People(
            sofia: try await api.token(app, for: "sofia@lumen.example"),
            paula: try await api.token(app, for: "paula@lumen.example"),
            morgan: try await api.token(app, for: "morgan@lumen.example"),
            victor: try await api.token(app, for: "victor@lumen.example"))
    }

    static let proposal = """
        {"title": "Terminology server", "oneOffCost": {"amount": "9000.00", "currency": "EUR"},
         "recurringCost": {"amount": "1200.00", "currency": "EUR"},
         "benefits": [{"kind": "time-saved", "description": "Term lookups", "hoursPerProject": "2",
                       "projectsPerYear": 150, "hourlyCost": {"amount": "35.00", "currency": "EUR"}},
                      "Clients in pharma ask for it"]}
        """

    @Test func aProposalNeedsBothCoSignaturesBeforeAManagerDecides() async throws {
        try await withTandem { app, _ in
            let p = try await Self.people(app)
            let h = APITests()
            var client = Browser(app)
            let created = try await client.request(
                .POST, "/api/v1/proposals", json: Self.proposal, headers: h.bearer(p.sofia))
            #expect(created.status == .created)
            let body = try created.json()
            let id = try #require(body["id"] as? String)
            #expect(body["paybackMonths"] as? String == "11.6")
            #expect((body["oneOffCost"] as? [String: String])?["amount"] == "9000.00")
            #expect((body["annualBenefit"] as? [String: String])?["amount"] == "10500.00")
            #expect((body["benefits"] as? [[String: Any]])?.last?["kind"] as? String == "other")
            let decide = #"{"decision": "approve", "reason": "Pays back within a year"}"#
            let early = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: decide, headers: h.bearer(p.morgan))
            #expect(early.status == .conflict && early.errorCode == "needs_cosignatures")
            let bySales = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: decide, headers: h.bearer(p.sofia))
            #expect(bySales.status == .forbidden)
            #expect(
                try await client.request(.POST, "/api/v1/proposals/\(id)/sign", headers: h.bearer(p.morgan)).status
                    == .forbidden)
            #expect(
                try await client.request(.POST, "/api/v1/proposals/\(id)/sign", headers: h.bearer(p.sofia)).status
                    == .ok)
            let twice = try await client.request(.POST, "/api/v1/proposals/\(id)/sign", headers: h.bearer(p.sofia))
            #expect((try twice.json()["signatures"] as? [Any])?.count == 1)
            #expect(try twice.json()["missingSides"] as? [String] == ["production"])
            let stillOne = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: decide, headers: h.bearer(p.morgan))
            #expect(stillOne.status == .conflict && stillOne.errorCode == "needs_cosignatures")
            let signed = try await client.request(.POST, "/api/v1/proposals/\(id)/sign", headers: h.bearer(p.victor))
            #expect(try signed.json()["hasCoSignatures"] as? Bool == true)
            let noReason = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: #"{"decision": "approve"}"#, headers: h.bearer(p.morgan))
            #expect(noReason.status == .unprocessableEntity && noReason.errorField == "reason")
            let unknown = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: #"{"decision": "maybe", "reason": "x"}"#,
                headers: h.bearer(p.morgan))
            #expect(unknown.status == .unprocessableEntity && unknown.errorField == "decision")
            let approved = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: decide, headers: h.bearer(p.morgan))
            #expect(approved.status == .ok)
            #expect(try approved.json()["status"] as? String == "approved")
            #expect((try approved.json()["decision"] as? [String: String])?["reason"] == "Pays back within a year")
            let again = try await client.request(
                .POST, "/api/v1/proposals/\(id)/decide", json: decide, headers: h.bearer(p.morgan))
            #expect(again.status == .conflict && again.errorField == "status")
            let review = try await client.request(
                .POST, "/api/v1/proposals/\(id)/benefit-review",
                json: #"{"realisedAnnualBenefit": {"amount": "8000.00", "currency": "EUR"}, "note": "Fewer lookups"}"#,
                headers: h.bearer(p.morgan))
            #expect(review.status == .ok)
            let list = try await client.request(.GET, "/api/v1/proposals", headers: h.bearer(p.paula))
            #expect(list.items.count == 1)
        }
    }

    @Test func badProposalsNameEveryField() async throws {
        try await withTandem { app, _ in
            let p = try await Self.people(app)
            var client = Browser(app)
            let bad = try await client.request(
                .POST, "/api/v1/proposals",
                json:
                    #"{"title": "", "oneOffCost": {"amount": "12,5", "currency": "EUR"}, "recurringCost": "0", "benefits": []}"#,
                headers: APITests().bearer(p.sofia))
            #expect(bad.status == .unprocessableEntity && bad.errorField == "oneOffCost.amount")
            let empty = try await client.request(
                .POST, "/api/v1/proposals",
                json:
                    #"{"title": " ", "oneOffCost": "100", "recurringCost": {"amount": "5", "currency": "USD"}, "benefits": [{"kind": "time-saved", "description": "x", "hoursPerProject": "2"}]}"#,
                headers: APITests().bearer(p.sofia))
            #expect(empty.status == .unprocessableEntity)
            let fields = try #require((try empty.json()["error"] as? [String: Any])?["fields"] as? [[String: Any]])
            #expect(
                fields.compactMap { $0["field"] as? String } == [
                    "title", "recurringCost.currency", "benefits[0].projectsPerYear", "benefits[0].hourlyCost",
                ])
            let missing = try await client.request(
                .POST, "/api/v1/proposals/\(UUID().uuidString.lowercased())/sign", headers: APITests().bearer(p.sofia))
            #expect(missing.status == .notFound)
        }
    }

    @Test func ideasCountOneVotePerUserAndOnlyManagersMoveThem() async throws {
        try await withTandem { app, _ in
            let p = try await Self.people(app)
            let h = APITests()
            var client = Browser(app)
            let created = try await client.request(
                .POST, "/api/v1/ideas", json: #"{"title": "Glossary day", "body": "Once a quarter, sales and PMs"}"#,
                headers: h.bearer(p.sofia))
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            _ = try await client.request(.POST, "/api/v1/ideas/\(id)/vote", headers: h.bearer(p.paula))
            let second = try await client.request(.POST, "/api/v1/ideas/\(id)/vote", headers: h.bearer(p.paula))
            #expect(second.status == .ok)
            #expect(try second.json()["votes"] as? Int == 1)
            _ = try await client.request(.POST, "/api/v1/ideas/\(id)/vote", headers: h.bearer(p.victor))
            let read = try await client.request(.GET, "/api/v1/ideas/\(id)", headers: h.bearer(p.sofia))
            let idea = try read.json()
            #expect(idea["id"] as? String == id && idea["status"] as? String == "new" && idea["votes"] as? Int == 2)
            #expect(idea["voted"] as? Bool == false)
            let move = #"{"status": "under-review"}"#
            #expect(
                try await client.request(.POST, "/api/v1/ideas/\(id)/status", json: move, headers: h.bearer(p.paula))
                    .status == .forbidden)
            let moved = try await client.request(
                .POST, "/api/v1/ideas/\(id)/status", json: move, headers: h.bearer(p.morgan))
            #expect(moved.status == .ok)
            #expect(try moved.json()["status"] as? String == "under-review")
            let skip = try await client.request(
                .POST, "/api/v1/ideas/\(id)/status", json: #"{"status": "done"}"#, headers: h.bearer(p.morgan))
            #expect(skip.status == .conflict && skip.errorField == "status")
            let unknown = try await client.request(
                .POST, "/api/v1/ideas/\(id)/status", json: #"{"status": "shelved"}"#, headers: h.bearer(p.morgan))
            #expect(unknown.status == .unprocessableEntity && unknown.errorField == "status")
            let declineBare = try await client.request(
                .POST, "/api/v1/ideas/\(id)/status", json: #"{"status": "declined"}"#, headers: h.bearer(p.morgan))
            #expect(declineBare.status == .unprocessableEntity && declineBare.errorField == "reason")
            let declined = try await client.request(
                .POST, "/api/v1/ideas/\(id)/status", json: #"{"status": "declined", "reason": "The TMS does it"}"#,
                headers: h.bearer(p.morgan))
            #expect(try declined.json()["declineReason"] as? String == "The TMS does it")
            let list = try await client.request(.GET, "/api/v1/ideas?status=declined", headers: h.bearer(p.victor))
            #expect(list.items.count == 1)
            let noTitle = try await client.request(
                .POST, "/api/v1/ideas", json: #"{"body": "x"}"#, headers: h.bearer(p.sofia))
            #expect(noTitle.status == .unprocessableEntity && noTitle.errorField == "title")
        }
    }

    @Test func minutesSavedFromAnOlderVersionAre409AndTheBoardAnswers() async throws {
        try await withTandem { app, _ in
            let p = try await Self.people(app)
            let h = APITests()
            var client = Browser(app)
            let created = try await client.request(
                .POST, "/api/v1/review-meetings", json: #"{"title": "December review", "heldOn": "2026-12-01"}"#,
                headers: h.bearer(p.sofia))
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let save = #"{"minutes": "Pipeline healthy", "decisions": ["Hire a DE reviewer"], "version": 1}"#
            let saved = try await client.request(
                .PUT, "/api/v1/review-meetings/\(id)/minutes", json: save, headers: h.bearer(p.paula))
            #expect(saved.status == .ok)
            #expect(try saved.json()["version"] as? Int == 2)
            let stale = try await client.request(
                .PUT, "/api/v1/review-meetings/\(id)/minutes", json: save, headers: h.bearer(p.sofia))
            #expect(stale.status == .conflict && stale.errorField == "version")
            #expect(
                try await client.request(.GET, "/api/v1/review-meetings", headers: h.bearer(p.victor)).status
                    == .forbidden)
            let board = try await client.request(.GET, "/api/v1/reviews/board", headers: h.bearer(p.sofia))
            #expect(board.status == .ok)
            let json = try board.json()
            #expect(json["hotSpots"] is [Any] && json["waitingQuotes"] is [Any] && json["closedDeals"] is [Any])
        }
    }
}
