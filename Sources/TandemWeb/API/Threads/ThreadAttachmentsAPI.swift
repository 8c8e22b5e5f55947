import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `POST /api/v1/comments/{id}/attachments` (multipart, one `file` part, at most 1.5 MB: 413
/// naming the limit) and `GET /api/v1/attachments/{id}` (the file).
enum ThreadAttachmentsAPI {
    static func register(_ api: any RoutesBuilder) {
        // Room above the limit, so that a file just too big is told the limit instead of cut off.
        let body = ByteCount(value: CommentAttachment.maximumSize * 3)
        api.on(.POST, APIRoute.commentAttachments(":id").pathComponents, body: .collect(maxSize: body)) { req in
            try await upload(req: req)
        }
        api.on(.GET, APIRoute.attachment(":id"), use: download)
    }

    static func upload(req: Request) async throws -> Response {
        let id: Comment.ID = try req.apiID()
        let parts = try QuoteFilesAPI.parts(req)
        guard let file = parts.first else {
            throw APIError.invalidFields([
                FieldError(field: "file", code: "required", key: "thread.error.file_empty", arguments: [:])
            ])
        }
        let attachment = try await req.threads.attach(
            to: id, name: file.name, contentType: contentType(of: file.name), data: file.data,
            files: DataDirectoryFiles(req), by: try req.requireUser())
        let response = try await AttachmentBody(attachment).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.attachment(PathParameter(attachment.id)).path)
        return response
    }

    @Sendable static func download(req: Request) async throws -> Response {
        try await file(req, id: try req.apiID())
    }

    /// The file, as a download (never shown inline: it could be HTML).
    static func file(_ req: Request, id: CommentAttachment.ID) async throws -> Response {
        let (attachment, data) = try await req.threads.download(
            id, files: DataDirectoryFiles(req), by: try req.requireUser())
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(attachment.name)\"")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "txt": return "text/plain"
        case "csv": return "text/csv"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: return "application/octet-stream"
        }
    }
}

/// `GET|PUT /api/v1/notification-preferences` and `GET /api/v1/notifications/digest`.
enum NotificationPreferencesAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.notificationPreferences, use: list)
        api.on(.PUT, APIRoute.notificationPreferences, use: save)
        api.on(.GET, APIRoute.notificationsDigest, use: digest)
    }

    struct PreferenceBody: Content {
        var kind: String
        var inApp: Bool
        var digest: Bool
    }

    struct PreferencesBody: Content { var items: [PreferenceBody] }

    @Sendable static func list(req: Request) async throws -> PreferencesBody {
        let user = try req.requireUser()
        return PreferencesBody(
            items: try await NotificationPreferences(req.appEnvironment).preferences(of: user).map {
                PreferenceBody(kind: $0.kind.rawValue, inApp: $0.inApp, digest: $0.digest)
            })
    }

    @Sendable static func save(req: Request) async throws -> PreferencesBody {
        let user = try req.requireUser()
        let input = try req.decodeJSON(PreferencesBody.self)
        try await NotificationPreferences(req.appEnvironment).save(
            input.items.map {
                NotificationPreference(kind: .init(rawValue: $0.kind), inApp: $0.inApp, digest: $0.digest)
            },
            for: user.id, by: user)
        return try await list(req: req)
    }

    @Sendable static func digest(req: Request) async throws -> ListEnvelope<NotificationsAPI.NotificationBody> {
        let user = try req.requireUser()
        let found = try await NotificationPreferences(req.appEnvironment).digest(for: user)
        let names = try await NotificationViews.actorNames(found, req)
        return ListEnvelope(
            items: found.map { .init($0, actorName: $0.actorId.flatMap { names[$0] }, req) }, nextCursor: nil)
    }
}
