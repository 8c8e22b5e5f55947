import Foundation
import TandemApp
import TandemDomain
import Testing

/// Plans are validated and stored, and simulated on `GoalsWorld` (on SQLite and PostgreSQL).
@Suite("Incentive plans")
struct IncentivePlanTests {
    func d(_ text: String) -> Decimal { Decimal(string: text)! }

    static func commission() -> IncentivePlans.PlanInput {
        .init(
            name: "Revenue commission", roles: ["sales"], targetBonus: "1000",
            components: [.init(kind: "bookedRevenue", weight: "100", threshold: "0", target: "1000", cap: "5000")])
    }

    @Test func managersDefinePlansAndEveryWrongFieldIsNamed() async throws {
        try await GoalsWorld.run { w in
            let plans = IncentivePlans(w.env)
            let made = try await plans.create(Self.commission(), by: w.manager)
            #expect(made.targetBonus == Money(1000, .eur) && made.roles == [.sales])
            #expect(try await plans.list(for: w.repA).map(\.name) == ["Revenue commission"])
            await #expect(throws: DomainError.self) { _ = try await plans.create(Self.commission(), by: w.repA) }
            do {
                _ = try await plans.create(
                    .init(
                        name: "", roles: ["vendor-manager"], targetBonus: "x",
                        components: [
                            .init(kind: "speed", weight: "50", threshold: "10", target: "5", cap: "20"),
                            .init(kind: "promisesKept", weight: "30", threshold: "10", target: "5", cap: "20"),
                        ]), by: w.manager)
                Issue.record("expected errors")
            } catch let error as ValidationErrors {
                #expect(
                    error.errors.map(\.field) == [
                        "name", "roles", "targetBonus", "components.0.kind", "components.1.cap",
                    ])
            }
            await #expect(throws: DomainError.self) { _ = try await plans.create(Self.commission(), by: w.manager) }
        }
    }

    @Test func theSimulatorPaysEachPersonOnTheirOwnFigures() async throws {
        try await GoalsWorld.run { w in
            let plans = IncentivePlans(w.env)
            let commission = try await plans.create(Self.commission(), by: w.manager)
            let shared = try await plans.create(
                .init(
                    name: "Shared delivery", roles: ["sales", "pm"], targetBonus: "1000",
                    components: [
                        .init(kind: "deliveredMargin", weight: "50", threshold: "100", target: "500", cap: "1000"),
                        .init(kind: "promisesKept", weight: "50", threshold: "0", target: "2", cap: "4"),
                    ]), by: w.manager)
            let simulation = try await IncentiveSimulator(w.env).simulate(
                planIDs: [commission.id.description, shared.id.description], period: GoalsWorld.october, for: w.manager)
            #expect(
                simulation.people.map(\.name) == ["anna@lumen.example", "bruno@lumen.example", "pia@lumen.example"])
            let anna = simulation.people[0]
            // Booked 900 EUR: 1000 × 900/1000 = 900. Delivered margin 780: 500 × 780/500 = 780; 1 kept: 250.
            #expect(anna.earnings.map(\.total.amount) == [d("900"), d("1030")])
            let pia = simulation.people[2]
            // The PM is only in the shared plan: margin 780 → 780, 1 kept → 250.
            #expect(pia.earnings.map(\.planID) == [shared.id])
            #expect(pia.earnings[0].total.amount == d("1030"))
            // A rep sees only their own row.
            let own = try await IncentiveSimulator(w.env).simulate(
                planIDs: [commission.id.description], period: GoalsWorld.october, for: w.repB)
            #expect(own.people.map(\.userID) == [w.repB.id])
            await expectField("planIds.0") {
                _ = try await IncentiveSimulator(w.env).simulate(
                    planIDs: ["nope"], period: GoalsWorld.october, for: w.manager)
            }
            await expectField("from") {
                _ = try await IncentiveSimulator(w.env).simulate(
                    planIDs: [shared.id.description], period: .init(), for: w.manager)
            }
        }
    }
}
