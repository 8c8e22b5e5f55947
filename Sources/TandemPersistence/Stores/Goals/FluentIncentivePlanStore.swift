import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension GoalsStores {
    static func fluent(_ database: any Database) -> GoalsStores {
        GoalsStores(
            metrics: FluentMetricsStore(database: database), plans: FluentIncentivePlanStore(database: database))
    }
}

/// Incentive plans in `incentive_plans` (V014), components as JSON text with decimal strings.
public struct FluentIncentivePlanStore: IncentivePlanStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// A component as stored: decimals as canonical text, never floating point.
    struct StoredComponent: Codable {
        var kind: String
        var weight, threshold, target, cap: String
    }

    static let columns = "id, name, roles, target_bonus, currency, components, created_by, created_at"

    public func list() async throws -> [IncentivePlan] {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM incentive_plans ORDER BY name").all().map(Self.plan)
    }

    public func find(id: IncentivePlan.ID) async throws -> IncentivePlan? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM incentive_plans WHERE id = \(bind: id.rawValue)")
            .first().map(Self.plan)
    }

    public func create(_ plan: IncentivePlan) async throws {
        let components = plan.components.map {
            StoredComponent(
                kind: $0.kind.rawValue, weight: $0.weight.canonicalString, threshold: $0.threshold.canonicalString,
                target: $0.target.canonicalString, cap: $0.cap.canonicalString)
        }
        do {
            try await sql.raw(
                """
                INSERT INTO incentive_plans (\(unsafeRaw: Self.columns)) VALUES (\(bind: plan.id.rawValue), \
                \(bind: plan.name), \(bind: Role.listString(plan.roles)), \
                \(bind: plan.targetBonus.amount.canonicalString), \(bind: plan.targetBonus.currency.code), \
                \(bind: JSONText.encode(components)), \(bind: plan.createdBy.rawValue), \(bind: plan.createdAt))
                """
            ).run()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.conflict(
                field: "name", key: "incentive.error.name_taken", arguments: ["name": plan.name],
                fallback: "A plan named “\(plan.name)” exists already.")
        }
    }

    static func plan(_ row: any SQLRow) throws -> IncentivePlan {
        let stored = try JSONText.decode([StoredComponent].self, try row.decode(column: "components", as: String.self))
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        return IncentivePlan(
            id: .init(try row.decode(column: "id", as: UUID.self)),
            name: try row.decode(column: "name", as: String.self),
            roles: try Role.parseList(try row.decode(column: "roles", as: String.self)),
            targetBonus: Money(
                Decimal(canonical: try row.decode(column: "target_bonus", as: String.self)) ?? 0, currency),
            components: stored.compactMap { c in
                ComponentKind(rawValue: c.kind).map {
                    PlanComponent(
                        kind: $0, weight: Decimal(canonical: c.weight) ?? 0,
                        threshold: Decimal(canonical: c.threshold) ?? 0, target: Decimal(canonical: c.target) ?? 0,
                        cap: Decimal(canonical: c.cap) ?? 0)
                }
            },
            createdBy: .init(try row.decode(column: "created_by", as: UUID.self)),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
