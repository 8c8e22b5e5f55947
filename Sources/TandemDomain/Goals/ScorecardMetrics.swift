import Foundation

/// A scorecard's figures for one subject and period, computed from the SQL sums
/// (`SubjectFigures`) with exact decimals. Definitions: docs/metrics.md.
public struct ScorecardMetrics: Hashable, Sendable {
    public var promisesMade: Int
    public var promisesKept: Int
    public var promisesBroken: Int
    /// kept ÷ (kept + broken) × 100, two places; nil when none is judged yet.
    public var onTimeRate: Decimal?
    public var bookedRevenue: Money
    public var deliveredRevenue: Money
    public var quotedMargin: Money
    public var deliveredMargin: Money
    public var quotedMarginPercent: Decimal?
    public var deliveredMarginPercent: Decimal?
    /// Actual cost ÷ quoted cost × 100 of the promises delivered (100 = as quoted).
    public var costAccuracy: Decimal?
    /// Share of delivered promises delivered by the first promised instant.
    public var dateAccuracy: Decimal?
    public var winRate: Decimal?
    /// Share of delivered promises without a justified complaint.
    public var qualityScore: Decimal?
    /// Mean hours from a quote's submission to the review decision, over reviews decided.
    public var reviewTurnaroundHours: Decimal?
    public var leadToWonDays: Decimal?
    public var wonToDeliveredDays: Decimal?
    /// Actual ÷ quoted words × 100 of the word jobs of the promises delivered (100 = as quoted).
    public var wordAccuracy: Decimal?
    /// Currencies without a rate on the period's last day: their amounts are left out.
    public var unconverted: [CurrencyCode]

    /// A figure as a plain decimal (counts, amounts, percents), nil when it has no value.
    public func value(_ name: MetricName) -> Decimal? {
        switch name {
        case .promisesMade: return Decimal(promisesMade)
        case .promisesKept: return Decimal(promisesKept)
        case .promisesBroken: return Decimal(promisesBroken)
        case .onTimeRate: return onTimeRate
        case .bookedRevenue: return bookedRevenue.amount
        case .deliveredRevenue: return deliveredRevenue.amount
        case .quotedMargin: return quotedMargin.amount
        case .deliveredMargin: return deliveredMargin.amount
        case .quotedMarginPercent: return quotedMarginPercent
        case .deliveredMarginPercent: return deliveredMarginPercent
        case .costAccuracy: return costAccuracy
        case .dateAccuracy: return dateAccuracy
        case .winRate: return winRate
        case .qualityScore: return qualityScore
        case .reviewTurnaroundHours: return reviewTurnaroundHours
        case .leadToWonDays: return leadToWonDays
        case .wonToDeliveredDays: return wonToDeliveredDays
        case .wordAccuracy: return wordAccuracy
        }
    }

    /// `part ÷ whole × 100` rounded to two places, nil when `whole` is zero.
    public static func percent(_ part: Decimal, of whole: Decimal) -> Decimal? {
        whole == 0 ? nil : (part * 100 / whole).rounded(scale: 2)
    }

    /// The metrics of `f`, amounts converted to `base` by `convert` (the rate of the period's
    /// last day); an amount that cannot be converted is left out and its currency listed.
    public static func compute(
        _ f: SubjectFigures, base: CurrencyCode, convert: (Money) -> Money?
    ) -> ScorecardMetrics {
        var missing = Set<CurrencyCode>()
        func total(_ sums: CurrencySums) -> Money {
            var sum = Decimal(0)
            for (currency, amount) in sums {
                if let value = convert(Money(amount, currency)) {
                    sum += value.amount
                } else {
                    missing.insert(currency)
                }
            }
            return Money(sum, base).rounded
        }
        let booked = total(f.quotedPrice)
        let quotedCost = total(f.quotedCost)
        let delivered = total(f.deliveredPrice)
        let deliveredCost = total(f.deliveredCost)
        let deliveredQuotedCost = total(f.deliveredQuotedCost)
        let quotedMargin = Money(booked.amount - quotedCost.amount, base)
        let deliveredMargin = Money(delivered.amount - deliveredCost.amount, base)
        func days(_ seconds: Double, _ count: Int) -> Decimal? {
            guard count > 0 else { return nil }
            return (Decimal(Int((seconds / Double(count)).rounded())) / 86_400).rounded(scale: 1)
        }
        /// The mean in hours, one decimal, from whole seconds (as days are).
        func hours(_ seconds: Double, _ count: Int) -> Decimal? {
            guard count > 0 else { return nil }
            return (Decimal(Int((seconds / Double(count)).rounded())) / 3_600).rounded(scale: 1)
        }
        return ScorecardMetrics(
            promisesMade: f.made, promisesKept: f.kept, promisesBroken: f.broken,
            onTimeRate: percent(Decimal(f.kept), of: Decimal(f.kept + f.broken)),
            bookedRevenue: booked, deliveredRevenue: delivered, quotedMargin: quotedMargin,
            deliveredMargin: deliveredMargin,
            quotedMarginPercent: percent(quotedMargin.amount, of: booked.amount),
            deliveredMarginPercent: percent(deliveredMargin.amount, of: delivered.amount),
            costAccuracy: percent(deliveredCost.amount, of: deliveredQuotedCost.amount),
            dateAccuracy: percent(Decimal(f.deliveredOnFirstDate), of: Decimal(f.delivered)),
            winRate: percent(Decimal(f.quotesWon), of: Decimal(f.quotesDecided)),
            qualityScore: percent(Decimal(f.deliveredWithoutComplaint), of: Decimal(f.delivered)),
            reviewTurnaroundHours: hours(f.reviewSeconds, f.reviews),
            leadToWonDays: days(f.leadToWonSeconds, f.projectsWon),
            wonToDeliveredDays: days(f.wonToDeliveredSeconds, f.delivered),
            wordAccuracy: percent(Decimal(f.actualWords), of: Decimal(f.quotedWords)),
            unconverted: missing.sorted { $0.code < $1.code })
    }
}

/// One row of a scorecard: a subject, its name, this period's metrics and the trend (earlier
/// periods, oldest first, ending with this one).
public struct ScorecardRow: Hashable, Sendable {
    public var subjectID: String
    public var name: String
    public var metrics: ScorecardMetrics
    public var trend: [ScorecardMetrics]

    public init(subjectID: String, name: String, metrics: ScorecardMetrics, trend: [ScorecardMetrics] = []) {
        self.subjectID = subjectID
        self.name = name
        self.metrics = metrics
        self.trend = trend
    }
}
