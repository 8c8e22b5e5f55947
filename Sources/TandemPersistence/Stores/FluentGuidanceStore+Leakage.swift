import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension FluentGuidanceStore {
    /// Margin leakage in money per period (docs/guidance.md): over the promises delivered in it,
    /// Σ quoted margin − Σ delivered margin = Σ (first price − price in force) + Σ (actual cost −
    /// quoted cost), each summed per currency in SQL (exact, as the scorecards sum money). The
    /// use case converts the sums to the base currency.
    func leakage(_ periods: inout [ParityPeriod], bounds: [Date]) async throws {
        let m = MetricsSQL(sql)
        let delivered: SQLQueryString =
            " WHERE \(unsafeRaw: m.notCancelled()) AND " + Self.within("s.delivered_at", bounds)
        let k = Self.period("s.delivered_at", bounds)
        // Prices: the first version's against the one in force, in the promise's currency.
        let prices: SQLQueryString =
            "SELECT " + k
            + " AS k, p.currency AS currency, \(unsafeRaw: m.sum("COALESCE(v.price, p.price)")) AS plus, "
            + "\(unsafeRaw: m.sum("p.price")) AS minus" + SQLQueryString(MetricsSQL.promiseFrom) + delivered
            + " GROUP BY 1, p.currency"
        // Costs: the actual cost recorded with the deliveries, in its currency …
        let actual: SQLQueryString =
            "SELECT " + k + " AS k, d.cost_currency AS currency, \(unsafeRaw: m.sum("d.cost")) AS plus, "
            + "'0' AS minus" + SQLQueryString(MetricsSQL.promiseFrom)
            + " JOIN client_deliveries d ON d.promise_id = p.id AND d.cost IS NOT NULL" + delivered
            + " GROUP BY 1, d.cost_currency"
        // … against the quoted cost (the accepted quote's lines for the target).
        let quoted: SQLQueryString =
            "SELECT " + k + " AS k, ql.cost_currency AS currency, '0' AS plus, "
            + "\(unsafeRaw: m.sum("ql.cost")) AS minus"
            + SQLQueryString(MetricsSQL.promiseFrom + MetricsSQL.quotedLines)
            + delivered + " GROUP BY 1, ql.cost_currency"
        for query in [prices, actual, quoted] {
            for row in try await sql.raw(query).all() {
                guard let index = try row.decode(column: "k", as: Int?.self), periods.indices.contains(index),
                    let code = try row.decode(column: "currency", as: String?.self)
                else { continue }
                let currency = try CurrencyCode(code)
                let plus = m.decimal(try row.decode(column: "plus", as: String?.self))
                let minus = m.decimal(try row.decode(column: "minus", as: String?.self))
                periods[index].leakedSums.add(plus - minus, currency)
            }
        }
    }
}
