import FluentKit
import Foundation
import SQLKit
import TandemDomain

public struct FluentUserStore: UserStore {
    let database: any Database
    let clock: @Sendable () -> Date
    public init(database: any Database, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    public func count() async throws -> Int { try await UserModel.query(on: database).count() }

    public func create(_ new: NewUser, id: User.ID, at now: Date) async throws -> User {
        if try await UserModel.query(on: database).filter(\.$email == new.email.value).first() != nil {
            throw DomainError.emailTaken(new.email)
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
            throw DomainError.emailTaken(new.email)
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

    public func updateAccount(
        _ id: User.ID, displayName: String, email: EmailAddress, roles: Set<Role>, at now: Date
    ) async throws {
        if try await UserModel.query(on: database).filter(\.$email == email.value).filter(\.$id != id.rawValue)
            .first() != nil
        {
            throw DomainError.emailTaken(email)
        }
        do {
            try await setColumns(id) {
                $0.set(\.$displayName, to: displayName).set(\.$email, to: email.value)
                    .set(\.$roles, to: Role.listString(roles)).set(\.$updatedAt, to: now)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.emailTaken(email)
        }
    }

    public func setActive(_ id: User.ID, _ isActive: Bool, at now: Date) async throws {
        try await setColumns(id) { $0.set(\.$isActive, to: isActive).set(\.$updatedAt, to: now) }
    }

    public func updatePreferences(_ id: User.ID, locale: String?, timeZone: String?, at now: Date) async throws {
        try await setColumns(id) {
            $0.set(\.$locale, to: locale).set(\.$timeZone, to: timeZone).set(\.$updatedAt, to: now)
        }
    }

    public func setLocale(_ id: User.ID, _ locale: String?, at now: Date) async throws {
        try await setColumns(id) { $0.set(\.$locale, to: locale).set(\.$updatedAt, to: now) }
    }

    public func setPasswordHash(_ hash: String, for id: User.ID) async throws {
        try await setColumns(id) { $0.set(\.$passwordHash, to: hash).set(\.$updatedAt, to: clock()) }
    }

    public func activeAdminCount() async throws -> Int {
        try await UserModel.query(on: database).filter(\.$isActive == true).all(\.$roles)
            .filter { (try? Role.parseList($0))?.contains(.admin) == true }.count
    }

    public func lockAdministration() async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        // Held until the transaction ends; the number names this lock among the app's advisory locks.
        try await sql.raw("SELECT pg_advisory_xact_lock(7100001)").run()
    }

    /// One UPDATE of the named columns only; the row must exist.
    private func setColumns(
        _ id: User.ID, _ assignments: (QueryBuilder<UserModel>) -> QueryBuilder<UserModel>
    ) async throws {
        guard try await UserModel.query(on: database).filter(\.$id == id.rawValue).count() == 1 else {
            throw DomainError.userNotFound
        }
        try await assignments(UserModel.query(on: database).filter(\.$id == id.rawValue)).update()
    }
}
