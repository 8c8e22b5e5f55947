import Foundation
import TandemApp
import TandemDomain
import Vapor

/// What the quote page's forms do: upload files and TMs (the analysis runs in the background),
/// manual lines, options, deliveries, submit, send, accept, lose. Each calls one use case and
/// goes back to the quote page; a mistake shows the page again with the message by its field.
enum QuoteActions {
    /// The largest file a quote page accepts (the body limit of the upload route).
    static let maximumUpload = 50 * 1024 * 1024

    struct UploadForm: Content {
        var files: [File]?
        var tms: [File]?
    }
    struct LineForm: Content {
        var kind: String?
        var description: String?
        var targetLanguage: String?
        var unit: String?
        var quantity: String?
        var unitPrice: String?
        var optionId: String?
    }
    struct OptionForm: Content {
        var name: String?
        var services: [String]?
    }
    struct DeliveryForm: Content {
        var deadline: String?
    }
    struct AcceptForm: Content {
        var clientReference: String?
        var acceptedAt: String?
        var optionId: String?
    }
    struct LoseForm: Content {
        var reason: String?
    }
    struct Progress: Content {
        var status: String
        var progress: Double
        var error: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.on(
            .POST, SiteRoute.quoteFiles(":id").pathComponents, body: .collect(maxSize: ByteCount(value: maximumUpload)),
            use: upload)
        routes.post(.quoteLines(":id"), use: addLine)
        routes.post(.quoteLineRemove(":id", ":line"), use: removeLine)
        routes.post(.quoteOptions(":id"), use: addOption)
        routes.post(.quoteDeliveries(":id"), use: deliveries)
        routes.post(.quoteSubmit(":id"), use: submit)
        routes.post(.quoteSend(":id"), use: send)
        routes.post(.quoteAccept(":id"), use: accept)
        routes.post(.quoteLose(":id"), use: lose)
    }

    static func management(_ req: Request) -> QuoteManagement {
        QuoteManagement(req.appEnvironment, capacity: req.application.capacity)
    }

    /// Runs `action`; on success back to the quote page with `done`, on a user's mistake the
    /// page again with the message (422, or 413 for a file too large).
    static func perform(
        _ req: Request, done: String, query: String = "", _ action: @escaping (User, Quote.ID) async throws -> Void
    ) async throws -> Response {
        let user = try req.requireUser()
        let id = try QuoteViews.quoteID(req)
        do {
            try await action(user, id)
        } catch let tooLarge as QuoteFileTooLarge {
            var errors = FormErrors()
            errors.add(
                "file",
                req.localizer.t(
                    "quote.file.too_large", ["name": .text(tooLarge.name), "mb": .integer(tooLarge.limit / 1_048_576)]))
            return try await QuoteShowPage.render(req, errors: errors, status: .payloadTooLarge)
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await QuoteShowPage.render(req, errors: errors, status: .unprocessableEntity)
        }
        let response = req.redirect(to: SiteRoute.quote(PathParameter(id)).path + query)
        req.setFlash(response, done)
        return response
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let form = try req.content.decode(UploadForm.self)
        let uploads =
            (form.files ?? []).filter { $0.data.readableBytes > 0 }.map {
                QuoteManagement.Upload(role: .document, name: $0.filename, data: Data($0.data.readableBytesView))
            }
            + (form.tms ?? []).filter { $0.data.readableBytes > 0 }.map {
                QuoteManagement.Upload(role: .memory, name: $0.filename, data: Data($0.data.readableBytesView))
            }
        let id = try QuoteViews.quoteID(req)
        var analysisID = ""
        let response = try await perform(req, done: "quote.files.added") { user, id in
            let analysis = try await management(req).addFiles(
                id, uploads, files: DataDirectoryFiles(req), maximumSize: maximumUpload, by: user)
            analysisID = analysis.id.description
        }
        if response.status == .seeOther, !analysisID.isEmpty {
            response.headers.replaceOrAdd(
                name: .location, value: SiteRoute.quote(PathParameter(id)).path + "?analysis=\(analysisID)#files")
        }
        return response
    }

    @Sendable static func addLine(req: Request) async throws -> Response {
        let form = try req.content.decode(LineForm.self)
        return try await perform(req, done: "quote.line.added") { user, id in
            _ = try await management(req).addLine(
                id,
                .init(
                    kind: form.kind ?? "manual", description: form.description ?? "",
                    targetLanguage: (form.targetLanguage ?? "").isEmpty ? nil : form.targetLanguage,
                    unit: form.unit ?? "fixed", quantity: form.quantity ?? "", unitPrice: form.unitPrice ?? "",
                    optionID: (form.optionId ?? "").isEmpty ? nil : form.optionId), by: user)
        }
    }

    @Sendable static func removeLine(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("line"), let line = QuoteLine.ID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        return try await perform(req, done: "quote.line.removed") { user, id in
            _ = try await management(req).removeLine(id, line: line, by: user)
        }
    }

    @Sendable static func addOption(req: Request) async throws -> Response {
        let form = try req.content.decode(OptionForm.self)
        return try await perform(req, done: "quote.option.added") { user, id in
            _ = try await management(req).addOption(id, name: form.name ?? "", services: form.services ?? [], by: user)
        }
    }

    @Sendable static func deliveries(req: Request) async throws -> Response {
        let form = try req.content.decode(DeliveryForm.self)
        let l = req.localizer
        return try await perform(req, done: "quote.deliveries.changed") { user, id in
            _ = try await management(req).setDeliveries(
                id, deadline: QuoteViews.instant(form.deadline, l) ?? "", by: user)
        }
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        try await perform(req, done: "quote.submitted") { user, id in
            _ = try await management(req).submit(id, by: user)
        }
    }

    @Sendable static func send(req: Request) async throws -> Response {
        try await perform(req, done: "quote.sent") { user, id in _ = try await management(req).send(id, by: user) }
    }

    @Sendable static func accept(req: Request) async throws -> Response {
        let form = try req.content.decode(AcceptForm.self)
        let l = req.localizer
        var projectID: Project.ID?
        let response = try await perform(req, done: "quote.accepted") { user, id in
            var acceptedAt: String?
            if let day = form.acceptedAt, !day.isEmpty { acceptedAt = QuoteViews.instant(day + "T12:00", l) }
            projectID =
                try await QuoteHandOff(req.appEnvironment, capacity: req.application.capacity).accept(
                    id,
                    .init(
                        clientReference: form.clientReference, acceptedAt: acceptedAt,
                        optionID: (form.optionId ?? "").isEmpty ? nil : form.optionId), by: user
                ).project.id
        }
        if response.status == .seeOther, let projectID {
            response.headers.replaceOrAdd(name: .location, value: SiteRoute.project(PathParameter(projectID)).path)
        }
        return response
    }

    @Sendable static func lose(req: Request) async throws -> Response {
        let form = try req.content.decode(LoseForm.self)
        return try await perform(req, done: "quote.lost") { user, id in
            _ = try await management(req).lose(id, reason: form.reason ?? "", by: user)
        }
    }

    /// The progress bar's source: `{"status", "progress", "error"}` like `GET /api/v1/analyses/{id}`,
    /// for the signed-in page (the API takes tokens only).
    @Sendable static func progress(req: Request) async throws -> Progress {
        try req.authorize(.viewQuotes)
        guard let raw = req.parameters.get("id"), let id = QuoteAnalysis.ID(uuidString: raw),
            let analysis = try await req.stores.quoteStores.analyses.find(id: id)
        else { throw Abort(.notFound) }
        return Progress(status: analysis.status.rawValue, progress: analysis.progress, error: analysis.error)
    }
}
