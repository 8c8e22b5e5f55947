import FluentKit
import Foundation
import TandemDomain

final class InvitationModel: Model, @unchecked Sendable {
    static let schema = "invitations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// Written by the request that uses the link; the one that reads its own value back won.
    @OptionalField(key: "claim") var claim: String?
    init() {}
}

public struct FluentInvitationStore: InvitationStore {
    let database: any Database
    let ids: IdentifierGenerator
    public init(database: any Database, ids: IdentifierGenerator) {
        self.database = database
        self.ids = ids
    }

    public func create(for userID: User.ID, secretHash: String, expiresAt: Date) async throws {
        let model = InvitationModel()
        model.$user.id = userID.rawValue
        model.secretHash = secretHash
        model.expiresAt = expiresAt
        try await model.create(on: database)
    }

    public func pendingUser(secretHash: String, at now: Date) async throws -> User.ID? {
        guard let model = try await InvitationModel.query(on: database).filter(\.$secretHash == secretHash).first(),
            model.claim == nil, model.expiresAt > now
        else { return nil }
        return User.ID(model.$user.id)
    }

    public func consume(secretHash: String, at now: Date) async throws -> Bool {
        guard try await pendingUser(secretHash: secretHash, at: now) != nil else { return false }
        let claim = ids.uuid().uuidString
        try await InvitationModel.query(on: database)
            .filter(\.$secretHash == secretHash).filter(\.$claim == nil)
            .set(\.$usedAt, to: now).set(\.$claim, to: claim).update()
        return try await InvitationModel.query(on: database).filter(\.$secretHash == secretHash).first()?.claim == claim
    }

    public func revokeAll(for userID: User.ID, at now: Date) async throws {
        try await InvitationModel.query(on: database)
            .filter(\.$user.$id == userID.rawValue).filter(\.$claim == nil)
            .set(\.$usedAt, to: now).set(\.$claim, to: "revoked").update()
    }
}
