import FluentKit
import Foundation
import TandemDomain

public struct FluentUserStore: UserStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func count() async throws -> Int { try await UserModel.query(on: database).count() }

    public func create(_ new: NewUser, id: User.ID, at now: Date) async throws -> User {
        if try await UserModel.query(on: database).filter(\.$email == new.email.value).first() != nil {
            throw DomainError.conflict(message: "A user with the e-mail address \(new.email) already exists.")
        }
        let model = UserModel()
        model.id = id.rawValue
        model.email = new.email.value
        model.displayName = new.displayName
        model.passwordHash = new.passwordHash
        model.roles = Role.listString(new.roles)
        model.isActive = true
        model.createdAt = now
        model.updatedAt = now
        do {
            try await model.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two admins submitting the same address at once: the unique index decides.
            throw DomainError.conflict(message: "A user with the e-mail address \(new.email) already exists.")
        }
        return try model.toDomain()
    }

    public func find(id: User.ID) async throws -> User? {
        try await UserModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func find(email: EmailAddress) async throws -> User? {
        try await UserModel.query(on: database).filter(\.$email == email.value).first()?.toDomain()
    }

    public func passwordHash(of id: User.ID) async throws -> String? {
        try await UserModel.find(id.rawValue, on: database)?.passwordHash
    }

    public func list() async throws -> [User] {
        try await UserModel.query(on: database).sort(\.$displayName).sort(\.$email).all().map { try $0.toDomain() }
    }

    public func update(_ user: User) async throws {
        guard let model = try await UserModel.find(user.id.rawValue, on: database) else {
            throw DomainError.notFound(what: "The user")
        }
        if model.email != user.email.value,
            try await UserModel.query(on: database).filter(\.$email == user.email.value).first() != nil
        {
            throw DomainError.conflict(message: "A user with the e-mail address \(user.email) already exists.")
        }
        model.apply(user, at: Date())
        try await model.update(on: database)
    }

    public func setPasswordHash(_ hash: String, for id: User.ID) async throws {
        guard let model = try await UserModel.find(id.rawValue, on: database) else {
            throw DomainError.notFound(what: "The user")
        }
        model.passwordHash = hash
        model.updatedAt = Date()
        try await model.update(on: database)
    }
}
