import Foundation
import TandemDomain
import TandemPlanning

/// A quote's live feasibility: each target's delivery instant checked by the capacity service
/// with the stored vendors, bookings and the holds of *other* open quotes (the quote's own holds
/// are taken out of the snapshot first), and the tentative holds the quote then places.
public enum QuoteFeasibility {
    /// The engine's answer for one group of targets that share a delivery instant.
    public struct Check: Sendable {
        /// The option whose lines were checked (nil: the quote has no options).
        public var option: QuoteOption.ID? = nil
        public var targets: [LanguageTag]
        public var request: FeasibilityRequest
        public var result: FeasibilityResult
    }

    /// One request per distinct delivery instant (usually one: the same date for every target),
    /// with the steps of each target's workflow and their effort counts (`QuoteWorkflowPlan`).
    public static func requests(
        for version: QuoteVersion, option: QuoteOption.ID?, plan: QuoteWorkflowPlan, now: Date
    ) -> [FeasibilityRequest] {
        let lines = version.lines(of: option).filter { $0.kind == .analysed }
        let groups = Dictionary(grouping: version.targets, by: \.delivery)
        return groups.keys.sorted().compactMap { delivery in
            let targets: [TargetRequest] = groups[delivery]!.compactMap { target in
                let steps = lines.filter { $0.targetLanguage == target.language }.flatMap {
                    plan.steps(service: $0.service, bands: $0.bands)
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
        plan: QuoteWorkflowPlan = QuoteWorkflowPlan(), now: Date
    ) -> [Check] {
        var index = snapshot
        for hold in ownHolds { index.release(BookingID(hold.id.description), for: VendorID(hold.vendorID.description)) }
        return requests(for: version, option: option, plan: plan, now: now).compactMap { request in
            guard let result = try? CapacityCheck.run(request, on: index, now: now) else { return nil }
            return Check(targets: request.targets.map(\.target), request: request, result: result)
        }
    }

    /// Every option checked on its own lines (the client may choose any of them), each check
    /// without the quote's own holds; one set of checks when the quote has no options.
    public static func checkEveryOption(
        _ version: QuoteVersion, ownHolds: [TentativeHold], on snapshot: CapacityIndex,
        plan: QuoteWorkflowPlan = QuoteWorkflowPlan(), now: Date
    ) -> [Check] {
        let options: [QuoteOption.ID?] = version.options.isEmpty ? [nil] : version.options.map(\.id)
        return options.flatMap { option in
            check(version, option: option, ownHolds: ownHolds, on: snapshot, plan: plan, now: now).map {
                var check = $0
                check.option = option
                return check
            }
        }
    }

    /// Per option and target: the verdict, the earliest delivery and the confidence of its group's check.
    public static func summary(_ checks: [Check]) -> [TargetFeasibility] {
        checks.flatMap { check in
            check.targets.map { target in
                let planned = check.result.targets.first { $0.target == target }
                return TargetFeasibility(
                    target: target, verdict: check.result.verdict.rawValue,
                    earliestDelivery: planned?.delivery?.date ?? check.result.earliestDelivery?.date,
                    confidence: Decimal(check.result.confidence).rounded(scale: 2), option: check.option)
            }
        }
    }

    /// The holds of a quote, of every option (by its reference).
    public static func holds(of quote: Quote, in stores: Stores) async throws -> [TentativeHold] {
        try await stores.vendorSchedule.holds(of: nil, overlapping: nil).filter {
            guard let reference = $0.quoteReference else { return false }
            return reference == quote.holdReference || reference.hasPrefix(quote.holdReference + "#")
        }
    }

    /// Replaces the quote's holds with one per planned assignment of every option. The client
    /// takes one option, so each option's holds carry an equal share of the win probability:
    /// `probability` (0…1) ÷ the number of options checked (docs/quotes.md, "Tentative holds").
    public static func placeHolds(
        for quote: Quote, checks: [Check], probability: Decimal, index: CapacityIndex, in stores: Stores,
        ids: IdentifierGenerator
    ) async throws {
        try await releaseHolds(of: quote, in: stores)
        let options = Set(checks.map { $0.option?.description ?? "" }).count
        let share = options > 1 ? (probability / Decimal(options)).rounded(scale: 4) : probability
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
                                probability: share, quoteReference: quote.holdReference(option: check.option)))
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

/// What planning and costing a quote need from the pricing settings: the workflow templates,
/// the effort grid (time is planned on effort, not on the price) and the default cost rates.
public struct QuoteWorkflowPlan: Sendable {
    public var templates: [WorkflowTemplate]
    public var effort: EffortGrid
    public var defaultCosts: DefaultCostRates

    public init(
        templates: [WorkflowTemplate] = WorkflowTemplate.defaults, effort: EffortGrid = .standard,
        defaultCosts: DefaultCostRates = .standard
    ) {
        self.templates = templates
        self.effort = effort
        self.defaultCosts = defaultCosts
    }

    public static func load(from stores: Stores) async throws -> QuoteWorkflowPlan {
        let settings = try await stores.pricing.settings.load()
        return QuoteWorkflowPlan(
            templates: try await stores.pricing.workflows.list(), effort: settings.effortGrid,
            defaultCosts: settings.defaultCostRates)
    }

    public func template(for service: String) -> WorkflowTemplate {
        WorkflowTemplate.template(for: QuotePricingStep.service(service), in: templates)
    }

    /// The vendor steps of a line's service with their effort counts (internal steps have no vendor).
    public func steps(service: String, bands: BandCounts) -> [StepRequest] {
        let tallies = QuotePricingStep.tallies(bands)
        return template(for: service).steps.filter { !$0.isInternal }.compactMap { step in
            let effort = self.effort.effort(of: step, tallies: tallies)
            let unit: WorkUnit = step.unit == .page ? .page : step.unit == .hour ? .hour : .word
            let amount = Self.wholeUp(unit == .hour ? effort * 60 : effort)
            guard amount > 0 else { return nil }
            return StepRequest(service: Service(step.service.rawValue), words: amount, unit: unit)
        }
    }

    static func wholeUp(_ value: Decimal) -> Int {
        NSDecimalNumber(decimal: value.rounded(scale: 0, mode: .up)).intValue
    }
}
