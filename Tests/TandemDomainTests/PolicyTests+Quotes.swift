import Foundation
import Testing

@testable import TandemDomain

/// The quotes-and-projects permissions (issue #13) as a table: role × action × record → allowed.
@Suite("Authorization policy: quotes and projects")
struct QuotePolicyTests {
    typealias Row = PolicyTests.Row
    static let me = PolicyTests.me
    static let other = PolicyTests.other
    static func rows(_ action: Action, allowed: Set<Role>) -> [Row] { ClientPolicyTests.rows(action, allowed: allowed) }

    static let table: [Row] =
        rows(.viewQuotes, allowed: [.admin, .manager, .sales, .pm])
        + rows(.viewProjects, allowed: [.admin, .manager, .sales, .pm])
        // Sales edits, submits, sends and records the outcome of their own deals' quotes.
        + rows(.editQuote(owner: me), allowed: [.admin, .manager, .sales])
        + rows(.editQuote(owner: other), allowed: [.admin, .manager])
        + rows(.editQuote(owner: nil), allowed: [.admin, .manager])
        // PMs review and take on briefs; sales never.
        + rows(.reviewQuote, allowed: [.admin, .manager, .pm])
        + rows(.acknowledgeBrief, allowed: [.admin, .manager, .pm])
        + rows(.approveBelowFloor, allowed: [.admin, .manager])
        + rows(.manageReviewSettings, allowed: [.admin])
        + [Row(roles: [.sales, .pm], action: .reviewQuote, allowed: true)]

    @Test(arguments: table)
    func quotePolicyTable(row: Row) {
        #expect(Policy.permits(PolicyTests.user(row.roles), row.action) == row.allowed)
    }
}
