import Foundation

/// A client's wish about a vendor: work for the account should go to preferred vendors first and
/// never to excluded ones (a client request, a past complaint). The capacity service turns them
/// into the engine's preferred and excluded options for that account's checks.
public struct VendorPreference: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case preferred, excluded
    }
    public var accountID: Account.ID
    public var vendorID: VendorProfile.ID
    public var kind: Kind
    public var note: String?

    public init(accountID: Account.ID, vendorID: VendorProfile.ID, kind: Kind, note: String? = nil) {
        self.accountID = accountID
        self.vendorID = vendorID
        self.kind = kind
        self.note = note
    }
}

/// Preferred and excluded vendors per account.
public protocol VendorPreferenceStore: Sendable {
    /// One account's preferences, preferred first, then by vendor.
    func preferences(of accountID: Account.ID) async throws -> [VendorPreference]
    /// The accounts that prefer or exclude one vendor.
    func preferences(forVendor vendorID: VendorProfile.ID) async throws -> [VendorPreference]
    /// Every preference, for the capacity service to load at start.
    func all() async throws -> [VendorPreference]
    /// Replaces the account's preferences with `preferences` (all for that account).
    func replace(for accountID: Account.ID, with preferences: [VendorPreference]) async throws
}
