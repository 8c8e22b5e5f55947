import Foundation
import TandemDomain

/// Incentive plans (docs/metrics.md, "Incentive plans"): managers define them; everyone who works
/// with clients reads them.
public struct IncentivePlans: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    static let forbidden = DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")

    public struct ComponentInput: Sendable, Equatable {
        public var kind: String?
        public var weight, threshold, target, cap: String?
        public init(kind: String?, weight: String?, threshold: String?, target: String?, cap: String?) {
            self.kind = kind
            self.weight = weight
            self.threshold = threshold
            self.target = target
            self.cap = cap
        }
    }

    public struct PlanInput: Sendable, Equatable {
        public var name: String?
        public var roles: [String]
        /// A decimal string in `currency` (the base currency when absent).
        public var targetBonus: String?
        public var currency: String?
        public var components: [ComponentInput]
        public init(
            name: String?, roles: [String], targetBonus: String?, currency: String? = nil,
            components: [ComponentInput]
        ) {
            self.name = name
            self.roles = roles
            self.targetBonus = targetBonus
            self.currency = currency
            self.components = components
        }
    }

    public func list(for user: User) async throws -> [IncentivePlan] {
        guard Policy.permits(user, .viewIncentivePlans) else { throw Self.forbidden }
        return try await env.stores.goals.plans.list()
    }

    /// Checks every field at once (fields named `name`, `roles`, `targetBonus`,
    /// `components.0.weight`, …) and stores the plan.
    public func create(_ input: PlanInput, by user: User) async throws -> IncentivePlan {
        guard Policy.permits(user, .manageIncentivePlans) else { throw Self.forbidden }
        let base = try await env.stores.organisation.load().baseCurrency
        var errors: [DomainError] = []
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.append(.invalid("name", "incentive.error.name", fallback: "Give the plan a name."))
        } else if name.count > 120 {
            errors.append(.invalid("name", "incentive.error.name_long", fallback: "Use at most 120 characters."))
        }
        var roles = Set<Role>()
        for raw in input.roles {
            if let role = Role(rawValue: raw), IncentivePlan.planRoles.contains(role) {
                roles.insert(role)
            } else {
                errors.append(
                    .invalid("roles", "incentive.error.role", ["value": raw], fallback: "Plans are for sales or pm."))
            }
        }
        if input.roles.isEmpty {
            errors.append(.invalid("roles", "incentive.error.roles", fallback: "Choose sales, pm or both."))
        }
        var currency = base
        if let code = input.currency, !code.isEmpty {
            if let parsed = try? CurrencyCode(code) {
                currency = parsed
            } else {
                errors.append(
                    .invalid("currency", "error.currency.invalid", ["value": code], fallback: "Not a currency."))
            }
        }
        let bonus = Self.decimal(input.targetBonus, "targetBonus", &errors)
        if let bonus, bonus < 0 {
            errors.append(.invalid("targetBonus", "incentive.error.negative", fallback: "Use zero or more."))
        }
        let components = Self.components(input.components, &errors)
        try ValidationErrors.check(errors)
        let plan = IncentivePlan(
            id: env.ids(), name: name, roles: roles, targetBonus: Money(bonus ?? 0, currency), components: components,
            createdBy: user.id, createdAt: env.now)
        try await env.stores.goals.plans.create(plan)
        return plan
    }

    static func decimal(_ text: String?, _ field: String, _ errors: inout [DomainError]) -> Decimal? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            errors.append(.invalid(field, "incentive.error.required", fallback: "Give a number."))
            return nil
        }
        guard let value = Decimal(canonical: text) else {
            errors.append(
                .invalid(
                    field, "incentive.error.decimal", ["value": text],
                    fallback: "“\(text)” is not a number such as 12.5."))
            return nil
        }
        return value
    }

    /// Each component's kind and figures; weights above zero adding up to 100; threshold ≤ target
    /// ≤ cap (the other way round for a figure where lower is better).
    static func components(_ inputs: [ComponentInput], _ errors: inout [DomainError]) -> [PlanComponent] {
        if inputs.isEmpty {
            errors.append(.invalid("components", "incentive.error.components", fallback: "Add at least one component."))
            return []
        }
        var result: [PlanComponent] = []
        for (index, input) in inputs.enumerated() {
            let path = "components.\(index)"
            let kind = input.kind.flatMap(ComponentKind.init(rawValue:))
            if kind == nil {
                errors.append(
                    .invalid(
                        "\(path).kind", "incentive.error.kind", ["value": input.kind ?? ""],
                        fallback: "Use deliveredMargin, promisesKept, bookedRevenue, qualityScore or reviewTurnaround.")
                )
            }
            let weight = decimal(input.weight, "\(path).weight", &errors)
            let threshold = decimal(input.threshold, "\(path).threshold", &errors)
            let target = decimal(input.target, "\(path).target", &errors)
            let cap = decimal(input.cap, "\(path).cap", &errors)
            if let weight, weight <= 0 || weight > 100 {
                errors.append(
                    .invalid("\(path).weight", "incentive.error.weight", fallback: "Use a weight above 0, at most 100.")
                )
            }
            if let target, target <= 0 {
                errors.append(.invalid("\(path).target", "incentive.error.target", fallback: "Use a target above 0."))
            }
            if let kind, let threshold, let target, let cap {
                let ordered =
                    kind.lowerIsBetter ? (cap <= target && target <= threshold) : (threshold <= target && target <= cap)
                if !ordered {
                    errors.append(
                        .invalid(
                            "\(path).cap", kind.lowerIsBetter ? "incentive.error.order_lower" : "incentive.error.order",
                            fallback: "Keep threshold ≤ target ≤ cap."))
                }
            }
            if let kind, let weight, let threshold, let target, let cap {
                result.append(PlanComponent(kind: kind, weight: weight, threshold: threshold, target: target, cap: cap))
            }
        }
        let total = result.reduce(Decimal(0)) { $0 + $1.weight }
        if result.count == inputs.count, total != 100 {
            errors.append(
                .invalid(
                    "components", "incentive.error.weights", ["total": total.canonicalString],
                    fallback: "The weights add up to \(total); make them add up to 100."))
        }
        return result
    }
}
