import FluentKit
import Foundation
import Logging
import TandemDomain
import Testing

@testable import TandemPersistence

/// Runs on SQLite in memory, and on PostgreSQL when TANDEM_TEST_DATABASE_URL is set (scripts/test).
@Suite("Stores")
struct StoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func withStores(_ body: (Stores, StandaloneDatabase) async throws -> Void) async throws {
        let db = try await StandaloneDatabase.scratch()
        let t0 = self.t0
        do { try await body(.fluent(db.database, clock: { t0 }, ids: .sequential()), db) } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }

    func newUser(_ email: String, roles: Set<Role> = [.sales]) throws -> NewUser {
        try NewUser(
            email: try EmailAddress(email), displayName: email.components(separatedBy: "@")[0], roles: roles,
            passwordHash: "hash")
    }

    @Test func usersAreCreatedFoundAndUpdated() async throws {
        try await withStores { stores, _ in
            let id = User.ID(UUID())
            let created = try await stores.users.create(
                try newUser("Ada@Lumen.example", roles: [.sales, .pm]), id: id, at: t0)
            #expect(created.roles == [.sales, .pm])
            #expect(try await stores.users.find(email: try EmailAddress("ada@lumen.example"))?.id == id)
            #expect(try await stores.users.passwordHash(of: id) == "hash")
            try await stores.users.updateAccount(
                id, displayName: created.displayName, email: created.email, roles: [.manager], at: t0)
            try await stores.users.updatePreferences(id, locale: "fr", timeZone: "Europe/Paris", at: t0)
            let reloaded = try #require(try await stores.users.find(id: id))
            #expect(reloaded.roles == [.manager])
            #expect(reloaded.locale == "fr")
            #expect(reloaded.createdAt == t0)
            #expect(try await stores.users.count() == 1)
        }
    }

    @Test func aTakenEmailAddressIsAConflict() async throws {
        try await withStores { stores, _ in
            _ = try await stores.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
            await #expect(throws: DomainError.self) {
                _ = try await stores.users.create(try newUser("ADA@lumen.example"), id: .init(UUID()), at: t0)
            }
            let bob = try await stores.users.create(try newUser("bob@lumen.example"), id: .init(UUID()), at: t0)
            await #expect(throws: DomainError.self) {
                try await stores.users.updateAccount(
                    bob.id, displayName: bob.displayName, email: try EmailAddress("ada@lumen.example"),
                    roles: bob.roles,
                    at: t0)
            }
            #expect(try await stores.users.list().map(\.email.value) == ["ada@lumen.example", "bob@lumen.example"])
        }
    }

    @Test func sessionsExpireAndEndPerUser() async throws {
        try await withStores { stores, _ in
            let user = try await stores.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
            let live = UserSession(
                id: .init(UUID()), userID: user.id, csrfToken: "c1", createdAt: t0, expiresAt: t0 + 3600)
            let old = UserSession(
                id: .init(UUID()), userID: user.id, csrfToken: "c2", createdAt: t0 - 7200, expiresAt: t0 - 3600)
            try await stores.sessions.create(live, secretHash: "h1")
            try await stores.sessions.create(old, secretHash: "h2")
            #expect(try await stores.sessions.find(secretHash: "h1")?.csrfToken == "c1")
            try await stores.sessions.deleteExpired(before: t0)
            #expect(try await stores.sessions.find(secretHash: "h2") == nil)
            #expect(try await stores.sessions.find(secretHash: "h1") != nil)
            try await stores.sessions.deleteAll(for: user.id)
            #expect(try await stores.sessions.find(secretHash: "h1") == nil)
        }
    }

    @Test func tokensAreRevokedOnlyByTheirOwner() async throws {
        try await withStores { stores, _ in
            let ada = try await stores.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
            let bob = try await stores.users.create(try newUser("bob@lumen.example"), id: .init(UUID()), at: t0)
            let token = APIToken(id: .init(UUID()), userID: ada.id, name: "sync", prefix: "tdm_abc", createdAt: t0)
            try await stores.apiTokens.create(token, secretHash: "secret-hash")
            #expect(try await stores.apiTokens.revoke(token.id, owner: bob.id, at: t0) == false)
            #expect(try await stores.apiTokens.find(secretHash: "secret-hash")?.isRevoked == false)
            try await stores.apiTokens.markUsed(token.id, at: t0 + 60)
            #expect(try await stores.apiTokens.list(for: ada.id).first?.lastUsedAt == t0 + 60)
            #expect(try await stores.apiTokens.revoke(token.id, owner: ada.id, at: t0 + 120) == true)
            #expect(try await stores.apiTokens.find(secretHash: "secret-hash")?.revokedAt == t0 + 120)
        }
    }

    @Test func deactivationRevokesEveryToken() async throws {
        try await withStores { stores, _ in
            let ada = try await stores.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
            for n in 1...3 {
                try await stores.apiTokens.create(
                    APIToken(id: .init(UUID()), userID: ada.id, name: "t\(n)", prefix: "p", createdAt: t0),
                    secretHash: "h\(n)")
            }
            try await stores.apiTokens.revokeAll(for: ada.id, at: t0)
            #expect(try await stores.apiTokens.list(for: ada.id).allSatisfy(\.isRevoked))
        }
    }

    @Test func organisationSettingsRoundTripWithHolidays() async throws {
        try await withStores { stores, _ in
            #expect(try await stores.organisation.load() == .initial)
            let settings = try OrganisationSettings(
                name: "Lumen", baseCurrency: try CurrencyCode("CHF"), timeZone: "Europe/Zurich",
                workingDays: [.mon, .tue, .sat],
                defaultLocale: "fr", holidays: [PublicHoliday(date: try LocalDate(iso: "2026-12-25"), name: "Noël")])
            try await stores.organisation.save(settings)
            #expect(try await stores.organisation.load() == settings)
            var fewer = settings
            fewer.holidays = []
            try await stores.organisation.save(fewer)
            #expect(try await stores.organisation.load().holidays.isEmpty)
        }
    }

    @Test func aSetupLinkWorksOnceAndExpires() async throws {
        try await withStores { stores, _ in
            try await stores.setupTokens.create(secretHash: "once", expiresAt: t0 + 3600)
            try await stores.setupTokens.create(secretHash: "stale", expiresAt: t0 - 1)
            #expect(try await stores.setupTokens.consume(secretHash: "stale", at: t0) == false)
            #expect(try await stores.setupTokens.consume(secretHash: "once", at: t0) == true)
            #expect(try await stores.setupTokens.consume(secretHash: "once", at: t0) == false)
            #expect(try await stores.setupTokens.isUsable(secretHash: "once", at: t0) == false)
        }
    }

    @Test func loginFailuresAreCountedInTheirWindow() async throws {
        try await withStores { stores, _ in
            var recorded: [UUID] = []
            for minutes in [0, 5, 20] {
                recorded.append(try await stores.loginAttempts.record(key: "email:a", at: t0 - Double(minutes) * 60))
            }
            #expect(try await stores.loginAttempts.failures(key: "email:a", since: t0 - 15 * 60) == 2)
            try await stores.loginAttempts.remove(recorded[0])
            #expect(try await stores.loginAttempts.failures(key: "email:a", since: t0 - 15 * 60) == 1)
            try await stores.loginAttempts.clear(key: "email:a")
            #expect(try await stores.loginAttempts.failures(key: "email:a", since: .distantPast) == 0)
        }
    }

    @Test func loginAttemptsOutsideTheWindowArePruned() async throws {
        try await withStores { stores, _ in
            _ = try await stores.loginAttempts.record(key: "ip:a", at: t0 - 20 * 60)
            _ = try await stores.loginAttempts.record(key: "ip:b", at: t0 - 1 * 60)
            try await stores.loginAttempts.deleteOlder(than: t0 - 15 * 60)
            #expect(try await stores.loginAttempts.failures(key: "ip:a", since: .distantPast) == 0)
            #expect(try await stores.loginAttempts.failures(key: "ip:b", since: .distantPast) == 1)
        }
    }

    @Test func userColumnsAreWrittenOneGroupAtATime() async throws {
        try await withStores { stores, _ in
            let user = try await stores.users.create(
                try newUser("ada@lumen.example", roles: [.admin, .pm]), id: .init(UUID()), at: t0)
            try await stores.users.setActive(user.id, false, at: t0)
            try await stores.users.updatePreferences(user.id, locale: "fr", timeZone: "Europe/Paris", at: t0)
            var stored = try #require(try await stores.users.find(id: user.id))
            #expect(stored.isActive == false && stored.roles == [.admin, .pm] && stored.locale == "fr")
            try await stores.users.updateAccount(
                user.id, displayName: "Ada L.", email: try EmailAddress("ada.l@lumen.example"), roles: [.pm], at: t0)
            stored = try #require(try await stores.users.find(id: user.id))
            #expect(stored.isActive == false && stored.roles == [.pm] && stored.timeZone == "Europe/Paris")
            #expect(stored.displayName == "Ada L." && stored.email.value == "ada.l@lumen.example")
            #expect(try await stores.users.activeAdminCount() == 0)
            let other = try await stores.users.create(try newUser("bob@lumen.example"), id: .init(UUID()), at: t0)
            await #expect(throws: DomainError.self) {
                try await stores.users.updateAccount(
                    other.id, displayName: "Bob", email: try EmailAddress("ada.l@lumen.example"), roles: [.pm], at: t0)
            }
        }
    }

    @Test func aTransactionStoresAllOrNothing() async throws {
        try await withStores { stores, _ in
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await stores.transaction { tx in
                    _ = try await tx.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
                    throw Abandon()
                }
            }
            #expect(try await stores.users.count() == 0)
            let made = try await stores.transaction { tx in
                try await tx.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
            }
            #expect(try await stores.users.find(id: made.id) != nil)
        }
    }

    @Test func migrationsRevertAndApplyAgain() async throws {
        try await withStores { stores, db in
            _ = try await stores.users.create(try newUser("ada@lumen.example"), id: .init(UUID()), at: t0)
            let migrations = Migrations()
            migrations.add(TandemMigrations.all)
            var quiet = Logger(label: "test")
            quiet.logLevel = .warning
            let migrator = Migrator(
                databases: db.databases, migrations: migrations, logger: quiet, on: db.databases.eventLoopGroup.any())
            try await migrator.revertAllBatches().get()
            await #expect(throws: (any Error).self) { _ = try await stores.users.count() }
            try await migrator.prepareBatch().get()
            #expect(try await stores.users.count() == 0)
        }
    }
}

@Suite("Invitation store")
struct InvitationStoreTests {
    @Test func anInvitationIsUsedOnceAndRevocable() async throws {
        let db = try await StandaloneDatabase.scratch()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let stores = Stores.fluent(db.database, clock: { t0 }, ids: .sequential())
        do {
            let user = try await stores.users.create(
                try NewUser(
                    email: try EmailAddress("a@lumen.example"), displayName: "A", roles: [.pm], passwordHash: nil),
                id: .init(UUID()), at: t0)
            #expect(user.hasPassword == false)
            try await stores.invitations.create(for: user.id, secretHash: "one", expiresAt: t0 + 60)
            try await stores.invitations.create(for: user.id, secretHash: "two", expiresAt: t0 + 60)
            #expect(try await stores.invitations.pendingUser(secretHash: "one", at: t0) == user.id)
            #expect(try await stores.invitations.pendingUser(secretHash: "one", at: t0 + 61) == nil)
            #expect(try await stores.invitations.consume(secretHash: "one", at: t0) == true)
            #expect(try await stores.invitations.consume(secretHash: "one", at: t0) == false)
            try await stores.invitations.revokeAll(for: user.id, at: t0)
            #expect(try await stores.invitations.pendingUser(secretHash: "two", at: t0) == nil)
            try await stores.users.setPasswordHash("h", for: user.id)
            #expect(try await stores.users.find(id: user.id)?.hasPassword == true)
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }
}
