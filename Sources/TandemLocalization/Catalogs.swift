import Foundation
import TandemDomain

/// A message compiled for rendering.
enum CompiledMessage: Sendable {
    case text(MessageTemplate)
    case plural([PluralCategory: MessageTemplate])
}

struct CompiledCatalog: Sendable {
    let locale: String
    let messages: [String: CompiledMessage]
    let plural: PluralRule

    init(_ catalog: Catalog) throws {
        var messages: [String: CompiledMessage] = [:]
        for (key, entry) in catalog.messages {
            switch entry.content {
            case .text(let text): messages[key] = .text(try MessageTemplate(parsing: text))
            case .plural(let forms): messages[key] = .plural(try forms.mapValues { try MessageTemplate(parsing: $0) })
            }
        }
        locale = catalog.locale
        self.messages = messages
        plural = PluralRules.rule(for: catalog.locale)
    }
}

/// All languages of the interface: English (the source, always present) and its translations.
/// Immutable and `Sendable`: load once at start-up, share everywhere.
///
/// ```swift
/// let catalogs = try Catalogs.load(shipped: resources.appending(path: "Locales"),
///                                  imported: dataDir.appending(path: "locales"))
/// let locale = catalogs.negotiate(preference: user.language, acceptLanguage: header, organisationDefault: org.language)
/// let l = catalogs.localizer(locale: locale, timeZone: TimeZone(identifier: user.timeZone) ?? .gmt)
/// l.t("users.count", ["count": 3])
/// ```
public struct Catalogs: Sendable {
    public static let sourceLocale = "en"

    /// Merged catalogs by canonical locale (`en`, `fr`, `pt-BR`).
    public let catalogs: [String: Catalog]
    let compiled: [String: CompiledCatalog]

    /// Builds from catalogs in memory. Requires an `en` catalog; validates placeholder syntax and
    /// that translations use no placeholder the English message lacks. Later catalogs for the same
    /// locale override earlier ones key by key.
    public init(_ list: [Catalog]) throws {
        try self.init(list.map { ($0, "\($0.locale).json") })
    }

    init(_ list: [(Catalog, String)]) throws {
        var merged: [String: Catalog] = [:]
        var files: [String: String] = [:]
        for (catalog, file) in list {
            let locale = canonicalLocale(catalog.locale)
            if var existing = merged[locale] {
                existing.messages.merge(catalog.messages) { _, new in new }
                existing.name = catalog.name
                merged[locale] = existing
                files[locale] = (files[locale].map { $0 + " + " } ?? "") + file
            } else {
                var copy = catalog
                copy.locale = locale
                merged[locale] = copy
                files[locale] = file
            }
        }
        guard let source = merged[Catalogs.sourceLocale] else {
            throw CatalogError(
                "no English catalog (en.json): English is the source language and the fallback for every key")
        }
        var problems: [String] = []
        for (locale, catalog) in merged.sorted(by: { $0.key < $1.key }) where locale != Catalogs.sourceLocale {
            problems += CatalogCheck.unknownPlaceholders(in: catalog, source: source, file: files[locale] ?? locale)
        }
        if !problems.isEmpty { throw CatalogError(problems) }
        var compiled: [String: CompiledCatalog] = [:]
        for (locale, catalog) in merged {
            do { compiled[locale] = try CompiledCatalog(catalog) } catch {
                throw CatalogError("\(files[locale] ?? locale): \(error)")
            }
        }
        self.catalogs = merged
        self.compiled = compiled
    }

    /// Loads every `*.json` of `shipped` (must include `en.json`), then every `*.json` of
    /// `imported` if that directory exists; an imported catalog adds a language or overrides a
    /// shipped one key by key. A file's name must be its locale (`fr.json` holds `"locale": "fr"`).
    /// All problems of all files are reported together, each naming file and key.
    public static func load(shipped: URL, imported: URL? = nil) throws -> Catalogs {
        var list: [(Catalog, String)] = []
        var problems: [String] = []
        for directory in [shipped, imported].compactMap({ $0 }) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                if directory == shipped { problems.append("\(directory.path): the catalog directory does not exist") }
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                let url = directory.appendingPathComponent(name)
                do {
                    let catalog = try Catalog.load(contentsOf: url)
                    let stem = String(name.dropLast(5))
                    if canonicalLocale(stem) != canonicalLocale(catalog.locale) {
                        problems.append(
                            "\(url.path): holds \"locale\": \"\(catalog.locale)\" but is named \(name); name it \(catalog.locale).json"
                        )
                    }
                    list.append((catalog, url.path))
                } catch let error as CatalogError {
                    problems += error.problems
                }
            }
        }
        if !problems.isEmpty { throw CatalogError(problems) }
        return try Catalogs(list)
    }

    /// Available locales, English first then alphabetical.
    public var availableLocales: [String] {
        [Catalogs.sourceLocale] + catalogs.keys.filter { $0 != Catalogs.sourceLocale }.sorted()
    }

    /// (locale, name in its own language) for a language switcher, English first.
    public var languages: [(locale: String, name: String)] {
        availableLocales.map { ($0, catalogs[$0]!.name) }
    }

    public var source: Catalog { catalogs[Catalogs.sourceLocale]! }

    /// The best available locale for a request such as `fr-CA`, or nil.
    public func bestLocale(for request: String) -> String? {
        LocaleNegotiation.bestMatch(for: request, among: availableLocales)
    }

    /// The interface language for a request: the user's explicit preference, else the browser's
    /// `Accept-Language`, else the organisation's default, else English; only available locales.
    public func negotiate(preference: String? = nil, acceptLanguage: String? = nil, organisationDefault: String? = nil)
        -> String
    {
        LocaleNegotiation.negotiate(
            preference: preference, acceptLanguage: acceptLanguage,
            organisationDefault: organisationDefault, available: availableLocales)
    }

    /// A localizer for `locale` (matched to the closest available one, e.g. `fr-CA` → `fr`, else
    /// English) and the user's time zone.
    public func localizer(locale: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Localizer {
        let resolved = bestLocale(for: locale) ?? Catalogs.sourceLocale
        return Localizer(
            locale: resolved, timeZone: timeZone, primary: compiled[resolved]!,
            fallback: compiled[Catalogs.sourceLocale]!)
    }
}

/// `fr`, `fr-CA`, `zh-Hant-TW`; unparseable text is returned lower-cased.
func canonicalLocale(_ text: String) -> String {
    (try? LanguageTag(text))?.description ?? text.lowercased()
}
