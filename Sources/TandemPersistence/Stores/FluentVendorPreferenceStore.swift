import FluentKit
import Foundation
import TandemDomain

final class VendorPreferenceModel: Model, @unchecked Sendable {
    static let schema = "account_vendor_preferences"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "note") var note: String?
    init() {}

    init(_ preference: VendorPreference, id: UUID) {
        self.id = id
        accountID = preference.accountID.rawValue
        vendorID = preference.vendorID.rawValue
        kind = preference.kind.rawValue
        note = preference.note
    }

    var domain: VendorPreference {
        VendorPreference(
            accountID: .init(accountID), vendorID: .init(vendorID),
            kind: VendorPreference.Kind(rawValue: kind) ?? .preferred,
            note: note)
    }
}

public struct FluentVendorPreferenceStore: VendorPreferenceStore {
    let database: any Database
    let ids: IdentifierGenerator
    public init(database: any Database, ids: IdentifierGenerator) {
        self.database = database
        self.ids = ids
    }

    public func preferences(of accountID: Account.ID) async throws -> [VendorPreference] {
        try await VendorPreferenceModel.query(on: database).filter(\.$accountID == accountID.rawValue).all().map(
            \.domain
        )
        .sorted(by: Self.order)
    }

    public func preferences(forVendor vendorID: VendorProfile.ID) async throws -> [VendorPreference] {
        try await VendorPreferenceModel.query(on: database).filter(\.$vendorID == vendorID.rawValue).all().map(\.domain)
            .sorted(by: Self.order)
    }

    public func all() async throws -> [VendorPreference] {
        try await VendorPreferenceModel.query(on: database).all().map(\.domain).sorted(by: Self.order)
    }

    public func replace(for accountID: Account.ID, with preferences: [VendorPreference]) async throws {
        try await database.atomically { db in
            try await VendorPreferenceModel.query(on: db).filter(\.$accountID == accountID.rawValue).delete()
            let models = preferences.map { VendorPreferenceModel($0, id: ids.uuid()) }
            if !models.isEmpty { try await models.create(on: db) }
        }
    }

    static func order(_ a: VendorPreference, _ b: VendorPreference) -> Bool {
        (a.accountID, a.kind == .preferred ? 0 : 1, a.vendorID) < (
            b.accountID, b.kind == .preferred ? 0 : 1, b.vendorID
        )
    }
}
