import Foundation
import SQLKit
import TandemDomain

/// The SQL pieces the metrics store shares, written once for SQLite and PostgreSQL.
///
/// Amounts are stored as decimal text. PostgreSQL sums them exactly as `NUMERIC`; SQLite has no
/// decimal type, so each amount is read as a whole number of millionths (integer part × 10⁶ plus
/// the first six decimals) and summed as a 64-bit integer: exact, never floating point.
/// Instants are `REAL` seconds on SQLite and `timestamptz` on PostgreSQL.
struct MetricsSQL {
    let isPostgres: Bool

    init(_ sql: any SQLDatabase) { isPostgres = sql.dialect.name == "postgresql" }

    /// One amount column (text) as a summable exact number.
    func amount(_ column: String) -> String {
        if isPostgres { return "CAST(\(column) AS NUMERIC)" }
        let dot = "instr(\(column), '.')"
        return """
            (CASE WHEN \(dot) > 0 THEN CAST(substr(\(column), 1, \(dot) - 1) AS INTEGER) * 1000000 \
            + (CASE WHEN substr(\(column), 1, 1) = '-' THEN -1 ELSE 1 END) \
            * CAST(substr(substr(\(column), \(dot) + 1) || '000000', 1, 6) AS INTEGER) \
            ELSE CAST(\(column) AS INTEGER) * 1000000 END)
            """
    }

    /// `SUM` of an amount column, as text.
    func sum(_ column: String) -> String { "CAST(SUM(\(amount(column))) AS TEXT)" }

    /// Reads what `sum` wrote back as an exact decimal.
    func decimal(_ text: String?) -> Decimal {
        guard let text, let value = Decimal(canonical: text) else { return 0 }
        return isPostgres ? value : value / 1_000_000
    }

    /// Seconds from `earlier` to `later`, as a floating-point number (a duration, not money).
    func seconds(from earlier: String, to later: String) -> String {
        isPostgres ? "EXTRACT(EPOCH FROM (\(later) - \(earlier)))" : "(\(later) - \(earlier))"
    }

    /// `SUM` of seconds as a double on both databases.
    func sumSeconds(from earlier: String, to later: String) -> String {
        "CAST(SUM(\(seconds(from: earlier, to: later))) AS DOUBLE PRECISION)"
    }

    /// A whole number from a JSON text column (`content`), null when absent.
    func jsonInteger(_ column: String, _ key: String) -> String {
        isPostgres
            ? "CAST(CAST(\(column) AS JSONB) ->> '\(key)' AS BIGINT)"
            : "CAST(json_extract(\(column), '$.\(key)') AS INTEGER)"
    }

    /// A text value from a JSON text column.
    func jsonText(_ column: String, _ key: String) -> String {
        isPostgres ? "(CAST(\(column) AS JSONB) ->> '\(key)')" : "json_extract(\(column), '$.\(key)')"
    }

    /// A boolean literal as both databases store it.
    func bool(_ value: Bool) -> String { isPostgres ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0") }

    /// The subject's key over promises (`p`, `pr`, `o`); nil for the team (no grouping).
    static func promiseKey(_ subject: ScorecardSubject) -> String? {
        switch subject {
        case .rep: return "p.sales_owner_id"
        case .pm: return "p.pm_id"
        case .client: return "pr.account_id"
        case .pair: return "(o.source_language || '>' || p.target_language)"
        case .team: return nil
        }
    }

    /// How a family of records is grouped for a subject.
    enum Key {
        /// By this column or expression.
        case column(String)
        /// All together (the team).
        case everyone
        /// The records have no such subject (a quote or a project has no single pair).
        case notApplicable

        var expression: String? {
            if case .column(let c) = self { return c }
            return nil
        }
    }

    /// The subject's key over quotes (`q`, `o`).
    static func quoteKey(_ subject: ScorecardSubject) -> Key {
        switch subject {
        case .rep: return .column("o.owner_id")
        case .pm: return .column("o.partner_pm_id")
        case .client: return .column("q.account_id")
        case .pair: return .notApplicable
        case .team: return .everyone
        }
    }

    /// The subject's key over quote reviews (`r`, `q`, `o`): the reviewer for a PM.
    static func reviewKey(_ subject: ScorecardSubject) -> Key {
        switch subject {
        case .rep: return .column("o.owner_id")
        case .pm: return .column("r.reviewer_id")
        case .client: return .column("q.account_id")
        case .pair: return .notApplicable
        case .team: return .everyone
        }
    }

    /// The subject's key over projects (`pr`).
    static func projectKey(_ subject: ScorecardSubject) -> Key {
        switch subject {
        case .rep: return .column("pr.sales_owner_id")
        case .pm: return .column("pr.pm_id")
        case .client: return .column("pr.account_id")
        case .pair: return .notApplicable
        case .team: return .everyone
        }
    }

    static let promiseFrom = """
         FROM promises p JOIN projects pr ON pr.id = p.project_id LEFT JOIN promise_states s ON s.id = p.id \
        LEFT JOIN opportunities o ON o.id = pr.opportunity_id \
        LEFT JOIN promise_versions v ON v.promise_id = p.id AND v.number = 1
        """

    /// The lines of the accepted quote version for the promise's target (its quoted cost).
    static let quotedLines = """
         JOIN quotes q ON q.id = pr.quote_id \
        JOIN quote_versions qv ON qv.quote_id = q.id AND qv.number = q.current_version \
        JOIN quote_lines ql ON ql.version_id = qv.id AND ql.target_language = p.target_language \
        AND ql.cost IS NOT NULL AND (ql.option_id IS NULL OR pr.option_id IS NULL OR ql.option_id = pr.option_id)
        """

    func notCancelled() -> String { "(s.cancelled IS NULL OR s.cancelled = \(bool(false)))" }

    /// The condition that keeps one subject (`subjectID`) for a key expression.
    static func only(_ key: String?, _ subjectID: String?, _ subject: ScorecardSubject) -> SQLQueryString {
        guard let key, let subjectID else { return "" }
        if subject == .pair { return " AND \(unsafeRaw: key) = \(bind: subjectID)" }
        guard let id = UUID(uuidString: subjectID) else { return " AND 1 = 0" }
        return " AND \(unsafeRaw: key) = \(bind: id)"
    }

    /// The subject column of a grouped row as text.
    static func subjectID(_ row: any SQLRow, _ subject: ScorecardSubject) throws -> String? {
        switch subject {
        case .team: return "all"
        case .pair: return try row.decode(column: "subject", as: String?.self)
        default: return try row.decode(column: "subject", as: UUID?.self)?.uuidString.lowercased()
        }
    }
}
