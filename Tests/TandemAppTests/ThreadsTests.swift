import Foundation
import TandemApp
import TandemDomain
import Testing

@Suite("Threads: comments, mentions, edits, follows and their notifications")
struct ThreadsTests {
    struct People {
        var sofia: User  // sales, owns the account
        var paula: User  // PM
        var marco: User  // sales
        var vera: User  // vendor manager: sees no accounts
    }

    func people(_ f: ClientFixture) async throws -> People {
        People(
            sofia: try await f.user("sofia@lumen.example", [.sales]),
            paula: try await f.user("paula@lumen.example", [.pm]),
            marco: try await f.user("marco@lumen.example", [.sales]),
            vera: try await f.user("vera@lumen.example", [.vendorManager]))
    }

    func threads(_ f: ClientFixture) -> Threads { Threads(f.env, directory: .standard()) }

    func kinds(_ f: ClientFixture, _ user: User) async throws -> [String] {
        try await Notifications(f.env).list(for: user).map(\.kind.rawValue)
    }

    @Test func aMentionNotifiesWhoMaySeeTheRecordAndNobodyElse() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let posted = try await threads(f).post(
                on: .account(account.id), body: "@paula can we hold a reviewer? cc @vera @nobody", by: p.sofia)
            #expect(posted.comment.mentions == [p.paula.id])
            #expect(posted.comment.html.contains("class=\"mention\""))
            #expect(posted.comment.html.contains("@vera"))
            #expect(try await kinds(f, p.paula) == ["mention"])
            #expect(try await kinds(f, p.vera).isEmpty)
            #expect(try await kinds(f, p.sofia).isEmpty)
            let inbox = try await Notifications(f.env).list(for: p.paula)
            #expect(inbox[0].subject == .account(account.id) && inbox[0].subjectLabel == "Nordhaven Medical")
            #expect(posted.notifications.map(\.recipientId) == [p.paula.id])
        }
    }

    @Test func repliesGoToEarlierWritersAndFollowersHearTheRest() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let subject = RecordSubject.account(account.id)
            try await threads(f).follow(subject, by: p.marco)
            _ = try await threads(f).post(on: subject, body: "Kick-off on Monday, @paula", by: p.sofia)
            f.advance(days: 0.01)
            _ = try await threads(f).post(on: subject, body: "Monday works.", by: p.paula)
            // Sofia wrote before: a reply. Marco follows: followed (once per comment).
            #expect(try await kinds(f, p.sofia) == ["reply"])
            #expect(try await kinds(f, p.marco) == ["followed", "followed"])
            // Commenting follows: Paula now hears of Sofia's next comment.
            try await threads(f).unfollow(subject, by: p.marco)
            f.advance(days: 0.01)
            _ = try await threads(f).post(on: subject, body: "Great.", by: p.sofia)
            #expect(try await kinds(f, p.paula) == ["reply", "mention"])
            #expect(try await kinds(f, p.marco).count == 2)
            #expect(try await threads(f).isFollowing(subject, by: p.paula))
        }
    }

    @Test func whoCannotSeeTheRecordGetsNotFoundEverywhere() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let subject = RecordSubject.account(account.id)
            await #expect(throws: DomainError.recordNotFound) {
                try await threads(f).post(on: subject, body: "hello", by: p.vera)
            }
            await #expect(throws: DomainError.recordNotFound) {
                try await threads(f).comments(on: subject, by: p.vera)
            }
            await #expect(throws: DomainError.recordNotFound) {
                try await threads(f).post(on: .account(Account.ID(UUID())), body: "hello", by: p.sofia)
            }
            await #expect(throws: DomainError.recordNotFound) {
                try await threads(f).post(on: RecordSubject(kind: .job, id: UUID()), body: "hello", by: p.sofia)
            }
        }
    }

    @Test func editsKeepTheirHistoryAndAStaleVersionConflicts() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let posted = try await threads(f).post(on: .account(account.id), body: "Frist: Freitag", by: p.sofia)
            f.advance(days: 0.01)
            let edited = try await threads(f).edit(
                posted.comment.id, body: "Deadline: Friday, @paula", version: 1, by: p.sofia)
            #expect(edited.comment.version == 2 && edited.comment.editedAt != nil)
            #expect(edited.notifications.map(\.kind) == [.mention])
            await #expect(throws: DomainError.self) {
                try await threads(f).edit(posted.comment.id, body: "again", version: 1, by: p.sofia)
            }
            do {
                _ = try await threads(f).edit(posted.comment.id, body: "again", version: 1, by: p.sofia)
            } catch let error as DomainError {
                #expect(error.field == "version")
                if case .conflict = error {} else { Issue.record("expected a conflict, got \(error)") }
            }
            await #expect(throws: DomainError.self) {
                try await threads(f).edit(posted.comment.id, body: "mine now", version: 2, by: p.paula)
            }
            let (comment, history) = try await threads(f).history(of: posted.comment.id, by: p.paula)
            #expect(comment.body == "Deadline: Friday, @paula")
            #expect(history.map(\.body) == ["Frist: Freitag"])
            #expect(history.map(\.version) == [1])
        }
    }

    @Test func threadsPageNewestFirstAndTheTimelineMixesEvents() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let subject = RecordSubject.account(account.id)
            for n in 1...5 {
                _ = try await threads(f).post(on: subject, body: "Note \(n)", by: p.sofia)
                f.advance(days: 0.01)
                if n == 2 {
                    try await ActivityLog.record(
                        .stageChanged, on: subject, by: p.sofia.id, payload: ["to": "Proposal"], in: f.env.stores,
                        env: f.env)
                    f.advance(days: 0.01)
                }
            }
            let first = try await threads(f).comments(on: subject, by: p.paula, limit: 2)
            #expect(first.map(\.body) == ["Note 5", "Note 4"])
            let cursor = ThreadCursor(at: first[1].createdAt, id: first[1].id.rawValue)
            let second = try await threads(f).comments(on: subject, by: p.paula, after: cursor, limit: 2)
            #expect(second.map(\.body) == ["Note 3", "Note 2"])
            let timeline = try await threads(f).timeline(of: subject, by: p.paula, limit: 5)
            let labels = timeline.map { item -> String in
                switch item {
                case .comment(let c): return c.body
                case .event(let e): return e.kind.rawValue
                }
            }
            #expect(labels == ["Note 5", "Note 4", "Note 3", "stage-changed", "Note 2"])
        }
    }

    @Test func preferencesSendToTheDigestOrNowhere() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let prefs = NotificationPreferences(f.env)
            try await prefs.save(
                [NotificationPreference(kind: .mention, inApp: false, digest: true)], for: p.paula.id, by: p.paula)
            try await prefs.save(
                [NotificationPreference(kind: .mention, inApp: false, digest: false)], for: p.marco.id, by: p.marco)
            await #expect(throws: DomainError.self) {
                try await prefs.save([NotificationPreference(kind: .mention)], for: p.paula.id, by: p.marco)
            }
            _ = try await threads(f).post(on: .account(account.id), body: "@paula @marco see this", by: p.sofia)
            #expect(try await Notifications(f.env).unreadCount(for: p.paula) == 0)
            #expect(try await prefs.digest(for: p.paula).map(\.kind) == [.mention])
            #expect(try await kinds(f, p.marco).isEmpty)
            f.advance(days: 2)
            #expect(try await prefs.digest(for: p.paula).isEmpty)
            let mine = try await prefs.preferences(of: p.paula)
            #expect(
                mine.first { $0.kind == .mention } == NotificationPreference(kind: .mention, inApp: false, digest: true)
            )
            #expect(mine.first { $0.kind == .reply } == NotificationPreference(kind: .reply))
        }
    }

    @Test func mentionCandidatesAreWhoMaySeeTheRecord() async throws {
        try await ClientFixture.run { f in
            let p = try await people(f)
            let account = try await f.account("Nordhaven Medical", by: p.sofia)
            let all = try await threads(f).mentionCandidates(on: .account(account.id), prefix: "", by: p.sofia)
            #expect(Set(all.map(\.handle)) == ["sofia", "paula", "marco"])
            let some = try await threads(f).mentionCandidates(on: .account(account.id), prefix: "@pa", by: p.sofia)
            #expect(some.map(\.handle) == ["paula"])
        }
    }
}
