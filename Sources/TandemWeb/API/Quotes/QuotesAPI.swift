import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/quotes`: list, create, read; submit, review, send, accept, lose; versions and their
/// differences; manual lines, options and delivery dates (docs/quotes.md). Files and analyses
/// are in `QuoteFilesAPI`; the PDF is `PDFQuoteRoutes`'.
enum QuotesAPI {
    /// Newest first: created at, then number.
    struct Key: Codable, Comparable {
        var createdAt: String
        var number: String
        init(_ q: Quote) {
            createdAt = Instant(q.createdAt).iso8601
            number = q.number
        }
        static func < (a: Self, b: Self) -> Bool { (a.createdAt, a.number) < (b.createdAt, b.number) }
    }

    static func register(_ api: any RoutesBuilder, maxUpload: Int) {
        api.on(.GET, APIRoute.quotes, use: list)
        api.on(.POST, APIRoute.quotes, use: create)
        api.on(.GET, APIRoute.quote(":id"), use: show)
        api.on(.POST, APIRoute.quoteSubmit(":id"), use: submit)
        api.on(.POST, APIRoute.quoteReview(":id"), use: review)
        api.on(.POST, APIRoute.quoteSend(":id"), use: send)
        api.on(.POST, APIRoute.quoteAccept(":id"), use: accept)
        api.on(.POST, APIRoute.quoteLose(":id"), use: lose)
        api.on(.GET, APIRoute.quoteVersions(":id"), use: versions)
        api.on(.GET, APIRoute.quoteDiff(":id"), use: diff)
        api.on(.POST, APIRoute.quoteLines(":id"), use: addLine)
        api.on(.DELETE, APIRoute.quoteLine(":id", ":lineId"), use: removeLine)
        api.on(.POST, APIRoute.quoteOptions(":id"), use: addOption)
        api.on(.PUT, APIRoute.quoteDeliveries(":id"), use: deliveries)
        api.on(.GET, APIRoute.quoteReviewSettings, use: reviewSettings)
        api.on(.PUT, APIRoute.quoteReviewSettings, use: saveReviewSettings)
        QuoteFilesAPI.register(api, maxUpload: maxUpload)
    }

    static func management(_ req: Request) -> QuoteManagement {
        QuoteManagement(req.appEnvironment, capacity: req.application.capacity)
    }

    static func sheet(_ req: Request, _ id: Quote.ID) async throws -> QuoteBody {
        let user = try req.requireUser()
        let sheet = try await QuoteSheet.load(
            id, for: user, env: req.appEnvironment, capacity: req.application.capacity)
        return QuoteBody(sheet, showVendors: Policy.permits(user, .viewVendors), localizer: req.localizer)
    }

    /// Filters: `status`, `accountId`, `opportunityId`; `limit` and `cursor` page (docs/api.md).
    @Sendable static func list(req: Request) async throws -> ListEnvelope<QuoteSummaryBody> {
        try req.authorize(.viewQuotes)
        var problems: [FieldError] = []
        let paging = ListRequest<Key>(req, problems: &problems)
        var filter = QuoteFilter()
        if let raw = req.query[String.self, at: "status"] {
            if let status = QuoteStatus(rawValue: raw) {
                filter.statuses = [status]
            } else {
                problems.append(FieldError(field: "status", code: "unknown", key: "error.field.unknown"))
            }
        }
        for (name, apply) in [
            ("accountId", { (f: inout QuoteFilter, id: UUID) in f.accountID = .init(id) }),
            ("opportunityId", { (f: inout QuoteFilter, id: UUID) in f.opportunityID = .init(id) }),
        ] {
            guard let raw = req.query[String.self, at: name] else { continue }
            if let id = UUID(uuidString: raw) {
                apply(&filter, id)
            } else {
                problems.append(FieldError(field: name, code: "invalid", key: "error.field.unknown"))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let page = paging.page(try await req.stores.quoteStores.quotes.list(filter), by: Key.init, descending: true)
        return ListEnvelope(items: page.elements.map(QuoteSummaryBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let body = try req.decodeJSON(CreateQuoteBody.self)
        let (quote, _) = try await management(req).create(body.input, by: try req.requireUser())
        let response = try await QuoteStatusBody(quote).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.quote(quote.id).path)
        return response
    }

    @Sendable static func show(req: Request) async throws -> QuoteBody { try await sheet(req, try req.apiID()) }

    @Sendable static func submit(req: Request) async throws -> QuoteStatusBody {
        QuoteStatusBody(try await management(req).submit(try req.apiID(), by: try req.requireUser()))
    }

    struct ReviewBody: Decodable {
        var decision: String?
        var deadline: String?
        var reason: String?
        var priceChange: String?
        var priceChangeLabel: String?
    }

    @Sendable static func review(req: Request) async throws -> QuoteStatusBody {
        try req.authorize(.reviewQuote)
        let id: Quote.ID = try req.apiID()
        let body = try req.decodeJSON(ReviewBody.self)
        let decided = try await QuoteReview(req.appEnvironment, capacity: req.application.capacity).decide(
            id,
            .init(
                decision: body.decision ?? "", deadline: body.deadline, reason: body.reason,
                priceChange: body.priceChange, priceChangeLabel: body.priceChangeLabel),
            by: try req.requireUser())
        return QuoteStatusBody(decided)
    }

    @Sendable static func send(req: Request) async throws -> QuoteStatusBody {
        QuoteStatusBody(try await management(req).send(try req.apiID(), by: try req.requireUser()))
    }

    struct AcceptBody: Decodable {
        var clientReference: String?
        var acceptedAt: String?
        var optionId: String?
    }

    struct ProjectRef: Content { var projectId: String }

    /// 201 with the new project; 200 with the same project when the acceptance was recorded before.
    @Sendable static func accept(req: Request) async throws -> Response {
        let id: Quote.ID = try req.apiID()
        let body = try req.decodeJSON(AcceptBody.self)
        let outcome = try await QuoteHandOff(req.appEnvironment, capacity: req.application.capacity).accept(
            id, .init(clientReference: body.clientReference, acceptedAt: body.acceptedAt, optionID: body.optionId),
            by: try req.requireUser())
        let response = try await ProjectRef(projectId: outcome.project.id.description)
            .encodeResponse(status: outcome.created ? .created : .ok, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.project(outcome.project.id).path)
        return response
    }

    struct LoseBody: Decodable {
        var reason: String?
        var lostReasonId: String?
    }

    @Sendable static func lose(req: Request) async throws -> QuoteStatusBody {
        let id: Quote.ID = try req.apiID()
        let body = try req.decodeJSON(LoseBody.self)
        return QuoteStatusBody(
            try await management(req).lose(
                id, reason: body.reason ?? "", lostReasonID: body.lostReasonId, by: try req.requireUser()))
    }

    @Sendable static func versions(req: Request) async throws -> ListEnvelope<QuoteVersionBody> {
        try req.authorize(.viewQuotes)
        let id: Quote.ID = try req.apiID()
        guard try await req.stores.quoteStores.quotes.find(id: id) != nil else { throw DomainError.quoteNotFound }
        let versions = try await req.stores.quoteStores.quotes.versions(of: id)
        return ListEnvelope(items: versions.reversed().map(QuoteVersionBody.init), nextCursor: nil)
    }

    /// `?from=1&to=2` (defaults: the version before the current one, and the current one).
    @Sendable static func diff(req: Request) async throws -> QuoteDiffBody {
        try req.authorize(.viewQuotes)
        let id: Quote.ID = try req.apiID()
        guard let quote = try await req.stores.quoteStores.quotes.find(id: id) else { throw DomainError.quoteNotFound }
        let to = req.query[Int.self, at: "to"] ?? quote.currentVersion
        let from = req.query[Int.self, at: "from"] ?? max(1, to - 1)
        let store = req.stores.quoteStores.quotes
        var problems: [FieldError] = []
        let a = try await store.version(id, number: from)
        let b = try await store.version(id, number: to)
        if a == nil { problems.append(FieldError(field: "from", code: "unknown", key: "error.field.unknown")) }
        if b == nil { problems.append(FieldError(field: "to", code: "unknown", key: "error.field.unknown")) }
        guard let a, let b else { throw APIError.invalidFields(problems) }
        return QuoteDiffBody(QuoteVersionDiff(a, b))
    }

    struct LineBody: Decodable {
        var kind: String?
        var description: String?
        var targetLanguage: String?
        var unit: String?
        var quantity: String?
        var unitPrice: String?
        var optionId: String?
    }

    @Sendable static func addLine(req: Request) async throws -> QuoteBody {
        let id: Quote.ID = try req.apiID()
        let b = try req.decodeJSON(LineBody.self)
        _ = try await management(req).addLine(
            id,
            .init(
                kind: b.kind ?? "manual", description: b.description ?? "", targetLanguage: b.targetLanguage,
                unit: b.unit ?? "fixed", quantity: b.quantity ?? "1", unitPrice: b.unitPrice ?? "", optionID: b.optionId
            ),
            by: try req.requireUser())
        return try await sheet(req, id)
    }

    @Sendable static func removeLine(req: Request) async throws -> QuoteBody {
        let id: Quote.ID = try req.apiID()
        let line: QuoteLine.ID = try req.apiID("lineId")
        _ = try await management(req).removeLine(id, line: line, by: try req.requireUser())
        return try await sheet(req, id)
    }

    struct OptionBody: Decodable {
        var name: String?
        var services: [String]?
    }

    @Sendable static func addOption(req: Request) async throws -> QuoteBody {
        let id: Quote.ID = try req.apiID()
        let body = try req.decodeJSON(OptionBody.self)
        _ = try await management(req).addOption(
            id, name: body.name ?? "", services: body.services ?? [], by: try req.requireUser())
        return try await sheet(req, id)
    }

    struct DeliveriesBody: Decodable {
        var deadline: String?
        var targets: [String: String]?
    }

    @Sendable static func deliveries(req: Request) async throws -> QuoteBody {
        let id: Quote.ID = try req.apiID()
        let body = try req.decodeJSON(DeliveriesBody.self)
        _ = try await management(req).setDeliveries(
            id, deadline: body.deadline, perTarget: body.targets ?? [:], by: try req.requireUser())
        return try await sheet(req, id)
    }

    struct ReviewSettingsBody: Content {
        var newClient: Bool
        var newPair: Bool
        var highValue: Bool
        /// In the base currency, a decimal string.
        var valueThreshold: String?
        var incompleteBrief: Bool
    }

    @Sendable static func reviewSettings(req: Request) async throws -> ReviewSettingsBody {
        try req.authorize(.viewQuotes)
        let s = try await req.stores.quoteStores.reviewSettings.load()
        return ReviewSettingsBody(
            newClient: s.newClient, newPair: s.newPair, highValue: s.highValue,
            valueThreshold: s.valueThreshold?.canonicalString, incompleteBrief: s.incompleteBrief)
    }

    @Sendable static func saveReviewSettings(req: Request) async throws -> ReviewSettingsBody {
        try req.authorize(.manageReviewSettings)
        let body = try req.decodeJSON(ReviewSettingsBody.self)
        var threshold: Decimal?
        if let raw = body.valueThreshold, !raw.isEmpty {
            guard let value = Decimal(canonical: raw), value >= 0 else {
                throw APIError.invalidFields([
                    FieldError(
                        field: "valueThreshold", code: "invalid", key: "error.amount.invalid", arguments: ["value": raw]
                    )
                ])
            }
            threshold = value
        }
        if body.highValue && threshold == nil {
            throw APIError.invalidFields([
                FieldError(field: "valueThreshold", code: "required", key: "error.field.required")
            ])
        }
        try await req.stores.quoteStores.reviewSettings.save(
            QuoteReviewSettings(
                newClient: body.newClient, newPair: body.newPair, highValue: body.highValue, valueThreshold: threshold,
                incompleteBrief: body.incompleteBrief))
        return try await reviewSettings(req: req)
    }
}

struct QuoteDiffBody: Content {
    struct Delivery: Content {
        var targetLanguage: String
        @NullWhenAbsent var before: String?
        @NullWhenAbsent var after: String?
    }
    struct LineChange: Content {
        @NullWhenAbsent var before: QuoteLineBody?
        @NullWhenAbsent var after: QuoteLineBody?
    }
    var from: Int
    var to: Int
    var note: String
    var deliveries: [Delivery]
    var lines: [LineChange]
    var totalBefore: MoneyBody
    var totalAfter: MoneyBody

    init(_ d: QuoteVersionDiff) {
        from = d.from
        to = d.to
        note = d.note
        deliveries = d.deliveries.map {
            Delivery(
                targetLanguage: $0.target.description, before: $0.before.map { Instant($0).iso8601 },
                after: $0.after.map { Instant($0).iso8601 })
        }
        lines = d.lines.map {
            LineChange(before: $0.before.map(QuoteLineBody.init), after: $0.after.map(QuoteLineBody.init))
        }
        totalBefore = MoneyBody(d.totalBefore)
        totalAfter = MoneyBody(d.totalAfter)
    }
}
