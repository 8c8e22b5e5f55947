import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Issue #14's leftovers on pages: the account form's time zone (stored, shown by the API, and
/// the zone a promised day is judged in) and the project page's promises with their standing.
@Suite("Client time zone and the project's promises")
struct ClientZoneAndPromiseRowsTests {
    let ledger = LedgerAPITests()

    @Test func theAccountFormSetsTheZoneAPromisedDayIsJudgedIn() async throws {
        try await ledger.withWorld { w in
            let (de, fr) = (w.promises[0].id, w.promises[1].id)
            let accountID = w.project.accountID
            // Both promises become the day Fri 2026-11-20; the clock moves past it (pinned).
            for id in [de, fr] {
                let renegotiated = try await ledger.call(
                    w, .POST, "/api/v1/promises/\(id)/renegotiate", as: w.sales,
                    json:
                        #"{"deliveryDate": "2026-11-20", "reason": "Client asks for Friday", "cause": "client_change"}"#
                )
                #expect(renegotiated.status == .ok, "\(renegotiated.body.string)")
            }
            w.clock.advance(by: 3 * 86_400)
            let evening = #"{"deliveredAt": "2026-11-20T20:00:00Z", "what": "12 files", "recipient": "Anna"}"#
            // In the organisation's zone, 20:00 UTC is still Friday: kept.
            let inTime = try await ledger.call(w, .POST, "/api/v1/promises/\(fr)/deliveries", as: w.pm, json: evening)
            #expect(inTime.status == .created, "\(inTime.body.string)")
            #expect(try (inTime.json()["promise"] as? [String: Any])?["status"] as? String == "kept")

            // The rep sets the client's zone on the account form; a wrong one is shown by its field.
            var rep = Browser(w.app)
            _ = try await rep.signIn("sofia@lumen.example")
            let edit = "/accounts/\(accountID)/edit"
            let form = try await rep.get(edit)
            #expect(form.status == .ok && form.body.string.contains(#"<select id="timeZone" name="timeZone""#))
            let wrong = try await rep.submit(
                edit, ["name": "Maison Lumière", "timeZone": "Mars/Olympus", "version": "1"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains(#"id="timeZone-error""#) && wrong.body.string.contains("Mars/Olympus"))
            let saved = try await rep.submit(
                edit, ["name": "Maison Lumière", "timeZone": "Asia/Tokyo", "version": "1"])
            #expect(saved.status == .seeOther)
            let account = try await ledger.call(w, .GET, "/api/v1/accounts/\(accountID)", as: w.sales).json()
            #expect(account["timeZone"] as? String == "Asia/Tokyo")
            #expect(try await rep.get(edit).body.string.contains(#"<option value="Asia/Tokyo" selected>"#))

            // In Tokyo, 20:00 UTC is already Saturday: the same delivery of the other target is late.
            let late = try await ledger.call(w, .POST, "/api/v1/promises/\(de)/deliveries", as: w.pm, json: evening)
            #expect(late.status == .unprocessableEntity)
            #expect(try (late.json()["error"] as? [String: Any])?["field"] as? String == "lateCause")
        }
    }

    @Test func theProjectPageShowsEachPromisesStandingAndLinksToIt() async throws {
        try await ledger.withWorld { w in
            let (de, fr) = (w.promises[0].id, w.promises[1].id)
            // French was due on day 7, German on day 9: on day 8 French reads broken.
            w.clock.advance(by: 8 * 86_400)
            var pm = Browser(w.app)
            _ = try await pm.signIn("paula@lumen.example")
            let page = try await pm.get("/projects/\(w.project.id)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"<a href="/promises/\#(fr)">"#) && html.contains(#"<a href="/promises/\#(de)">"#))
            #expect(html.contains(#"<span class="badge badge-danger"><span aria-hidden="true">✕</span> Broken</span>"#))
            #expect(html.contains(#"<span class="badge badge-ok"><span aria-hidden="true">●</span> On track</span>"#))
        }
    }
}

/// `/today` shows the signed-in PM's own projects by default; "Show every PM's" (`?all=1`) the rest.
@Suite("My day: mine by default")
struct TodayMineByDefaultTests {
    @Test func anotherPMsAtRiskPromiseShowsOnlyWithTheToggle() async throws {
        try await LedgerAPITests().withWorld { w in
            let env = w.app.appEnvironment
            // Paula's French promise turns at risk: production's plan ends after it.
            let late = w.promises[1].deliveryDate.addingTimeInterval(86_400)
            try await PromiseLedger(env).refresh(
                projectID: w.project.id,
                forecast: [w.promises[1].targetLanguage: PromiseForecast(expectedFinish: late, expectedCost: nil)])
            try await makeUser(w.app, "pierre@lumen.example", roles: [.pm])
            var paula = Browser(w.app)
            _ = try await paula.signIn("paula@lumen.example")
            #expect(try await paula.get("/today").body.string.contains("/projects/\(w.project.id)"))
            var pierre = Browser(w.app)
            _ = try await pierre.signIn("pierre@lumen.example")
            let mine = try await pierre.get("/today").body.string
            #expect(!mine.contains("/projects/\(w.project.id)") && mine.contains(#"href="/today?all=1""#))
            #expect(try await pierre.get("/today?all=1").body.string.contains("/projects/\(w.project.id)"))
        }
    }
}
