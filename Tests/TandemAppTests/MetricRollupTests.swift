import Foundation
import SQLKit
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// The scorecards' maintained roll-up (docs/metrics.md, "Speed") against the figures computed
/// from the records themselves, on `GoalsWorld`, on SQLite and PostgreSQL: for every subject and
/// for spans read from months, days or both, before and after writes the triggers must see.
@Suite("Metrics roll-up")
struct MetricRollupTests {
    static let now = GoalsWorld.day("2026-11-18")

    func utc(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T00:00:00Z")! }

    /// Whole months, days only, and days around a whole month.
    var spans: [(Date, Date)] {
        [
            (utc("2026-10-01"), utc("2026-11-01")), (utc("2026-10-05"), utc("2026-10-21")),
            (utc("2026-09-15"), utc("2026-11-10")), (utc("2026-01-01"), utc("2027-01-01")),
        ]
    }

    /// Figures as the metrics read them: amounts without zero sums, durations to the millisecond.
    func comparable(_ figures: [SubjectFigures]) -> [SubjectFigures] {
        figures.map { f in
            var f = f
            for path: WritableKeyPath<SubjectFigures, CurrencySums> in [
                \.quotedPrice, \.quotedCost, \.deliveredPrice, \.deliveredCost, \.deliveredQuotedCost,
                \.deliveredFirstPrice,
            ] {
                f[keyPath: path] = f[keyPath: path].filter { $0.value != 0 }
            }
            for path: WritableKeyPath<SubjectFigures, Double> in [
                \.wonToDeliveredSeconds, \.leadToWonSeconds, \.reviewSeconds,
            ] {
                f[keyPath: path] = (f[keyPath: path] * 1000).rounded()
            }
            return f
        }
    }

    func expectRollupMatchesRecords(
        _ store: FluentMetricsStore, spans: [(Date, Date)], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        for subject in ScorecardSubject.allCases {
            for (from, to) in spans {
                let rolled = try await store.figures(subject, from: from, to: to, now: Self.now, subjectID: nil)
                let live = try await store.liveFigures(subject, from: from, to: to, now: Self.now, subjectID: nil)
                #expect(
                    comparable(rolled) == comparable(live), "\(subject) \(from) – \(to)", sourceLocation: sourceLocation
                )
            }
        }
    }

    @Test func theRollupAgreesWithTheRecordsAndFollowsEveryWrite() async throws {
        try await withScratchDatabase { env, clock, database in
            let w = try await GoalsWorld.make(env, clock: clock)
            let store = FluentMetricsStore(database: database.database)
            try await expectRollupMatchesRecords(store, spans: spans)
            let sql = database.database as! any SQLDatabase
            let rows = try await sql.raw("SELECT COUNT(*) AS n FROM metric_rollups").first()!
            #expect(try rows.decode(column: "n", as: Int.self) > 0)
            let october = (utc("2026-10-01"), utc("2026-11-01"))
            let before = try #require(
                try await store.figures(.team, from: october.0, to: october.1, now: Self.now, subjectID: nil).first)
            // Y-fr is open and past its instant: broken at read time, though stored on track.
            #expect((before.made, before.kept, before.broken) == (3, 1, 2))

            // Writes after the roll-up was built: a delivery, a complaint, a cancellation.
            let yfr = try #require(w.promises["Y-fr"])
            let xfr = try #require(w.promises["X-fr"])
            let projects = try await env.stores.quoteStores.projects.list()
            let y = try #require(projects.first { $0.name == "Y" }).id
            let at = GoalsWorld.day("2026-10-24")
            let delivery = ClientDelivery(
                id: env.ids(), promiseID: yfr, projectID: y, deliveredAt: at, what: "files", recipient: "portal",
                cost: Money(300, .eur), recordedBy: w.pm.id, recordedAt: at)
            try await env.stores.ledger.addDeliveries([delivery])
            try await env.stores.ledger.saveStates([(yfr, .kept, PromiseState(deliveredAt: at))])
            let xDelivery = try #require(try await env.stores.ledger.deliveries(of: xfr).first)
            try await env.stores.ledger.addComplaints([
                Complaint(
                    id: env.ids(), promiseID: xfr, deliveryID: xDelivery.id, receivedAt: at, description: "terms",
                    severity: .minor, justified: true, rootCause: "", correctiveAction: "", recordedBy: w.pm.id,
                    recordedAt: at)
            ])
            let after = try #require(
                try await store.figures(.team, from: october.0, to: october.1, now: Self.now, subjectID: nil).first)
            #expect((after.made, after.kept, after.broken) == (3, 2, 1))
            #expect(after.delivered == before.delivered + 1)
            #expect(after.deliveredWithoutComplaint == before.deliveredWithoutComplaint)
            #expect(after.deliveredCost[.eur] == (before.deliveredCost[.eur] ?? 0) + 300)
            try await expectRollupMatchesRecords(store, spans: spans)
        }
    }

    @Test func aNewTimeZoneCutsTheDaysAgain() async throws {
        try await withScratchDatabase { env, clock, database in
            _ = try await GoalsWorld.make(env, clock: clock)
            let store = FluentMetricsStore(database: database.database)
            try await expectRollupMatchesRecords(store, spans: spans)
            var settings = try await env.stores.organisation.load()
            settings.timeZone = "Pacific/Auckland"
            try await env.stores.organisation.save(settings)
            let auckland = try #require(TimeZone(identifier: "Pacific/Auckland"))
            func local(_ iso: String) -> Date {
                let f = ISO8601DateFormatter()
                f.timeZone = auckland
                f.formatOptions = [.withFullDate]
                return f.date(from: iso)!
            }
            let localSpans = [
                (local("2026-10-01"), local("2026-11-01")), (local("2026-10-04"), local("2026-10-12")),
                (local("2026-09-20"), local("2026-11-02")),
            ]
            try await expectRollupMatchesRecords(store, spans: localSpans)
            // The UTC spans no longer start local days: they are computed from the records.
            try await expectRollupMatchesRecords(store, spans: spans)
        }
    }
}
