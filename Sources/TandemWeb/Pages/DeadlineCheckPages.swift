import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPlanning
import TandemPlanningText
import Vapor

/// The deadline check against the stored vendors, absences, bookings and holds: a PM sees the
/// verdict, the reasons, the proposed assignments (with vendor names) and the earliest safe
/// date; sales sees the verdict, dates, confidence and reasons without any vendor.
enum DeadlineCheckPages {
    /// Steps offered by the form, as `+`-joined services.
    static let workflows = [
        "translation+revision", "translation", "post-editing+revision", "translation+revision+proofreading",
    ]

    struct Form: Content {
        var source: String?
        var targets: String?
        var words: String?
        var workflow: String?
        var start: String?
        var deadline: String?
        var maxVendorsPerStep: String?
    }

    /// What sales may see, as words.
    struct RedactedSummary: Encodable {
        var verdict: String
        var verdictLabel: String
        var verdictSymbol: String
        var earliestDelivery: String?
        var earliestSafe: String?
        var deadline: String
        var confidence: String
        var reasons: [String]
    }

    struct Context: Encodable {
        var shell: PageShell
        var form: FormValues
        var workflows: [SelectOption]
        var errors = FormErrors()
        var result: PlanSummary?
        var earliestSafe: String?
        var redacted: RedactedSummary?
        var timeZone: String
        var action = SiteRoute.deadlineCheck.path
    }

    struct FormValues: Encodable {
        var source = "en"
        var targets = ""
        var words = ""
        var workflow = workflows[0]
        var start = ""
        var deadline = ""
        var maxVendorsPerStep = "2"
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.deadlineCheck, use: show)
        routes.post(.deadlineCheck, use: check)
    }

    static func context(_ req: Request, form: FormValues) async throws -> Context {
        let l = req.localizer
        let options = workflows.map { workflow in
            SelectOption(
                value: workflow,
                label: workflow.split(separator: "+").map { PlanningText.name(of: Service(String($0)), localizer: l) }
                    .joined(separator: " → "), selected: workflow == form.workflow)
        }
        return Context(
            shell: try await req.shell(title: l.t("capacity.deadline.title"), area: .capacity), form: form,
            workflows: options, timeZone: l.timeZone.identifier)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.authorize(.checkCapacity)
        var form = FormValues()
        form.start = req.localizer.isoDateTimeLocal(req.now)
        return try await req.renderPage("capacity/deadline", try await context(req, form: form))
    }

    @Sendable static func check(req: Request) async throws -> Response {
        try req.authorize(.checkCapacity)
        let input = try req.content.decode(Form.self)
        let form = FormValues(
            source: input.source ?? "", targets: input.targets ?? "", words: input.words ?? "",
            workflow: input.workflow ?? workflows[0], start: input.start ?? "", deadline: input.deadline ?? "",
            maxVendorsPerStep: input.maxVendorsPerStep ?? "1")
        var page = try await context(req, form: form)
        let request: FeasibilityRequest
        do {
            request = try DeadlineForm.request(from: form, localizer: req.localizer, now: req.now)
        } catch let problems as DeadlineForm.Problems {
            for (field, message) in problems.messages { page.errors.add(field, message) }
            return try await req.renderPage("capacity/deadline", page, status: .unprocessableEntity)
        }
        let l = req.localizer
        let outcome: CapacityChecking.Outcome
        do {
            outcome = try await CapacityChecking.run(req, request: request, accountID: nil)
        } catch let error as PlanningInputError {
            page.errors.summary = PlanningText.line(for: error, localizer: l)
            return try await req.renderPage("capacity/deadline", page, status: .unprocessableEntity)
        }
        let result = outcome.result
        let safe = (result.riskAdjustedDelivery ?? result.earliestDelivery).map {
            PlanningText.text(for: $0, localizer: l)
        }
        if outcome.redacted {
            let summary = PlanSummary(result, localizer: l)
            page.redacted = RedactedSummary(
                verdict: summary.verdict, verdictLabel: summary.verdictLabel, verdictSymbol: summary.verdictSymbol,
                earliestDelivery: summary.earliestDelivery, earliestSafe: safe, deadline: summary.deadline,
                confidence: summary.confidence,
                reasons: RedactedCheck.reasons(result.reasons, localizer: l).map(\.text))
        } else {
            var summary = PlanSummary(result, localizer: l)
            let names = try await req.vendorNames(in: result)
            for i in summary.rows.indices where !summary.rows[i].vendor.isEmpty {
                summary.rows[i].vendor = names[VendorID(summary.rows[i].vendor)] ?? summary.rows[i].vendor
            }
            summary.reasons = result.reasons.map { PlanningText.text(for: $0.naming(names), localizer: l) }
            page.result = summary
            page.earliestSafe = safe
        }
        return try await req.renderPage("capacity/deadline", page)
    }
}

extension FeasibilityReason {
    /// The reason with vendor ids replaced by names, for words on a page.
    func naming(_ names: [VendorID: String]) -> FeasibilityReason {
        func name(_ id: VendorID) -> VendorID { names[id].map { VendorID($0) } ?? id }
        switch self {
        case let .tentativeOverlap(vendor, minutes, probability, from):
            return .tentativeOverlap(vendor: name(vendor), minutes: minutes, probability: probability, from: from)
        case let .vendorBooked(target, service, vendor, until, start, eligible):
            return .vendorBooked(
                target: target, service: service, vendor: name(vendor), until: until, start: start, eligible: eligible)
        case let .vendorBusy(target, service, vendor, until, start, eligible, otherTarget, otherService):
            return .vendorBusy(
                target: target, service: service, vendor: name(vendor), until: until, start: start, eligible: eligible,
                otherTarget: otherTarget, otherService: otherService)
        case let .vendorAbsent(target, service, vendor, until, start, eligible):
            return .vendorAbsent(
                target: target, service: service, vendor: name(vendor), until: until, start: start, eligible: eligible)
        case let .vendorAbsentUntil(target, service, vendor, until, start, eligible):
            return .vendorAbsentUntil(
                target: target, service: service, vendor: name(vendor), until: until, start: start, eligible: eligible)
        case let .fourEyesExcluded(target, service, vendors):
            return .fourEyesExcluded(target: target, service: service, vendors: vendors.map(name))
        case let .qualityExcluded(target, service, minimum, vendors):
            return .qualityExcluded(target: target, service: service, minimum: minimum, vendors: vendors.map(name))
        case let .betterQualitySkipped(target, service, vendor, quality, chosen, chosenQuality):
            return .betterQualitySkipped(
                target: target, service: service, vendor: name(vendor), quality: quality, chosen: chosen.map(name),
                chosenQuality: chosenQuality)
        case let .betterQualityChosen(target, service, vendor, quality, other, otherQuality):
            return .betterQualityChosen(
                target: target, service: service, vendor: name(vendor), quality: quality, other: name(other),
                otherQuality: otherQuality)
        default:
            return self
        }
    }
}

extension Request {
    /// The names of the vendors a result mentions (in its plan or its reasons), by id.
    func vendorNames(in result: FeasibilityResult) async throws -> [VendorID: String] {
        try await vendorNames(
            plan: Set(result.targets.flatMap { $0.steps.flatMap { $0.assignments.map(\.vendor) } }),
            reasons: result.reasons)
    }

    /// The names of the vendors in a plan's assignments and in reasons, by id.
    func vendorNames(plan: Set<VendorID> = [], reasons: [FeasibilityReason]) async throws -> [VendorID: String] {
        var ids = plan
        for reason in reasons {
            for argument in reason.arguments.values {
                if case .vendor(let id) = argument { ids.insert(id) }
                if case .vendors(let list) = argument { ids.formUnion(list) }
            }
        }
        var names: [VendorID: String] = [:]
        for id in ids {
            guard let stored = VendorProfile.ID(uuidString: id.rawValue),
                let vendor = try await stores.vendors.find(id: stored)
            else { continue }
            names[id] = vendor.name
        }
        return names
    }
}
