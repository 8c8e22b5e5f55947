import Foundation

/// A component that rewards one side for what hurts the other, measured on the person's own
/// figures of the period against the period before (docs/metrics.md, "Alignment").
public struct AlignmentWarning: Hashable, Sendable {
    public enum Code: String, Sendable, Codable {
        /// A volume component (booked revenue) paid while the person's deals were delivered
        /// later or at a lower margin than the period before, and the plan rewards no delivery.
        case volumeRewardedWhileDeliveryFell = "volume_rewarded_while_delivery_fell"
        /// A delivered-margin component paid while the person's booked work fell by a fifth or
        /// more, and the plan rewards no volume nor kept promises: margin kept by refusing work.
        case marginRewardedWhileVolumeFell = "margin_rewarded_while_volume_fell"
    }

    /// One measured figure before and in the period.
    public struct Evidence: Hashable, Sendable {
        public var metric: MetricName
        public var before: Decimal?
        public var now: Decimal?
        /// True when this figure got worse.
        public var worse: Bool
    }

    public var code: Code
    public var planID: IncentivePlan.ID
    public var component: ComponentKind
    public var personID: User.ID
    /// What the component paid the person in the period.
    public var paid: Money
    public var evidence: [Evidence]
}

public enum IncentiveAlignment {
    /// The warnings for one person under one plan.
    public static func check(
        _ plan: IncentivePlan, person: User.ID, earnings: PlanEarnings, now: ScorecardMetrics,
        before: ScorecardMetrics
    ) -> [AlignmentWarning] {
        var warnings: [AlignmentWarning] = []
        let kinds = Set(plan.components.map(\.kind))
        func fell(_ metric: MetricName) -> AlignmentWarning.Evidence {
            let a = before.value(metric)
            let b = now.value(metric)
            return .init(metric: metric, before: a, now: b, worse: a != nil && b != nil && b! < a!)
        }
        for result in earnings.components where result.contribution.amount > 0 {
            let kind = result.component.kind
            if kind.rewardsVolume && !kinds.contains(where: \.rewardsDelivery) {
                let evidence = [fell(.onTimeRate), fell(.deliveredMarginPercent), fell(.bookedRevenue)]
                if evidence[0].worse || evidence[1].worse {
                    warnings.append(
                        AlignmentWarning(
                            code: .volumeRewardedWhileDeliveryFell, planID: plan.id, component: kind, personID: person,
                            paid: result.contribution, evidence: evidence))
                }
            }
            if kind == .deliveredMargin && !kinds.contains(.bookedRevenue) && !kinds.contains(.promisesKept) {
                let volume = fell(.bookedRevenue)
                if let a = volume.before, let b = volume.now, a > 0, b * 5 <= a * 4 {
                    warnings.append(
                        AlignmentWarning(
                            code: .marginRewardedWhileVolumeFell, planID: plan.id, component: kind, personID: person,
                            paid: result.contribution, evidence: [volume, fell(.deliveredMarginPercent)]))
                }
            }
        }
        return warnings
    }
}
