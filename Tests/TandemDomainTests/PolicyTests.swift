import Foundation
import Testing

@testable import TandemDomain

/// The authorization policy as a table: role × action × record → allowed.
@Suite("Authorization policy")
struct PolicyTests {
    static let me = User.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!)
    static let other = User.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000BB")!)

    static func user(_ roles: Set<Role>, active: Bool = true) -> User {
        User(
            id: me, email: try! EmailAddress("me@x.io"), displayName: "Me", roles: roles, isActive: active,
            createdAt: Date(timeIntervalSince1970: 0))
    }

    struct Row: CustomTestStringConvertible, Sendable {
        var roles: Set<Role>
        var action: Action
        var allowed: Bool
        var testDescription: String { "\(Role.listString(roles)) \(action) → \(allowed)" }
    }

    static let table: [Row] = [
        // Users and organisation
        Row(roles: [.admin], action: .manageUsers, allowed: true),
        Row(roles: [.manager], action: .manageUsers, allowed: false),
        Row(roles: [.sales], action: .manageUsers, allowed: false),
        Row(roles: [.manager], action: .viewUsers, allowed: true),
        Row(roles: [.pm], action: .viewUsers, allowed: false),
        Row(roles: [.vendorManager], action: .viewUsers, allowed: false),
        Row(roles: [.admin], action: .editOrganisation, allowed: true),
        Row(roles: [.manager], action: .editOrganisation, allowed: false),
        Row(roles: [.sales], action: .viewOrganisation, allowed: true),
        // Areas
        Row(roles: [.sales], action: .viewArea(.quotes), allowed: true),
        Row(roles: [.sales], action: .viewArea(.vendors), allowed: false),
        Row(roles: [.sales], action: .viewArea(.capacity), allowed: false),
        Row(roles: [.pm], action: .viewArea(.capacity), allowed: true),
        Row(roles: [.vendorManager], action: .viewArea(.vendors), allowed: true),
        Row(roles: [.sales, .pm], action: .viewArea(.vendors), allowed: true),
        // Deadline checks against stored capacity: sales too (redacted, because it lacks the area)
        Row(roles: [.sales], action: .checkCapacity, allowed: true),
        Row(roles: [.pm], action: .checkCapacity, allowed: true),
        Row(roles: [.vendorManager], action: .checkCapacity, allowed: true),
        Row(roles: [.manager], action: .checkCapacity, allowed: true),
        Row(roles: [], action: .checkCapacity, allowed: false),
        // Records: tokens and profiles belong to someone
        Row(roles: [.sales], action: .manageTokens(owner: me), allowed: true),
        Row(roles: [.admin], action: .manageTokens(owner: other), allowed: false),
        Row(roles: [.pm], action: .editProfile(user: me), allowed: true),
        Row(roles: [.pm], action: .editProfile(user: other), allowed: false),
        Row(roles: [.admin], action: .editProfile(user: other), allowed: true),
        Row(roles: [.sales], action: .viewUser(me), allowed: true),
        Row(roles: [.sales], action: .viewUser(other), allowed: false),
        Row(roles: [.manager], action: .viewUser(other), allowed: true),
        // Notifications: one's own inbox only, whatever the roles
        Row(roles: [.sales], action: .readNotifications(recipient: me), allowed: true),
        Row(roles: [.vendorManager], action: .readNotifications(recipient: me), allowed: true),
        Row(roles: [.admin], action: .readNotifications(recipient: other), allowed: false),
        Row(roles: [.manager], action: .readNotifications(recipient: other), allowed: false),
    ]

    @Test(arguments: table)
    func policyTable(row: Row) {
        #expect(Policy.permits(Self.user(row.roles), row.action) == row.allowed)
    }

    @Test func deactivatedUsersMayDoNothing() {
        let actions: [Action] = [.viewArea(.dashboard), .viewOrganisation, .manageTokens(owner: Self.me), .manageUsers]
        for action in actions { #expect(!Policy.permits(Self.user([.admin], active: false), action)) }
    }

    @Test func everyAreaIsVisibleToAdmins() {
        for area in Area.allCases { #expect(Policy.permits(Self.user([.admin]), .viewArea(area))) }
    }
}
