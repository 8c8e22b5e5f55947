import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension FluentGuidanceStore {
    /// `(CASE WHEN col < b1 THEN 0 WHEN col < b2 THEN 1 … END)`: the period a row falls in.
    static func period(_ column: String, _ bounds: [Date]) -> SQLQueryString {
        var out: SQLQueryString = "(CASE"
        for index in 1..<bounds.count {
            out += " WHEN \(unsafeRaw: column) < \(bind: bounds[index]) THEN \(literal: index - 1)"
        }
        return out + " END)"
    }

    static func within(_ column: String, _ bounds: [Date]) -> SQLQueryString {
        "\(unsafeRaw: column) >= \(bind: bounds.first!) AND \(unsafeRaw: column) < \(bind: bounds.last!)"
    }

    public func parity(bounds: [Date], now: Date) async throws -> [ParityPeriod] {
        guard bounds.count >= 2 else { return [] }
        var periods = zip(bounds, bounds.dropFirst()).map { ParityPeriod(start: $0, end: $1) }
        // Promises made, kept and broken, deliveries and margin leaked: the team's figures of
        // each month, from the scorecards' roll-up (docs/metrics.md, "Speed").
        let metrics = FluentMetricsStore(database: database)
        for index in periods.indices {
            let team =
                try await metrics.figures(
                    .team, from: periods[index].start, to: periods[index].end, now: now, subjectID: nil
                ).first ?? SubjectFigures(subjectID: "all")
            periods[index].promisesMade = team.made
            periods[index].promisesKept = team.kept
            periods[index].promisesBroken = team.broken
            periods[index].delivered = team.delivered
            periods[index].deliveredBelowFloor = team.deliveredBelowFloor
            periods[index].leakedSums = Self.leaked(team)
        }

        let decision = { (name: String) -> SQLQueryString in
            "SUM(CASE WHEN e.payload LIKE \(bind: "%\"decision\":\"\(name)\"%") THEN 1 ELSE 0 END)"
        }
        let reviews: SQLQueryString =
            "SELECT " + Self.period("e.at", bounds) + " AS k, " + decision("approve") + " AS approved, "
            + decision("change") + " AS changed, " + decision("reject") + " AS rejected, "
                + """
                SUM(CASE WHEN q.status = 'accepted' THEN 1 ELSE 0 END) AS won, \
                SUM(CASE WHEN q.status IN ('lost', 'expired') THEN 1 ELSE 0 END) AS lost \
                FROM activity_events e JOIN quotes q ON q.id = e.subject_id \
                WHERE e.kind = 'quote-reviewed' AND 
                """ + Self.within("e.at", bounds) + " GROUP BY 1"
        try await fill(&periods, reviews) { p, c in
            p.reviewApproved = try c("approved")
            p.reviewChanged = try c("changed")
            p.reviewRejected = try c("rejected")
            p.reviewedWon = try c("won")
            p.reviewedLost = try c("lost")
        }

        let threads: SQLQueryString =
            "SELECT k, COUNT(*) AS threads FROM (SELECT " + Self.period("c.created_at", bounds)
                + """
                 AS k, c.subject_kind, c.subject_id, \
                MAX(CASE WHEN (',' || u.roles || ',') LIKE '%,sales,%' THEN 1 ELSE 0 END) AS by_sales, \
                MAX(CASE WHEN (',' || u.roles || ',') LIKE '%,pm,%' THEN 1 ELSE 0 END) AS by_pm \
                FROM thread_comments c JOIN users u ON u.id = c.author_id WHERE 
                """ + Self.within("c.created_at", bounds)
            + " GROUP BY 1, c.subject_kind, c.subject_id) t WHERE by_sales = 1 AND by_pm = 1 GROUP BY k"
        try await fill(&periods, threads) { p, c in p.crossTeamThreads = try c("threads") }

        let groups: SQLQueryString =
            "SELECT " + Self.period("created_at", bounds) + " AS k, COUNT(*) AS n FROM working_groups WHERE "
            + Self.within("created_at", bounds) + " GROUP BY 1"
        try await fill(&periods, groups) { p, c in p.workingGroups = try c("n") }

        let shadowing: SQLQueryString =
            "SELECT " + Self.period("logged_at", bounds) + " AS k, COUNT(*) AS n FROM shadowing_sessions WHERE "
            + Self.within("logged_at", bounds) + " GROUP BY 1"
        try await fill(&periods, shadowing) { p, c in p.shadowingSessions = try c("n") }
        return periods
    }

    /// Runs `query` (one row per period, its index in `k`) and hands each row's counts to `apply`.
    func fill(
        _ periods: inout [ParityPeriod], _ query: SQLQueryString,
        _ apply: (inout ParityPeriod, (String) throws -> Int) throws -> Void
    ) async throws {
        for row in try await sql.raw(query).all() {
            guard let index = try row.decode(column: "k", as: Int?.self), periods.indices.contains(index) else {
                continue
            }
            try apply(&periods[index]) { try row.decode(column: $0, as: Int?.self) ?? 0 }
        }
    }
}
