import Vapor

/// Tandem's cookies. With secure cookies on (the default except on a loopback address), each
/// name gets the `__Host-` prefix: browsers then accept it only with `Secure`, `Path=/` and no
/// `Domain`, so a sibling subdomain or a plain-http page cannot set or overwrite it.
enum CookieName: String {
    case session = "tandem_session"
    case csrf = "tandem_csrf"
    case language = "tandem_lang"
    case flash = "tandem_flash"
}

extension Request {
    func cookieName(_ name: CookieName) -> String {
        tandem.config.secureCookies ? "__Host-" + name.rawValue : name.rawValue
    }

    /// A cookie for the whole site, HttpOnly, `Secure` when secure cookies are on.
    func makeCookie(
        _ value: String, expires: Date? = nil, maxAge: Int? = nil, sameSite: HTTPCookies.SameSitePolicy
    ) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: expires, maxAge: maxAge, domain: nil, path: "/",
            isSecure: tandem.config.secureCookies, isHTTPOnly: true, sameSite: sameSite)
    }
}

extension Request {
    /// Clears a cookie. A `__Host-` cookie is only cleared by a `Set-Cookie` that is itself
    /// `Secure` with `Path=/`, which Vapor's `.expired` is not.
    func expiredCookie() -> HTTPCookies.Value {
        makeCookie("", expires: Date(timeIntervalSince1970: 0), maxAge: 0, sameSite: .lax)
    }
}
