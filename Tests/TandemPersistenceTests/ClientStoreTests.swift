import FluentKit
import Foundation
import TandemDomain
import Testing

@testable import TandemPersistence

/// Contacts, activities, brief versions and assets in storage: SQLite in memory, and PostgreSQL
/// when TANDEM_TEST_DATABASE_URL is set.
@Suite("Client stores")
struct ClientStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func withAccount(_ body: (Stores, Account, User.ID) async throws -> Void) async throws {
        let db = try await StandaloneDatabase.scratch()
        let t0 = self.t0
        do {
            let stores = Stores.fluent(db.database, clock: { t0 }, ids: .sequential())
            let user = try await stores.users.create(
                try NewUser(
                    email: try EmailAddress("sofia@lumen.example"), displayName: "Sofia", roles: [.sales],
                    passwordHash: "h"),
                id: User.ID(UUID()), at: t0)
            let account = Account(id: Account.ID(UUID()), name: "Nordlicht", currency: .eur, createdAt: t0)
            try await stores.accounts.create(account)
            try await body(stores, account, user.id)
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }

    @Test func contactsAreListedByNameAndErasedInPlace() async throws {
        try await withAccount { stores, account, user in
            for name in ["Zoé Martin", "Ana Costa", "élodie Bernard"] {
                try await stores.contacts.create(
                    Contact(
                        id: Contact.ID(UUID()), accountId: account.id, name: name, email: "x@y.example", createdAt: t0))
            }
            let listed = try await stores.contacts.list(accountId: account.id)
            #expect(listed.map(\.name) == ["Ana Costa", "élodie Bernard", "Zoé Martin"])
            try await stores.contacts.update(listed[0].id, [.phone("+33 1"), .buyingRole(.buyer)], at: t0)
            try await stores.contacts.erase(listed[1].id, by: user, at: t0 + 60)
            let erased = try #require(try await stores.contacts.find(id: listed[1].id))
            #expect(erased.email.isEmpty && erased.name == Contact.erasedName && erased.erasedBy == user)
            #expect(erased.erasedAt == t0 + 60)
            #expect(try await stores.contacts.find(id: listed[0].id)?.buyingRole == .buyer)
        }
    }

    @Test func overdueNextStepsCompareDaysAlikeOnBothDatabases() async throws {
        try await withAccount { stores, account, user in
            func activity(_ due: String?, done: Bool = false, step: String = "Call back") throws -> Activity {
                Activity(
                    id: Activity.ID(UUID()), subject: .account(account.id), kind: .call, occurredAt: t0, text: "t",
                    nextStep: step, nextStepDue: try due.map { try LocalDate(iso: $0) }, ownerId: user, isDone: done,
                    authorId: user, createdAt: t0)
            }
            let late = try activity("2026-11-09")
            for item in [
                try activity("2026-11-10"), late, try activity("2026-11-01", done: true), try activity(nil),
                try activity("2026-11-01", step: ""),
            ] { try await stores.activities.create(item) }
            let overdue = try await stores.activities.overdueNextSteps(
                owner: user, today: try LocalDate(iso: "2026-11-10"))
            #expect(overdue.map(\.id) == [late.id])
            #expect(try await stores.activities.list(subject: .account(account.id)).count == 5)
        }
    }

    @Test func aBriefVersionNumberIsTakenOnce() async throws {
        try await withAccount { stores, account, user in
            var content = ClientBrief()
            content.problems = "A"
            let version = BriefVersion(
                subject: .account(account.id), number: 1, content: content, authorId: user, createdAt: t0)
            try await stores.briefs.append(version)
            await #expect(throws: DomainError.self) { try await stores.briefs.append(version) }
            content.buyingCriteria = [.init(name: "Quality", weight: 70)]
            try await stores.briefs.append(
                BriefVersion(subject: .account(account.id), number: 2, content: content, authorId: user, createdAt: t0))
            #expect(try await stores.briefs.latest(of: .account(account.id))?.content == content)
            #expect(try await stores.briefs.versions(of: .account(account.id)).map(\.number) == [1, 2])
            let other = RecordSubject.opportunity(UUID())
            let latest = try await stores.briefs.latest(of: [.account(account.id), other])
            #expect(latest[.account(account.id)]?.number == 2 && latest[other] == nil)
        }
    }

    @Test func assetsAreListedNewestFirstAndDeleted() async throws {
        try await withAccount { stores, account, user in
            let older = ClientAsset(
                id: ClientAsset.ID(UUID()), accountId: account.id, kind: .nda, title: "NDA", uploadedBy: user,
                uploadedAt: t0)
            let newer = ClientAsset(
                id: ClientAsset.ID(UUID()), accountId: account.id, kind: .termbase, title: "TB", fileName: "tb.tbx",
                size: 12, languages: [try LanguageTag("de")], uploadedBy: user, uploadedAt: t0 + 10)
            try await stores.clientAssets.create(older)
            try await stores.clientAssets.create(newer)
            #expect(try await stores.clientAssets.list(accountId: account.id) == [newer, older])
            try await stores.clientAssets.delete(older.id)
            #expect(try await stores.clientAssets.list(accountId: account.id) == [newer])
        }
    }
}
