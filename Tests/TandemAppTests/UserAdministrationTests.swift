import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// Use cases on a real database: SQLite in memory, or PostgreSQL when TANDEM_TEST_DATABASE_URL is set.
@Suite("User administration keeps an admin and never writes stale rows")
struct UserAdministrationTests {
    struct PlainHashing: PasswordHashing {
        func hash(_ password: String) async throws -> String { "plain:" + password }
        func verify(_ password: String, against hash: String) async throws -> Bool { hash == "plain:" + password }
    }

    func withEnvironment(_ body: (AppEnvironment) async throws -> Void) async throws {
        let database = try await StandaloneDatabase.scratch()
        let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }
        let ids = IdentifierGenerator.sequential()
        let env = AppEnvironment(
            stores: .fluent(database.database, clock: clock, ids: ids), clock: clock, ids: ids,
            passwords: PlainHashing())
        do { try await body(env) } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    func makeUser(_ env: AppEnvironment, _ email: String, _ roles: Set<Role>) async throws -> User {
        try await env.stores.users.create(
            try NewUser(email: try EmailAddress(email), displayName: email, roles: roles, passwordHash: "plain:pw"),
            id: env.ids(), at: env.now)
    }

    @Test func twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() async throws {
        try await withEnvironment { env in
            let ada = try await makeUser(env, "ada@lumen.example", [.admin])
            let bob = try await makeUser(env, "bob@lumen.example", [.admin])
            let administration = UserAdministration(env)
            async let first = Result {
                try await administration.updateAccount(
                    bob.id, by: ada, to: .init(displayName: "Bob", email: bob.email, roles: [.pm]))
            }
            async let second = Result {
                try await administration.updateAccount(
                    ada.id, by: bob, to: .init(displayName: "Ada", email: ada.email, roles: [.pm]))
            }
            let outcomes = await [first, second]
            #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1)
            #expect(try await env.stores.users.activeAdminCount() == 1)
        }
    }

    @Test func theLastActiveAdminCannotBeDeactivated() async throws {
        try await withEnvironment { env in
            let ada = try await makeUser(env, "ada@lumen.example", [.admin])
            let bob = try await makeUser(env, "bob@lumen.example", [.admin])
            let administration = UserAdministration(env)
            _ = try await administration.deactivate(bob.id, by: ada)
            // Bob, reactivated without the admin role, cannot then remove Ada's.
            _ = try await administration.reactivate(bob.id)
            _ = try await administration.updateAccount(
                bob.id, by: ada, to: .init(displayName: "Bob", email: bob.email, roles: [.manager]))
            let refused = await #expect(throws: ValidationErrors.self) {
                _ = try await administration.updateAccount(
                    ada.id, by: ada, to: .init(displayName: "Ada", email: ada.email, roles: [.pm]))
            }
            #expect(refused?.errors.first?.field == "roles")
            #expect(try await env.stores.users.find(id: ada.id)?.roles == [.admin])
        }
    }

    /// A profile save that loaded the user before an admin demoted and deactivated them must not
    /// bring roles or activation back: it writes its own columns only.
    @Test func aStaleProfileSaveDoesNotRestoreRolesOrActivation() async throws {
        try await withEnvironment { env in
            let ada = try await makeUser(env, "ada@lumen.example", [.admin])
            let pm = try await makeUser(env, "pm@lumen.example", [.pm, .manager])
            let administration = UserAdministration(env)
            let profile = ProfileSettings(env)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try await administration.updateAccount(
                        pm.id, by: ada, to: .init(displayName: "Pm", email: pm.email, roles: [.pm]))
                    _ = try await administration.deactivate(pm.id, by: ada)
                }
                for n in 0..<20 {
                    group.addTask {
                        try await profile.savePreferences(
                            of: pm.id, locale: n.isMultiple(of: 2) ? "fr" : "en", timeZone: "Europe/Paris")
                        try await profile.setLanguage(of: pm.id, "fr")
                    }
                }
                try await group.waitForAll()
            }
            let stored = try #require(try await env.stores.users.find(id: pm.id))
            #expect(stored.roles == [.pm])
            #expect(stored.isActive == false)
            #expect(stored.locale == "fr" && stored.timeZone == "Europe/Paris")
        }
    }

    @Test func deactivationEndsSessionsTokensAndLinks() async throws {
        try await withEnvironment { env in
            let ada = try await makeUser(env, "ada@lumen.example", [.admin])
            let pm = try await makeUser(env, "pm@lumen.example", [.pm])
            let now = env.now
            try await env.stores.sessions.create(
                UserSession(id: env.ids(), userID: pm.id, csrfToken: "c", createdAt: now, expiresAt: now + 3600),
                secretHash: "session-hash")
            try await env.stores.apiTokens.create(
                APIToken(id: env.ids(), userID: pm.id, name: "cli", prefix: "tdm_abc", createdAt: now),
                secretHash: "token-hash")
            let secret = try await UserAdministration(env).invite(pm.id)
            _ = try await UserAdministration(env).deactivate(pm.id, by: ada)
            #expect(try await env.stores.sessions.find(secretHash: "session-hash") == nil)
            #expect(try await env.stores.apiTokens.find(secretHash: "token-hash")?.isRevoked == true)
            #expect(try await env.stores.invitations.pendingUser(secretHash: Secrets.hash(secret), at: now) == nil)
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
