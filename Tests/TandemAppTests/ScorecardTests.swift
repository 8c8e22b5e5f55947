import Foundation
import TandemApp
import TandemDomain
import Testing

/// Each metric's definition on `GoalsWorld` (docs/metrics.md), on SQLite and PostgreSQL.
@Suite("Scorecards")
struct ScorecardTests {
    func d(_ text: String) -> Decimal { Decimal(string: text)! }
    func eur(_ text: String) -> Money { Money(Decimal(string: text)!, .eur) }

    func october(_ w: GoalsWorld, _ subject: ScorecardSubject) async throws -> [ScorecardRow] {
        try await w.scorecards.rows(subject, period: try await w.scorecards.period(GoalsWorld.october), for: w.manager)
    }

    @Test func theTeamScorecardFollowsEachDefinition() async throws {
        try await GoalsWorld.run { w in
            let rows = try await october(w, .team)
            #expect(rows.count == 1)
            let m = try #require(rows.first).metrics
            // Made in October: X-fr, X-de, Y-fr (Y-it cancelled, Z-fr made in September).
            #expect(m.promisesMade == 3)
            #expect(m.promisesKept == 1)
            #expect(m.promisesBroken == 2)
            #expect(m.onTimeRate == d("33.33"))
            // First-version prices: 500 + 400 + 1000 USD × 0.90.
            #expect(m.bookedRevenue == eur("1800"))
            // Quoted costs 200 + 150 + 500.
            #expect(m.quotedMargin == eur("950"))
            #expect(m.quotedMarginPercent == d("52.78"))
            // Delivered in October: X-fr 600 (cost 250), X-de 400 (150), Z-fr 300 (120).
            #expect(m.deliveredRevenue == eur("1300"))
            #expect(m.deliveredMargin == eur("780"))
            #expect(m.deliveredMarginPercent == d("60"))
            // Actual 520 against quoted 450.
            #expect(m.costAccuracy == d("115.56"))
            // X-fr and Z-fr by their first date; X-de late and complained about.
            #expect(m.dateAccuracy == d("66.67"))
            #expect(m.qualityScore == d("66.67"))
            // 6, 11 and 13 days from acceptance to delivery.
            #expect(m.wonToDeliveredDays == d("10"))
            // Quotes X and Y accepted, L lost.
            #expect(m.winRate == d("66.67"))
            // Opportunities made 10 Sep, won 5 Oct (25 days) and 20 Oct (40 days).
            #expect(m.leadToWonDays == d("32.5"))
            #expect(m.reviewTurnaroundHours == d("11"))
            #expect(m.wordAccuracy == d("103.48"))
            #expect(m.unconverted.isEmpty)
        }
    }

    @Test func repsPmsClientsAndPairsSplitTheSameRecords() async throws {
        try await GoalsWorld.run { w in
            let reps = try await october(w, .rep)
            #expect(reps.map(\.name) == ["anna@lumen.example", "bruno@lumen.example"])
            let anna = reps[0].metrics
            let bruno = reps[1].metrics
            #expect((anna.promisesMade, anna.promisesKept, anna.onTimeRate) == (2, 1, d("50")))
            #expect(anna.bookedRevenue == eur("900"))
            #expect(anna.quotedMargin == eur("550"))
            #expect(anna.deliveredRevenue == eur("1300"))
            #expect(anna.winRate == d("100"))
            #expect(anna.leadToWonDays == d("25"))
            #expect((bruno.promisesMade, bruno.promisesKept, bruno.onTimeRate) == (1, 0, d("0")))
            #expect(bruno.bookedRevenue == eur("900"))
            #expect(bruno.deliveredRevenue == eur("0"))
            #expect(bruno.deliveredMarginPercent == nil)
            #expect(bruno.winRate == d("50"))

            let pms = try await october(w, .pm)
            #expect(pms.map(\.subjectID) == [w.pm.id.description])
            #expect(pms[0].metrics.promisesMade == 3)

            let clients = try await october(w, .client)
            #expect(clients.map(\.name) == ["Acme", "Beta"])
            #expect(clients[1].metrics.bookedRevenue == eur("900"))

            let pairs = try await october(w, .pair)
            #expect(pairs.map(\.name) == ["en → de", "en → fr"])
            #expect(pairs[1].metrics.promisesMade == 2)
            #expect(pairs[1].metrics.winRate == nil)
        }
    }

    @Test func everyFigureEqualsTheSumOfItsDrillDown() async throws {
        try await GoalsWorld.run { w in
            let period = try await w.scorecards.period(GoalsWorld.october)
            let rates: (Money) -> Decimal = { $0.currency == .usd ? $0.amount * Decimal(string: "0.90")! : $0.amount }
            for subject in [ScorecardSubject.team, .rep] {
                for row in try await w.scorecards.rows(subject, period: period, for: w.manager) {
                    func drill(_ metric: MetricName) async throws -> [DrillRow] {
                        try await w.scorecards.drillDown(
                            metric, subject: subject, subjectID: row.subjectID, period: period, for: w.manager)
                    }
                    let m = row.metrics
                    let made = try await drill(.promisesMade)
                    #expect(made.count == m.promisesMade)
                    #expect(try await drill(.promisesKept).count == m.promisesKept)
                    #expect(try await drill(.promisesBroken).count == m.promisesBroken)
                    #expect(made.reduce(Decimal(0)) { $0 + rates($1.quotedPrice!) } == m.bookedRevenue.amount)
                    let quotedCost = made.reduce(Decimal(0)) { $0 + ($1.quotedCost?.amount ?? 0) }
                    #expect(m.bookedRevenue.amount - quotedCost == m.quotedMargin.amount)
                    let delivered = try await drill(.deliveredRevenue)
                    #expect(delivered.reduce(Decimal(0)) { $0 + rates($1.price!) } == m.deliveredRevenue.amount)
                    let cost = delivered.reduce(Decimal(0)) { $0 + ($1.cost?.amount ?? 0) }
                    #expect(m.deliveredRevenue.amount - cost == m.deliveredMargin.amount)
                    let quotes = try await drill(.winRate)
                    #expect(
                        quotes.filter { $0.status == "accepted" }.count * 100 / max(quotes.count, 1)
                            == NSDecimalNumber(decimal: m.winRate ?? 0).intValue)
                }
            }
        }
    }

    @Test func periodsAreReadFromTheQueryAndWrongOnesNameTheirField() async throws {
        let now = GoalsWorld.day("2026-11-18")
        let q = try ScorecardPeriodInput(period: "quarter").resolve(now: now, zone: "UTC")
        #expect((q.first.description, q.last.description) == ("2026-10-01", "2026-12-31"))
        let last = try ScorecardPeriodInput(period: "last-quarter").resolve(now: now, zone: "UTC")
        #expect((last.first.description, last.last.description) == ("2026-07-01", "2026-09-30"))
        #expect(last.trend(3).map(\.first.description) == ["2026-01-01", "2026-04-01", "2026-07-01"])
        let month = try ScorecardPeriodInput(period: "month", from: "2026-02-14").resolve(now: now, zone: "UTC")
        #expect(month.last.description == "2026-02-28")
        let custom = try ScorecardPeriodInput(from: "2026-10-01", to: "2026-10-10").resolve(now: now, zone: "UTC")
        #expect(custom.previous.first.description == "2026-09-21")
        do {
            _ = try ScorecardPeriodInput(period: "week", from: "2026-13-01").resolve(now: now, zone: "UTC")
            Issue.record("expected errors")
        } catch let error as ValidationErrors {
            #expect(error.errors.map(\.field) == ["period", "from"])
        }
        do {
            _ = try ScorecardPeriodInput(from: "2026-10-10", to: "2026-10-01").resolve(now: now, zone: "UTC")
            Issue.record("expected an error")
        } catch let error as ValidationErrors {
            #expect(error.errors.map(\.field) == ["to"])
        }
    }
}
