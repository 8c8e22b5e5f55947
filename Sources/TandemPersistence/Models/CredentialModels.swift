import FluentKit
import Foundation
import TandemDomain

final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "secret_hash") var secretHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    init() {}

    func toDomain() throws -> UserSession {
        UserSession(
            id: UserSession.ID(try requireID()), userID: User.ID($user.id), csrfToken: csrfToken, createdAt: createdAt,
            expiresAt: expiresAt)
    }
}

final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    @Field(key: "prefix") var prefix: String
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}

    func toDomain() throws -> APIToken {
        APIToken(
            id: APIToken.ID(try requireID()), userID: User.ID($user.id), name: name, prefix: prefix,
            createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}

final class SetupTokenModel: Model, @unchecked Sendable {
    static let schema = "setup_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// Random value written by the request that used the link; the one that reads its own value back won.
    @OptionalField(key: "claim") var claim: String?
    init() {}
}

final class LoginFailureModel: Model, @unchecked Sendable {
    static let schema = "login_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "throttle_key") var throttleKey: String
    @Field(key: "failed_at") var failedAt: Date
    init() {}
}
