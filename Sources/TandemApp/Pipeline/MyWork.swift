import Foundation
import TandemDomain

/// The dashboard's "My work": a sales rep's open deals by close date and overdue next steps; a
/// PM's deals where they are the PM partner.
public struct MyWork: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// A next step past due: an opportunity's own, or an activity's on an account or opportunity.
    public struct NextStep: Sendable {
        public var subject: RecordSubject
        /// The record's name (the opportunity's or the account's).
        public var title: String
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
        var overdue = owned.compactMap { o -> NextStep? in
            guard let due = o.nextStepDue, due < today, !o.nextStep.isEmpty else { return nil }
            return NextStep(subject: .opportunity(o.id.rawValue), title: o.name, text: o.nextStep, due: due)
        }
        let activities = try await stores.activities.overdueNextSteps(owner: user.id, today: today)
        let accountNames = try await stores.accountNames(
            Set((owned + partnered).map(\.accountID)).union(
                activities.filter { $0.subject.kind == .account }.map { Account.ID($0.subject.id) }))
        for activity in activities {
            guard let due = activity.nextStepDue else { continue }
            let title =
                activity.subject.kind == .account
                ? accountNames[Account.ID(activity.subject.id)]
                : try await stores.pipeline.opportunities.find(id: Opportunity.ID(activity.subject.id))?.name
            overdue.append(NextStep(subject: activity.subject, title: title ?? "", text: activity.nextStep, due: due))
        }
        overdue.sort { ($0.due, $0.title, $0.text) < ($1.due, $1.title, $1.text) }
        return Summary(
            owned: owned, overdue: overdue, partnered: partnered, stages: stages, accountNames: accountNames)
    }
}
