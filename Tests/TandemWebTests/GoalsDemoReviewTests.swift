import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The demo's review turnaround (docs/metrics.md): every historic review has its submission, so
/// PMs and the team show hours, the drill-down lists the reviews with their waits, and the API
/// and CSV carry the figure. The parity dashboard charts the margin leaked in money
/// (docs/guidance.md), in its API too.
@Suite("Goals demo: review turnaround and margin leaked")
struct GoalsDemoReviewTests {
    @Test func theDemoShowsReviewTurnaroundWithItsReviews() async throws {
        try await withDemoTandem { app, _ in
            let env = app.appEnvironment
            let manager = try #require(try await app.stores.users.list().first { $0.roles.contains(.manager) })
            let scorecards = Scorecards(env)
            let year = try await scorecards.period(ScorecardPeriodInput(period: "last-year"))
            let thisYear = try await scorecards.period(ScorecardPeriodInput(period: "year"))
            var measured = 0
            for period in [year, thisYear] {
                let pms = try await scorecards.rows(.pm, period: period, for: manager)
                for row in pms where row.metrics.reviewTurnaroundHours != nil {
                    measured += 1
                    let hours = try #require(row.metrics.reviewTurnaroundHours)
                    #expect(hours > 0 && hours < 48, "\(row.name)")
                    let reviews = try await scorecards.drillDown(
                        .reviewTurnaroundHours, subject: .pm, subjectID: row.subjectID, period: period, for: manager)
                    #expect(!reviews.isEmpty)
                    #expect(reviews.allSatisfy { r in r.submittedAt.map { $0 < r.at } ?? false })
                }
            }
            #expect(measured >= 2)
            // demo.v3.rates: every currency of the demo converts, over both years.
            for period in [year, thisYear] {
                let team = try #require(try await scorecards.rows(.team, period: period, for: manager).first)
                #expect(team.metrics.unconverted.isEmpty, "\(team.metrics.unconverted)")
                #expect(team.metrics.leadToWonDays.map { $0 >= 0 } ?? true)
            }
            // Samuel's rush deals of last quarter took more words than quoted.
            let samuel = try #require(try await app.stores.users.list().first { $0.displayName == "Samuel Sauer" })
            let lastQuarter = try await scorecards.period(ScorecardPeriodInput(period: "last-quarter"))
            let rep = try await scorecards.row(
                .rep, subjectID: samuel.id.description, period: lastQuarter, trend: 1, for: manager)
            let words = try #require(rep.metrics.wordAccuracy)
            #expect(words > 100 && words < 120)
            let jobs = try await scorecards.drillDown(
                .wordAccuracy, subject: .rep, subjectID: samuel.id.description, period: lastQuarter, for: manager)
            #expect(jobs.count == 12)
            let done = jobs.reduce(0) { $0 + ($1.actualWords ?? 0) }
            let quoted = jobs.reduce(0) { $0 + ($1.quotedWords ?? 0) }
            #expect(ScorecardMetrics.percent(Decimal(done), of: Decimal(quoted)) == words)

            var browser = Browser(app)
            _ = try await browser.signIn("manager@lumen.example", password: DemoSeed.password)
            let team = try await browser.get("/scorecards/team/all?period=year")
            #expect(team.status == .ok && team.body.string.contains("metrics.name") == false)
            let records = try await browser.get("/scorecards/team/all/records?metric=reviewTurnaroundHours&period=year")
            #expect(records.status == .ok)
            #expect(records.body.string.contains("Quote reviews decided in the period"))
            #expect(records.body.string.contains("<th scope=\"col\" class=\"num\">Turnaround</th>"))
            let csv = try await browser.get("/scorecards/export?subject=team&period=year")
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first?.hasSuffix(",wonToDeliveredDays,wordAccuracy") == true)

            let parity = try await browser.get("/parity?months=12")
            #expect(parity.body.string.contains(#"<figure class="chart chart-line" id="parity-leaked">"#))
            #expect(parity.body.string.contains("Margin leaked"))
            _ = try await makeUser(app, "mia.manager@lumen.example", roles: [.manager])
            let api = APITests()
            let token = api.bearer(try await api.token(app, for: "mia.manager@lumen.example"))
            let body = try await browser.request(.GET, "/api/v1/parity?months=12", headers: token).json()
            let periods = try #require(body["periods"] as? [[String: Any]])
            let leaked = periods.compactMap { $0["marginLeakage"] as? [String: Any] }
            #expect(leaked.count == 12 && leaked.allSatisfy { $0["currency"] as? String == "EUR" })
            #expect(leaked.contains { ($0["amount"] as? String).flatMap { Decimal(string: $0) } ?? 0 > 0 })
            #expect(periods.allSatisfy { $0["unconvertedCurrencies"] is [Any] })
        }
    }
}
