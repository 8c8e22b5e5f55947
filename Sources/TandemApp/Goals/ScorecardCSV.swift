import CSV
import Foundation
import TandemDomain

/// Scorecards as CSV (RFC 4180, written by CSV.swift so names with commas or quotes are quoted):
/// one row per subject, or one row per period of a subject's trend. Values are as in the API:
/// counts, amounts with two decimals in the base currency (named in `currency`), percents and
/// days as decimals, empty when there is nothing to measure.
public enum ScorecardCSV {
    public static func list(_ rows: [ScorecardRow], period: MetricPeriod) throws -> String {
        try write(
            header: ["subjectId", "name", "from", "to"],
            rows: rows.map { ([$0.subjectID, $0.name, period.first.description, period.last.description], $0.metrics) })
    }

    public static func trend(_ row: ScorecardRow, periods: [MetricPeriod]) throws -> String {
        try write(
            header: ["subjectId", "name", "from", "to"],
            rows: zip(periods, row.trend).map {
                ([row.subjectID, row.name, $0.first.description, $0.last.description], $1)
            })
    }

    static func write(header: [String], rows: [([String], ScorecardMetrics)]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header + ["currency"] + MetricName.allCases.map(\.rawValue))
        for (leading, metrics) in rows {
            let values = MetricName.allCases.map { metric -> String in
                guard let value = metrics.value(metric) else { return "" }
                switch metric {
                case .promisesMade, .promisesKept, .promisesBroken: return value.canonicalString
                case .leadToWonDays, .wonToDeliveredDays, .reviewTurnaroundHours: return fixed(value, 1)
                default: return fixed(value, 2)
                }
            }
            try writer.write(row: leading + [metrics.bookedRevenue.currency.code] + values)
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// "12.5" with scale 2 → "12.50".
    static func fixed(_ value: Decimal, _ scale: Int) -> String {
        let text = value.rounded(scale: scale).canonicalString
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0])." + fraction + String(repeating: "0", count: max(0, scale - fraction.count))
    }
}
