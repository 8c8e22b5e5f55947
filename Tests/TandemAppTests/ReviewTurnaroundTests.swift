import Foundation
import TandemApp
import TandemDomain
import Testing

/// Review turnaround and word accuracy on `GoalsWorld` (docs/metrics.md), on SQLite and
/// PostgreSQL: each subject's figure, and that it equals what its drill-down lists.
@Suite("Scorecards: review turnaround and words")
struct ReviewTurnaroundTests {
    func d(_ text: String) -> Decimal { Decimal(string: text)! }

    func rows(_ w: GoalsWorld, _ subject: ScorecardSubject) async throws -> [String: ScorecardMetrics] {
        let period = try await w.scorecards.period(GoalsWorld.october)
        let rows = try await w.scorecards.rows(subject, period: period, for: w.manager)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.metrics) })
    }

    @Test func turnaroundRunsFromTheLatestSubmissionToEachDecision() async throws {
        try await GoalsWorld.run { w in
            // 6 h, 24 h and 3 h (from the second submission) decided in October; September's left out.
            let team = try await rows(w, .team)
            #expect(team.count == 1 && team.first?.value.reviewTurnaroundHours == d("11"))
            let reps = try await rows(w, .rep)
            #expect(reps["anna@lumen.example"]?.reviewTurnaroundHours == d("6"))
            #expect(reps["bruno@lumen.example"]?.reviewTurnaroundHours == d("13.5"))
            // Pia's own decisions; Max is a manager, so his review is not a PM's.
            let pms = try await rows(w, .pm)
            #expect(pms.keys.sorted() == ["pia@lumen.example"])
            #expect(pms["pia@lumen.example"]?.reviewTurnaroundHours == d("4.5"))
            let clients = try await rows(w, .client)
            #expect(clients["Acme"]?.reviewTurnaroundHours == d("6"))
            #expect(clients["Beta"]?.reviewTurnaroundHours == d("13.5"))
            #expect(try await rows(w, .pair).values.allSatisfy { $0.reviewTurnaroundHours == nil })
        }
    }

    @Test func wordAccuracyComparesActualWithQuotedWordsOfDeliveredWork() async throws {
        try await GoalsWorld.run { w in
            let reps = try await rows(w, .rep)
            // X-fr 1,100 of 1,000, X-de 780 of 800, Z-fr 500 of 500: 2,380 ÷ 2,300.
            #expect(reps["anna@lumen.example"]?.wordAccuracy == d("103.48"))
            // Y-fr is not delivered: nothing measured.
            #expect(reps["bruno@lumen.example"]?.wordAccuracy == nil)
            let pairs = try await rows(w, .pair)
            #expect(pairs["en → fr"]?.wordAccuracy == d("106.67"))
            #expect(pairs["en → de"]?.wordAccuracy == d("97.5"))
        }
    }

    @Test func eachFigureEqualsItsDrillDown() async throws {
        try await GoalsWorld.run { w in
            let period = try await w.scorecards.period(GoalsWorld.october)
            for subject in ScorecardSubject.allCases {
                for row in try await w.scorecards.rows(subject, period: period, for: w.manager) {
                    func drill(_ metric: MetricName) async throws -> [DrillRow] {
                        try await w.scorecards.drillDown(
                            metric, subject: subject, subjectID: row.subjectID, period: period, for: w.manager)
                    }
                    let reviews = try await drill(.reviewTurnaroundHours)
                    let seconds = reviews.reduce(0.0) { $0 + $1.at.timeIntervalSince($1.submittedAt!) }
                    let mean =
                        reviews.isEmpty
                        ? nil : (Decimal(Int((seconds / Double(reviews.count)).rounded())) / 3_600).rounded(scale: 1)
                    #expect(mean == row.metrics.reviewTurnaroundHours, "\(subject) \(row.name)")
                    let jobs = try await drill(.wordAccuracy)
                    #expect(jobs.allSatisfy { $0.kind == .job })
                    let actual = jobs.reduce(0) { $0 + ($1.actualWords ?? 0) }
                    let quoted = jobs.reduce(0) { $0 + ($1.quotedWords ?? 0) }
                    #expect(
                        ScorecardMetrics.percent(Decimal(actual), of: Decimal(quoted)) == row.metrics.wordAccuracy,
                        "\(subject) \(row.name)")
                }
            }
            let team = try await w.scorecards.drillDown(
                .reviewTurnaroundHours, subject: .team, subjectID: "all", period: period, for: w.manager)
            #expect(team.count == 3)
            #expect(team.map { $0.at.timeIntervalSince($0.submittedAt!) / 3600 } == [6, 24, 3])
        }
    }
}
