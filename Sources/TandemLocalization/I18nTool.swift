import Foundation
import TandemDomain

/// The work behind `tandem i18n export` and `tandem i18n import`, kept here so it is testable
/// without the command-line front end.
public enum I18nTool {
    public struct ToolError: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The XLIFF 2.0 document for `targetLang`, with the existing translation (shipped, overridden
    /// by an imported one in `importedDirectory`) as targets.
    public static func export(format: String, targetLang: String, localesDirectory: URL, importedDirectory: URL?) throws
        -> String
    {
        guard format.lowercased() == "xliff" else {
            throw ToolError("--format must be xliff (the only format for now), not “\(format)”")
        }
        guard let tag = try? LanguageTagText(targetLang) else {
            throw ToolError("--target-lang “\(targetLang)” is not a language tag such as fr, de or pt-BR")
        }
        guard tag.language != Catalogs.sourceLocale else {
            throw ToolError("--target-lang must not be English: English is the source language")
        }
        let catalogs = try Catalogs.load(shipped: localesDirectory, imported: importedDirectory)
        // fr-FR starts from the French catalog if there is no fr-FR one.
        var translation = catalogs.catalogs[tag.canonical]
        if translation == nil, let closest = catalogs.bestLocale(for: tag.canonical), closest != Catalogs.sourceLocale {
            translation = catalogs.catalogs[closest]
        }
        return XLIFF.export(source: catalogs.source, translation: translation, targetLocale: tag.canonical)
    }

    public struct ImportResult: Equatable, Sendable {
        public let catalog: Catalog
        public let written: URL
        /// Keys of the English catalog that have a translation in the written catalog.
        public let translatedKeys: Int
        public let totalKeys: Int

        public var summary: String {
            let missing = totalKeys - translatedKeys
            return
                "Wrote \(written.path): \(catalog.name) (\(catalog.locale)), \(translatedKeys) of \(totalKeys) messages translated"
                + (missing > 0 ? ", \(missing) shown in English until translated." : ".")
        }
    }

    /// Validates `file` against the English catalog of `localesDirectory` and writes
    /// `<intoDirectory>/<trgLang>.json` (updating a previous import there). Nothing is written if
    /// the file is refused.
    public static func importFile(_ file: URL, into intoDirectory: URL, localesDirectory: URL) throws -> ImportResult {
        let source = try Catalog.load(
            contentsOf: localesDirectory.appendingPathComponent("\(Catalogs.sourceLocale).json"))
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ToolError("\(file.path): cannot be read: \(error.localizedDescription)")
        }
        // Peek at trgLang to find a previous import to update.
        let provisional = try XLIFF.importCatalog(data, file: file.path, source: source)
        let destination = intoDirectory.appendingPathComponent("\(provisional.locale).json")
        var existing: Catalog?
        if FileManager.default.fileExists(atPath: destination.path) {
            existing = try Catalog.load(contentsOf: destination)
        }
        let catalog =
            existing == nil
            ? provisional : try XLIFF.importCatalog(data, file: file.path, source: source, existing: existing)
        // Belt and braces: the result must load alongside English.
        _ = try Catalogs([source, catalog])
        do { try catalog.write(to: destination) } catch {
            throw ToolError("\(destination.path): cannot be written: \(error.localizedDescription)")
        }
        let translated = source.messages.keys.filter { catalog.messages[$0] != nil }.count
        return ImportResult(
            catalog: catalog, written: destination, translatedKeys: translated, totalKeys: source.messages.count)
    }

    /// `$TANDEM_DATA_DIR/locales`, with `TANDEM_DATA_DIR` defaulting to `./tandem-data`.
    public static func defaultImportDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL
    {
        let dataDir = environment["TANDEM_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "tandem-data"
        return URL(fileURLWithPath: dataDir).appendingPathComponent("locales")
    }
}

/// A validated language tag as text.
struct LanguageTagText {
    let canonical: String
    let language: String
    init(_ text: String) throws {
        let tag = try LanguageTag(text)
        canonical = tag.description
        language = tag.language
    }
}
