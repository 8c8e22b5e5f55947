import Foundation
import Testing

@testable import TandemDomain

/// Scorecards and incentive plans (issue #16): everyone who works with clients reads scorecards
/// and plans; managers and admins define plans and see everyone's simulated earnings; a rep or
/// a PM sees only their own; vendor managers see none of it.
@Suite("Authorization policy: scorecards and incentives")
struct GoalsPolicyTests {
    typealias Row = PolicyTests.Row
    static let me = PolicyTests.me
    static let other = PolicyTests.other
    static func rows(_ action: Action, allowed: Set<Role>) -> [Row] { ClientPolicyTests.rows(action, allowed: allowed) }

    static let table: [Row] =
        rows(.viewArea(.scorecards), allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewScorecards, allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewIncentivePlans, allowed: [.admin, .manager, .sales, .pm])
        + rows(.manageIncentivePlans, allowed: [.admin, .manager])
        + rows(.viewIncentiveFigures(person: me), allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewIncentiveFigures(person: other), allowed: [.admin, .manager])

    @Test(arguments: table)
    func goalsPolicyTable(row: Row) {
        #expect(Policy.permits(PolicyTests.user(row.roles), row.action) == row.allowed)
    }
}
