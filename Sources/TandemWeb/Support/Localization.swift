import Foundation
import Leaf
import TandemDomain
import TandemLocalization
import Vapor

/// The interface catalogs loaded at start-up (shipped + imported), shared by all requests.
struct LocalizationService: Sendable {
    struct Language: Sendable {
        var code: String
        var name: String
    }
    let catalogs: Catalogs
    var availableLocales: [Language] { catalogs.languages.map { Language(code: $0.locale, name: $0.name) } }
}

struct LocalizationServiceKey: StorageKey { typealias Value = LocalizationService }
struct LocalizerKey: StorageKey { typealias Value = Localizer }

extension Application {
    var localization: LocalizationService {
        get {
            guard let service = storage[LocalizationServiceKey.self] else {
                fatalError("catalogs were not loaded in configure")
            }
            return service
        }
        set { storage[LocalizationServiceKey.self] = newValue }
    }
}

extension Request {
    /// The localizer for this request's user (language and time zone); English/UTC before the
    /// middleware has run.
    var localizer: Localizer {
        storage[LocalizerKey.self] ?? application.localization.catalogs.localizer(locale: "en")
    }

    /// Chooses language and time zone: the user's profile, else the language cookie set by the
    /// switcher, else the browser's Accept-Language, else the organisation's default.
    func refreshLocalizer(organisation: OrganisationSettings? = nil) {
        let organisation = organisation ?? storage[OrganisationKey.self]
        let catalogs = application.localization.catalogs
        let locale = catalogs.negotiate(
            preference: currentUser?.locale ?? cookies[cookieName(.language)]?.string,
            acceptLanguage: headers.first(name: .acceptLanguage),
            organisationDefault: organisation?.defaultLocale)
        let zone =
            (currentUser?.timeZone ?? organisation?.timeZone).flatMap(TimeZone.init(identifier:)) ?? TimeZone(
                identifier: "UTC")!
        storage[LocalizerKey.self] = catalogs.localizer(locale: locale, timeZone: zone)
    }
}

struct OrganisationKey: StorageKey { typealias Value = OrganisationSettings }

extension Request {
    /// The organisation's settings, read from the database once per request.
    func organisation() async throws -> OrganisationSettings {
        if let loaded = storage[OrganisationKey.self] { return loaded }
        let organisation = try await stores.organisation.load()
        storage[OrganisationKey.self] = organisation
        return organisation
    }
}

struct LocalizationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.refreshLocalizer(organisation: try await request.organisation())
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.localizer.languageTag)
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}

extension Localizer {
    func t(_ key: String, _ arguments: [String: String]) -> String {
        t(key, arguments.mapValues { MessageArgument.text($0) })
    }
    func plural(_ key: String, count: Int) -> String { t(key, count: count) }
    func format(date: Date) -> String { formatDate(date) }
    func format(dateTime: Date) -> String { formatDateTime(dateTime) }
}

/// `#t("key")` or `#t("key", "name", value, ...)` in templates: the message in the user's language.
/// Output is HTML-escaped like any other `#(...)`. The language is the request's; a template
/// rendered without a request (a test with a plain context) uses the page shell's `lang`.
struct TranslateTag: LeafTag {
    let catalogs: Catalogs

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { throw "#t needs a message key as its first parameter" }
        var arguments: [String: MessageArgument] = [:]
        var index = 1
        while index + 1 < ctx.parameters.count {
            guard let name = ctx.parameters[index].string else {
                throw "#t(\"\(key)\"): argument names must be strings"
            }
            let value = ctx.parameters[index + 1]
            if let int = value.int {
                arguments[name] = .integer(int)
            } else {
                arguments[name] = .text(value.string ?? "")
            }
            index += 2
        }
        let localizer =
            ctx.request?.localizer
            ?? catalogs.localizer(locale: ctx.data["shell"]?.dictionary?["lang"]?.string ?? "en")
        return .string(localizer.t(key, arguments))
    }
}
