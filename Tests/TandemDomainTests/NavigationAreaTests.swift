import Foundation
import Testing

@testable import TandemDomain

/// "My day" and the promise ledger in the navigation (issue #14): production sees both, sales the
/// ledger only, a vendor manager neither; the menu lists every area once.
@Suite("Navigation areas")
struct NavigationAreaTests {
    static func user(_ roles: Set<Role>) -> User {
        PolicyTests.user(roles)
    }

    @Test func theMenuListsEveryAreaOnce() {
        #expect(Area.menuOrder.count == Area.allCases.count)
        #expect(Set(Area.menuOrder) == Set(Area.allCases))
    }

    @Test func whoSeesMyDayAndTheLedger() {
        let rows: [(roles: Set<Role>, today: Bool, ledger: Bool)] = [
            ([.pm], true, true), ([.manager], true, true), ([.admin], true, true), ([.sales], false, true),
            ([.vendorManager], false, false),
        ]
        for row in rows {
            #expect(Policy.permits(PolicyTests.user(row.roles), .viewArea(.today)) == row.today, "\(row.roles)")
            #expect(Policy.permits(PolicyTests.user(row.roles), .viewArea(.ledger)) == row.ledger, "\(row.roles)")
        }
    }
}
