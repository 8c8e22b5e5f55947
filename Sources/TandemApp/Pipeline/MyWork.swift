import Foundation
import TandemDomain

/// The dashboard's "My work": a sales rep's open deals by close date and overdue next steps; a
/// PM's deals where they are the PM partner.
public struct MyWork: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct NextStep: Sendable {
        public var opportunity: Opportunity
        public var text: String
        public var due: LocalDate
    }

    public struct Summary: Sendable {
        /// Open deals the user owns, by close date.
        public var owned: [Opportunity]
        /// Next steps of the user's open deals that are past due, oldest first.
        public var overdue: [NextStep]
        /// Open deals where the user is the PM partner, by close date.
        public var partnered: [Opportunity]
        public var stages: StageList
        public var accountNames: [Account.ID: String]
    }

    public func summary(for user: User, today: LocalDate) async throws -> Summary {
        let stores = env.stores
        let stages = StageList(try await stores.pipeline.stages.list())
        let open = Set(stages.open.map(\.id))
        let owned =
            user.roles.isDisjoint(with: [.sales, .manager, .admin])
            ? [] : try await stores.pipeline.opportunities.list(OpportunityFilter(ownerID: user.id, stageIDs: open))
        let partnered =
            user.has(.pm)
            ? try await stores.pipeline.opportunities.list(OpportunityFilter(partnerPmID: user.id, stageIDs: open)) : []
        let overdue = owned.compactMap { o -> NextStep? in
            guard let due = o.nextStepDue, due < today, !o.nextStep.isEmpty else { return nil }
            return NextStep(opportunity: o, text: o.nextStep, due: due)
        }.sorted { ($0.due, $0.opportunity.name) < ($1.due, $1.opportunity.name) }
        return Summary(
            owned: owned, overdue: overdue, partnered: partnered, stages: stages,
            accountNames: try await stores.accountNames(Set((owned + partnered).map(\.accountID))))
    }
}
