import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The thread pages (docs/collaboration.md): a record's whole thread and its timeline, posting
/// (with an attachment), editing, following, and the names the composer completes after `@`.
enum ThreadPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.thread(":recordType", ":recordId"), use: thread)
        // Room above the attachment limit, so that a file just too big is told the limit.
        routes.on(
            .POST, SiteRoute.threadComments(":recordType", ":recordId").pathComponents,
            body: .collect(maxSize: ByteCount(value: CommentAttachment.maximumSize * 3)), use: post)
        routes.post(.threadFollow(":recordType", ":recordId"), use: follow)
        routes.get(.threadMentions(":recordType", ":recordId"), use: mentions)
        routes.get(.timeline(":recordType", ":recordId"), use: TimelinePages.timeline)
        routes.get(.commentEdit(":id"), use: editForm)
        routes.post(.commentEdit(":id"), use: edit)
        routes.get(.attachment(":id"), use: download)
        DigestPages.register(routes)
    }

    struct ThreadContext: Encodable {
        var shell: PageShell
        var title: String
        var recordHref: String?
        var thread: ThreadPanel
    }

    /// The whole thread, a page at a time (`?cursor=`).
    @Sendable static func thread(req: Request) async throws -> Response {
        try await renderThread(req, subject: try ThreadRuntime.subject(req))
    }

    static func renderThread(
        _ req: Request, subject: RecordSubject, draft: String = "", errors: FormErrors = FormErrors(),
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser()
        let record = try await ThreadRuntime.directory.visible(subject, to: user, in: req.stores)
        let panel = try await ThreadPanel.make(
            subject, req: req, cursor: ThreadPanel.decodeCursor(req), limit: 20, draft: draft, errors: errors)
        let context = ThreadContext(
            shell: try await req.shell(
                title: req.localizer.t("thread.page_title", ["record": .text(record.label)]), area: nil),
            title: record.label, recordHref: ThreadRuntime.directory.pagePath(subject), thread: panel)
        return try await req.renderPage("threads/thread", context, status: status)
    }

    struct PostForm: Content {
        var body: String?
        var replyTo: String?
        var file: File?
    }

    /// Posts a comment (and its attachment); back to the record's page at the new comment. On a
    /// problem the thread page shows it next to the field, with the text kept.
    @Sendable static func post(req: Request) async throws -> Response {
        let subject = try ThreadRuntime.subject(req)
        let user = try req.requireUser()
        let form = try req.content.decode(PostForm.self)
        let text = form.body ?? ""
        var errors = FormErrors()
        do {
            if let file = form.file, file.data.readableBytes > CommentAttachment.maximumSize {
                throw AttachmentTooLarge(name: file.filename, limit: CommentAttachment.maximumSize)
            }
            let posted = try await req.threads.post(
                on: subject, body: text, replyTo: form.replyTo.flatMap { Comment.ID(uuidString: $0) }, by: user)
            if let file = form.file, file.data.readableBytes > 0 {
                _ = try await req.threads.attach(
                    to: posted.comment.id, name: file.filename,
                    contentType: file.contentType?.description ?? ThreadAttachmentsAPI.contentType(of: file.filename),
                    data: Data(buffer: file.data), files: DataDirectoryFiles(req), by: user)
            }
            let back =
                ThreadRuntime.directory.pagePath(subject)
                ?? SiteRoute.thread(
                    PathParameter(value: subject.kind.rawValue),
                    PathParameter(value: subject.id.uuidString.lowercased())
                ).path
            let response = req.redirect(to: back + "#comment-\(posted.comment.id)")
            req.setFlash(response, "thread.posted")
            return response
        } catch let error as AttachmentTooLarge {
            errors.add("file", ErrorDescription.describe(error, in: req).message)
            return try await renderThread(req, subject: subject, draft: text, errors: errors, status: .payloadTooLarge)
        } catch let error as ValidationErrors {
            errors.add(error, in: req)
            return try await renderThread(
                req, subject: subject, draft: text, errors: errors, status: .unprocessableEntity)
        }
    }

    struct FollowForm: Content { var follow: String? }

    @Sendable static func follow(req: Request) async throws -> Response {
        let subject = try ThreadRuntime.subject(req)
        let user = try req.requireUser()
        let follow = (try req.content.decode(FollowForm.self).follow ?? "true") == "true"
        if follow {
            try await req.threads.follow(subject, by: user)
        } else {
            try await req.threads.unfollow(subject, by: user)
        }
        let response = req.redirect(
            to: (ThreadRuntime.directory.pagePath(subject) ?? SiteRoute.dashboard.path) + "#thread")
        req.setFlash(response, follow ? "thread.followed" : "thread.unfollowed")
        return response
    }

    struct Candidate: Content {
        var handle: String
        var name: String
    }

    /// `[{"handle", "name"}]` of people who may see the record, for the composer's completion.
    @Sendable static func mentions(req: Request) async throws -> [Candidate] {
        let subject = try ThreadRuntime.subject(req)
        let found = try await req.threads.mentionCandidates(
            on: subject, prefix: req.query[String.self, at: "q"] ?? "", by: try req.requireUser())
        return found.map { Candidate(handle: $0.handle, name: $0.user.displayName) }
    }

    struct EditContext: Encodable {
        var shell: PageShell
        var action: String
        var back: String
        var body: String
        var version: Int
        var history: [Revision]
        var errors: FormErrors
    }
    struct Revision: Encodable {
        var version: Int
        var body: String
        var replaced: String
    }
    struct EditForm: Content {
        var body: String?
        var version: Int?
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        try await renderEdit(req, id: try commentID(req))
    }

    static func renderEdit(
        _ req: Request, id: Comment.ID, body: String? = nil, errors: FormErrors = FormErrors(),
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser()
        let (comment, revisions) = try await req.threads.history(of: id, by: user)
        guard Policy.permits(user, .editComment(author: comment.authorId)) else { throw NotPermitted() }
        let l = req.localizer
        let context = EditContext(
            shell: try await req.shell(title: l.t("thread.edit_title"), area: nil),
            action: SiteRoute.commentEdit(PathParameter(id)).path, back: back(comment.subject, id),
            body: body ?? comment.body,
            version: comment.version,
            history: revisions.reversed().map {
                Revision(version: $0.version, body: $0.body, replaced: l.format(dateTime: $0.replacedAt))
            }, errors: errors)
        return try await req.renderPage("threads/edit", context, status: status)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let id = try commentID(req)
        let form = try req.content.decode(EditForm.self)
        do {
            let posted = try await req.threads.edit(
                id, body: form.body ?? "", version: form.version ?? 0, by: try req.requireUser())
            let response = req.redirect(to: back(posted.comment.subject, id))
            req.setFlash(response, "thread.saved")
            return response
        } catch let error as DomainError where error.field == "version" {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await renderEdit(req, id: id, body: form.body, errors: errors, status: .conflict)
        } catch let error as ValidationErrors {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await renderEdit(req, id: id, body: form.body, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable static func download(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("id"), let id = CommentAttachment.ID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        return try await ThreadAttachmentsAPI.file(req, id: id)
    }

    static func commentID(_ req: Request) throws -> Comment.ID {
        guard let raw = req.parameters.get("id"), let id = Comment.ID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    static func back(_ subject: RecordSubject, _ id: Comment.ID) -> String {
        (ThreadRuntime.directory.pagePath(subject)
            ?? SiteRoute.thread(
                PathParameter(value: subject.kind.rawValue), PathParameter(value: subject.id.uuidString.lowercased())
            ).path) + "#comment-\(id)"
    }
}
