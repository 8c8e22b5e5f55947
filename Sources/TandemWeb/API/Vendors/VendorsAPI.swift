import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/api/v1/vendors`, `/api/v1/vendors/{id}/absences`, `/api/v1/bookings`,
/// `/api/v1/tentative-holds`: the shapes are in Resources/OpenAPI/openapi.yaml. Sales has no
/// access to any of them (403), so vendor names, rates and quality never reach it.
enum VendorsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.vendors, use: list)
        api.on(.POST, APIRoute.vendors, use: create)
        api.on(.GET, APIRoute.vendor(":id"), use: show)
        api.on(.PATCH, APIRoute.vendor(":id"), use: patch)
        api.on(.POST, APIRoute.vendorDeactivate(":id"), use: deactivate)
        api.on(.GET, APIRoute.vendorAbsences(":id"), use: absences)
        api.on(.POST, APIRoute.vendorAbsences(":id"), use: addAbsence)
        api.on(.DELETE, APIRoute.vendorAbsence(":id", ":absenceId"), use: removeAbsence)
        api.on(.GET, APIRoute.bookings, use: bookings)
        api.on(.POST, APIRoute.bookings, use: addBooking)
        api.on(.GET, APIRoute.tentativeHolds, use: holds)
        api.on(.POST, APIRoute.tentativeHolds, use: addHold)
    }

    /// Vendors by name (any case), then id.
    struct VendorKey: Codable, Comparable {
        var name: String
        var id: String
        init(_ vendor: VendorProfile) {
            name = vendor.name.lowercased()
            id = vendor.id.description
        }
        static func < (a: Self, b: Self) -> Bool { (a.name, a.id) < (b.name, b.id) }
    }

    /// Calendar entries by start, then id.
    struct EntryKey: Codable, Comparable {
        var from: Date
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.from, a.id) < (b.from, b.id) }
    }

    /// `?source=&target=&service=&status=&domain=&q=` filter; `?limit=&cursor=` page.
    @Sendable static func list(req: Request) async throws -> ListEnvelope<VendorBody> {
        try req.authorize(.viewVendors)
        var problems: [FieldError] = []
        let paging = ListRequest<VendorKey>(req, problems: &problems)
        let filter = VendorQuery.filter(req, problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let page = paging.page(try await req.stores.vendors.list(filter), by: VendorKey.init)
        return ListEnvelope(items: page.elements.map { VendorBody($0) }, nextCursor: page.nextCursor)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let body = try req.decodeJSON(CreateVendorBody.self)
        let created = try await VendorDirectory(req.appEnvironment).create(body.input)
        let response = try await VendorBody(created.profile, capabilities: created.capabilities, rates: created.rates)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.vendor(PathParameter(created.profile.id)).path)
        return response
    }

    @Sendable static func show(req: Request) async throws -> VendorBody {
        try req.authorize(.viewVendors)
        let details = try await VendorDirectory(req.appEnvironment).details(try vendorID(req))
        return VendorBody(details.profile, capabilities: details.capabilities, rates: details.rates)
    }

    @Sendable static func patch(req: Request) async throws -> VendorBody {
        try req.authorize(.manageVendors)
        let id = try vendorID(req)
        let body = try req.decodeJSON(PatchVendorBody.self)
        let directory = VendorDirectory(req.appEnvironment)
        _ = try await directory.update(id, body.edit, expectedVersion: body.version)
        let details = try await directory.details(id)
        return VendorBody(details.profile, capabilities: details.capabilities, rates: details.rates)
    }

    @Sendable static func deactivate(req: Request) async throws -> VendorBody {
        try req.authorize(.manageVendors)
        return VendorBody(try await VendorDirectory(req.appEnvironment).deactivate(try vendorID(req)))
    }

    @Sendable static func absences(req: Request) async throws -> ListEnvelope<CalendarEntryBody> {
        try req.authorize(.viewVendors)
        let id = try vendorID(req)
        let paging = try ListRequest<EntryKey>(req)
        guard try await req.stores.vendors.find(id: id) != nil else { throw VendorProfile.notFound }
        let page = paging.page(
            try await req.stores.vendorSchedule.absences(of: id, overlapping: nil),
            by: { EntryKey(from: $0.from, id: $0.id.description) })
        return ListEnvelope(items: page.elements.map(CalendarEntryBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func addAbsence(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let id = try vendorID(req)
        let body = try req.decodeJSON(NewCalendarEntryBody.self)
        let absence = try await VendorScheduling(req.appEnvironment).addAbsence(
            to: id, try span(body), reason: body.reason)
        let response = try await CalendarEntryBody(absence).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: APIRoute.vendorAbsence(PathParameter(id), PathParameter(absence.id)).path)
        return response
    }

    @Sendable static func removeAbsence(req: Request) async throws -> HTTPStatus {
        try req.authorize(.manageVendors)
        let id = try vendorID(req)
        guard let raw = req.parameters.get("absenceId"), let absence = VendorAbsence.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "absenceId")
        }
        try await VendorScheduling(req.appEnvironment).removeAbsence(absence, of: id)
        return .noContent
    }

    /// `?vendorId=` (else every vendor), `?from=&to=` (entries overlapping that span).
    @Sendable static func bookings(req: Request) async throws -> ListEnvelope<CalendarEntryBody> {
        try req.authorize(.viewVendors)
        let (vendor, window, paging) = try calendarQuery(req)
        let page = paging.page(
            try await req.stores.vendorSchedule.bookings(of: vendor, overlapping: window),
            by: { EntryKey(from: $0.from, id: $0.id.description) })
        return ListEnvelope(items: page.elements.map(CalendarEntryBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func addBooking(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let body = try req.decodeJSON(NewCalendarEntryBody.self)
        let booking = try await VendorScheduling(req.appEnvironment).addBooking(
            vendorID: try bodyVendorID(body), try span(body), minutes: body.minutes, jobReference: body.jobId)
        return try await CalendarEntryBody(booking).encodeResponse(status: .created, for: req)
    }

    @Sendable static func holds(req: Request) async throws -> ListEnvelope<CalendarEntryBody> {
        try req.authorize(.viewVendors)
        let (vendor, window, paging) = try calendarQuery(req)
        let page = paging.page(
            try await req.stores.vendorSchedule.holds(of: vendor, overlapping: window),
            by: { EntryKey(from: $0.from, id: $0.id.description) })
        return ListEnvelope(items: page.elements.map(CalendarEntryBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func addHold(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let body = try req.decodeJSON(NewCalendarEntryBody.self)
        let hold = try await VendorScheduling(req.appEnvironment).addHold(
            vendorID: try bodyVendorID(body), try span(body), minutes: body.minutes,
            probability: body.probability?.text, quoteReference: body.quoteId)
        return try await CalendarEntryBody(hold).encodeResponse(status: .created, for: req)
    }

    // MARK: Reading requests

    static func vendorID(_ req: Request) throws -> VendorProfile.ID {
        guard let raw = req.parameters.get("id"), let id = VendorProfile.ID(uuidString: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "error.api.bad_id", field: "id")
        }
        return id
    }

    /// The instants of a body; unreadable ones are 422s naming `from` / `to`.
    static func span(_ body: NewCalendarEntryBody) throws -> VendorScheduling.Span {
        var problems: [FieldError] = []
        let from = APIInstant.parse(body.from)
        let to = APIInstant.parse(body.to)
        if from == nil { problems.append(instantProblem("from", body.from)) }
        if to == nil { problems.append(instantProblem("to", body.to)) }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        return VendorScheduling.Span(from: from, to: to)
    }

    static func bodyVendorID(_ body: NewCalendarEntryBody) throws -> VendorProfile.ID? {
        guard let raw = body.vendorId else { return nil }
        guard let id = VendorProfile.ID(uuidString: raw) else {
            throw APIError.invalidFields([
                FieldError(field: "vendorId", code: "invalid", key: "error.vendor.unknown", arguments: ["value": raw])
            ])
        }
        return id
    }

    static func instantProblem(_ field: String, _ value: String) -> FieldError {
        FieldError(field: field, code: "invalid", key: "error.api.instant", arguments: ["value": value])
    }

    static func calendarQuery(_ req: Request) throws -> (VendorProfile.ID?, DateInterval?, ListRequest<EntryKey>) {
        var problems: [FieldError] = []
        let paging = ListRequest<EntryKey>(req, problems: &problems)
        var vendor: VendorProfile.ID?
        if let raw = req.query[String.self, at: "vendorId"] {
            vendor = VendorProfile.ID(uuidString: raw)
            if vendor == nil {
                problems.append(
                    FieldError(
                        field: "vendorId", code: "invalid", key: "error.vendor.unknown", arguments: ["value": raw]))
            }
        }
        var bounds: [Date] = []
        for name in ["from", "to"] {
            guard let raw = req.query[String.self, at: name] else { continue }
            if let date = APIInstant.parse(raw) {
                bounds.append(date)
            } else {
                problems.append(instantProblem(name, raw))
            }
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let from = req.query[String.self, at: "from"].flatMap(APIInstant.parse) ?? .distantPast
        let to = req.query[String.self, at: "to"].flatMap(APIInstant.parse) ?? .distantFuture
        let window = bounds.isEmpty || to <= from ? nil : DateInterval(start: from, end: to)
        return (vendor, window, paging)
    }
}

/// The list filters shared by the API and the vendor list page.
enum VendorQuery {
    static func filter(_ req: Request, problems: inout [FieldError]) -> VendorFilter {
        var filter = VendorFilter()
        for (name, apply) in [
            ("source", { (f: inout VendorFilter, t: LanguageTag) in f.source = t }),
            ("target", { (f: inout VendorFilter, t: LanguageTag) in f.target = t }),
        ] {
            guard let raw = req.query[String.self, at: name], !raw.isEmpty else { continue }
            if let tag = try? LanguageTag(raw) {
                apply(&filter, tag)
            } else {
                problems.append(
                    FieldError(
                        field: name, code: "invalid", key: "error.language_tag.invalid", arguments: ["value": raw]))
            }
        }
        if let raw = req.query[String.self, at: "service"], !raw.isEmpty {
            if let service = try? LinguisticService(parsing: raw, field: "service") {
                filter.service = service
            } else {
                problems.append(
                    FieldError(
                        field: "service", code: "invalid", key: "error.vendor.service", arguments: ["value": raw]))
            }
        }
        if let raw = req.query[String.self, at: "status"], !raw.isEmpty {
            if let status = VendorStatus(rawValue: raw) {
                filter.status = status
            } else {
                let allowed = VendorStatus.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(
                    FieldError(
                        field: "status", code: "unknown", key: "error.vendor.choice",
                        arguments: ["value": raw, "allowed": allowed]))
            }
        }
        if let raw = req.query[String.self, at: "domain"], !raw.isEmpty { filter.domain = raw }
        if let raw = req.query[String.self, at: "q"], !raw.isEmpty { filter.text = raw }
        return filter
    }
}
