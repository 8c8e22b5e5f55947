import Foundation

/// A rush surcharge. A `compression` tier applies when the requested time is at most
/// `maxPercentOfStandard` of the standard turnaround; `same-day` when delivery is due the day
/// of the order; `weekend` when delivery falls on a non-working day. When several apply, the
/// one with the highest surcharge is charged (tiers never stack).
public struct RushTier: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case compression
        case sameDay = "same-day"
        case weekend
    }

    public var kind: Kind
    /// For `compression` tiers: the requested time as a percent of the standard (e.g. 50).
    public var maxPercentOfStandard: Decimal?
    public var surchargePercent: Decimal

    public init(kind: Kind, maxPercentOfStandard: Decimal? = nil, surchargePercent: Decimal) {
        self.kind = kind
        self.maxPercentOfStandard = kind == .compression ? maxPercentOfStandard : nil
        self.surchargePercent = surchargePercent
    }

    public static func compression(upTo percent: Decimal, surcharge: Decimal) -> RushTier {
        RushTier(kind: .compression, maxPercentOfStandard: percent, surchargePercent: surcharge)
    }

    /// Lumen's usual tiers: 25 % at three quarters of the standard time, 50 % at half, 100 % at a
    /// quarter; same-day 100 %; weekend 50 %.
    public static let standard: [RushTier] = [
        .compression(upTo: 75, surcharge: 25), .compression(upTo: 50, surcharge: 50),
        .compression(upTo: 25, surcharge: 100), RushTier(kind: .sameDay, surchargePercent: 100),
        RushTier(kind: .weekend, surchargePercent: 50),
    ]

    /// The tier charged for `turnaround` among `tiers`, or nil when none applies.
    public static func applicable(_ tiers: [RushTier], to turnaround: Turnaround) -> RushTier? {
        let ratio: Decimal? =
            turnaround.standardDays > 0 ? turnaround.requestedDays * 100 / turnaround.standardDays : nil
        let matching = tiers.filter { tier in
            switch tier.kind {
            case .compression:
                guard let ratio, let limit = tier.maxPercentOfStandard else { return false }
                return ratio <= limit
            case .sameDay: return turnaround.isSameDay
            case .weekend: return turnaround.isWeekend
            }
        }
        return matching.max { $0.surchargePercent < $1.surchargePercent }
    }
}

/// The time a client asks for against the standard: working days from the order to delivery,
/// and whether delivery is the same day or on a non-working day.
public struct Turnaround: Hashable, Sendable, Codable {
    public var requestedDays: Decimal
    public var standardDays: Decimal
    public var isSameDay: Bool
    public var isWeekend: Bool

    public init(requestedDays: Decimal, standardDays: Decimal, isSameDay: Bool = false, isWeekend: Bool = false) {
        self.requestedDays = requestedDays
        self.standardDays = standardDays
        self.isSameDay = isSameDay
        self.isWeekend = isWeekend
    }

    /// Counts working days after the order day up to and including the delivery day, in the
    /// organisation's time zone and working week.
    public static func between(
        order: Date, delivery: Date, standardDays: Decimal, timeZone: TimeZone, workingDays: Set<Weekday>
    ) -> Turnaround {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.startOfDay(for: order)
        let end = calendar.startOfDay(for: delivery)
        var days = 0
        var day = start
        while day < end {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            if workingDays.contains(weekday(of: day, calendar)) { days += 1 }
        }
        return Turnaround(
            requestedDays: Decimal(days), standardDays: standardDays, isSameDay: start == end,
            isWeekend: !workingDays.contains(weekday(of: end, calendar)))
    }

    private static func weekday(of day: Date, _ calendar: Calendar) -> Weekday {
        // Calendar weekdays run Sunday = 1 … Saturday = 7.
        let order: [Weekday] = [.sun, .mon, .tue, .wed, .thu, .fri, .sat]
        return order[calendar.component(.weekday, from: day) - 1]
    }
}

/// How long a job normally takes: lead days plus the words at a standard daily pace. An account's
/// framework agreement sets its own pace per target language; otherwise the organisation's.
public struct StandardTurnaround: Hashable, Sendable, Codable {
    public var wordsPerDay: Int
    public var leadTimeDays: Int

    public init(wordsPerDay: Int = 2_000, leadTimeDays: Int = 1) {
        self.wordsPerDay = wordsPerDay
        self.leadTimeDays = leadTimeDays
    }

    public static let standard = StandardTurnaround()

    /// Working days for `words` into `target`: lead days + ⌈words ÷ words per day⌉.
    public func days(words: Decimal, target: LanguageTag, agreement: FrameworkAgreement?) -> Decimal {
        var pace = wordsPerDay
        var lead = leadTimeDays
        if let agreement {
            lead = agreement.leadTimeDays
            if let own = agreement.throughput.first(where: { $0.targetLanguage.matchQuality(for: target) != nil }) {
                pace = own.wordsPerDay
            }
        }
        guard pace > 0 else { return Decimal(lead) }
        let days = (words / Decimal(pace)).rounded(scale: 0, mode: .up)
        return Decimal(lead) + max(days, 1)
    }
}

extension Decimal {
    /// Rounds to `scale` places in the given direction.
    public func rounded(scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, mode)
        return result
    }
}
