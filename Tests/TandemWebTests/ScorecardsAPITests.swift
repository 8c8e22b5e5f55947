import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `GET /api/v1/scorecards/{subject}` on the demo: the contract's fields, paging, and errors
/// naming their field (docs/metrics.md).
@Suite("Scorecards API")
struct ScorecardsAPITests {
    let api = APITests()

    func errorField(_ response: TestingHTTPResponse) -> String? {
        ((try? response.json())?["error"] as? [String: Any])?["field"] as? String
    }

    @Test func repsScorecardsAnswerTheContractsFields() async throws {
        try await withDemoTandem { app, _ in
            _ = try await makeUser(app, "mia.manager@lumen.example", roles: [.manager])
            let token = api.bearer(try await api.token(app, for: "mia.manager@lumen.example"))
            var client = Browser(app)
            let page = try await client.request(.GET, "/api/v1/scorecards/rep?period=last-quarter", headers: token)
            #expect(page.status == .ok)
            let body = try page.json()
            #expect(body.keys.contains("nextCursor"))
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(!items.isEmpty)
            let first = try #require(items.first)
            #expect(first["subjectId"] is String && first["name"] is String)
            let metrics = try #require(first["metrics"] as? [String: Any])
            for key in [
                "onTimeRate", "promisesKept", "promisesMade", "bookedRevenue", "deliveredRevenue", "quotedMargin",
                "deliveredMargin", "winRate",
            ] {
                #expect(metrics.keys.contains(key), "missing \(key)")
            }
            #expect(metrics["promisesMade"] is Int)
            #expect((metrics["bookedRevenue"] as? [String: Any])?["currency"] as? String == "EUR")
            let one = try await client.request(
                .GET, "/api/v1/scorecards/rep?period=last-quarter&limit=1", headers: token)
            let cursor = try #require(try one.json()["nextCursor"] as? String)
            let next = try await client.request(
                .GET, "/api/v1/scorecards/rep?period=last-quarter&limit=1&cursor=\(cursor)", headers: token)
            let second = try #require((try next.json()["items"] as? [[String: Any]])?.first)
            #expect(second["subjectId"] as? String == items[1]["subjectId"] as? String)
            for subject in ["pm", "client", "pair", "team"] {
                let answer = try await client.request(
                    .GET, "/api/v1/scorecards/\(subject)?from=2026-01-01&to=2026-06-30", headers: token)
                #expect(answer.status == .ok, "\(subject)")
            }
        }
    }

    @Test func anUnknownSubjectOrABadDayNamesItsField() async throws {
        try await withTandem { app, _ in
            _ = try await makeUser(app, "mia.manager@lumen.example", roles: [.manager])
            _ = try await makeUser(app, "vera@lumen.example", roles: [.vendorManager])
            let token = api.bearer(try await api.token(app, for: "mia.manager@lumen.example"))
            var client = Browser(app)
            let subject = try await client.request(.GET, "/api/v1/scorecards/vendor", headers: token)
            #expect(subject.status == .badRequest && errorField(subject) == "subject")
            let day = try await client.request(
                .GET, "/api/v1/scorecards/rep?from=2026-13-01&to=2026-12-31", headers: token)
            #expect(day.status == .unprocessableEntity && errorField(day) == "from")
            let period = try await client.request(.GET, "/api/v1/scorecards/team?period=week", headers: token)
            #expect(period.status == .unprocessableEntity && errorField(period) == "period")
            let empty = try await client.request(.GET, "/api/v1/scorecards/team", headers: token)
            #expect(empty.status == .ok)
            let vendors = api.bearer(try await api.token(app, for: "vera@lumen.example"))
            let forbidden = try await client.request(.GET, "/api/v1/scorecards/team", headers: vendors)
            #expect(forbidden.status == .forbidden)
        }
    }
}
