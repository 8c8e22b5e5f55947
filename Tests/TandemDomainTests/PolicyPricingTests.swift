import Foundation
import Testing

@testable import TandemDomain

/// Who may see and keep pricing: admins and managers keep rate cards, sales and PMs read client
/// prices, admins keep workflows and pricing settings, and sales never sees default cost rates.
@Suite("Authorization policy: pricing")
struct PolicyPricingTests {
    static let table: [PolicyTests.Row] = [
        .init(roles: [.admin], action: .manageRateCards, allowed: true),
        .init(roles: [.manager], action: .manageRateCards, allowed: true),
        .init(roles: [.sales], action: .manageRateCards, allowed: false),
        .init(roles: [.pm], action: .manageRateCards, allowed: false),
        .init(roles: [.vendorManager], action: .manageRateCards, allowed: false),
        .init(roles: [.sales], action: .viewRateCards, allowed: true),
        .init(roles: [.pm], action: .viewRateCards, allowed: true),
        .init(roles: [.vendorManager], action: .viewRateCards, allowed: false),
        .init(roles: [.admin], action: .managePricingSettings, allowed: true),
        .init(roles: [.manager], action: .managePricingSettings, allowed: false),
        .init(roles: [.pm], action: .managePricingSettings, allowed: false),
        .init(roles: [.pm], action: .viewPricingSettings, allowed: true),
        .init(roles: [.manager], action: .viewPricingSettings, allowed: true),
        .init(roles: [.sales], action: .viewPricingSettings, allowed: false),
        .init(roles: [.vendorManager], action: .viewPricingSettings, allowed: false),
        .init(roles: [.manager], action: .setAccountMarginFloor, allowed: true),
        .init(roles: [.sales], action: .setAccountMarginFloor, allowed: false),
        .init(roles: [.pm], action: .setAccountMarginFloor, allowed: false),
    ]

    @Test(arguments: table)
    func policyTable(row: PolicyTests.Row) {
        #expect(Policy.permits(PolicyTests.user(row.roles), row.action) == row.allowed)
    }

    @Test func deactivatedAdminsMayDoNothing() {
        #expect(!Policy.permits(PolicyTests.user([.admin], active: false), .manageRateCards))
        #expect(!Policy.permits(PolicyTests.user([.admin], active: false), .viewRateCards))
    }
}
