import Foundation
import TandemDomain
import Vapor

/// The JSON shapes of the scorecards API (docs/metrics.md, openapi.yaml): counts are integers,
/// amounts Money objects in the base currency, percents and days decimal strings (or null).
enum ScorecardBodies {
    static func fixed(_ value: Decimal?, _ scale: Int) -> String? {
        value.map { MoneyBody.fixed($0, scale: scale) }
    }

    struct Metrics: Content {
        var promisesMade, promisesKept, promisesBroken: Int
        @NullWhenAbsent var onTimeRate: String?
        var bookedRevenue, deliveredRevenue, quotedMargin, deliveredMargin: MoneyBody
        @NullWhenAbsent var quotedMarginPercent: String?
        @NullWhenAbsent var deliveredMarginPercent: String?
        @NullWhenAbsent var costAccuracy: String?
        @NullWhenAbsent var dateAccuracy: String?
        @NullWhenAbsent var winRate: String?
        @NullWhenAbsent var qualityScore: String?
        @NullWhenAbsent var reviewTurnaroundHours: String?
        @NullWhenAbsent var leadToWonDays: String?
        @NullWhenAbsent var wonToDeliveredDays: String?
        @NullWhenAbsent var wordAccuracy: String?
        var unconvertedCurrencies: [String]

        init(_ m: ScorecardMetrics) {
            promisesMade = m.promisesMade
            promisesKept = m.promisesKept
            promisesBroken = m.promisesBroken
            onTimeRate = fixed(m.onTimeRate, 2)
            bookedRevenue = MoneyBody(m.bookedRevenue)
            deliveredRevenue = MoneyBody(m.deliveredRevenue)
            quotedMargin = MoneyBody(m.quotedMargin)
            deliveredMargin = MoneyBody(m.deliveredMargin)
            quotedMarginPercent = fixed(m.quotedMarginPercent, 2)
            deliveredMarginPercent = fixed(m.deliveredMarginPercent, 2)
            costAccuracy = fixed(m.costAccuracy, 2)
            dateAccuracy = fixed(m.dateAccuracy, 2)
            winRate = fixed(m.winRate, 2)
            qualityScore = fixed(m.qualityScore, 2)
            reviewTurnaroundHours = fixed(m.reviewTurnaroundHours, 1)
            leadToWonDays = fixed(m.leadToWonDays, 1)
            wonToDeliveredDays = fixed(m.wonToDeliveredDays, 1)
            wordAccuracy = fixed(m.wordAccuracy, 2)
            unconvertedCurrencies = m.unconverted.map(\.code)
        }
    }

    struct Item: Content {
        var subjectId: String
        var name: String
        var metrics: Metrics
        init(_ row: ScorecardRow) {
            subjectId = row.subjectID
            name = row.name
            metrics = Metrics(row.metrics)
        }
    }

    struct Period: Content {
        var kind: String
        var from: String
        var to: String
        init(_ p: MetricPeriod) {
            kind = p.kind.rawValue
            from = p.first.description
            to = p.last.description
        }
    }

    /// `ListEnvelope` with the period the figures cover.
    struct Page: Content {
        var items: [Item]
        @NullWhenAbsent var nextCursor: String?
        var period: Period
    }

    /// The list's sort key: name, then subject id.
    struct Key: Codable, Comparable {
        var name: String
        var id: String
        init(_ row: ScorecardRow) {
            name = row.name.lowercased()
            id = row.subjectID
        }
        static func < (a: Key, b: Key) -> Bool { (a.name, a.id) < (b.name, b.id) }
    }
}
