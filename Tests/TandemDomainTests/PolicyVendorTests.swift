import Foundation
import Testing

@testable import TandemDomain

/// Who may see and keep the vendor database: vendor managers and admins keep it, PMs and
/// managers read it, sales never sees vendor names, rates or quality.
@Suite("Authorization policy: vendors")
struct PolicyVendorTests {
    static let table: [PolicyTests.Row] = [
        .init(roles: [.vendorManager], action: .manageVendors, allowed: true),
        .init(roles: [.admin], action: .manageVendors, allowed: true),
        .init(roles: [.pm], action: .manageVendors, allowed: false),
        .init(roles: [.manager], action: .manageVendors, allowed: false),
        .init(roles: [.sales], action: .manageVendors, allowed: false),
        .init(roles: [.pm], action: .viewVendors, allowed: true),
        .init(roles: [.manager], action: .viewVendors, allowed: true),
        .init(roles: [.vendorManager], action: .viewVendors, allowed: true),
        .init(roles: [.admin], action: .viewVendors, allowed: true),
        .init(roles: [.sales], action: .viewVendors, allowed: false),
        .init(roles: [.sales, .pm], action: .viewVendors, allowed: true),
        .init(roles: [.pm], action: .editVendorPreferences, allowed: true),
        .init(roles: [.vendorManager], action: .editVendorPreferences, allowed: true),
        .init(roles: [.sales], action: .editVendorPreferences, allowed: false),
    ]

    @Test(arguments: table)
    func policyTable(row: PolicyTests.Row) {
        #expect(Policy.permits(PolicyTests.user(row.roles), row.action) == row.allowed)
    }

    @Test func deactivatedVendorManagersMayDoNothing() {
        #expect(!Policy.permits(PolicyTests.user([.vendorManager], active: false), .manageVendors))
        #expect(!Policy.permits(PolicyTests.user([.admin], active: false), .viewVendors))
    }
}
