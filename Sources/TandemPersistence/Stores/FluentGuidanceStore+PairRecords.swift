import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension FluentGuidanceStore {
    /// Each pair's record over its latest `recent` judged promises (docs/guidance.md).
    ///
    /// The pairs come from the scorecards' roll-up (its `pair` subjects). For each pair as stored,
    /// the latest promises are walked by index (`promises(target_language, delivery_date)`), newest
    /// first, and only `recent` of them are aggregated: the cost does not grow with history.
    public func pairRecords(_ pairs: [LanguagePair]?, recent: Int, now: Date) async throws -> [PairRecord] {
        if let pairs, pairs.isEmpty { return [] }
        let stored = try await storedPairs()
        var groups: [(LanguagePair, [StoredPair])] = []
        if let pairs {
            for pair in pairs {
                groups.append((pair, stored.filter { $0.matches(pair) }))
            }
        } else {
            for variant in stored {
                guard let source = try? LanguageTag(variant.source), let target = try? LanguageTag(variant.target)
                else { continue }
                groups.append((LanguagePair(source: source, target: target), [variant]))
            }
        }
        let asked = groups.filter { !$0.1.isEmpty }
        guard !asked.isEmpty else { return [] }
        let records = try await self.records(asked, recent: recent, now: now)
        return records.sorted { $0.pair.description < $1.pair.description }
    }

    /// A language pair as promises and opportunities store its tags.
    struct StoredPair: Hashable {
        var source: String
        var target: String

        /// `fr` counts for `fr-FR` and the other way round (a region is a market, not a language).
        func matches(_ pair: LanguagePair) -> Bool {
            func same(_ stored: String, _ tag: LanguageTag) -> Bool {
                stored == tag.language || stored.hasPrefix(tag.language + "-")
            }
            return same(source, pair.source) && same(target, pair.target)
        }
    }

    /// Every pair with promises, as the roll-up knows them. Only a roll-up never built is
    /// brought up to date first: a pair's first promise shows at the next refresh (the server's
    /// timer), and the pages do not wait behind a long writer's days.
    func storedPairs() async throws -> [StoredPair] {
        let query: SQLQueryString =
            "SELECT DISTINCT subject_id FROM metric_rollups WHERE kind = 'pair' AND grain = 'month'"
        var rows = try await sql.raw(query).all()
        if rows.isEmpty {
            _ = try await FluentMetricsStore(database: database).refreshRollup()
            rows = try await sql.raw(query).all()
        }
        return try rows.compactMap { row in
            let parts = try row.decode(column: "subject_id", as: String.self).split(separator: ">").map(String.init)
            return parts.count == 2 ? StoredPair(source: parts[0], target: parts[1]) : nil
        }
    }

    /// The record of each pair over its stored variants: for each variant the
    /// latest judged promises (those due before `now`, then those already judged though due later),
    /// the newest `recent` of a pair's variants aggregated, grouped by the pair's index.
    func records(_ groups: [(LanguagePair, [StoredPair])], recent: Int, now: Date) async throws -> [PairRecord] {
        let judged = FluentLedgerStore.judged(now)
        let keptAtMargin: SQLQueryString =
            "\(judged) = 'kept' AND s.delivered_at IS NOT NULL AND s.margin_at_risk = \(false)"
        func latest(_ variant: StoredPair, _ part: SQLQueryString) -> SQLQueryString {
            "SELECT * FROM (SELECT p.id AS pid, p.delivery_date AS due, CASE WHEN " + keptAtMargin + " THEN "
                + leadSeconds + " END AS km_secs, CASE WHEN " + keptAtMargin
                    + """
                     THEN CAST(p.weighted_words AS NUMERIC) END AS km_words, \
                    CASE WHEN \(judged) = 'kept' THEN 1 ELSE 0 END AS kept, \
                    CASE WHEN s.delivered_at IS NOT NULL THEN 1 ELSE 0 END AS dlv, \
                    CASE WHEN s.delivered_at IS NOT NULL AND s.margin_at_risk = \(false) THEN 1 ELSE 0 END AS atm \
                    FROM promises p JOIN projects pr ON pr.id = p.project_id \
                    JOIN opportunities o ON o.id = pr.opportunity_id LEFT JOIN promise_states s ON s.id = p.id \
                    WHERE p.target_language = \(bind: variant.target) AND o.source_language = \(bind: variant.source) \
                    AND (s.cancelled IS NULL OR s.cancelled = \(false)) AND \(judged) IN ('kept', 'broken') AND 
                    """ + part + " ORDER BY p.delivery_date DESC, p.id LIMIT \(literal: recent)) l"
        }
        // One query a pair: PostgreSQL plans one union of every pair's walks badly (a scan of
        // every promise, 27 s on the large set), each pair's own walk well.
        var queries: [SQLQueryString] = []
        for (_, variants) in groups {
            var union: SQLQueryString = ""
            for (v, variant) in variants.enumerated() {
                if v > 0 { union = union + " UNION ALL " }
                union =
                    union + latest(variant, "p.delivery_date < \(bind: now)") + " UNION ALL "
                    + latest(variant, "p.delivery_date >= \(bind: now) AND p.status IN ('kept', 'broken')")
            }
            // ROUND before CAST: SQLite's CAST truncates where PostgreSQL's rounds.
            queries.append(
                "SELECT COUNT(*) AS judged, SUM(kept) AS kept, SUM(dlv) AS delivered, SUM(atm) AS at_margin, "
                    + "CAST(ROUND(AVG(km_secs)) AS INTEGER) AS avg_secs, "
                    + "CAST(ROUND(AVG(km_words)) AS INTEGER) AS avg_words "
                    + "FROM (SELECT * FROM (" + union + ") u ORDER BY due DESC, pid LIMIT \(literal: recent)) t")
        }
        let perPair = queries
        let rows = try await withoutParallelWorkers { sql in
            var rows: [(any SQLRow)?] = []
            for query in perPair { rows.append(try await sql.raw(query).first()) }
            return rows
        }
        var records: [PairRecord] = []
        for (index, row) in rows.enumerated() {
            guard let row else { continue }
            func count(_ c: String) throws -> Int { try row.decode(column: c, as: Int?.self) ?? 0 }
            guard try count("judged") > 0 else { continue }
            let seconds = try row.decode(column: "avg_secs", as: Int?.self)
            records.append(
                PairRecord(
                    pair: groups[index].0, judged: try count("judged"), kept: try count("kept"),
                    delivered: try count("delivered"), atMargin: try count("at_margin"),
                    typicalWords: try row.decode(column: "avg_words", as: Int?.self),
                    typicalDays: seconds.map { max(0, Int((Double($0) / 86_400).rounded())) }))
        }
        return records
    }

    /// Runs `body` where PostgreSQL plans without parallel workers: each pair's walk reads a few
    /// dozen rows by index, and starting workers for each costs more than the walk (measured on the
    /// large set: 50 ms a pair with them). SQLite has none.
    func withoutParallelWorkers<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T)
        async throws -> T
    {
        guard sql.dialect.name == "postgresql" else { return try await body(sql) }
        return try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("SET LOCAL max_parallel_workers_per_gather = 0").run()
            return try await body(sql)
        }
    }
}
