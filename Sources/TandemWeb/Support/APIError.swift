import Foundation
import TandemDomain
import Vapor

/// `{"error": {"code": ..., "message": ..., "field": ...}}` — codes are stable, messages follow
/// the caller's language.
struct APIErrorBody: Content {
    struct Detail: Codable {
        var code: String
        var message: String
        var field: String?
        enum CodingKeys: String, CodingKey { case code, message, field }
        // `field` is always present (null when no field is at fault), as the OpenAPI document says.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)
        }
    }
    var error: Detail
}

enum APIError: Error {
    enum UnauthorizedReason { case missing, invalidToken }
    case unauthorized(reason: UnauthorizedReason)
    case notFound(what: String)
    case badRequest(code: String, messageKey: String, field: String?, arguments: [String: String] = [:])
}

/// Maps every error to a status, a stable code and a localised message.
struct ErrorDescription {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    var field: String?

    static func describe(_ error: any Error, in request: Request) -> ErrorDescription {
        let l = request.localizer
        switch error {
        case let error as APIError:
            switch error {
            case .unauthorized(let reason):
                return .init(
                    status: .unauthorized, code: reason == .missing ? "unauthenticated" : "invalid_token",
                    message: l.t(reason == .missing ? "error.api.unauthenticated" : "error.api.invalid_token"),
                    field: nil)
            case .notFound(let what):
                return .init(
                    status: .notFound, code: "not_found", message: l.t("error.not_found", ["what": what]), field: nil)
            case .badRequest(let code, let key, let field, let arguments):
                return .init(status: .badRequest, code: code, message: l.t(key, arguments), field: field)
            }
        case is SignInRequired:
            return .init(
                status: .unauthorized, code: "unauthenticated", message: l.t("error.api.unauthenticated"), field: nil)
        case is NotPermitted:
            return .init(status: .forbidden, code: "forbidden", message: l.t("error.forbidden"), field: nil)
        case is CSRFRejected:
            return .init(status: .forbidden, code: "csrf", message: l.t("error.csrf"), field: nil)
        case let error as DomainError:
            let message = error.localized { key, arguments in l.t(key, arguments) }
            switch error {
            case .invalidInput:
                return .init(status: .unprocessableEntity, code: "invalid", message: message, field: error.field)
            case .notFound:
                return .init(status: .notFound, code: "not_found", message: message, field: nil)
            case .conflict:
                return .init(status: .conflict, code: "conflict", message: message, field: error.field)
            case .forbidden:
                return .init(status: .forbidden, code: "forbidden", message: message, field: nil)
            case .currencyMismatch:
                return .init(status: .unprocessableEntity, code: "currency_mismatch", message: message, field: nil)
            }
        case let error as DecodingError:
            return .init(
                status: .badRequest, code: "malformed",
                message: l.t("error.api.malformed", ["detail": Self.describe(decoding: error)]),
                field: Self.field(of: error))
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
            let message = abort.status == .notFound ? l.t("error.page_not_found") : abort.reason
            return .init(status: abort.status, code: code, message: message, field: nil)
        default:
            return .init(
                status: .internalServerError, code: "internal", message: l.t("error.internal", ["id": request.id]),
                field: nil)
        }
    }

    static func field(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: return nil
        }
        return path.isEmpty ? nil : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    static func describe(decoding error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing field “\(key.stringValue)”"
        case .typeMismatch(let type, _): return "expected \(type)"
        case .valueNotFound(let type, _): return "expected \(type), found null"
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "unreadable JSON"
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
            let isAPI = request.url.path.hasPrefix("/api/")
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
                    APIErrorBody(error: .init(code: described.code, message: described.message, field: described.field))
                )
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
