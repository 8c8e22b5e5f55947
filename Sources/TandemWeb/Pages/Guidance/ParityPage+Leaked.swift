import Foundation
import TandemApp
import TandemDomain
import TandemLocalization

/// The parity dashboard's margin leaked in money (docs/guidance.md): a line per month in the
/// base currency, the period's total, and the currencies left out for want of a rate.
extension ParityPage {
    /// Σ of the months' margin leaked, nil when no month has it.
    static func leakedTotal(_ periods: [ParityPeriod]) -> Money? {
        let amounts = periods.compactMap(\.marginLeakage)
        guard let currency = amounts.first?.currency else { return nil }
        return Money(amounts.reduce(Decimal(0)) { $0 + $1.amount }, currency)
    }

    static func leakedChart(_ periods: [ParityPeriod], categories: [String], _ l: Localizer) -> String {
        let currency = periods.compactMap(\.marginLeakage).first?.currency
        let data = ChartData(
            id: "parity-leaked", title: l.t("parity.chart.leaked.title"),
            description: l.t("parity.chart.leaked.description", ["currency": .text(currency?.code ?? "")]),
            categoryHeading: l.t("parity.month"), categories: categories,
            series: [.init(l.t("parity.series.leaked"), periods.map { $0.marginLeakage?.amount })])
        return LineChart.render(data, localizer: l) { value in
            currency.map { l.format(Money(value, $0)) } ?? l.format(value, maximumFractionDigits: 2)
        }
    }

    static func unconverted(_ periods: [ParityPeriod], _ l: Localizer) -> String? {
        let codes = Set(periods.flatMap(\.unconverted).map(\.code)).sorted()
        guard !codes.isEmpty else { return nil }
        return l.t("metrics.unconverted", ["currencies": .text(codes.joined(separator: ", "))])
    }
}
