import Foundation
import TandemDomain

/// What each person would have earned in a past period under the plans chosen, side by side,
/// with each component's contribution, and the alignment report (docs/metrics.md).
public struct IncentiveSimulator: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// One person in one role: sales people are measured on their `rep` scorecard, PMs on their
    /// `pm` scorecard.
    public struct Person: Sendable, Hashable {
        public var userID: User.ID
        public var name: String
        public var role: Role
        public var metrics: ScorecardMetrics
        public var previous: ScorecardMetrics
        /// By plan, for the plans that apply to the role (in the order asked).
        public var earnings: [PlanEarnings]
    }

    public struct Simulation: Sendable {
        public var period: MetricPeriod
        public var previous: MetricPeriod
        public var plans: [IncentivePlan]
        public var people: [Person]
        public var warnings: [AlignmentWarning]
    }

    public func simulate(planIDs: [String], period input: ScorecardPeriodInput, for user: User) async throws
        -> Simulation
    {
        guard Policy.permits(user, .viewIncentivePlans) else { throw IncentivePlans.forbidden }
        var errors: [DomainError] = []
        var plans: [IncentivePlan] = []
        if planIDs.isEmpty {
            errors.append(.invalid("planIds", "incentive.error.plans", fallback: "Choose one or more plans."))
        }
        for (index, raw) in planIDs.enumerated() {
            if let id = IncentivePlan.ID(uuidString: raw), let plan = try await env.stores.goals.plans.find(id: id) {
                if !plans.contains(where: { $0.id == plan.id }) { plans.append(plan) }
            } else {
                errors.append(
                    .invalid(
                        "planIds.\(index)", "incentive.error.unknown_plan", ["value": raw], fallback: "No such plan."))
            }
        }
        var period: MetricPeriod?
        if (input.period ?? "").isEmpty && (input.from ?? "").isEmpty && (input.to ?? "").isEmpty {
            errors.append(
                .invalid("from", "metrics.error.from_required", fallback: "Give the first day of the period."))
            errors.append(.invalid("to", "metrics.error.to_required", fallback: "Give the last day of the period."))
        } else {
            do { period = try await Scorecards(env).period(input) } catch let error as ValidationErrors {
                errors += error.errors
            }
        }
        try ValidationErrors.check(errors)
        let current = period!
        let previous = current.previous
        var people: [Person] = []
        let users = try await env.stores.users.list().filter(\.isActive)
        let base = try await env.stores.organisation.load().baseCurrency
        let empty = ScorecardMetrics.compute(SubjectFigures(subjectID: ""), base: base) { $0 }
        for (role, subject) in [(Role.sales, ScorecardSubject.rep), (.pm, .pm)] {
            let roled = plans.filter { $0.roles.contains(role) }
            guard !roled.isEmpty else { continue }
            let now = try await rows(subject, current, user)
            let before = try await rows(subject, previous, user)
            for person in users
            where person.roles.contains(role) && Policy.permits(user, .viewIncentiveFigures(person: person.id)) {
                let id = person.id.description
                let metrics = now[id] ?? empty
                let earlier = before[id] ?? empty
                people.append(
                    Person(
                        userID: person.id, name: person.displayName, role: role, metrics: metrics, previous: earlier,
                        earnings: roled.map { PlanEarnings.compute($0, metrics: metrics) }))
            }
        }
        people.sort { $0.role == $1.role ? $0.name.lowercased() < $1.name.lowercased() : $0.role == .sales }
        var warnings: [AlignmentWarning] = []
        for person in people {
            for earnings in person.earnings {
                guard let plan = plans.first(where: { $0.id == earnings.planID }) else { continue }
                warnings += IncentiveAlignment.check(
                    plan, person: person.userID, earnings: earnings, now: person.metrics, before: person.previous)
            }
        }
        return Simulation(period: current, previous: previous, plans: plans, people: people, warnings: warnings)
    }

    func rows(_ subject: ScorecardSubject, _ period: MetricPeriod, _ user: User) async throws
        -> [String: ScorecardMetrics]
    {
        let rows = try await Scorecards(env).rows(subject, period: period, for: user)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.subjectID, $0.metrics) })
    }
}
