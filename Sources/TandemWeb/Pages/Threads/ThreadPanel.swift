import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The thread shown on a record's page (`Resources/Views/threads/panel.leaf`): the newest
/// comments with a link to older ones, a composer with @mention completion, follow, timeline.
struct ThreadPanel: Encodable {
    struct Attachment: Encodable {
        var name: String
        var size: String
        var href: String
    }
    struct Row: Encodable {
        var id: String
        var anchor: String
        var author: String
        var initials: String
        var when: String
        var whenISO: String
        var html: String
        var edited: String?
        var editHref: String?
        var replyTo: String?
        var attachments: [Attachment]
    }

    var rows: [Row]
    var count: Int
    var olderHref: String?
    var newerHref: String?
    var postAction: String
    var followAction: String
    var following: Bool
    var mentionsHref: String
    var timelineHref: String
    var threadHref: String
    var maxAttachment: String
    /// What the user typed when the post failed, and why.
    var draft: String
    var errors: FormErrors

    /// The first page of a record's thread (or the page after `cursor`), as `user` sees it.
    static func make(
        _ subject: RecordSubject, req: Request, cursor: ThreadCursor? = nil, limit: Int = 10, draft: String = "",
        errors: FormErrors = FormErrors()
    ) async throws -> ThreadPanel {
        let user = try req.requireUser()
        let l = req.localizer
        let threads = req.threads
        let found = try await threads.comments(on: subject, by: user, after: cursor, limit: limit + 1)
        let page = Array(found.prefix(limit))
        let attachments = try await threads.attachments(of: page)
        var names: [User.ID: String] = [:]
        for id in Set(page.map(\.authorId)) { names[id] = try await req.stores.users.find(id: id)?.displayName }
        let type = PathParameter(value: subject.kind.rawValue)
        let id = PathParameter(value: subject.id.uuidString.lowercased())
        let threadPath = SiteRoute.thread(type, id).path
        let rows = page.map { c -> Row in
            let author = names[c.authorId] ?? "?"
            return Row(
                id: c.id.description, anchor: "comment-\(c.id)", author: author, initials: initials(author),
                when: l.format(dateTime: c.createdAt), whenISO: ISO8601DateFormatter().string(from: c.createdAt),
                html: c.html, edited: c.editedAt.map { l.t("thread.edited", ["when": .text(l.format(dateTime: $0))]) },
                editHref: c.authorId == user.id ? SiteRoute.commentEdit(PathParameter(c.id)).path : nil,
                replyTo: c.replyTo.map { "#comment-\($0)" },
                attachments: (attachments[c.id] ?? []).map {
                    Attachment(
                        name: $0.name, size: size($0.size), href: SiteRoute.attachment(PathParameter($0.id)).path)
                })
        }
        let older =
            found.count > limit
            ? page.last.map { cursorQuery(ThreadCursor(at: $0.createdAt, id: $0.id.rawValue)) } : nil
        return ThreadPanel(
            rows: rows, count: try await req.stores.threads.comments.count(on: subject),
            olderHref: older.map { threadPath + "?cursor=" + $0 }, newerHref: cursor == nil ? nil : threadPath,
            postAction: SiteRoute.threadComments(type, id).path, followAction: SiteRoute.threadFollow(type, id).path,
            following: try await threads.isFollowing(subject, by: user),
            mentionsHref: SiteRoute.threadMentions(type, id).path, timelineHref: SiteRoute.timeline(type, id).path,
            threadHref: threadPath, maxAttachment: "1.5 MB", draft: draft, errors: errors)
    }

    /// The panel for a record page; nil when the thread cannot be read (never breaks the page).
    static func forPage(_ subject: RecordSubject, req: Request) async -> ThreadPanel? {
        try? await make(subject, req: req)
    }

    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").prefix(2).compactMap(\.first)).uppercased()
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024
            ? "\(bytes) B"
            : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func cursorQuery(_ cursor: ThreadCursor) -> String {
        ListRequest<ThreadCursor>.encodeCursor(cursor) ?? ""
    }

    static func decodeCursor(_ req: Request) -> ThreadCursor? {
        guard let raw = req.query[String.self, at: "cursor"], !raw.isEmpty else { return nil }
        return ListRequest<ThreadCursor>.decodeCursor(raw)
    }
}
