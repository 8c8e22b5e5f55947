import Foundation

/// Why a fit score is what it is. Codes and arguments; the web layer writes them in words.
public enum FitReason: Sendable, Equatable {
    /// No approved vendor for the pair at all: production cannot do it.
    case noVendor(pair: LanguagePair)
    /// Approved vendors for the pair (`pairVendors`), none of them for the asked domain.
    case noDomainVendor(pair: LanguagePair, domain: String, pairVendors: Int)
    /// `count` approved vendors for the pair (in the domain when one is asked).
    case bench(pair: LanguagePair, domain: String?, count: Int)
    /// `kept` of the last `judged` promises of the pair were kept.
    case onTime(pair: LanguagePair, kept: Int, judged: Int)
    /// Too few judged promises to tell (fewer than `FitScore.minimumHistory`).
    case littleHistory(pair: LanguagePair, judged: Int)
    /// `atMargin` of `delivered` deliveries stayed within the margin floor.
    case margin(pair: LanguagePair, atMargin: Int, delivered: Int)
    /// Free vendor hours in the next 4 and 12 weeks.
    case freeCapacity(pair: LanguagePair, hours4: Int, hours12: Int)
    /// No free vendor hours in the next 12 weeks.
    case noCapacity(pair: LanguagePair)
    /// The typical job kept at margin: `words` weighted words promised `days` days ahead.
    case typicalJob(pair: LanguagePair, words: Int, days: Int)
    /// The account or opportunity names no language pair.
    case noPairs

    public var code: String {
        switch self {
        case .noVendor: "no_vendor"
        case .noDomainVendor: "no_domain_vendor"
        case .bench: "bench"
        case .onTime: "on_time"
        case .littleHistory: "little_history"
        case .margin: "margin"
        case .freeCapacity: "free_capacity"
        case .noCapacity: "no_capacity"
        case .typicalJob: "typical_job"
        case .noPairs: "no_pairs"
        }
    }

    /// How much a reason weighs on the score, most first: no vendor (or no pair), no capacity,
    /// a poor or thin record, a thin bench or little capacity; then the reasons that are no concern.
    public var severity: Int {
        guard isConcern else { return 4 }
        switch self {
        case .noVendor, .noPairs: return 0
        case .noCapacity: return 1
        case .onTime, .littleHistory, .margin, .noDomainVendor: return 2
        case .bench, .freeCapacity: return 3
        case .typicalJob: return 4
        }
    }

    /// Reasons that lower a score come first on a page: those are what sales must read.
    public var isConcern: Bool {
        switch self {
        case .noVendor, .noDomainVendor, .littleHistory, .noCapacity, .noPairs: true
        case .typicalJob: false
        case .bench(_, _, let count): count < 2
        case .onTime(_, let kept, let judged): judged > 0 && kept * 100 < judged * FitScore.goodOnTimePercent
        case .margin(_, let atMargin, let delivered): delivered > 0 && atMargin * 100 < delivered * 80
        case .freeCapacity(_, let hours4, _): hours4 < FitScore.comfortableHours
        }
    }
}

/// The fit of an account or an opportunity with what production can do, 0 to 100, from each of
/// its language pairs' `PairCapability`. Pure; documented in docs/guidance.md.
///
/// Per pair, four parts:
/// - **bench** (25): approved vendors (for the domain when one is asked): 1 → 10, 2 → 18, 3+ → 25;
///   vendors for the pair but none for the asked domain → 5;
/// - **on time** (35): the share kept of the pair's last 20 judged promises × 35; with fewer than
///   3 judged, a neutral 15;
/// - **margin** (20): the share of delivered promises within the margin floor × 20; none delivered: 10;
/// - **capacity** (20): free hours in the next 4 weeks, 20 at 40 h or more, in proportion below;
///   with none in 4 weeks but some in 12, 5.
///
/// A pair without any approved vendor scores 0 whatever its history: production cannot do it; it
/// is outside what production can do, as is a pair without free hours in the next 12 weeks.
/// The score of several pairs is their mean, rounded half up; no pair at all scores 0.
public enum FitScore {
    public static let recentJobs = 20
    public static let minimumHistory = 3
    public static let comfortableHours = 40
    public static let goodOnTimePercent = 80

    public struct Result: Sendable, Equatable {
        public var score: Int
        public var reasons: [FitReason]
        /// Some pair is outside what production can do (no approved vendor or no free capacity).
        public var outsideCapability: Bool
    }

    public static func pairScore(_ c: PairCapability) -> Int {
        guard c.approvedVendors > 0 else { return 0 }
        let bench = c.bench == 0 ? 5 : [0, 10, 18, 25][min(3, c.bench)]
        let onTime =
            c.judged < minimumHistory ? Decimal(15) : Decimal(35 * c.kept) / Decimal(c.judged)
        let margin = c.delivered == 0 ? Decimal(10) : Decimal(20 * c.atMargin) / Decimal(c.delivered)
        let capacity: Decimal =
            c.freeHours4 >= comfortableHours
            ? 20 : c.freeHours4 > 0 ? Decimal(20 * c.freeHours4) / Decimal(comfortableHours) : c.freeHours12 > 0 ? 5 : 0
        return rounded(Decimal(bench) + onTime + margin + capacity)
    }

    public static func reasons(_ pair: LanguagePair, _ c: PairCapability) -> [FitReason] {
        var out: [FitReason] = []
        if c.approvedVendors == 0 {
            out.append(.noVendor(pair: pair))
        } else if c.bench == 0, let domain = c.domain {
            out.append(.noDomainVendor(pair: pair, domain: domain, pairVendors: c.approvedVendors))
        } else {
            out.append(.bench(pair: pair, domain: c.domainVendors == nil ? nil : c.domain, count: c.bench))
        }
        if c.judged < minimumHistory {
            out.append(.littleHistory(pair: pair, judged: c.judged))
        } else {
            out.append(.onTime(pair: pair, kept: c.kept, judged: c.judged))
        }
        if c.delivered > 0 { out.append(.margin(pair: pair, atMargin: c.atMargin, delivered: c.delivered)) }
        if let words = c.typicalWords, let days = c.typicalDays {
            out.append(.typicalJob(pair: pair, words: words, days: days))
        }
        if c.approvedVendors > 0 {
            out.append(
                c.freeHours12 > 0
                    ? .freeCapacity(pair: pair, hours4: c.freeHours4, hours12: c.freeHours12) : .noCapacity(pair: pair))
        }
        return out
    }

    /// The score over `pairs` in order, with every pair's reasons, the most severe first.
    public static func score(_ pairs: [(LanguagePair, PairCapability)]) -> Result {
        guard !pairs.isEmpty else { return Result(score: 0, reasons: [.noPairs], outsideCapability: false) }
        let total = pairs.reduce(0) { $0 + pairScore($1.1) }
        let all = pairs.flatMap { Self.reasons($0.0, $0.1) }
        let outside = pairs.contains { $0.1.approvedVendors == 0 || $0.1.freeHours12 == 0 }
        let ordered = all.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
        return Result(
            score: rounded(Decimal(total) / Decimal(pairs.count)), reasons: ordered, outsideCapability: outside)
    }

    static func rounded(_ value: Decimal) -> Int {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return NSDecimalNumber(decimal: output).intValue
    }
}
