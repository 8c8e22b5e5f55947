import Foundation
import TandemDomain
import Testing

@testable import TandemLocalization

@Suite struct CatalogLoadingTests {
    func write(_ text: String, _ name: String, in dir: URL) {
        try! Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    @Test func shippedAndImportedCatalogsMergeKeyByKey() throws {
        let shipped = Fixtures.temporaryDirectory()
        let imported = Fixtures.temporaryDirectory()
        try Fixtures.en.write(to: shipped.appendingPathComponent("en.json"))
        try Fixtures.fr.write(to: shipped.appendingPathComponent("fr.json"))
        write(
            #"{"locale": "fr", "name": "Français (maison)", "messages": {"nav.dashboard": {"text": "Accueil"}}}"#,
            "fr.json", in: imported)
        write(
            #"{"locale": "de", "name": "Deutsch", "messages": {"nav.dashboard": {"text": "Übersicht"}}}"#, "de.json",
            in: imported)
        let catalogs = try Catalogs.load(shipped: shipped, imported: imported)
        #expect(catalogs.availableLocales == ["en", "de", "fr"])
        #expect(catalogs.languages.map(\.name) == ["English", "Deutsch", "Français (maison)"])
        let fr = catalogs.localizer(locale: "fr")
        #expect(fr.t("nav.dashboard") == "Accueil")
        #expect(fr.t("greeting", ["name": "Ada"]) == "Bonjour, Ada !")
        #expect(catalogs.localizer(locale: "de-AT").t("nav.dashboard") == "Übersicht")
        // A missing imported directory is fine.
        #expect(
            try Catalogs.load(shipped: shipped, imported: imported.appendingPathComponent("none")).availableLocales == [
                "en", "fr",
            ])
    }

    @Test func malformedJSONNamesTheFile() {
        let dir = Fixtures.temporaryDirectory()
        try! Fixtures.en.write(to: dir.appendingPathComponent("en.json"))
        write(#"{"locale": "fr", "name": "Français", "messages": {"a": {"text": "x"},}"#, "fr.json", in: dir)
        #expect { try Catalogs.load(shipped: dir) } throws: { error in
            "\(error)".hasPrefix(dir.appendingPathComponent("fr.json").path + ": malformed JSON")
        }
    }

    @Test func unknownPlaceholderNamesFileAndKey() {
        let dir = Fixtures.temporaryDirectory()
        try! Fixtures.en.write(to: dir.appendingPathComponent("en.json"))
        write(
            #"{"locale": "fr", "name": "Français", "messages": {"greeting": {"text": "Bonjour {nom}"}}}"#, "fr.json",
            in: dir)
        #expect(
            throws: CatalogError([
                "\(dir.path)/fr.json: key \"greeting\": unknown placeholder {nom} (the English message has {name})"
            ])
        ) {
            try Catalogs.load(shipped: dir)
        }
    }

    @Test func structuralProblemsAreAllListed() {
        let text =
            #"{"locale": "fr", "name": "Français", "messages": {"a": {"txt": "x"}, "b": {"text": "oops {"}, "c": {"plural": {"one": "x", "lots": "y"}}, "d e": {"text": "z"}}}"#
        #expect(
            throws: CatalogError([
                "fr.json: key \"a\": unknown field “txt” (expected “text” or “plural”, and “note”)",
                "fr.json: key \"a\": needs exactly one of “text” or “plural”",
                "fr.json: key \"b\": unclosed “{” (write “{{” for a literal brace)",
                "fr.json: key \"c\": “lots” is not a plural category (zero, one, two, few, many, other)",
                "fr.json: key \"c\": a plural message needs an “other” form",
                "fr.json: key \"d e\": keys use letters, digits, “.”, “_” and “-”",
            ])
        ) { try Catalog.decode(Data(text.utf8), file: "fr.json") }
    }

    @Test func fileNameMustBeTheLocaleAndEnglishIsRequired() {
        let dir = Fixtures.temporaryDirectory()
        write(#"{"locale": "fr", "name": "Français", "messages": {}}"#, "fr.json", in: dir)
        #expect(throws: CatalogError.self) { try Catalogs.load(shipped: dir) }
        try! Fixtures.en.write(to: dir.appendingPathComponent("en.json"))
        write(#"{"locale": "de", "name": "Deutsch", "messages": {}}"#, "it.json", in: dir)
        #expect(
            throws: CatalogError(["\(dir.path)/it.json: holds \"locale\": \"de\" but is named it.json; name it de.json"]
            )
        ) { try Catalogs.load(shipped: dir) }
    }

    @Test func encodingIsCanonicalAndRoundTrips() throws {
        let data = Fixtures.fr.encoded()
        #expect(try Catalog.decode(data, file: "fr.json") == Fixtures.fr)
        let text = String(
            decoding: Catalog(
                locale: "en", name: "English",
                messages: ["a": .text("x \"q\" \\ \n", note: "n"), "b": .plural([.other: "2", .many: "m", .one: "1"])]
            ).encoded(), as: UTF8.self)
        #expect(
            text == """
                {
                  "locale": "en",
                  "messages": {
                    "a": {
                      "text": "x \\"q\\" \\\\ \\n",
                      "note": "n"
                    },
                    "b": {
                      "plural": {
                        "one": "1",
                        "many": "m",
                        "other": "2"
                      }
                    }
                  },
                  "name": "English"
                }

                """)
    }
}
