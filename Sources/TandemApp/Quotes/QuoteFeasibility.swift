import Foundation
import TandemDomain
import TandemPlanning

/// A quote's live feasibility: each target's delivery instant checked by the capacity service
/// with the stored vendors, bookings and the holds of *other* open quotes (the quote's own holds
/// are taken out of the snapshot first), and the tentative holds the quote then places.
public enum QuoteFeasibility {
    /// The engine's answer for one group of targets that share a delivery instant.
    public struct Check: Sendable {
        public var targets: [LanguageTag]
        public var request: FeasibilityRequest
        public var result: FeasibilityResult
    }

    /// One request per distinct delivery instant (usually one: the same date for every target),
    /// with the steps of each target's workflow and their effort counts (`QuoteWorkflows`).
    public static func requests(for version: QuoteVersion, option: QuoteOption.ID?, now: Date) -> [FeasibilityRequest] {
        let lines = version.lines(of: option).filter { $0.kind == .analysed }
        let groups = Dictionary(grouping: version.targets, by: \.delivery)
        return groups.keys.sorted().compactMap { delivery in
            let targets: [TargetRequest] = groups[delivery]!.compactMap { target in
                let steps = lines.filter { $0.targetLanguage == target.language }.flatMap {
                    QuoteWorkflows.steps(service: $0.service, bands: $0.bands)
                }
                guard !steps.isEmpty else { return nil }
                return TargetRequest(source: version.sourceLanguage, target: target.language, steps: steps)
            }
            guard !targets.isEmpty else { return nil }
            return FeasibilityRequest(start: Instant(now), deadline: Instant(delivery), targets: targets)
        }
    }

    /// Checks `version` on `index` without the quote's own holds.
    public static func check(
        _ version: QuoteVersion, option: QuoteOption.ID? = nil, ownHolds: [TentativeHold], on snapshot: CapacityIndex,
        now: Date
    ) -> [Check] {
        var index = snapshot
        for hold in ownHolds { index.release(BookingID(hold.id.description), for: VendorID(hold.vendorID.description)) }
        return requests(for: version, option: option, now: now).compactMap { request in
            guard let result = try? CapacityCheck.run(request, on: index, now: now) else { return nil }
            return Check(targets: request.targets.map(\.target), request: request, result: result)
        }
    }

    /// Per target: the verdict, the earliest delivery and the confidence of its group's check.
    public static func summary(_ checks: [Check]) -> [TargetFeasibility] {
        checks.flatMap { check in
            check.targets.map { target in
                let planned = check.result.targets.first { $0.target == target }
                return TargetFeasibility(
                    target: target, verdict: check.result.verdict.rawValue,
                    earliestDelivery: planned?.delivery?.date ?? check.result.earliestDelivery?.date,
                    confidence: Decimal(check.result.confidence).rounded(scale: 2))
            }
        }
    }

    /// The holds of a quote (by its reference).
    public static func holds(of quote: Quote, in stores: Stores) async throws -> [TentativeHold] {
        try await stores.vendorSchedule.holds(of: nil, overlapping: nil).filter {
            $0.quoteReference == quote.holdReference
        }
    }

    /// Replaces the quote's holds with one per planned assignment, at `probability` (0…1).
    public static func placeHolds(
        for quote: Quote, checks: [Check], probability: Decimal, index: CapacityIndex, in stores: Stores,
        ids: IdentifierGenerator
    ) async throws {
        try await releaseHolds(of: quote, in: stores)
        var holds: [TentativeHold] = []
        for check in checks {
            for target in check.result.targets {
                for step in target.steps {
                    for assignment in step.assignments {
                        guard let vendorID = VendorProfile.ID(uuidString: assignment.vendor.rawValue),
                            assignment.end > assignment.start
                        else { continue }
                        holds.append(
                            TentativeHold(
                                id: ids(), vendorID: vendorID, from: assignment.start.date, to: assignment.end.date,
                                minutes: workMinutes(assignment, step: step, target: target, index: index),
                                probability: probability, quoteReference: quote.holdReference))
                    }
                }
            }
        }
        if !holds.isEmpty { try await stores.vendorSchedule.addHolds(holds) }
    }

    public static func releaseHolds(of quote: Quote, in stores: Stores) async throws {
        for hold in try await holds(of: quote, in: stores) { _ = try await stores.vendorSchedule.removeHold(hold.id) }
    }

    /// Minutes of work of an assignment at the vendor's throughput (the span when unknown).
    static func workMinutes(_ a: PlannedAssignment, step: PlannedStep, target: PlannedTarget, index: CapacityIndex)
        -> Int
    {
        let span = max(1, a.end.minutes - a.start.minutes)
        if step.unit == .hour { return min(span, a.words) }
        let capability = index.vendor(a.vendor)?.capabilities.first {
            $0.service == step.service && $0.pair.target.language == target.target.language
        }
        guard let perHour = capability?.unitsPerHour, perHour > 0 else { return span }
        return min(span, max(1, (a.words * 60 + perHour - 1) / perHour))
    }
}

/// The vendor steps of a service and their effort counts (docs/quotes.md): translation is
/// planned on words weighted by the effort grid (context 0 %, repetition 10 %, 100 20 %,
/// 95–99 40 %, 85–94 60 %, 75–84 80 %, 50–74 and new 100 %), revision and review on all words
/// but context matches.
public enum QuoteWorkflows {
    public static let effortPercent: [String: Decimal] = [
        "context": 0, "repetition": 10, "100": 20, "95-99": 40, "85-94": 60, "75-84": 80, "50-74": 100, "new": 100,
    ]

    public static func effortWords(_ bands: BandCounts) -> Int {
        let total = bands.reduce(Decimal(0)) { $0 + $1.value.words * (effortPercent[$1.key] ?? 100) / 100 }
        return wholeUp(total)
    }

    public static func reviewWords(_ bands: BandCounts) -> Int {
        wholeUp(bands.filter { $0.key != "context" }.reduce(Decimal(0)) { $0 + $1.value.words })
    }

    public static func steps(service: String, bands: BandCounts) -> [StepRequest] {
        let effort = effortWords(bands)
        let review = reviewWords(bands)
        var steps: [StepRequest] = []
        switch LanguageService(rawValue: service) {
        case .translation:
            steps = [StepRequest(service: .translation, words: effort), .init(service: .revision, words: review)]
        case .mtpe:
            steps = [StepRequest(service: .postEditing, words: effort), .init(service: "review", words: review)]
        case .revision: steps = [StepRequest(service: .revision, words: review)]
        case .proofreading: steps = [StepRequest(service: .proofreading, words: review)]
        case .transcreation: steps = [StepRequest(service: "transcreation", words: review)]
        default: steps = []
        }
        return steps.filter { $0.words > 0 }
    }

    static func wholeUp(_ value: Decimal) -> Int {
        var v = value
        var r = Decimal()
        NSDecimalRound(&r, &v, 0, .up)
        return NSDecimalNumber(decimal: r).intValue
    }
}
