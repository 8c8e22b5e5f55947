import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `GET|POST /api/v1/incentive-plans` and `POST /api/v1/incentive-plans/simulate`
/// (docs/metrics.md).
enum IncentivesAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.goals(.incentivePlans), use: list)
        api.on(.POST, APIRoute.goals(.incentivePlans), use: create)
        api.on(.POST, APIRoute.goals(.incentivePlansSimulate), use: simulate)
    }

    @Sendable static func list(req: Request) async throws -> IncentiveBodies.Plans {
        let plans = try await IncentivePlans(req.appEnvironment).list(for: try req.requireUser())
        return IncentiveBodies.Plans(items: plans.map(IncentiveBodies.Plan.init))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.manageIncentivePlans)
        let body = try req.decodeJSON(IncentiveBodies.PlanInput.self)
        let plan = try await IncentivePlans(req.appEnvironment).create(
            .init(
                name: body.name, roles: body.roles ?? [], targetBonus: body.targetBonus?.amount,
                currency: body.targetBonus?.currency,
                components: (body.components ?? []).map {
                    .init(kind: $0.kind, weight: $0.weight, threshold: $0.threshold, target: $0.target, cap: $0.cap)
                }), by: user)
        return try await IncentiveBodies.Plan(plan).encodeResponse(status: .created, for: req)
    }

    @Sendable static func simulate(req: Request) async throws -> IncentiveBodies.Simulation {
        let user = try req.requireUser()
        let body = try req.decodeJSON(IncentiveBodies.SimulateInput.self)
        let input = ScorecardPeriodInput(period: body.period, from: body.from, to: body.to)
        let simulation = try await IncentiveSimulator(req.appEnvironment).simulate(
            planIDs: body.planIds ?? [], period: input, for: user)
        return IncentiveBodies.Simulation(simulation, req.localizer)
    }
}
