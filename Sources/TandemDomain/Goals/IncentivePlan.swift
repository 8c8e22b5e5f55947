import Foundation

/// What an incentive component measures: one scorecard figure of the person (their `rep`
/// scorecard for sales, their `pm` scorecard for PMs).
public enum ComponentKind: String, CaseIterable, Codable, Sendable {
    case deliveredMargin, promisesKept, bookedRevenue, qualityScore, reviewTurnaround

    /// The scorecard figure it reads.
    public var metric: MetricName {
        switch self {
        case .deliveredMargin: return .deliveredMargin
        case .promisesKept: return .promisesKept
        case .bookedRevenue: return .bookedRevenue
        case .qualityScore: return .qualityScore
        case .reviewTurnaround: return .reviewTurnaroundHours
        }
    }

    /// Lower is better (hours to review): the factor is inverted (docs/metrics.md).
    public var lowerIsBetter: Bool { self == .reviewTurnaround }

    /// Rewards volume sold, which production then has to keep.
    public var rewardsVolume: Bool { self == .bookedRevenue }
    /// Rewards what production delivers: kept promises and delivered margin.
    public var rewardsDelivery: Bool { self == .deliveredMargin || self == .promisesKept }
}

/// One weighted component: nothing below `threshold`, the full weight at `target`, and no more
/// than `cap` counted (docs/metrics.md, "Incentive plans").
public struct PlanComponent: Hashable, Codable, Sendable {
    public var kind: ComponentKind
    /// Percent of the plan's target bonus (the weights of a plan add up to 100).
    public var weight: Decimal
    public var threshold: Decimal
    public var target: Decimal
    public var cap: Decimal

    public init(kind: ComponentKind, weight: Decimal, threshold: Decimal, target: Decimal, cap: Decimal) {
        self.kind = kind
        self.weight = weight
        self.threshold = threshold
        self.target = target
        self.cap = cap
    }
}

/// A manager's incentive plan for one or both roles (a shared plan when both).
public struct IncentivePlan: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<IncentivePlan>
    public var id: ID
    public var name: String
    /// `sales`, `pm`, or both.
    public var roles: Set<Role>
    /// What a person earns per period when every component is exactly at target.
    public var targetBonus: Money
    public var components: [PlanComponent]
    public var createdBy: User.ID
    public var createdAt: Date

    public init(
        id: ID, name: String, roles: Set<Role>, targetBonus: Money, components: [PlanComponent], createdBy: User.ID,
        createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.roles = roles
        self.targetBonus = targetBonus
        self.components = components
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    public var isShared: Bool { roles.contains(.sales) && roles.contains(.pm) }

    /// The roles a plan may be for.
    public static let planRoles: Set<Role> = [.sales, .pm]
}

public protocol IncentivePlanStore: Sendable {
    /// By name.
    func list() async throws -> [IncentivePlan]
    func find(id: IncentivePlan.ID) async throws -> IncentivePlan?
    /// Throws `.conflict` on `name` when a plan has that name.
    func create(_ plan: IncentivePlan) async throws
}

/// The scorecards' and incentive plans' stores.
public struct GoalsStores: Sendable {
    public var metrics: any MetricsStore
    public var plans: any IncentivePlanStore
    public init(metrics: any MetricsStore, plans: any IncentivePlanStore) {
        self.metrics = metrics
        self.plans = plans
    }
}
