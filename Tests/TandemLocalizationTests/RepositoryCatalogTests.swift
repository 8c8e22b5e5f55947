import Foundation
import TandemDomain
import Testing

@testable import TandemLocalization

/// Checks on the real catalogs in `Resources/Locales`.
@Suite struct RepositoryCatalogTests {
    static let localesDirectory = repositoryRoot().appendingPathComponent("Resources/Locales")

    @Test func shippedCatalogsLoad() throws {
        let catalogs = try Catalogs.load(shipped: Self.localesDirectory)
        #expect(catalogs.availableLocales.starts(with: ["en"]))
        #expect(catalogs.availableLocales.contains("fr"))
        #expect(catalogs.localizer(locale: "fr").t("nav.dashboard") == "Tableau de bord")
        // Parsing errors come out in French, with French examples.
        do {
            _ = try catalogs.localizer(locale: "fr").parseDecimal("1,234", field: "rate")
            Issue.record("1,234 should be refused in French")
        } catch let error as DomainError {
            #expect(error.field == "rate")
            #expect(error.message.hasPrefix("«\u{00A0}1,234\u{00A0}» peut se lire de deux façons"), "\(error.message)")
            #expect(error.message.contains("1\u{202F}234,5"), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Every key of en.json is in every shipped translation with the same placeholders and the
    /// plural forms its language needs, and no translation has a key English lacks.
    @Test func everyShippedLanguageIsComplete() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.localesDirectory.path).filter {
            $0.hasSuffix(".json")
        }.sorted()
        #expect(names.contains("fr.json"))
        let english = try Catalog.load(contentsOf: Self.localesDirectory.appendingPathComponent("en.json"))
        for name in names where name != "en.json" {
            let catalog = try Catalog.load(contentsOf: Self.localesDirectory.appendingPathComponent(name))
            let problems = CatalogCheck.problems(in: catalog, source: english, file: "Resources/Locales/\(name)")
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    /// Exporting the shipped French and importing the file unchanged gives back the same catalog.
    @Test func shippedFrenchRoundTripsThroughXLIFF() throws {
        let english = try Catalog.load(contentsOf: Self.localesDirectory.appendingPathComponent("en.json"))
        let french = try Catalog.load(contentsOf: Self.localesDirectory.appendingPathComponent("fr.json"))
        let xliff = XLIFF.export(source: english, translation: french, targetLocale: "fr")
        #expect(try XLIFF.importCatalog(Data(xliff.utf8), file: "fr.xlf", source: english, existing: french) == french)
        let fresh = try XLIFF.importCatalog(Data(xliff.utf8), file: "fr.xlf", source: english)
        #expect(fresh.messages.mapValues(\.content) == french.messages.mapValues(\.content))
        #expect(fresh.name == french.name)
    }

    @Test func englishHasTheLibrarysKeys() throws {
        let english = try Catalog.load(contentsOf: Self.localesDirectory.appendingPathComponent("en.json"))
        let missing = Localizer.libraryKeys.filter { english.messages[$0] == nil }
        #expect(missing.isEmpty, "missing in en.json: \(missing)")
    }

    /// The files are in the canonical form `tandem i18n import` writes, so diffs stay readable.
    @Test func catalogFilesAreCanonical() throws {
        for name in ["en.json", "fr.json"] {
            let url = Self.localesDirectory.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            let canonical = try Catalog.decode(data, file: name).encoded()
            #expect(
                String(decoding: data, as: UTF8.self) == String(decoding: canonical, as: UTF8.self),
                "\(name) is not in canonical form: keys sorted, plural forms in CLDR order, 2-space indent, trailing newline"
            )
        }
    }
}
