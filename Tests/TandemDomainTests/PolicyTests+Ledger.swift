import Foundation
import Testing

@testable import TandemDomain

/// The ledger's permissions (issue #14) as a table: sales and PMs see the same ledger; the sales
/// owner (not another rep), PMs and supervisors renegotiate; PMs and supervisors deliver and
/// record quality; vendor managers see none of it.
@Suite("Authorization policy: the promise ledger")
struct LedgerPolicyTests {
    typealias Row = PolicyTests.Row
    static let me = PolicyTests.me
    static let other = PolicyTests.other
    static func rows(_ action: Action, allowed: Set<Role>) -> [Row] { ClientPolicyTests.rows(action, allowed: allowed) }

    static let table: [Row] =
        rows(.viewLedger, allowed: [.admin, .manager, .sales, .pm])
        + rows(.renegotiatePromise(owner: me), allowed: [.admin, .manager, .sales, .pm])
        + rows(.renegotiatePromise(owner: other), allowed: [.admin, .manager, .pm])
        + rows(.manageChangeOrders(owner: other), allowed: [.admin, .manager, .pm])
        + rows(.recordDelivery, allowed: [.admin, .manager, .pm])
        + rows(.evaluateQuality, allowed: [.admin, .manager, .pm])
        + rows(.recordComplaint, allowed: [.admin, .manager, .pm])
        + rows(.setClientTimeZone(owner: me), allowed: [.admin, .manager, .sales, .pm])

    @Test(arguments: table)
    func ledgerPolicyTable(row: Row) {
        #expect(Policy.permits(PolicyTests.user(row.roles), row.action) == row.allowed)
    }
}
