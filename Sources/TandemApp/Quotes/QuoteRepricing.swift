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

    /// The cost of each analysed line (`CostEstimate`): per workflow step, the vendors the
    /// capacity check planned for that target and service at their own current rates, in the
    /// base currency at today's rate; the organisation's default cost rate where none fits.
    static func costs(
        _ lines: [QuoteLine], source: LanguageTag, checks: [QuoteFeasibility.Check], plan: QuoteWorkflowPlan,
        rates: ExchangeRateTable, on day: LocalDate, in tx: Stores
    ) async throws -> [QuoteLine] {
        var vendorCache: [VendorProfile.ID: CostVendor] = [:]
        func costVendor(_ id: VendorProfile.ID) async throws -> CostVendor? {
            if let cached = vendorCache[id] { return cached }
            guard let profile = try await tx.vendors.find(id: id) else { return nil }
            let vendor = CostVendor(
                vendorID: id, currency: profile.currency, grid: profile.weightingGrid,
                rates: try await tx.vendors.rates(of: id))
            vendorCache[id] = vendor
            return vendor
        }
        var out: [QuoteLine] = []
        for var line in lines {
            guard line.kind == .analysed, let target = line.targetLanguage else {
                out.append(line)
                continue
            }
            var vendors: [LinguisticService: [CostVendor]] = [:]
            // The vendors planned for this line's own option (lines of a quote without options: all).
            let own = checks.filter { $0.option == nil || $0.option == line.optionID }
            for planned in own.flatMap(\.result.targets) where planned.target == target {
                for step in planned.steps {
                    for assignment in step.assignments {
                        guard let id = VendorProfile.ID(uuidString: assignment.vendor.rawValue),
                            let vendor = try await costVendor(id)
                        else { continue }
                        vendors[LinguisticService(step.service.rawValue), default: []].append(vendor)
                    }
                }
            }
            let cost = CostEstimate.estimate(
                pair: LanguagePair(source: source, target: target), template: plan.template(for: line.service),
                tallies: QuotePricingStep.tallies(line.bands), quantity: nil, vendors: vendors, exchangeRates: rates,
                on: day, defaults: plan.defaultCosts)
            line.cost = cost.total.rounded
            line.costIsDefaultRate = cost.isDefaultRate
            out.append(line)
        }
        return out
    }

    /// Totals of the default (first) option: the lines' prices, the total in base, cost, margin.
    static func totals(
        _ version: QuoteVersion, currency: CurrencyCode, rates: ExchangeRateTable, on day: LocalDate,
        base: QuoteTotals? = nil
    ) -> QuoteTotals {
        let lines = version.lines(of: nil)
        var totals = base ?? QuoteTotals(total: Money(lines.reduce(0) { $0 + $1.price.amount }, currency).rounded)
        totals.totalInBase = rates.convert(totals.total, on: day)?.value.rounded
        let analysed = lines.filter { $0.kind == .analysed }
        let costs = analysed.compactMap(\.cost)
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
