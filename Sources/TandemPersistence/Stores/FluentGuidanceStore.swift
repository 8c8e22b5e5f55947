import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// Client-fit and parity figures, aggregated in SQL (never by loading rows): the record of each
/// language pair from the ledger, the bench from vendor capabilities, and the parity dashboard's
/// counts per period. docs/guidance.md gives each definition.
///
/// Asked about given pairs, a pair matches on its languages: a vendor's or a promise's `fr`
/// counts for `fr-FR` and the other way round (a region is a market, not another language).
/// Asked about all pairs, rows are grouped by the tags as stored.
public struct FluentGuidanceStore: GuidanceStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { self.database = database }

    /// `(col = 'fr' OR col LIKE 'fr-%')`: the column holds the tag's language.
    static func language(_ column: String, _ tag: LanguageTag) -> SQLQueryString {
        "(\(unsafeRaw: column) = \(bind: tag.language) OR \(unsafeRaw: column) LIKE \(bind: tag.language + "-%"))"
    }

    /// The asked pair a row matches (its index), `(CASE WHEN … THEN 0 … END)`.
    static func pairIndex(_ pairs: [LanguagePair], source: String, target: String) -> SQLQueryString {
        var out: SQLQueryString = "(CASE"
        for (index, pair) in pairs.enumerated() {
            out +=
                " WHEN " + language(source, pair.source) + " AND " + language(target, pair.target)
                + " THEN \(literal: index)"
        }
        return out + " END)"
    }

    /// The grouping key: the asked pair's index as text, or the stored tags `src|tgt`.
    static func key(_ pairs: [LanguagePair]?, source: String, target: String) -> SQLQueryString {
        guard let pairs else { return "(\(unsafeRaw: source) || '|' || \(unsafeRaw: target))" }
        return "CAST(" + pairIndex(pairs, source: source, target: target) + " AS VARCHAR(8))"
    }

    /// The pair a grouping key stands for.
    static func pair(_ key: String, _ pairs: [LanguagePair]?) -> LanguagePair? {
        if let pairs { return Int(key).flatMap { pairs.indices.contains($0) ? pairs[$0] : nil } }
        let parts = key.split(separator: "|").map(String.init)
        guard parts.count == 2, let source = try? LanguageTag(parts[0]), let target = try? LanguageTag(parts[1])
        else { return nil }
        return LanguagePair(source: source, target: target)
    }

    /// Seconds from a promise's making to its delivery date, in the database's own arithmetic.
    var leadSeconds: SQLQueryString {
        sql.dialect.name == "postgresql"
            ? "EXTRACT(EPOCH FROM (p.delivery_date - p.created_at))" : "(p.delivery_date - p.created_at)"
    }

    public func vendorDomains() async throws -> Set<String> {
        let query: SQLQueryString =
            """
            SELECT DISTINCT vc.domains FROM vendor_capabilities vc JOIN vendors v ON v.id = vc.vendor_id \
            WHERE vc.approved = \(true) AND v.status = 'approved'
            """
        var out = Set<String>()
        for row in try await sql.raw(query).all() {
            let text = try row.decode(column: "domains", as: String.self)
            out.formUnion(((try? JSONText.decode([String].self, text)) ?? []).map { $0.lowercased() })
        }
        return out
    }

    public func bench(_ pairs: [LanguagePair]?, domain: String?) async throws -> [PairBench] {
        if let pairs, pairs.isEmpty { return [] }
        let key = Self.key(pairs, source: "vc.source", target: "vc.target")
        let from: SQLQueryString =
            """
             FROM vendor_capabilities vc JOIN vendors v ON v.id = vc.vendor_id \
            WHERE vc.approved = \(true) AND v.status = 'approved'
            """
        let like = "%\"" + (domain ?? "").lowercased() + "\"%"
        let counts: SQLQueryString =
            "SELECT k, COUNT(DISTINCT vendor_id) AS vendors, "
            + "COUNT(DISTINCT CASE WHEN domains LIKE \(bind: like) THEN vendor_id END) AS domain_vendors "
            + "FROM (SELECT " + key + " AS k, vc.vendor_id, vc.domains" + from + ") t WHERE k IS NOT NULL GROUP BY k"
        let groups: SQLQueryString =
            "SELECT DISTINCT k, service, domains FROM (SELECT " + key + " AS k, vc.service, vc.domains" + from
            + ") t WHERE k IS NOT NULL"
        var covers: [String: (services: Set<String>, domains: Set<String>)] = [:]
        for row in try await sql.raw(groups).all() {
            let k = try row.decode(column: "k", as: String.self)
            var entry = covers[k] ?? ([], [])
            entry.services.insert(try row.decode(column: "service", as: String.self))
            let domains = try row.decode(column: "domains", as: String.self)
            entry.domains.formUnion((try? JSONText.decode([String].self, domains)) ?? [])
            covers[k] = entry
        }
        return try await sql.raw(counts).all().compactMap { row in
            let k = try row.decode(column: "k", as: String.self)
            guard let pair = Self.pair(k, pairs) else { return nil }
            return PairBench(
                pair: pair, vendors: try row.decode(column: "vendors", as: Int.self),
                domainVendors: domain == nil ? nil : try row.decode(column: "domain_vendors", as: Int?.self) ?? 0,
                services: (covers[k]?.services ?? []).sorted(), domains: (covers[k]?.domains ?? []).sorted())
        }.sorted { $0.pair.description < $1.pair.description }
    }
}
