import Foundation

/// One value of a generated row, written as an SQL literal for the database at hand. The scale
/// set's values are all made here (ids, fixed words, numbers), never typed by a user; text is
/// still quoted with its quotes doubled.
enum ScaleValue: Equatable, Sendable {
    case null
    case text(String)
    case int(Int)
    case bool(Bool)
    case uuid(UUID)
    /// Whole seconds since 1970 (an instant, stored as Fluent stores dates).
    case instant(Int)

    func literal(postgres: Bool) -> String {
        switch self {
        case .null: return "NULL"
        case .text(let s): return "'" + (s.contains("'") ? s.replacingOccurrences(of: "'", with: "''") : s) + "'"
        case .int(let n): return String(n)
        case .bool(let b): return postgres ? (b ? "TRUE" : "FALSE") : (b ? "1" : "0")
        case .uuid(let u): return "'" + u.uuidString + "'"
        case .instant(let t): return postgres ? "to_timestamp(\(t))" : "\(t).0"
        }
    }
}

/// The rows of one table, in column order.
struct ScaleTable: Equatable, Sendable {
    var name: String
    var columns: [String]
    var rows: [[ScaleValue]] = []

    init(_ name: String, _ columns: String) {
        self.name = name
        self.columns = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    mutating func add(_ values: ScaleValue...) {
        precondition(values.count == columns.count, "\(name): \(values.count) values for \(columns.count) columns")
        rows.append(values)
    }

    /// Multi-row `INSERT` statements of at most `batch` rows each.
    func statements(postgres: Bool, batch: Int = 1_000) -> [String] {
        var out: [String] = []
        var start = 0
        let head = "INSERT INTO \(name) (" + columns.joined(separator: ", ") + ") VALUES "
        while start < rows.count {
            let end = min(rows.count, start + batch)
            var sql = head
            sql.reserveCapacity(head.count + (end - start) * columns.count * 24)
            for index in start..<end {
                if index > start { sql += ", " }
                sql += "("
                for (n, value) in rows[index].enumerated() {
                    if n > 0 { sql += ", " }
                    sql += value.literal(postgres: postgres)
                }
                sql += ")"
            }
            out.append(sql)
            start = end
        }
        return out
    }
}

/// Amounts as the schema stores them: decimal text without trailing zeros ("1890", "16.3").
enum ScaleMoney {
    static func text(cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let whole = abs(cents) / 100
        let fraction = abs(cents) % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
