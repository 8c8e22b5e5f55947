import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// A record's timeline: its comments and system events together, newest first, paginated.
enum TimelinePages {
    struct Item: Encodable {
        var isComment: Bool
        var icon: String
        var when: String
        var whenISO: String
        var who: String
        /// An event in words, or the comment's safe HTML.
        var text: String
        var html: String?
    }

    struct Context: Encodable {
        var shell: PageShell
        var title: String
        var recordHref: String?
        var threadHref: String
        var items: [Item]
        var olderHref: String?
        var newerHref: String?
    }

    @Sendable static func timeline(req: Request) async throws -> Response {
        let subject = try ThreadRuntime.subject(req)
        let user = try req.requireUser()
        let l = req.localizer
        let record = try await ThreadRuntime.directory.visible(subject, to: user, in: req.stores)
        let cursor = ThreadPanel.decodeCursor(req)
        let limit = 30
        let found = try await req.threads.timeline(of: subject, by: user, after: cursor, limit: limit + 1)
        let page = Array(found.prefix(limit))
        var names: [User.ID: String] = [:]
        let people = page.compactMap { item -> User.ID? in
            switch item {
            case .comment(let c): return c.authorId
            case .event(let e): return e.actorId
            }
        }
        for id in Set(people) { names[id] = try await req.stores.users.find(id: id)?.displayName }
        let formatter = ISO8601DateFormatter()
        let items = page.map { item -> Item in
            switch item {
            case .comment(let c):
                return Item(
                    isComment: true, icon: "✎", when: l.format(dateTime: c.createdAt),
                    whenISO: formatter.string(from: c.createdAt), who: names[c.authorId] ?? "?",
                    text: l.t("timeline.commented"), html: c.html)
            case .event(let e):
                return Item(
                    isComment: false, icon: "◆", when: l.format(dateTime: e.at), whenISO: formatter.string(from: e.at),
                    who: e.actorId.flatMap { names[$0] } ?? l.t("notification.system_actor"), text: eventText(e, l),
                    html: nil)
            }
        }
        let type = PathParameter(value: subject.kind.rawValue)
        let id = PathParameter(value: subject.id.uuidString.lowercased())
        let path = SiteRoute.timeline(type, id).path
        let context = Context(
            shell: try await req.shell(title: l.t("timeline.page_title", ["record": .text(record.label)]), area: nil),
            title: record.label, recordHref: ThreadRuntime.directory.pagePath(subject),
            threadHref: SiteRoute.thread(type, id).path, items: items,
            olderHref: found.count > limit
                ? page.last.map { path + "?cursor=" + ThreadPanel.cursorQuery($0.cursor) } : nil,
            newerHref: cursor == nil ? nil : path)
        return try await req.renderPage("threads/timeline", context)
    }

    /// "Stage moved from Proposal to Won", "Quote sent (version 2)", …
    static func eventText(_ event: ActivityEvent, _ l: Localizer) -> String {
        let key = TimelineWords.key(event)
        let arguments = TimelineWords.arguments(event, l)
        return l.has(key) ? l.t(key, arguments) : l.t("timeline.event.other", ["kind": event.kind.rawValue])
    }
}
