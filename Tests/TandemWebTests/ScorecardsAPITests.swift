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

    @Test func managersDefinePlansAndSimulateThemWithTheAlignmentWarning() async throws {
        try await withDemoTandem { app, _ in
            _ = try await makeUser(app, "mia.manager@lumen.example", roles: [.manager])
            _ = try await makeUser(app, "rhea.rep@lumen.example", roles: [.sales])
            let token = api.bearer(try await api.token(app, for: "mia.manager@lumen.example"))
            var client = Browser(app)
            let list = try await client.request(.GET, "/api/v1/incentive-plans", headers: token)
            let plans = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(plans.map { $0["name"] as? String } == ["Revenue commission", "Shared delivery plan"])
            let ids = plans.compactMap { $0["id"] as? String }
            let zone = TimeZone(identifier: "Europe/Paris")!
            let quarter = MetricPeriod.containing(
                Date(timeIntervalSince1970: 1_795_000_000), kind: .quarter, zone: zone.identifier
            ).previous
            let body =
                #"{"planIds": ["\#(ids[0])", "\#(ids[1])"], "from": "\#(quarter.first)", "to": "\#(quarter.last)"}"#
            let simulated = try await client.request(
                .POST, "/api/v1/incentive-plans/simulate", json: body, headers: token)
            #expect(simulated.status == .ok)
            let answer = try simulated.json()
            let warnings = try #require(answer["warnings"] as? [[String: Any]])
            let warning = try #require(
                warnings.first { $0["code"] as? String == "volume_rewarded_while_delivery_fell" })
            #expect(warning["planId"] as? String == ids[0])
            #expect((warning["evidence"] as? [[String: Any]])?.contains { $0["worse"] as? Bool == true } == true)
            let people = try #require(answer["people"] as? [[String: Any]])
            #expect(people.contains { $0["name"] as? String == "Samuel Sauer" })
            let missing = try await client.request(
                .POST, "/api/v1/incentive-plans/simulate", json: #"{"planIds": []}"#, headers: token)
            #expect(missing.status == .unprocessableEntity && errorField(missing) == "planIds")
            let bad = try await client.request(
                .POST, "/api/v1/incentive-plans",
                json:
                    #"{"name": "Half", "roles": ["sales"], "targetBonus": "100", "components": [{"kind": "bookedRevenue", "weight": "50", "threshold": "0", "target": "10", "cap": "5"}]}"#,
                headers: token)
            #expect(bad.status == .unprocessableEntity && errorField(bad) == "components.0.cap")
            let made = try await client.request(
                .POST, "/api/v1/incentive-plans",
                json:
                    #"{"name": "Half", "roles": ["sales", "pm"], "targetBonus": {"amount": "100.00", "currency": "EUR"}, "components": [{"kind": "promisesKept", "weight": "100", "threshold": "0", "target": "10", "cap": "20"}]}"#,
                headers: token)
            let shared = try made.json()["shared"] as? Bool
            #expect(made.status == .created && shared == true)
            let rep = api.bearer(try await api.token(app, for: "rhea.rep@lumen.example"))
            let refused = try await client.request(
                .POST, "/api/v1/incentive-plans", json: #"{"name": "Mine"}"#, headers: rep)
            #expect(refused.status == .forbidden)
            let own = try await client.request(
                .POST, "/api/v1/incentive-plans/simulate", json: body, headers: rep)
            let ownPeople = try own.json()["people"] as? [[String: Any]]
            #expect(ownPeople?.count == 1)
        }
    }
}
