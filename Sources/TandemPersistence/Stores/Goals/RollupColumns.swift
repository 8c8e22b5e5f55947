import Foundation
import SQLKit
import TandemDomain

/// How `SubjectFigures` is stored in `metric_rollups`: one row per subject and currency. The row
/// with the empty currency holds the counts and durations; each currency's row holds the amounts
/// in that currency, in whole millionths (exact integers, as the SQLite sums are).
enum RollupColumns {
    static let counts: [(String, WritableKeyPath<SubjectFigures, Int>)] = [
        ("made", \.made), ("kept", \.kept), ("broken", \.broken), ("delivered", \.delivered),
        ("delivered_first_date", \.deliveredOnFirstDate), ("delivered_clean", \.deliveredWithoutComplaint),
        ("quotes_decided", \.quotesDecided), ("quotes_won", \.quotesWon), ("projects_won", \.projectsWon),
        ("reviews", \.reviews), ("quoted_words", \.quotedWords), ("actual_words", \.actualWords),
        ("delivered_below_floor", \.deliveredBelowFloor),
    ]
    static let durations: [(String, WritableKeyPath<SubjectFigures, Double>)] = [
        ("won_to_delivered_seconds", \.wonToDeliveredSeconds), ("lead_to_won_seconds", \.leadToWonSeconds),
        ("review_seconds", \.reviewSeconds),
    ]
    static let amounts: [(String, WritableKeyPath<SubjectFigures, CurrencySums>)] = [
        ("quoted_price", \.quotedPrice), ("quoted_cost", \.quotedCost), ("delivered_price", \.deliveredPrice),
        ("delivered_cost", \.deliveredCost), ("delivered_quoted_cost", \.deliveredQuotedCost),
        ("delivered_first_price", \.deliveredFirstPrice),
    ]

    /// The columns summed as whole numbers (counts and millionths).
    static var integers: [String] { counts.map(\.0) + amounts.map(\.0) }
    static var seconds: [String] { durations.map(\.0) }
    static var all: [String] { counts.map(\.0) + durations.map(\.0) + amounts.map(\.0) }

    /// A subject id as the roll-up stores it (user and account ids in lower case; pairs as they are).
    static func storedID(_ id: String) -> String {
        UUID(uuidString: id).map { $0.uuidString.lowercased() } ?? id
    }

    /// One stored row: its currency ("" for counts) and a value for each of `all`, in order.
    struct Row {
        var currency: String
        var values: [any SQLExpression]
    }

    static func rows(_ f: SubjectFigures) -> [Row] {
        var rows: [Row] = []
        let hasCounts =
            counts.contains { (_, path) in f[keyPath: path] != 0 }
            || durations.contains { (_, path) in f[keyPath: path] != 0 }
        if hasCounts {
            var values: [any SQLExpression] = []
            for (_, path) in counts { values.append(SQLBind(Int64(f[keyPath: path]))) }
            for (_, path) in durations { values.append(SQLBind(f[keyPath: path])) }
            for _ in amounts { values.append(SQLLiteral.numeric("0")) }
            rows.append(Row(currency: "", values: values))
        }
        var currencies = Set<CurrencyCode>()
        for (_, path) in amounts { currencies.formUnion(f[keyPath: path].keys) }
        for currency in currencies.sorted(by: { $0.code < $1.code }) {
            var values: [any SQLExpression] = []
            for _ in counts { values.append(SQLLiteral.numeric("0")) }
            for _ in durations { values.append(SQLLiteral.numeric("0")) }
            for (_, path) in amounts { values.append(SQLBind(millionths(f[keyPath: path][currency] ?? 0))) }
            rows.append(Row(currency: currency.code, values: values))
        }
        return rows
    }

    /// Adds one summed row (`read`) to a subject's figures.
    static func add(_ row: any SQLRow, to f: inout SubjectFigures) throws {
        let currency = try row.decode(column: "currency", as: String.self)
        if currency.isEmpty {
            for (column, path) in counts {
                f[keyPath: path] += Int(try row.decode(column: column, as: Int64?.self) ?? 0)
            }
            for (column, path) in durations {
                f[keyPath: path] += try row.decode(column: column, as: Double?.self) ?? 0
            }
            return
        }
        let code = try CurrencyCode(currency)
        for (column, path) in amounts {
            let value = try row.decode(column: column, as: Int64?.self) ?? 0
            if value != 0 { f[keyPath: path].add(Decimal(value) / 1_000_000, code) }
        }
    }

    /// An amount in whole millionths (rounded half away from zero past the sixth decimal).
    static func millionths(_ amount: Decimal) -> Int64 {
        var scaled = amount * 1_000_000
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
