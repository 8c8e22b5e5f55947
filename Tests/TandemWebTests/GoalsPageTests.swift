import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The Goals pages on the demo: scorecards with their drill-down and CSV, the definitions, the
/// plan form, and the manager's comparison of the two demo plans on last quarter with the
/// alignment warning (docs/metrics.md).
@Suite("Goals pages")
struct GoalsPageTests {
    func manager(_ app: Application, language: String = "en") async throws -> Browser {
        var browser = Browser(app)
        browser.language = language
        _ = try await browser.signIn("manager@lumen.example", password: DemoSeed.password)
        return browser
    }

    @Test func aManagerComparesTheDemoPlansAndSeesTheAlignmentWarning() async throws {
        try await withDemoTandem { app, _ in
            var browser = try await manager(app)
            let plans = try await app.stores.goals.plans.list()
            #expect(plans.map(\.name) == ["Revenue commission", "Shared delivery plan"])
            let page = try await browser.get(
                "/scorecards/simulate?planA=\(plans[0].id)&planB=\(plans[1].id)&period=last-quarter")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("alignment-warning"))
            #expect(html.contains("Revenue commission pays Samuel Sauer"))
            #expect(html.contains("On-time rate:"))
            #expect(html.contains("simulation-table") && html.contains("Paula Project"))
            var french = try await manager(app, language: "fr")
            let fr = try await french.get(
                "/scorecards/simulate?planA=\(plans[0].id)&planB=\(plans[1].id)&period=last-quarter"
            ).body.string
            #expect(fr.contains("Rapport d’alignement") && fr.contains("Désaligné"))
        }
    }

    @Test func aScorecardDrillsDownToItsRecordsAndExportsCSV() async throws {
        try await withDemoTandem { app, _ in
            var browser = try await manager(app)
            let list = try await browser.get("/scorecards?subject=rep&period=last-quarter")
            #expect(list.status == .ok && list.body.string.contains("scorecards-table"))
            #expect(list.body.string.contains("Samuel Sauer"))
            let samuel = try #require(try await app.stores.users.list().first { $0.displayName == "Samuel Sauer" })
            let card = try await browser.get("/scorecards/rep/\(samuel.id)?period=last-quarter")
            #expect(card.status == .ok && card.body.string.contains("scorecard-trend"))
            // The trend is drawn too: the made-and-kept bars and the margin lines, each with its table.
            #expect(card.body.string.contains(#"<figure class="chart chart-bar" id="trend-promises">"#))
            #expect(card.body.string.contains(#"<figure class="chart chart-line" id="trend-margin">"#))
            // Someone with no promise in any period gets the chart's "no figures" note, not an axis of zeros.
            let manager = try #require(try await app.stores.users.list().first { $0.roles.contains(.manager) })
            let none = try await browser.get("/scorecards/rep/\(manager.id)?period=last-quarter")
            #expect(none.body.string.contains(#"id="trend-promises"><figcaption class="chart-caption">"#))
            #expect(
                none.body.string.firstMatch(of: /id="trend-promises">.*?<\/figure>/)?.0.contains("chart-empty") == true)
            let made = try #require(
                card.body.string.firstMatch(
                    of: /id="figure-promisesMade"><p class="big-number"><a href="[^"]*" class="figure-link">(\d+)</)
            )
            let records = try await browser.get(
                "/scorecards/rep/\(samuel.id)/records?metric=promisesMade&period=last-quarter")
            #expect(records.status == .ok)
            let count = try #require(records.body.string.firstMatch(of: /id="records-count">(\d+)</))
            #expect(count.1 == made.1)
            let csv = try await browser.get("/scorecards/export?subject=client&period=last-quarter")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first?.hasPrefix("subjectId,name,from,to,currency,promisesMade,promisesKept") == true)
            #expect(lines.count > 1)
            let definitions = try await browser.get("/scorecards/definitions")
            #expect(definitions.body.string.contains(#"id="onTimeRate""#))
            let wrong = try await browser.get("/scorecards?period=week")
            #expect(wrong.status == .ok && wrong.body.string.contains("field-error"))
        }
    }

    @Test func thePlanFormKeepsWhatWasTypedAndNamesEachField() async throws {
        try await withDemoTandem { app, _ in
            var browser = try await manager(app)
            let refused = try await browser.submit(
                "/scorecards/incentives",
                [
                    "name": "Half and half", "roles[]": "sales", "targetBonus": "2000", "kind[]": "bookedRevenue",
                    "weight[]": "50", "threshold[]": "0", "target[]": "1000", "cap[]": "2000",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("value=\"Half and half\""))
            #expect(refused.body.string.contains("make them add up to 100"))
            let saved = try await browser.submit(
                "/scorecards/incentives",
                [
                    "name": "Half and half", "roles[]": "sales", "targetBonus": "2000", "kind[]": "bookedRevenue",
                    "weight[]": "100", "threshold[]": "0", "target[]": "1000", "cap[]": "2000",
                ])
            #expect(saved.status == .seeOther)
            #expect(try await app.stores.goals.plans.list().contains { $0.name == "Half and half" })
            var sales = Browser(app)
            _ = try await sales.signIn("sofia.sales@lumen.example", password: DemoSeed.password)
            let page = try await sales.get("/scorecards/incentives")
            #expect(page.status == .ok && !page.body.string.contains("plan-form"))
        }
    }
}
