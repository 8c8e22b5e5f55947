import TandemDomain

/// Why a check came out as it did, as a code with typed arguments: the engine says what, the
/// edge (command line, pages, API) says it in the user's language. `code` is stable snake_case
/// and names the message (`plan.reason.<code>` in the catalogs); `arguments` are its
/// placeholders. Most important first in `FeasibilityResult.reasons`.
public enum FeasibilityReason: Hashable, Sendable {
    // The verdict (exactly one of these comes first).
    /// The deadline is not after the start of planning.
    case deadlinePassed(deadline: Instant)
    /// Red: the earliest delivery is `lateBy` minutes after the deadline.
    case late(delivery: Instant, deadline: Instant, lateBy: Int)
    /// Amber: the slack is under `amberPercent` % of the window.
    case tightSlack(delivery: Instant, deadline: Instant, slack: Int, windowPercent: Int, amberPercent: Int)
    /// Amber: in time only by using time that tentative work is likely to need.
    case needsTentativeTime(delivery: Instant, deadline: Instant)
    /// Green.
    case onTime(delivery: Instant, deadline: Instant, slack: Int, windowPercent: Int)
    /// Red: some target cannot be planned at all; later reasons say which and why.
    case noPlan

    // What moves the delivery.
    /// With tentative work at its weighted share, delivery moves to `delivery` (still in time).
    case tentativeDelay(delivery: Instant)
    /// With tentative work at its weighted share, delivery moves to `delivery`, after the deadline.
    case tentativeDelayPastDeadline(delivery: Instant)
    /// The plan uses `minutes` of a vendor's time that a tentative job (`probability` %) needs.
    case tentativeOverlap(vendor: VendorID, minutes: Int, probability: Int, from: Instant)
    /// A late plan: `vendors` per step could deliver by `delivery` (after the deadline still).
    case widerSplit(vendors: Int, delivery: Instant)
    /// A late plan: `vendors` per step could deliver by `delivery`, in time.
    case widerSplitInTime(vendors: Int, delivery: Instant)
    /// Several targets: `target` is delivered last; the others by `othersBy`.
    case deliveredLast(target: LanguageTag, othersBy: Instant)

    // Why a step waited; `eligible` counts the vendors who could do it, `start` is when it starts.
    /// The first vendor of the step is booked (confirmed work) until `until`.
    case vendorBooked(
        target: LanguageTag, service: Service, vendor: VendorID, until: Instant, start: Instant, eligible: Int)
    /// The first vendor works on another step of this request (`otherTarget` `otherService`) until `until`.
    case vendorBusy(
        target: LanguageTag, service: Service, vendor: VendorID, until: Instant, start: Instant, eligible: Int,
        otherTarget: LanguageTag, otherService: Service)
    /// The first vendor is absent until the local day `until` (inclusive).
    case vendorAbsent(
        target: LanguageTag, service: Service, vendor: VendorID, until: LocalDay, start: Instant, eligible: Int)
    /// The first vendor is absent (an absence given as instants) until `until` (exclusive).
    case vendorAbsentUntil(
        target: LanguageTag, service: Service, vendor: VendorID, until: Instant, start: Instant, eligible: Int)
    /// These vendors worked on the target's text and may not review it.
    case fourEyesExcluded(target: LanguageTag, service: Service, vendors: [VendorID])

    // Quality (`PlanningVendor.quality`, `FeasibilityRequest.minimumQuality`).
    /// These vendors would have cost less than a vendor the step uses, but are below the
    /// request's minimum quality (or not scored).
    case qualityExcluded(target: LanguageTag, service: Service, minimum: Int, vendors: [VendorID])
    /// `vendor` (score `quality`) could do the step but was not chosen: the chosen vendors
    /// (best score `chosenQuality`) finish earlier or cost less. Time and cost come first.
    case betterQualitySkipped(
        target: LanguageTag, service: Service, vendor: VendorID, quality: Int, chosen: [VendorID], chosenQuality: Int)
    /// Between vendors at the same cost, `vendor` (score `quality`) filled the step before
    /// `other` (score `otherQuality`): quality breaks the tie.
    case betterQualityChosen(
        target: LanguageTag, service: Service, vendor: VendorID, quality: Int, other: VendorID, otherQuality: Int)

    // Why a target cannot be planned.
    /// No vendor offers the pair and service.
    case noCapableVendor(target: LanguageTag, source: LanguageTag, service: Service)
    /// Vendors offer it, but four-eyes (`fourEyes` of them) and the request (`excluded`) rule all out.
    case allRuledOut(target: LanguageTag, source: LanguageTag, service: Service, fourEyes: Int, excluded: Int)
    /// The step cannot be finished within `days` days of the start.
    case beyondHorizon(target: LanguageTag, service: Service, days: Int)
    /// Vendors offer it, but every one of them (`count`) is below the minimum quality or not scored.
    case allBelowQuality(target: LanguageTag, source: LanguageTag, service: Service, minimum: Int, count: Int)
}

/// A typed value of a reason's argument. In JSON it is a plain value: a string for ids,
/// instants (ISO 8601 UTC), local days, languages and services; a number for counts, minutes
/// and percentages; a list of strings for vendors.
public enum ReasonArgument: Hashable, Sendable {
    case vendor(VendorID)
    case vendors([VendorID])
    case instant(Instant)
    case day(LocalDay)
    /// A duration in minutes.
    case minutes(Int)
    case count(Int)
    /// A whole percentage (6 for 6 %).
    case percent(Int)
    case language(LanguageTag)
    case service(Service)
}

extension FeasibilityReason {
    /// The stable snake_case code; its message is `plan.reason.<code>`.
    public var code: String {
        switch self {
        case .deadlinePassed: return "deadline_passed"
        case .late: return "late"
        case .tightSlack: return "tight_slack"
        case .needsTentativeTime: return "needs_tentative_time"
        case .onTime: return "on_time"
        case .noPlan: return "no_plan"
        case .tentativeDelay: return "tentative_delay"
        case .tentativeDelayPastDeadline: return "tentative_delay_past_deadline"
        case .tentativeOverlap: return "tentative_overlap"
        case .widerSplit: return "wider_split"
        case .widerSplitInTime: return "wider_split_in_time"
        case .deliveredLast: return "delivered_last"
        case .vendorBooked: return "vendor_booked"
        case .vendorBusy: return "vendor_busy"
        case .vendorAbsent: return "vendor_absent"
        case .vendorAbsentUntil: return "vendor_absent_until"
        case .qualityExcluded: return "quality_excluded"
        case .betterQualitySkipped: return "better_quality_skipped"
        case .betterQualityChosen: return "better_quality_chosen"
        case .allBelowQuality: return "all_below_quality"
        case .fourEyesExcluded: return "four_eyes_excluded"
        case .noCapableVendor: return "no_capable_vendor"
        case .allRuledOut: return "all_ruled_out"
        case .beyondHorizon: return "beyond_horizon"
        }
    }

    /// The arguments by placeholder name. `count` is the one plural messages select on.
    public var arguments: [String: ReasonArgument] {
        switch self {
        case let .deadlinePassed(deadline):
            return ["deadline": .instant(deadline)]
        case let .late(delivery, deadline, lateBy):
            return ["delivery": .instant(delivery), "deadline": .instant(deadline), "late_by": .minutes(lateBy)]
        case let .tightSlack(delivery, deadline, slack, windowPercent, amberPercent):
            return [
                "delivery": .instant(delivery), "deadline": .instant(deadline), "slack": .minutes(slack),
                "window_percent": .percent(windowPercent), "amber_percent": .percent(amberPercent),
            ]
        case let .needsTentativeTime(delivery, deadline):
            return ["delivery": .instant(delivery), "deadline": .instant(deadline)]
        case let .onTime(delivery, deadline, slack, windowPercent):
            return [
                "delivery": .instant(delivery), "deadline": .instant(deadline), "slack": .minutes(slack),
                "window_percent": .percent(windowPercent),
            ]
        case .noPlan:
            return [:]
        case let .tentativeDelay(delivery), let .tentativeDelayPastDeadline(delivery):
            return ["delivery": .instant(delivery)]
        case let .tentativeOverlap(vendor, minutes, probability, from):
            return [
                "vendor": .vendor(vendor), "duration": .minutes(minutes), "probability": .percent(probability),
                "from": .instant(from),
            ]
        case let .widerSplit(vendors, delivery), let .widerSplitInTime(vendors, delivery):
            return ["count": .count(vendors), "delivery": .instant(delivery)]
        case let .deliveredLast(target, othersBy):
            return ["target": .language(target), "others_by": .instant(othersBy)]
        case let .vendorBooked(target, service, vendor, until, start, eligible):
            return Self.wait(target, service, vendor, start, eligible).merging(["until": .instant(until)]) { a, _ in a }
        case let .vendorBusy(target, service, vendor, until, start, eligible, otherTarget, otherService):
            return Self.wait(target, service, vendor, start, eligible).merging([
                "until": .instant(until), "other_target": .language(otherTarget),
                "other_service": .service(otherService),
            ]) { a, _ in a }
        case let .vendorAbsent(target, service, vendor, until, start, eligible):
            return Self.wait(target, service, vendor, start, eligible).merging(["until": .day(until)]) { a, _ in a }
        case let .vendorAbsentUntil(target, service, vendor, until, start, eligible):
            return Self.wait(target, service, vendor, start, eligible).merging(["until": .instant(until)]) { a, _ in a }
        case let .qualityExcluded(target, service, minimum, vendors):
            return [
                "target": .language(target), "service": .service(service), "minimum": .count(minimum),
                "vendors": .vendors(vendors), "count": .count(vendors.count),
            ]
        case let .betterQualitySkipped(target, service, vendor, quality, chosen, chosenQuality):
            return [
                "target": .language(target), "service": .service(service), "vendor": .vendor(vendor),
                "quality": .count(quality), "chosen": .vendors(chosen), "chosen_quality": .count(chosenQuality),
                "count": .count(chosen.count),
            ]
        case let .betterQualityChosen(target, service, vendor, quality, other, otherQuality):
            return [
                "target": .language(target), "service": .service(service), "vendor": .vendor(vendor),
                "quality": .count(quality), "other": .vendor(other), "other_quality": .count(otherQuality),
            ]
        case let .allBelowQuality(target, source, service, minimum, count):
            return [
                "target": .language(target), "source": .language(source), "service": .service(service),
                "minimum": .count(minimum), "count": .count(count),
            ]
        case let .fourEyesExcluded(target, service, vendors):
            return [
                "target": .language(target), "service": .service(service), "vendors": .vendors(vendors),
                "count": .count(vendors.count),
            ]
        case let .noCapableVendor(target, source, service):
            return ["target": .language(target), "source": .language(source), "service": .service(service)]
        case let .allRuledOut(target, source, service, fourEyes, excluded):
            return [
                "target": .language(target), "source": .language(source), "service": .service(service),
                "four_eyes": .count(fourEyes), "excluded": .count(excluded),
            ]
        case let .beyondHorizon(target, service, days):
            return ["target": .language(target), "service": .service(service), "days": .count(days)]
        }
    }

    private static func wait(_ target: LanguageTag, _ service: Service, _ vendor: VendorID, _ start: Instant, _ n: Int)
        -> [String: ReasonArgument]
    {
        [
            "target": .language(target), "service": .service(service), "vendor": .vendor(vendor),
            "start": .instant(start), "count": .count(n),
        ]
    }
}
