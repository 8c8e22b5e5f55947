import Foundation
import TandemApp
import TandemDomain
import Testing

/// The scorecards' CSV: RFC 4180 quoting, machine values, one row per subject or per period.
@Suite("Scorecard CSV")
struct ScorecardCSVTests {
    @Test func namesWithCommasAndQuotesAreQuotedAndFiguresAreMachineValues() throws {
        var metrics = ScorecardMetrics.compute(SubjectFigures(subjectID: "x"), base: .eur) { $0 }
        metrics.promisesMade = 3
        metrics.promisesKept = 1
        metrics.onTimeRate = Decimal(string: "33.33")
        metrics.bookedRevenue = Money(Decimal(string: "1800.5")!, .eur)
        let period = MetricPeriod(
            kind: .custom, first: try LocalDate(iso: "2026-10-01"), last: try LocalDate(iso: "2026-10-31"), zone: "UTC")
        let text = try ScorecardCSV.list(
            [ScorecardRow(subjectID: "a1", name: #"Acme, "Medical" GmbH"#, metrics: metrics)], period: period)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines[0].hasPrefix(
                "subjectId,name,from,to,currency,promisesMade,promisesKept,promisesBroken,onTimeRate,bookedRevenue"))
        #expect(lines[1].hasPrefix(#"a1,"Acme, ""Medical"" GmbH",2026-10-01,2026-10-31,EUR,3,1,0,33.33,1800.50,"#))
        // Figures with nothing to measure are empty, not zero.
        #expect(lines[1].contains(",,"))
    }
}
