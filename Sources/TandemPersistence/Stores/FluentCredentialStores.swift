import FluentKit
import Foundation
import TandemDomain

public struct FluentSessionStore: SessionStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ session: UserSession, secretHash: String) async throws {
        let model = SessionModel()
        model.id = session.id.rawValue
        model.secretHash = secretHash
        model.$user.id = session.userID.rawValue
        model.csrfToken = session.csrfToken
        model.createdAt = session.createdAt
        model.expiresAt = session.expiresAt
        try await model.create(on: database)
    }

    public func find(secretHash: String) async throws -> UserSession? {
        try await SessionModel.query(on: database).filter(\.$secretHash == secretHash).first()?.toDomain()
    }

    public func delete(secretHash: String) async throws {
        try await SessionModel.query(on: database).filter(\.$secretHash == secretHash).delete()
    }

    public func deleteAll(for userID: User.ID) async throws {
        try await SessionModel.query(on: database).filter(\.$user.$id == userID.rawValue).delete()
    }

    public func deleteExpired(before date: Date) async throws {
        try await SessionModel.query(on: database).filter(\.$expiresAt < date).delete()
    }
}

public struct FluentAPITokenStore: APITokenStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ token: APIToken, secretHash: String) async throws {
        let model = APITokenModel()
        model.id = token.id.rawValue
        model.$user.id = token.userID.rawValue
        model.name = token.name
        model.prefix = token.prefix
        model.secretHash = secretHash
        model.createdAt = token.createdAt
        try await model.create(on: database)
    }

    public func find(secretHash: String) async throws -> APIToken? {
        try await APITokenModel.query(on: database).filter(\.$secretHash == secretHash).first()?.toDomain()
    }

    public func list(for userID: User.ID) async throws -> [APIToken] {
        try await APITokenModel.query(on: database).filter(\.$user.$id == userID.rawValue)
            .sort(\.$createdAt, .descending).all().map { try $0.toDomain() }
    }

    public func revoke(_ id: APIToken.ID, owner: User.ID, at now: Date) async throws -> Bool {
        guard
            let model = try await APITokenModel.query(on: database)
                .filter(\.$id == id.rawValue).filter(\.$user.$id == owner.rawValue).first()
        else { return false }
        if model.revokedAt == nil {
            model.revokedAt = now
            try await model.update(on: database)
        }
        return true
    }

    public func revokeAll(for userID: User.ID, at now: Date) async throws {
        try await APITokenModel.query(on: database)
            .filter(\.$user.$id == userID.rawValue).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    public func markUsed(_ id: APIToken.ID, at now: Date) async throws {
        try await APITokenModel.query(on: database).filter(\.$id == id.rawValue).set(\.$lastUsedAt, to: now).update()
    }
}

public struct FluentSetupTokenStore: SetupTokenStore {
    let database: any Database
    let ids: IdentifierGenerator
    public init(database: any Database, ids: IdentifierGenerator) {
        self.database = database
        self.ids = ids
    }

    public func create(secretHash: String, expiresAt: Date) async throws {
        let model = SetupTokenModel()
        model.secretHash = secretHash
        model.expiresAt = expiresAt
        try await model.create(on: database)
    }

    public func consume(secretHash: String, at now: Date) async throws -> Bool {
        // A conditional UPDATE, so two concurrent submits cannot both use the link.
        guard try await isUsable(secretHash: secretHash, at: now) else { return false }
        let claim = ids.uuid().uuidString
        try await SetupTokenModel.query(on: database)
            .filter(\.$secretHash == secretHash).filter(\.$claim == nil)
            .set(\.$usedAt, to: now).set(\.$claim, to: claim).update()
        let model = try await SetupTokenModel.query(on: database).filter(\.$secretHash == secretHash).first()
        return model?.claim == claim
    }

    public func isUsable(secretHash: String, at now: Date) async throws -> Bool {
        guard let model = try await SetupTokenModel.query(on: database).filter(\.$secretHash == secretHash).first()
        else { return false }
        return model.usedAt == nil && model.expiresAt > now
    }
}

public struct FluentLoginAttemptStore: LoginAttemptStore {
    let database: any Database
    let ids: IdentifierGenerator
    public init(database: any Database, ids: IdentifierGenerator) {
        self.database = database
        self.ids = ids
    }

    public func record(key: String, at now: Date) async throws -> UUID {
        let model = LoginFailureModel()
        let id = ids.uuid()
        model.id = id
        model.throttleKey = key
        model.failedAt = now
        try await model.create(on: database)
        return id
    }

    public func remove(_ id: UUID) async throws {
        try await LoginFailureModel.query(on: database).filter(\.$id == id).delete()
    }

    public func deleteOlder(than date: Date) async throws {
        try await LoginFailureModel.query(on: database).filter(\.$failedAt < date).delete()
    }

    public func failures(key: String, since: Date) async throws -> Int {
        try await LoginFailureModel.query(on: database).filter(\.$throttleKey == key).filter(\.$failedAt >= since)
            .count()
    }

    public func clear(key: String) async throws {
        try await LoginFailureModel.query(on: database).filter(\.$throttleKey == key).delete()
    }
}
