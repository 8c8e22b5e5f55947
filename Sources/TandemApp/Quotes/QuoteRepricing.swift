import Foundation
import TandemDomain
import TandemPlanning

/// Builds a version's analysed lines from the latest analysis, prices them and adds cost,
/// margin and feasibility (docs/quotes.md, "How a quote is priced").
enum QuoteRepricing {
    /// One analysed line per option × target × service with the bands of the files that apply to
    /// that target (excluded files left out); manual lines and discounts are kept. Line ids are
    /// kept for the same option, target and service, so versions can be compared line by line.
    static func lines(
        _ version: QuoteVersion, analysis: QuoteAnalysis?, files: [QuoteFile], ids: IdentifierGenerator
    ) -> [QuoteLine] {
        let byID = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0) })
        let options: [QuoteOption?] = version.options.isEmpty ? [nil] : version.options
        var out: [QuoteLine] = []
        for option in options {
            let services = option.flatMap { $0.services.isEmpty ? nil : $0.services } ?? version.services
            for target in version.targets {
                let bands = (analysis?.files ?? []).filter {
                    $0.targetLanguage == target.language && byID[$0.fileID]?.applies(to: target.language) == true
                }.reduce(BandCounts()) { $0 + $1.bands }
                for service in services {
                    let existing = version.lines.first {
                        $0.kind == .analysed && $0.optionID == option?.id && $0.targetLanguage == target.language
                            && $0.service == service.rawValue
                    }
                    var line =
                        existing
                        ?? QuoteLine(
                            id: ids(), kind: .analysed, optionID: option?.id, targetLanguage: target.language,
                            service: service.rawValue, unitPrice: .zero(version.totals.total.currency),
                            price: .zero(version.totals.total.currency))
                    line.bands = bands
                    out.append(line)
                }
            }
        }
        return out + version.lines.filter { $0.kind != .analysed }
    }

    /// The cost of each analysed line from the plan: the planned steps of its service's workflow
    /// for its target, converted to the base currency at today's rate; nil without a plan.
    static func costs(
        _ lines: [QuoteLine], checks: [QuoteFeasibility.Check], rates: ExchangeRateTable, on day: LocalDate
    ) -> [QuoteLine] {
        lines.map { line in
            guard line.kind == .analysed, let target = line.targetLanguage else { return line }
            let services = Set(QuoteWorkflows.steps(service: line.service, bands: line.bands).map(\.service))
            let planned = checks.flatMap(\.result.targets).first { $0.target == target }
            var line = line
            guard let planned, planned.delivery != nil, !services.isEmpty else {
                line.cost = services.isEmpty ? Money.zero(rates.base) : nil
                return line
            }
            var total = Money.zero(rates.base)
            for step in planned.steps where services.contains(step.service) {
                for assignment in step.assignments {
                    guard let converted = rates.convert(assignment.cost, on: day)?.value else { continue }
                    total.amount += converted.amount
                }
            }
            line.cost = total.rounded
            return line
        }
    }

    /// Totals of the default (first) option: the lines' prices, the total in base, cost, margin.
    static func totals(
        _ version: QuoteVersion, currency: CurrencyCode, rates: ExchangeRateTable, on day: LocalDate,
        base: QuoteTotals? = nil
    ) -> QuoteTotals {
        let lines = version.lines(of: nil)
        var totals = base ?? QuoteTotals(total: Money(lines.reduce(0) { $0 + $1.price.amount }, currency).rounded)
        totals.totalInBase = rates.convert(totals.total, on: day)?.value.rounded
        let costs = lines.compactMap(\.cost)
        let analysed = lines.filter { $0.kind == .analysed }
        if !analysed.isEmpty, analysed.allSatisfy({ $0.cost != nil }) {
            let cost = Money(costs.reduce(0) { $0 + $1.amount }, rates.base).rounded
            totals.cost = cost
            if let inBase = totals.totalInBase {
                totals.margin = Money(inBase.amount - cost.amount, rates.base)
                totals.marginPercent =
                    inBase.amount == 0 ? nil : ((inBase.amount - cost.amount) * 100 / inBase.amount).rounded(scale: 2)
            }
        } else {
            totals.cost = nil
            totals.margin = nil
            totals.marginPercent = nil
        }
        return totals
    }
}
