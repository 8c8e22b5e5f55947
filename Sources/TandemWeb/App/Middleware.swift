import Vapor

/// Gives every response an `X-Request-ID` (the caller's, if it sent a sane one) and puts it in
/// every log line of the request.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let incoming = request.headers.first(name: "X-Request-ID"), (8...128).contains(incoming.count),
            incoming.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        {
            request.logger[metadataKey: "request-id"] = .string(incoming)
        }
        let id = request.logger[metadataKey: "request-id"].map { "\($0)" } ?? request.id
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Request-ID", value: id)
        return response
    }
}

/// Conservative headers: no framing, no sniffing, only our own scripts and styles, no plugins,
/// no `<base>`; HSTS when Tandem is served over https.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.tandem.config.servesHTTPS {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000")
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
        )
        return response
    }
}

/// One log line per request, when it is answered (method, path, status; the request ID is in
/// the logger's metadata), with the secrets of one-time links
/// (`/invite/<secret>`, `/setup/<secret>`) replaced by `[redacted]`.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let path = LogRedaction.path(request.url.path.removingPercentEncoding ?? request.url.path)
        request.logger.info("\(request.method) \(path) \(response.status.code)")
        return response
    }
}

enum LogRedaction {
    /// Path prefixes whose next segment is a secret.
    static let secretBearing: Set<String> = ["invite", "setup"]

    static func path(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var index = 1
        while index < segments.count - 1 {
            if secretBearing.contains(segments[index].lowercased()) {
                segments[index + 1] = "[redacted]"
                index += 2
            } else {
                index += 1
            }
        }
        return segments.joined(separator: "/")
    }
}
