import Foundation
import TandemDomain
import TandemLocalization
import TandemPlanning
import TandemPlanningText
import Vapor

/// `POST /api/v1/feasibility-checks`: a plan file (`tandem plan`'s format, docs/planning.md) in,
/// the engine's verdict, plan and reasons out. The shapes are in Resources/OpenAPI/openapi.yaml.
enum FeasibilityAPI {
    struct AssignmentBody: Content {
        var vendor: String
        var words: Int
        var start: String
        var end: String
        var cost: MoneyBody
    }
    struct StepBody: Content {
        var service: String
        var words: Int
        var start: String
        var end: String
        var assignments: [AssignmentBody]
    }
    struct TargetBody: Content {
        var source: String
        var target: String
        @NullWhenAbsent var delivery: String?
        var steps: [StepBody]
    }
    struct ResultBody: Content {
        var verdict: String
        @NullWhenAbsent var earliestDelivery: String?
        var deadline: String
        @NullWhenAbsent var riskAdjustedDelivery: String?
        /// Percent with two places, e.g. "94.00".
        var confidence: String
        var cost: [MoneyBody]
        var targets: [TargetBody]
        var reasons: [ReasonBody]
    }

    static func register(_ api: any RoutesBuilder) {
        api.on(.POST, APIRoute.feasibilityChecks, use: check)
    }

    @Sendable static func check(req: Request) async throws -> ResultBody {
        try req.authorize(.viewArea(.capacity))
        let data = try req.jsonBodyData()
        let result: FeasibilityResult
        do {
            result = try await req.checkPlan(data)
        } catch let error as PlanningInputError {
            throw apiError(for: error, localizer: req.localizer)
        }
        // Reasons' text names instants in UTC, like their ISO 8601 `args`.
        let localizer = req.application.localization.catalogs.localizer(
            locale: req.localizer.locale, timeZone: TimeZone(identifier: "UTC")!)
        return ResultBody(result, localizer: localizer)
    }

    /// A field of the plan at fault: 422 naming its path (`vendors[2].timeZone`), with the
    /// engine's code (`unknown_time_zone`, see docs/planning.md) and its message in the caller's
    /// language. The engine names the whole body `file`: a body that is not JSON is a 400
    /// `invalid_json`, one that is JSON but not an object a 422 naming no field.
    static func apiError(for error: PlanningInputError, localizer: Localizer) -> APIError {
        guard error.field != "file" else { return error.code == "not_json" ? .invalidJSON : .bodyNotAnObject }
        return .invalidFields([
            FieldError(
                field: error.field, code: error.code, key: "plan.input.\(error.code)",
                arguments: error.arguments, text: PlanningText.text(for: error, localizer: localizer))
        ])
    }
}

extension FeasibilityAPI.ResultBody {
    init(_ result: FeasibilityResult, localizer: Localizer) {
        verdict = result.verdict.rawValue
        earliestDelivery = result.earliestDelivery?.iso8601
        deadline = result.deadline.iso8601
        riskAdjustedDelivery = result.riskAdjustedDelivery?.iso8601
        confidence = PercentText.format(Decimal(result.confidence) * 100)
        cost = result.cost.map(MoneyBody.init)
        targets = result.targets.map { target in
            FeasibilityAPI.TargetBody(
                source: target.source.description, target: target.target.description,
                delivery: target.delivery?.iso8601,
                steps: target.steps.map { step in
                    FeasibilityAPI.StepBody(
                        service: step.service.rawValue, words: step.words, start: step.start.iso8601,
                        end: step.end.iso8601,
                        assignments: step.assignments.map {
                            FeasibilityAPI.AssignmentBody(
                                vendor: $0.vendor.description, words: $0.words, start: $0.start.iso8601,
                                end: $0.end.iso8601, cost: MoneyBody($0.cost))
                        })
                })
        }
        reasons = result.reasons.map { ReasonBody($0, localizer: localizer) }
    }
}

extension ReasonBody {
    /// The reason's code, its arguments as plain values, and its sentence in the localizer's language.
    init(_ reason: FeasibilityReason, localizer: Localizer) {
        code = reason.code
        args = reason.arguments.mapValues { argument in
            switch argument {
            case .vendor(let id): return .text(id.description)
            case .vendors(let ids): return .list(ids.map(\.description))
            case .instant(let instant): return .text(instant.iso8601)
            case .day(let day): return .text(day.description)
            case .minutes(let n), .count(let n), .percent(let n): return .number(n)
            case .language(let tag): return .text(tag.description)
            case .service(let service): return .text(service.rawValue)
            }
        }
        text = PlanningText.text(for: reason, localizer: localizer)
    }
}
