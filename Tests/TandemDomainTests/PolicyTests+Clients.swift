import Foundation
import Testing

@testable import TandemDomain

/// The clients-and-pipeline permissions (issue #11) as a table: role × action × record → allowed.
@Suite("Authorization policy: clients and pipeline")
struct ClientPolicyTests {
    typealias Row = PolicyTests.Row
    static let me = PolicyTests.me
    static let other = PolicyTests.other
    static let everyRole: [Set<Role>] = [[.admin], [.manager], [.sales], [.pm], [.vendorManager]]

    /// Rows for every role: `allowed` lists the roles that may.
    static func rows(_ action: Action, allowed: Set<Role>) -> [Row] {
        everyRole.map { Row(roles: $0, action: action, allowed: !$0.isDisjoint(with: allowed)) }
    }

    static let table: [Row] =
        rows(.viewArea(.accounts), allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewArea(.opportunities), allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewAccounts, allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewOpportunities, allowed: [.admin, .manager, .sales, .pm])
        + rows(.logActivity, allowed: [.admin, .manager, .sales, .pm])
        + rows(.createAccount, allowed: [.admin, .manager, .sales])
        + rows(.createOpportunity, allowed: [.admin, .manager, .sales])
        // Owned records: the owning rep, or any supervisor.
        + rows(.editAccount(owner: me), allowed: [.admin, .manager, .sales])
        + rows(.editAccount(owner: other), allowed: [.admin, .manager])
        + rows(.editAccount(owner: nil), allowed: [.admin, .manager])
        + rows(.editOpportunity(owner: me), allowed: [.admin, .manager, .sales])
        + rows(.editOpportunity(owner: other), allowed: [.admin, .manager])
        + rows(.editBriefStatements(owner: me), allowed: [.admin, .manager, .sales])
        + rows(.editBriefStatements(owner: other), allowed: [.admin, .manager])
        // PM work: solution notes by the PM partner, production notes by any PM.
        + rows(.writeSolutionNotes(partnerPm: me), allowed: [.admin, .manager, .pm])
        + rows(.writeSolutionNotes(partnerPm: other), allowed: [.admin, .manager])
        + rows(.writeSolutionNotes(partnerPm: nil), allowed: [.admin, .manager])
        + rows(.writeProductionNotes, allowed: [.admin, .manager, .pm])
        + rows(.editActivity(author: me), allowed: [.admin, .manager, .sales, .pm])
        + rows(.editActivity(author: other), allowed: [.admin, .manager])
        // Pipeline configuration.
        + rows(.manageStages, allowed: [.admin])
        + rows(.manageLostReasons, allowed: [.admin])
        + rows(.manageExchangeRates, allowed: [.admin])
        + [
            // A rep who is also a PM: both sides apply.
            Row(roles: [.sales, .pm], action: .writeSolutionNotes(partnerPm: me), allowed: true),
            Row(roles: [.sales, .pm], action: .editAccount(owner: other), allowed: false),
            Row(roles: [.vendorManager, .pm], action: .viewAccounts, allowed: true),
        ]

    @Test(arguments: table)
    func clientPolicyTable(row: Row) {
        #expect(Policy.permits(PolicyTests.user(row.roles), row.action) == row.allowed)
    }

    @Test func deactivatedUsersSeeNoClients() {
        for action: Action in [.viewAccounts, .createAccount, .editAccount(owner: Self.me), .manageStages] {
            #expect(!Policy.permits(PolicyTests.user([.admin], active: false), action))
        }
    }
}
