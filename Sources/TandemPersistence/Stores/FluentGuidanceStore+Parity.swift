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
        let judged = FluentLedgerStore.judged(now)
        let notCancelled: SQLQueryString = "(s.cancelled IS NULL OR s.cancelled = \(false))"

        let promises: SQLQueryString =
            "SELECT " + Self.period("p.created_at", bounds)
                + """
                 AS k, COUNT(*) AS made, SUM(CASE WHEN \(judged) = 'kept' THEN 1 ELSE 0 END) AS kept, \
                SUM(CASE WHEN \(judged) = 'broken' THEN 1 ELSE 0 END) AS broken \
                FROM promises p LEFT JOIN promise_states s ON s.id = p.id WHERE 
                """ + notCancelled + " AND " + Self.within("p.created_at", bounds) + " GROUP BY 1"
        try await fill(&periods, promises) { p, c in
            p.promisesMade = try c("made")
            p.promisesKept = try c("kept")
            p.promisesBroken = try c("broken")
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

        let deliveries: SQLQueryString =
            "SELECT " + Self.period("s.delivered_at", bounds)
            + " AS k, COUNT(*) AS delivered, SUM(CASE WHEN s.margin_at_risk = \(true) THEN 1 ELSE 0 END) AS below "
            + "FROM promise_states s WHERE " + notCancelled + " AND " + Self.within("s.delivered_at", bounds)
            + " GROUP BY 1"
        try await fill(&periods, deliveries) { p, c in
            p.delivered = try c("delivered")
            p.deliveredBelowFloor = try c("below")
        }
        try await leakage(&periods, bounds: bounds)

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
