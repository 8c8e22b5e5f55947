import Foundation
import TandemApp
import TandemDomain
import Vapor

/// What every page's frame shows: navigation, the signed-in user, the language switcher, and
/// every link the layout needs. Built from plain values, so a template renders from a plain
/// context in a test; `Request.shell(title:area:)` gathers those values for a live request.
struct PageShell: Encodable {
    struct NavItem: Encodable {
        var key: String
        var href: String
        var current: Bool
    }
    struct Flash: Encodable {
        var kind: String
        var message: String
    }
    /// The layout's links and form actions, from `SiteRoute`.
    struct Links: Encodable {
        var home = SiteRoute.dashboard.path
        var login = SiteRoute.login.path
        var logout = SiteRoute.logout.path
        var language = SiteRoute.language.path
        var profile = SiteRoute.profile.path
        var stylesheet = SiteRoute.stylesheet.path
        var script = SiteRoute.script.path
        var favicon = SiteRoute.favicon.path
        var search = SiteRoute.search.path
        var notifications = SiteRoute.notifications.path
        var whereToSell = SiteRoute.whereToSell.path
    }

    var title: String
    var lang: String
    var csrf: String
    var userName: String?
    var userRoles: String?
    var organisationName: String
    var nav: [NavItem]
    /// The language switcher's options, the page's language chosen.
    var languages: [SelectOption]
    var flash: Flash?
    var currentPath: String
    var requestID: String
    var links = Links()
    /// What the shell's search box shows (the query on the results page).
    var searchQuery = ""
    /// The signed-in user's unread notifications, for the badge next to the inbox link.
    var unreadNotifications = 0
    /// The shortest password allowed, for the hints next to password fields.
    var passwordMinimum = PasswordRules.minimumLength

    /// The frame from plain values: `areas` are the areas the user may see (in menu order),
    /// `currentArea` the one to mark as current.
    init(
        title: String, lang: String, csrf: String, userName: String? = nil, userRoles: String? = nil,
        organisationName: String, areas: [Area] = [], currentArea: Area? = nil, languages: [SelectOption] = [],
        flash: Flash? = nil, currentPath: String = SiteRoute.dashboard.path, requestID: String = ""
    ) {
        self.title = title
        self.lang = lang
        self.csrf = csrf
        self.userName = userName
        self.userRoles = userRoles
        self.organisationName = organisationName
        self.nav = areas.map {
            NavItem(key: "nav.\($0.rawValue)", href: SiteRoute.area($0).path, current: $0 == currentArea)
        }
        self.languages = languages
        self.flash = flash
        self.currentPath = currentPath
        self.requestID = requestID
    }
}

extension Request {
    /// Builds the frame for a page in `area` from this request; `title` is already translated.
    func shell(title: String, area: Area?) async throws -> PageShell {
        let user = currentUser
        let settings = try await organisation()
        let locale = localizer.locale
        var shell = PageShell(
            title: title, lang: locale, csrf: csrfToken, userName: user?.displayName,
            userRoles: user.map {
                $0.roles.sorted().map { localizer.t("role.\($0.rawValue)") }.joined(separator: ", ")
            },
            organisationName: settings.name,
            areas: user.map { user in Area.menuOrder.filter { Policy.permits(user, .viewArea($0)) } } ?? [],
            currentArea: area,
            languages: SelectOption.locales(application.localization.availableLocales, selected: locale),
            flash: takeFlash(), currentPath: url.path, requestID: id)
        if let user { shell.unreadNotifications = try await Notifications(appEnvironment).unreadCount(for: user) }
        return shell
    }

    /// A one-shot message shown on the next page (after a redirect), carried in a short cookie.
    func setFlash(_ response: Response, kind: String = "success", _ key: String, _ arguments: [String: String] = [:]) {
        let text = localizer.t(key, arguments)
        let encoded = Data((kind + "|" + text).utf8).base64EncodedString()
        response.cookies[cookieName(.flash)] = makeCookie(encoded, maxAge: 60, sameSite: .lax)
    }

    private func takeFlash() -> PageShell.Flash? {
        guard let raw = cookies[cookieName(.flash)]?.string, let data = Data(base64Encoded: raw),
            let text = String(data: data, encoding: .utf8), let bar = text.firstIndex(of: "|")
        else { return nil }
        storage[FlashConsumedKey.self] = true
        let kind = String(text[..<bar])
        return PageShell.Flash(
            kind: ["success", "error", "info"].contains(kind) ? kind : "info",
            message: String(text[text.index(after: bar)...]))
    }
}

struct FlashConsumedKey: StorageKey { typealias Value = Bool }

/// Clears the flash cookie once a page has shown it.
struct FlashMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.storage[FlashConsumedKey.self] == true, response.cookies[request.cookieName(.flash)] == nil {
            response.cookies[request.cookieName(.flash)] = request.expiredCookie()
        }
        return response
    }
}

/// Field-by-field validation messages, shown next to the fields, with what the user typed kept.
struct FormErrors: Encodable {
    var messages: [String: String] = [:]
    var summary: String?
    var isEmpty: Bool { messages.isEmpty && summary == nil }

    mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil { messages[field] = message }
    }

    /// Records a domain error under its field (or as the summary).
    mutating func add(_ error: any Error, in request: Request) {
        if let several = error as? ValidationErrors {
            for error in several.errors { add(error, in: request) }
            return
        }
        let described = ErrorDescription.describe(error, in: request)
        if described.fields.isEmpty, let field = described.field {
            add(field, described.message)
        } else if described.fields.isEmpty {
            summary = described.message
        }
        for problem in described.fields { add(problem.field, problem.message) }
    }
}

extension Request {
    func renderPage<Context: Encodable>(_ template: String, _ context: Context, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let view = try await self.view.render(template, context)
        let response = try await view.encodeResponse(for: self)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

enum ErrorPage {
    struct Context: Encodable {
        var shell: PageShell
        var status: Int
        var heading: String
        var message: String
    }

    static func render(_ described: ErrorDescription, for request: Request) async throws -> Response {
        let l = request.localizer
        let heading: String
        switch described.status.code {
        case 403: heading = l.t("error.heading.forbidden")
        case 404: heading = l.t("error.heading.not_found")
        case 400..<500: heading = l.t("error.heading.bad_request")
        default: heading = l.t("error.heading.internal")
        }
        let shell =
            (try? await request.shell(title: heading, area: nil))
            ?? PageShell(
                title: heading, lang: l.locale, csrf: "", organisationName: "Tandem", currentPath: request.url.path,
                requestID: request.id)
        return try await request.renderPage(
            "error",
            Context(shell: shell, status: Int(described.status.code), heading: heading, message: described.message),
            status: described.status)
    }
}
