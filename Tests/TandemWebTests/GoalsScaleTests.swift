import Fluent
import Foundation
import SQLKit
import TandemDomain
import TandemPersistence
import Testing
import Vapor

@testable import TandemWeb

/// The goals' part of `tandem demo --scale` (issue #16) at a small size, on SQLite and (with
/// TANDEM_TEST_DATABASE_URL) PostgreSQL: counts, determinism, records the stores read back,
/// and a scorecard that answers over the generated data.
@Suite struct GoalsScaleTests {
    static let now = 1_796_342_400  // 2026-12-04, the anchoring day

    @Test func theGeneratorIsDeterministicWhateverTheChunks() {
        let set = GoalsScaleSet(projects: 60, now: Self.now, tag: 0x17)
        let whole = set.chunk(0..<60)
        #expect(whole == GoalsScaleSet(projects: 60, now: Self.now, tag: 0x17).chunk(0..<60))
        let (first, second) = (set.chunk(0..<25), set.chunk(25..<60))
        for (index, table) in whole.tables.enumerated() {
            #expect(table.rows == first.tables[index].rows + second.tables[index].rows, "\(table.name)")
        }
        #expect(whole.projects.rows.count == 60)
        #expect(whole.promises.rows.count == whole.jobs.rows.count)
        #expect((180...420).contains(whole.promises.rows.count))  // 3 to 7 a project, 5 on average
        #expect(whole.lines.rows.count == whole.promises.rows.count)
    }

    @Test func amountsAndDaysAreWrittenAsTheSchemaStoresThem() {
        #expect(ScaleMoney.text(cents: 189_000) == "1890")
        #expect(ScaleMoney.text(cents: 1_630) == "16.3")
        #expect(ScaleMoney.text(cents: 1_605) == "16.05")
        #expect(GoalsScaleSet.dayText(Self.now) == "2026-12-04")
        #expect(GoalsScaleSet.dayText(GoalsScaleSet.monthStart(Self.now, plus: 1)) == "2027-01-01")
        #expect(GoalsScaleSet.decimal(918_000) == "0.918")
        #expect(ScaleValue.text("it's").literal(postgres: false) == "'it''s'")
    }

    @Test func theSetIsInsertedOnceAndAScorecardAnswersOverIt() async throws {
        try await withTandem { app, clock in
            let now = Date(timeIntervalSince1970: TimeInterval(Self.now))
            let report = try await DemoScale.small.insertGoals(into: app.db, now: now, projects: 1_000)
            #expect(report.contains("Added 1,000 projects"))
            let sql = app.db as! any SQLDatabase
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(
                    column: "n", as: Int.self)
            }
            #expect(try await count("projects") == 1_000)
            #expect(try await count("opportunities") == 100)
            let promises = try await count("promises")
            #expect((4_000...6_000).contains(promises))
            #expect(try await count("production_jobs") == promises)
            #expect(try await count("promise_states") == promises)
            #expect(try await count("client_deliveries") > promises * 8 / 10)
            #expect(report.contains("\(promises.formatted(.number.grouping(.automatic))) promises"))
            // The records read back through the stores (their JSON columns decode).
            let set = GoalsScaleSet(projects: 1_000, now: Self.now, tag: 0x17)
            let job = try await app.stores.production.job(Job.ID(set.id(.job, 0)))
            #expect(job?.targetLanguage != nil)
            // A year's scorecard: the team's promises made equal the promises created in it, and
            // the reps' add up to the team's.
            let (from, to) = (now.addingTimeInterval(-365 * 86_400), now)
            let metrics = FluentMetricsStore(database: app.db)
            let team = try await metrics.figures(.team, from: from, to: to, now: now, subjectID: nil)
            let made = try await sql.raw(
                "SELECT COUNT(*) AS n FROM promises WHERE created_at >= \(bind: from) AND created_at < \(bind: to)"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(made > 0)
            #expect(team.first?.made == made)
            #expect((team.first?.kept ?? 0) > (team.first?.broken ?? 0))
            let reps = try await metrics.figures(.rep, from: from, to: to, now: now, subjectID: nil)
            #expect(reps.map(\.made).reduce(0, +) == made)
            let again = try await DemoScale.small.insertGoals(into: app.db, now: now, projects: 1_000)
            #expect(again.contains("already"))
            #expect(try await count("projects") == 1_000)
            _ = clock
        }
    }
}
