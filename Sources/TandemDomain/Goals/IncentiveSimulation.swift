import Foundation

/// The earnings arithmetic (docs/metrics.md, "The formula"), exact in `Decimal`:
///
/// - higher is better: factor = 0 below `threshold`, else min(value, cap) ÷ target;
/// - lower is better (review turnaround): factor = 0 above `threshold`, else target ÷ max(value, cap);
/// - contribution = target bonus × weight ÷ 100 × factor, rounded to the currency's minor unit;
/// - earnings = Σ contributions. A figure without a value (nothing measured) contributes 0.
public enum IncentiveArithmetic {
    public static func factor(_ component: PlanComponent, value: Decimal?) -> Decimal {
        guard let value, component.target > 0 else { return 0 }
        if component.kind.lowerIsBetter {
            guard value <= component.threshold else { return 0 }
            return component.target / max(value, component.cap)
        }
        guard value >= component.threshold else { return 0 }
        return min(value, component.cap) / component.target
    }

    public static func contribution(_ component: PlanComponent, value: Decimal?, bonus: Money) -> Money {
        Money(bonus.amount * component.weight / 100 * factor(component, value: value), bonus.currency).rounded
    }
}

/// One component's share of a person's earnings under one plan.
public struct ComponentResult: Hashable, Sendable {
    public var component: PlanComponent
    public var value: Decimal?
    public var factor: Decimal
    public var contribution: Money
}

/// What one person would have earned under one plan in the period.
public struct PlanEarnings: Hashable, Sendable {
    public var planID: IncentivePlan.ID
    public var components: [ComponentResult]
    public var total: Money

    public static func compute(_ plan: IncentivePlan, metrics: ScorecardMetrics) -> PlanEarnings {
        var total = Money(0, plan.targetBonus.currency)
        var results: [ComponentResult] = []
        for component in plan.components {
            let value = metrics.value(component.kind.metric)
            let contribution = IncentiveArithmetic.contribution(component, value: value, bonus: plan.targetBonus)
            total.amount += contribution.amount
            results.append(
                ComponentResult(
                    component: component, value: value, factor: IncentiveArithmetic.factor(component, value: value),
                    contribution: contribution))
        }
        return PlanEarnings(planID: plan.id, components: results, total: total)
    }
}
