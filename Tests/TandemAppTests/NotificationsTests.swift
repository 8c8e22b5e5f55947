import Foundation
import TandemApp
import TandemDomain
import Testing

@Suite("In-app notifications")
struct NotificationsTests {
    static let quote = RecordSubject(
        kind: .init(rawValue: "quote"), id: UUID(uuidString: "00000000-0000-0000-0000-00000000f001")!)

    @Test func notifyWritesOnePerRecipientButNotTheActorAndListsNewestFirst() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let piet = try await f.user("piet@lumen.example", [.pm])
            let notifications = Notifications(f.env)
            let made = try await notifications.notify(
                [paula.id, piet.id, paula.id, sofia.id], kind: .reviewRequested, subject: Self.quote, actor: sofia.id,
                label: "Q-2026-0001 · Nordlicht")
            #expect(made.map(\.recipientId) == [paula.id, piet.id])
            f.advance(days: 1)
            try await notifications.notify(
                [paula.id], kind: .quoteAccepted, subject: Self.quote, actor: sofia.id, label: "Q-2026-0001")
            let inbox = try await notifications.list(for: paula)
            #expect(inbox.map(\.kind) == [.quoteAccepted, .reviewRequested])
            #expect(inbox[1].subjectLabel == "Q-2026-0001 · Nordlicht" && inbox[1].actorId == sofia.id)
            #expect(inbox[1].subject == Self.quote)
            #expect(try await notifications.unreadCount(for: paula) == 2)
            #expect(try await notifications.unreadCount(for: piet) == 1)
            #expect(try await notifications.list(for: sofia).isEmpty)
        }
    }

    @Test func notifyInsideATransactionThatFailsLeavesNothing() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let notifications = Notifications(f.env)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await f.env.stores.transaction { tx in
                    try await notifications.notify(
                        in: tx, [paula.id], kind: .reviewRequested, subject: Self.quote, actor: sofia.id)
                    throw Refused()
                }
            }
            #expect(try await notifications.unreadCount(for: paula) == 0)
            try await f.env.stores.transaction { tx in
                try await notifications.notify(
                    in: tx, [paula.id], kind: .reviewRequested, subject: Self.quote, actor: sofia.id)
            }
            #expect(try await notifications.unreadCount(for: paula) == 1)
        }
    }

    @Test func markReadIsTheRecipientsOwnAndMarkAllReadCounts() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let notifications = Notifications(f.env)
            for kind in [InAppNotification.Kind.reviewDecided, .briefChallenged, .quoteAccepted] {
                try await notifications.notify([sofia.id], kind: kind, subject: Self.quote, actor: paula.id)
                f.advance(days: 0.01)
            }
            let inbox = try await notifications.list(for: sofia)
            await #expect(throws: DomainError.notificationNotFound) {
                try await notifications.markRead(inbox[0].id, by: paula)
            }
            let read = try await notifications.markRead(inbox[0].id, by: sofia)
            #expect(read.isRead)
            let again = try await notifications.markRead(inbox[0].id, by: sofia)
            #expect(again.readAt == read.readAt)
            #expect(try await notifications.unreadCount(for: sofia) == 2)
            #expect(try await notifications.list(for: sofia, unreadOnly: true).map(\.id) == [inbox[1].id, inbox[2].id])
            #expect(try await notifications.markAllRead(by: sofia) == 2)
            #expect(try await notifications.markAllRead(by: sofia) == 0)
            #expect(try await notifications.unreadCount(for: sofia) == 0)
        }
    }

    @Test func pagesFollowTheCursorWithoutGapsOrRepeats() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let notifications = Notifications(f.env)
            for index in 0..<5 {
                try await notifications.notify(
                    [sofia.id], kind: .reviewDecided, subject: Self.quote, actor: paula.id, label: "Q\(index)")
                if index != 2 { f.advance(days: 0.01) }  // two at the same instant
            }
            var seen: [String] = []
            var cursor: NotificationCursor?
            repeat {
                let page = try await notifications.list(for: sofia, after: cursor, limit: 2)
                seen += page.map(\.subjectLabel)
                cursor = page.count == 2 ? NotificationCursor(page[1]) : nil
            } while cursor != nil
            #expect(seen.count == 5 && Set(seen).count == 5)
            #expect(seen.first == "Q4" && seen.last == "Q0")
        }
    }
}
