import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.threads" (after quotes): conversations between the demo's sales reps and
/// PMs on accounts, deals, quotes and projects, written through the same use case as the pages,
/// so mentions, replies and follows notify the right people; some notifications stay unread.
enum ThreadDemo {
    static let step = DemoSeed.Step(name: "demo.v2.threads", idBase: 0x60_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    /// One comment: who writes it (by e-mail) and what, `hoursAgo` before the seed's time.
    struct Line {
        var author: String
        var hoursAgo: Double
        var text: String
    }

    static let sofia = "sofia.sales@lumen.example"
    static let samuel = "samuel.sauer@lumen.example"
    static let sara = "sara.lindqvist@lumen.example"
    static let paula = "paula.project@lumen.example"
    static let pierre = "pierre.durand@lumen.example"
    static let priya = "priya.natarajan@lumen.example"

    static let accountTalk: [[Line]] = [
        [
            Line(
                author: sofia, hoursAgo: 70,
                text:
                    "Their regulatory team wants **one glossary** for all EU languages this year. @paula.project can we build it from last year's TM before the Q1 rush?"
            ),
            Line(
                author: paula, hoursAgo: 66,
                text:
                    "Yes. I'll extract candidates from the TMX and send them to their reviewer in Munich. Two weeks if they answer quickly."
            ),
            Line(
                author: sofia, hoursAgo: 20,
                text: "Their reviewer confirmed: they answer within 48 hours. Glossary work can start Monday."),
        ],
        [
            Line(
                author: samuel, hoursAgo: 52,
                text:
                    "New procurement contact since November: purchase orders are **required** from now on. I updated the terms."
            ),
            Line(
                author: pierre, hoursAgo: 47,
                text: "Noted. @samuel.sauer do they still want the PO number on each delivery note, like last year?"),
        ],
    ]

    static let dealTalk: [[Line]] = [
        [
            Line(
                author: sara, hoursAgo: 40,
                text:
                    "They asked for a 5-day turnaround on 40,000 words into DE, FR, IT. @priya.natarajan is that realistic with our medical reviewers?"
            ),
            Line(
                author: priya, hoursAgo: 36,
                text:
                    "Not for all three. DE and FR yes; IT needs 7 days unless we split between two translators. See the capacity check on the quote."
            ),
            Line(
                author: sara, hoursAgo: 30,
                text: "OK, I'll propose 7 days for IT with a split option priced separately."),
        ]
    ]

    static let quoteTalk: [[Line]] = [
        [
            Line(
                author: paula, hoursAgo: 26,
                text: "The 95–99 % band looks high for this client. @sofia.sales did they send their own Trados report?"
            ),
            Line(
                author: sofia, hoursAgo: 22,
                text: "They did, attached to the e-mail. Their numbers are close to ours; I'll keep our analysis."),
            Line(
                author: paula, hoursAgo: 3,
                text: "Fine by me. Approving once the delivery dates account for the public holiday on the 25th."),
        ],
        [
            Line(
                author: pierre, hoursAgo: 18,
                text:
                    "Reminder: the client's style guide asks for *formal* address in French (vous). @samuel.sauer please mention it in the quote notes."
            ),
            Line(author: samuel, hoursAgo: 2, text: "Done, it's in the notes of version 2."),
        ],
    ]

    static let projectTalk: [[Line]] = [
        [
            Line(
                author: priya, hoursAgo: 14,
                text:
                    "Kick-off done. Files are in; the client's reference material is in the brief. @sara.lindqvist the client asked whether we can deliver DE one day early."
            ),
            Line(
                author: sara, hoursAgo: 5,
                text: "I'll ask them if a partial delivery on Thursday helps; it usually does."),
        ]
    ]

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let accounts = try await stores.accounts.list(AccountFilter(), after: nil, limit: 50).sorted {
            $0.name < $1.name
        }
        let deals = try await stores.pipeline.opportunities.list(OpportunityFilter()).sorted { $0.id < $1.id }
        let quotes = try await stores.quoteStores.quotes.list(QuoteFilter()).sorted { $0.number < $1.number }
        let projects = try await stores.quoteStores.projects.list().sorted { $0.id < $1.id }
        var threads: [(RecordSubject, [Line])] = []
        threads += zip(accounts.prefix(accountTalk.count), accountTalk).map { (.account($0.id), $1) }
        threads += zip(deals.prefix(dealTalk.count), dealTalk).map { (.opportunity($0.id.rawValue), $1) }
        // Open quotes are where sales and PMs talk most: the ones in review and approved first.
        let open = quotes.filter { $0.status == .inReview || $0.status == .approved }
        threads += zip(open.prefix(quoteTalk.count), quoteTalk).map {
            (RecordSubject(kind: .quote, id: $0.id.rawValue), $1)
        }
        threads += zip(projects.prefix(projectTalk.count), projectTalk).map {
            (RecordSubject(kind: .project, id: $0.id.rawValue), $1)
        }
        try await post(threads, stores, ids: ids, now: now)
    }

    /// Writes each thread's lines through the use case, then marks thread notifications older
    /// than a day read (the last day's stay unread, for the badge; other features' keep their state).
    static func post(_ threads: [(RecordSubject, [Line])], _ stores: Stores, ids: IdentifierGenerator, now: Date)
        async throws
    {
        let users = Dictionary(
            try await stores.users.list().map { ($0.email.value, $0) }, uniquingKeysWith: { a, _ in a })
        for (subject, lines) in threads {
            for line in lines {
                guard let author = users[line.author] else { continue }
                let at = now.addingTimeInterval(-line.hoursAgo * 3600)
                let env = AppEnvironment(stores: stores, clock: { at }, ids: ids, passwords: QuoteDemo.NoHashing())
                _ = try await Threads(env, directory: ThreadRuntime.directory).post(
                    on: subject, body: line.text, by: author)
            }
        }
        // Thread notifications older than a day have been read; the last day's stay unread, for the badge.
        // (Other features' notifications keep their own state.)
        for user in users.values {
            let inbox = try await stores.notifications.list(
                recipient: user.id, unreadOnly: true, after: nil, limit: 200)
            for notification in inbox
            where InAppNotification.Kind.threadKinds.contains(notification.kind)
                && notification.createdAt < now.addingTimeInterval(-24 * 3600)
            {
                _ = try await stores.notifications.markRead(notification.id, recipient: user.id, at: now)
            }
        }
    }
}
