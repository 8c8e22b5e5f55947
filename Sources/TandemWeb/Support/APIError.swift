import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `{"error": {"code", "message", "field", "fields": [{"field", "code", "message"}]}}` (docs/api.md):
/// codes are stable snake_case, messages follow the caller's language, `fields` lists every
/// invalid field at once and `field` is the first of them (null when the error is not about a field).
struct APIErrorBody: Content {
    struct FieldProblem: Codable, Equatable, Sendable {
        var field: String
        var code: String
        var message: String
    }
    struct Detail: Codable {
        var code: String
        var message: String
        /// Always present, null when no field is at fault, as the OpenAPI document says.
        @NullWhenAbsent var field: String?
        var fields: [FieldProblem]
    }
    var error: Detail
}

/// One invalid input field: its path (`roles`, `lines.2.amount`), a stable snake_case code and the
/// catalog message, translated when the error is described.
struct FieldError: Error, Sendable, Equatable {
    var field: String
    var code: String
    var key: String
    var arguments: [String: String] = [:]
    /// The message already written out, for a message that takes more than `key` and `arguments`
    /// (a planning input error's, by `PlanningText`); used instead of `key` when set.
    var text: String?

    /// The field error a domain validation error stands for; its code is the last part of the
    /// catalog key (`error.password.too_short` → `too_short`).
    init?(_ error: DomainError, field fallbackField: String? = nil) {
        switch error {
        case .invalidInput(let field, let key, let arguments, _), .conflict(let field, let key, let arguments, _):
            guard let field = field ?? fallbackField else { return nil }
            let code = String(key.split(separator: ".").last ?? "invalid")
            self.init(field: field, code: code, key: key, arguments: arguments)
        default: return nil
        }
    }

    init(field: String, code: String, key: String, arguments: [String: String] = [:], text: String? = nil) {
        self.field = field
        self.code = code
        self.key = key
        self.arguments = arguments
        self.text = text
    }

    func message(_ l: Localizer) -> String { text ?? l.t(key, arguments) }
}

enum APIError: Error {
    enum UnauthorizedReason { case missing, invalidToken }
    case unauthorized(reason: UnauthorizedReason)
    case notFound(what: String)
    case badRequest(code: String, messageKey: String, field: String?)
    /// The body is not JSON at all (400 `invalid_json`).
    case invalidJSON
    /// The body is JSON but names no object where one is expected (422 `invalid`, no field).
    case bodyNotAnObject
    /// One or more fields are invalid (422 `invalid`), all listed at once.
    case invalidFields([FieldError])
}

/// Maps every error to a status, a stable code and a localised message.
struct ErrorDescription {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    var field: String?
    var fields: [APIErrorBody.FieldProblem] = []

    init(
        status: HTTPResponseStatus, code: String, message: String, field: String?,
        fields: [APIErrorBody.FieldProblem] = []
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.fields = fields
    }

    /// A 422 listing `problems`; `field` is the first, the message that field's (or a summary).
    static func invalid(_ problems: [FieldError], in l: Localizer) -> ErrorDescription {
        let fields = problems.map { APIErrorBody.FieldProblem(field: $0.field, code: $0.code, message: $0.message(l)) }
        let message =
            fields.count == 1
            ? fields[0].message
            : l.t("error.api.fields_invalid", ["fields": fields.map(\.field).joined(separator: ", ")])
        return .init(
            status: .unprocessableEntity, code: "invalid", message: message, field: fields.first?.field, fields: fields)
    }

    static func describe(_ error: any Error, in request: Request) -> ErrorDescription {
        let l = request.localizer
        switch error {
        case let error as APIError:
            return describe(error, in: l)
        case let error as FieldError:
            return invalid([error], in: l)
        case is SignInRequired:
            return .init(
                status: .unauthorized, code: "unauthenticated", message: l.t("error.api.unauthenticated"), field: nil)
        case is NotPermitted:
            return .init(status: .forbidden, code: "forbidden", message: l.t("error.forbidden"), field: nil)
        case is CSRFRejected:
            return .init(status: .forbidden, code: "csrf", message: l.t("error.csrf"), field: nil)
        case let error as QuoteFileTooLarge:
            let megabytes = "\(error.limit / (1024 * 1024)) MB"
            return .init(
                status: .payloadTooLarge, code: "payload_too_large",
                message: l.t("error.quote.file_too_large", ["name": error.name, "max": megabytes]), field: "file")
        case let error as AttachmentTooLarge:  // threads (issue #15)
            return .init(
                status: .payloadTooLarge, code: "payload_too_large",
                message: l.t("thread.error.file_too_large", ["name": error.name, "max": error.limitText]), field: "file"
            )
        case let error as CodedAPIError:
            return error.describe(in: l)
        case let error as DomainError:
            return describe(error, in: l)
        case let error as ValidationErrors:
            return describe(error, in: l)
        case let error as DecodingError:
            return describe(DecodingProblem(error), in: l)
        case let abort as any AbortError:
            let code: String
            switch abort.status {
            case .notFound: code = "not_found"
            case .methodNotAllowed: code = "method_not_allowed"
            case .payloadTooLarge: code = "payload_too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            case .tooManyRequests: code = "rate_limited"
            default: code = abort.status.code < 500 ? "bad_request" : "internal"
            }
            let isAPI = APIRoute.isAPI(path: request.url.path)
            let message: String
            switch abort.status {
            case .notFound: message = l.t("error.page_not_found")
            case .unsupportedMediaType where isAPI: message = l.t("error.api.unsupported_media_type")
            case .payloadTooLarge where isAPI: message = l.t("error.api.payload_too_large")
            default: message = abort.reason
            }
            return .init(status: abort.status, code: code, message: message, field: nil)
        default:
            return .init(
                status: .internalServerError, code: "internal", message: l.t("error.internal", ["id": request.id]),
                field: nil)
        }
    }

    static func describe(_ error: APIError, in l: Localizer) -> ErrorDescription {
        switch error {
        case .unauthorized(let reason):
            return .init(
                status: .unauthorized, code: reason == .missing ? "unauthenticated" : "invalid_token",
                message: l.t(reason == .missing ? "error.api.unauthenticated" : "error.api.invalid_token"),
                field: nil)
        case .notFound(let what):
            return .init(
                status: .notFound, code: "not_found", message: l.t("error.not_found", ["what": what]), field: nil)
        case .badRequest(let code, let key, let field):
            let message = l.t(key)
            return .init(
                status: .badRequest, code: code, message: message, field: field,
                fields: field.map { [.init(field: $0, code: code, message: message)] } ?? [])
        case .invalidJSON:
            return .init(status: .badRequest, code: "invalid_json", message: l.t("error.api.invalid_json"), field: nil)
        case .bodyNotAnObject:
            return .init(
                status: .unprocessableEntity, code: "invalid", message: l.t("error.api.body_not_object"), field: nil)
        case .invalidFields(let problems):
            return invalid(problems, in: l)
        }
    }

    static func describe(_ error: DomainError, in l: Localizer) -> ErrorDescription {
        let message = error.localized { key, arguments in l.t(key, arguments) }
        switch error {
        case .invalidInput:
            if let problem = FieldError(error) { return invalid([problem], in: l) }
            return .init(status: .unprocessableEntity, code: "invalid", message: message, field: nil)
        case .notFound:
            return .init(status: .notFound, code: "not_found", message: message, field: nil)
        case .conflict:
            let fields = FieldError(error).map {
                [APIErrorBody.FieldProblem(field: $0.field, code: $0.code, message: message)]
            }
            return .init(
                status: .conflict, code: "conflict", message: message, field: error.field, fields: fields ?? [])
        case .forbidden:
            return .init(status: .forbidden, code: "forbidden", message: message, field: nil)
        case .currencyMismatch:
            return .init(status: .unprocessableEntity, code: "currency_mismatch", message: message, field: nil)
        }
    }

    /// Every invalid field at once; errors that name no field go first, as the summary.
    static func describe(_ errors: ValidationErrors, in l: Localizer) -> ErrorDescription {
        let problems = errors.errors.compactMap { FieldError($0) }
        guard problems.count == errors.errors.count else {
            return describe(errors.errors.first { $0.field == nil } ?? errors.errors[0], in: l)
        }
        return invalid(problems, in: l)
    }

    static func describe(_ problem: DecodingProblem, in l: Localizer) -> ErrorDescription {
        switch problem {
        case .notJSON: return describe(APIError.invalidJSON, in: l)
        case .notAnObject: return describe(APIError.bodyNotAnObject, in: l)
        case .field(let error): return invalid([error], in: l)
        }
    }
}

/// What a `DecodingError` means for the caller, without the decoder's internals (type names,
/// coding paths, parser offsets): the body is not JSON, or a named field is missing, null, of
/// the wrong type or unreadable.
enum DecodingProblem: Equatable {
    case notJSON
    case notAnObject
    case field(FieldError)

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .field(
                .init(field: Self.path(context.codingPath + [key]), code: "required", key: "error.api.field.required"))
        case .valueNotFound(_, let context):
            let path = Self.path(context.codingPath)
            self =
                path.isEmpty
                ? .notAnObject : .field(.init(field: path, code: "required", key: "error.api.field.required"))
        case .typeMismatch(let type, let context):
            let path = Self.path(context.codingPath)
            let expected = Self.jsonType(type)
            self =
                path.isEmpty
                ? .notAnObject
                : .field(
                    .init(
                        field: path, code: "wrong_type", key: "error.api.field.wrong_type.\(expected)"))
        case .dataCorrupted(let context):
            let path = Self.path(context.codingPath)
            self = path.isEmpty ? .notJSON : .field(.init(field: path, code: "invalid", key: "error.api.field.invalid"))
        @unknown default:
            self = .notJSON
        }
    }

    /// `lines.2.amount`: keys by name, array positions by index.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// The JSON type a Swift type is read from: string, number, boolean, array or object.
    static func jsonType(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch type {
        case is String.Type, is Substring.Type, is Character.Type: return "string"
        case is Bool.Type: return "boolean"
        case is any BinaryInteger.Type, is any BinaryFloatingPoint.Type, is Decimal.Type: return "number"
        default:
            if name.hasPrefix("Array") || name.hasPrefix("Set") || name.hasPrefix("[") && !name.contains(":") {
                return "array"
            }
            if name.hasPrefix("Dictionary") || name.hasPrefix("[") { return "object" }
            return "value"
        }
    }
}

/// Turns errors into JSON for the API and into a page for browsers. Never leaks internals:
/// a 500 shows the request ID to quote to an admin, and the error is logged with it.
struct TandemErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let isAPI = APIRoute.isAPI(path: request.url.path)
            if !isAPI, error is SignInRequired {
                return request.redirect(to: SiteRoute.login.path)
            }
            if !isAPI, request.storage[OrganisationKey.self] == nil {
                // No route matched, so no page middleware ran: still show the error page
                // signed in and in the user's language.
                _ = try? await request.authenticateFromSessionCookie()
                if let organisation = try? await request.organisation() {
                    request.refreshLocalizer(organisation: organisation)
                }
            }
            let described = ErrorDescription.describe(error, in: request)
            if described.status.code >= 500 {
                request.logger.report(error: error)
            } else {
                request.logger.info(
                    "request refused", metadata: ["status": "\(described.status.code)", "code": "\(described.code)"])
            }
            let response: Response
            if isAPI {
                response = Response(status: described.status)
                try response.content.encode(
                    APIErrorBody(
                        error: .init(
                            code: described.code, message: described.message, field: described.field,
                            fields: described.fields)))
            } else {
                response = try await ErrorPage.render(described, for: request)
            }
            response.headers.replaceOrAdd(name: .contentLanguage, value: request.localizer.languageTag)
            if described.status == .unauthorized, isAPI {
                response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"tandem\"")
            }
            return response
        }
    }
}
