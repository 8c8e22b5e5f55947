import Foundation
import TandemDomain

/// An account's preferred and excluded vendors, set as a whole.
public struct VendorPreferences: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Entry: Sendable, Equatable {
        public var vendorID: String
        public var note: String?
        public init(vendorID: String, note: String? = nil) {
            self.vendorID = vendorID
            self.note = note
        }
    }

    static let accountNotFound = DomainError.notFound(
        entityKey: "entity.account", fallback: "The account was not found.")

    public func list(_ accountID: Account.ID) async throws -> [VendorPreference] {
        guard try await env.stores.accounts.find(id: accountID) != nil else { throw Self.accountNotFound }
        return try await env.stores.vendorPreferences.preferences(of: accountID)
    }

    /// Replaces the account's lists; every unknown vendor and every vendor in both lists is
    /// reported at once (`preferred.0.vendorId`, …).
    public func set(_ accountID: Account.ID, preferred: [Entry], excluded: [Entry]) async throws -> [VendorPreference] {
        var check = VendorValidation()
        var preferences: [VendorPreference] = []
        var seen = Set<VendorProfile.ID>()
        for (kind, entries) in [(VendorPreference.Kind.preferred, preferred), (.excluded, excluded)] {
            for (index, entry) in entries.enumerated() {
                let field = "\(kind.rawValue).\(index).vendorId"
                guard let id = VendorProfile.ID(uuidString: entry.vendorID),
                    try await env.stores.vendors.find(id: id) != nil
                else {
                    check.fail(
                        field, "error.vendor.unknown", ["value": entry.vendorID],
                        "No vendor has the id \(entry.vendorID).")
                    continue
                }
                guard seen.insert(id).inserted else {
                    check.fail(
                        field, "error.vendor.preference_twice", [:], "A vendor is listed once: preferred or excluded.")
                    continue
                }
                let note = check.text(entry.note, field: "\(kind.rawValue).\(index).note", max: 200)
                preferences.append(VendorPreference(accountID: accountID, vendorID: id, kind: kind, note: note))
            }
        }
        try ValidationErrors.check(check.errors)
        guard try await env.stores.accounts.find(id: accountID) != nil else { throw Self.accountNotFound }
        let chosen = preferences
        try await env.stores.transaction { stores in
            try await stores.vendorPreferences.replace(for: accountID, with: chosen)
        }
        return try await env.stores.vendorPreferences.preferences(of: accountID)
    }
}
