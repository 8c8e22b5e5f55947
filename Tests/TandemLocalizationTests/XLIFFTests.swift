import Foundation
import Testing

@testable import TandemLocalization

@Suite struct XLIFFTests {
    let en = Fixtures.en, fr = Fixtures.fr

    func importing(_ xliff: String, existing: Catalog? = nil) throws -> Catalog {
        try XLIFF.importCatalog(Data(xliff.utf8), file: "fr.xlf", source: en, existing: existing)
    }

    func problems(_ xliff: String) -> [String] {
        do {
            _ = try importing(xliff)
            return []
        } catch let error as XLIFFError { return error.problems } catch { return ["\(error)"] }
    }

    /// A minimal document around some units.
    func document(_ units: String, srcLang: String = "en", trgLang: String = "fr") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="\(srcLang)" trgLang="\(trgLang)">
        <file id="f">
        \(units)
        </file>
        </xliff>
        """
    }

    @Test func exportWritesUnitsNotesPlaceholdersAndPluralCategories() {
        let xliff = XLIFF.export(source: en, translation: fr, targetLocale: "fr")
        #expect(
            xliff.hasPrefix(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
                  <file id="tandem-ui" original="Resources/Locales/en.json" xml:space="preserve">
                """))
        #expect(
            xliff.contains(
                """
                    <unit id="greeting">
                      <notes>
                        <note>{name}: first name</note>
                      </notes>
                      <segment state="translated">
                        <source>Hello, <ph id="ph-name" disp="{name}" equiv="{name}"/>!</source>
                        <target>Bonjour, <ph id="ph-name" disp="{name}" equiv="{name}"/> !</target>
                      </segment>
                    </unit>
                """))
        #expect(
            xliff.contains(
                """
                        <source>Use {curly} braces around <ph id="ph-name" disp="{name}" equiv="{name}"/></source>
                """))
        // Untranslated: no target, state initial.
        #expect(
            xliff.contains(
                """
                    <unit id="only.english">
                      <segment state="initial">
                        <source>Only in English</source>
                      </segment>
                    </unit>
                """))
        // French needs one, many, other; "many" is translated from English "other".
        let ids = xliff.components(separatedBy: "<unit id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(
            ids.filter { $0.hasPrefix("users.count") } == ["users.count:one", "users.count:many", "users.count:other"])
        #expect(
            xliff.contains(
                "<note>Plural form “many” in French (fr), used for counts such as 1000000, 2000000. Source: the English “other” form.</note>"
            ))
        #expect(
            xliff.contains(
                """
                        <source><ph id="ph-count" disp="{count}" equiv="{count}"/> users</source>
                        <target><ph id="ph-count" disp="{count}" equiv="{count}"/> d’utilisateurs</target>
                """))
    }

    @Test func roundTripIsLossless() throws {
        let xliff = XLIFF.export(source: en, translation: fr, targetLocale: "fr")
        #expect(try importing(xliff) == fr)
        // Into an existing catalog with notes: unchanged too.
        var withNote = fr
        withNote.messages["greeting"]?.note = "tutoiement évité"
        #expect(try importing(xliff, existing: withNote) == withNote)
    }

    @Test func repeatedPlaceholdersAndEscapesRoundTrip() throws {
        let source = Catalog(locale: "en", name: "English", messages: ["x": .text("{a} & {a} <b> {{c}}")])
        let target = Catalog(locale: "de", name: "de", messages: ["x": .text("{a} und {a} <b> {{c}}")])
        let xliff = XLIFF.export(source: source, translation: target, targetLocale: "de")
        #expect(
            xliff.contains(
                #"<source><ph id="ph-a" disp="{a}" equiv="{a}"/> &amp; <ph id="ph-a-2" disp="{a}" equiv="{a}"/> &lt;b&gt; {c}</source>"#
            ))
        #expect(try XLIFF.importCatalog(Data(xliff.utf8), file: "de.xlf", source: source) == target)
        // A target repeating a placeholder the source has once: the extra code is a copy.
        let once = Catalog(locale: "en", name: "English", messages: ["y": .text("{n} new")])
        let twice = Catalog(locale: "de", name: "de", messages: ["y": .text("{n} neu ({n})")])
        let xliff2 = XLIFF.export(source: once, translation: twice, targetLocale: "de")
        #expect(
            xliff2.contains(
                #"<target><ph id="ph-n" disp="{n}" equiv="{n}"/> neu (<ph id="ph-n-2" copyOf="ph-n" disp="{n}" equiv="{n}"/>)</target>"#
            ))
        #expect(try XLIFF.importCatalog(Data(xliff2.utf8), file: "de.xlf", source: once) == twice)
    }

    @Test func newLanguageExportHasNoTargetsAndItsOwnPluralCategories() throws {
        let xliff = XLIFF.export(source: en, translation: nil, targetLocale: "pl")
        #expect(!xliff.contains("<target>"))
        let ids = xliff.components(separatedBy: "<unit id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(
            ids.filter { $0.hasPrefix("users.count") } == [
                "users.count:one", "users.count:few", "users.count:many", "users.count:other",
            ])
        // Translate it as a CAT tool would (targets added), then import.
        let translated =
            xliff
            .replacingOccurrences(
                of: "<source>Dashboard</source>", with: "<source>Dashboard</source><target>Pulpit</target>"
            )
            .replacingOccurrences(
                of: "<source>English</source>", with: "<source>English</source><target>Polski</target>")
        let catalog = try XLIFF.importCatalog(Data(translated.utf8), file: "pl.xlf", source: en)
        #expect(
            catalog
                == Catalog(
                    locale: "pl", name: "Polski",
                    messages: ["nav.dashboard": .text("Pulpit"), "language.native_name": .text("Polski")]))
    }

    @Test func catToolVariationsAreAccepted() throws {
        let catalog = try importing(
            document(
                """
                <unit id="greeting"><segment><source>Hello, <ph id="ph-name"/>!</source><target>Salut, </target></segment>\
                <ignorable><source> </source><target> </target></ignorable>\
                <segment><source>x</source><target><mrk id="m1" translate="yes"><ph id="9" disp="{name}"/></mrk> !</target></segment></unit>
                <unit id="nav.dashboard"><segment><source>Dashboard</source><target>   </target></segment></unit>
                """))
        #expect(catalog.messages == ["greeting": .text("Salut,  {name} !")])
    }

    @Test func refusesChangedPlaceholdersListingEveryProblemWithLines() {
        #expect(
            problems(
                document(
                    """
                    <unit id="greeting"><segment><source>Hello</source><target>Bonjour {name} !</target></segment></unit>
                    <unit id="files.in:one"><segment><source>x</source><target><ph id="ph-count"/> fichier</target></segment></unit>
                    <unit id="files.in:many"><segment><source>x</source><target><ph id="ph-count"/> de fichiers dans <ph id="ph-folder"/> <ph id="ph-extra"/></target></segment></unit>
                    """)) == [
                    "fr.xlf:4: unit \"greeting\": placeholder {name} is missing (it was typed as text; keep the placeholder tag from the source)",
                    "fr.xlf:5: unit \"files.in:one\": placeholder {folder} is missing",
                    "fr.xlf:6: unit \"files.in:many\": placeholder {extra} is not in the source",
                    "fr.xlf:5: unit \"files.in\": plural form other missing or untranslated (fr needs one, many, other)",
                ])
    }

    @Test func hashSeparatedPluralIdsAreAccepted() throws {
        let catalog = try importing(
            document(
                """
                <unit id="users.count#one"><segment><source>x</source><target><ph id="ph-count"/> utilisateur</target></segment></unit>
                <unit id="users.count#many"><segment><source>x</source><target><ph id="ph-count"/> d’utilisateurs</target></segment></unit>
                <unit id="users.count#other"><segment><source>x</source><target><ph id="ph-count"/> utilisateurs</target></segment></unit>
                """))
        #expect(catalog.messages["users.count"] == fr.messages["users.count"])
    }

    @Test func refusesMissingPluralCategory() {
        #expect(
            problems(
                document(
                    """
                    <unit id="users.count:one"><segment><source>x</source><target><ph id="ph-count"/> utilisateur</target></segment></unit>
                    <unit id="users.count:other"><segment><source>x</source><target><ph id="ph-count"/> utilisateurs</target></segment></unit>
                    """)) == [
                    "fr.xlf:4: unit \"users.count\": plural form many missing or untranslated (fr needs one, many, other)"
                ])
    }

    @Test func refusesUnknownKeysAndCategories() {
        #expect(
            problems(
                document(
                    """
                    <unit id="no.such.key"><segment><source>x</source><target>y</target></segment></unit>
                    <unit id="users.count:two"><segment><source>x</source><target>y</target></segment></unit>
                    <unit id="users.count"><segment><source>x</source><target>y</target></segment></unit>
                    <unit id="greeting:one"><segment><source>x</source><target>y</target></segment></unit>
                    <unit id="nav.dashboard"><segment><source>x</source><target><pc id="1">y</pc></target></segment></unit>
                    <unit id="nav.dashboard"><segment><source>x</source><target>y</target></segment></unit>
                    """)) == [
                    "fr.xlf:4: unit \"no.such.key\": unknown key: not in the English catalog (the file is older or newer than this version of Tandem)",
                    "fr.xlf:5: unit \"users.count:two\": \"two\" is not a plural category of fr (it uses one, many, other)",
                    "fr.xlf:6: unit \"users.count\": \"users.count\" is a plural message: expected units \"users.count:one\", \"users.count:many\", \"users.count:other\"",
                    "fr.xlf:7: unit \"greeting:one\": \"greeting\" is not a plural message, so \":one\" is unknown",
                    "fr.xlf:8: unit \"nav.dashboard\": unexpected <pc> on line 8 in the target (only text and <ph/> placeholders)",
                    "fr.xlf:9: unit \"nav.dashboard\": appears twice (first on line 8)",
                ])
    }

    @Test func refusesMalformedXML() {
        let result = problems(
            document("<unit id=\"nav.dashboard\"><segment><source>x</source><target>y</segment></unit>"))
        #expect(result == ["fr.xlf:4: malformed XML: an opening and a closing tag do not match (XML error 76)"])
        #expect(
            problems(
                document(
                    "<unit id=\"nav.dashboard\"><segment><source>x</source><target>a &nbsp; b</target></segment></unit>"
                ))
                == [
                    "fr.xlf:4: malformed XML: an entity is not declared (write & as &amp; and < as &lt;) (XML error 26)"
                ])
    }

    @Test func refusesExternalEntitiesWithoutResolvingThem() {
        let evil = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">
            <unit id="nav.dashboard"><segment><source>x</source><target>&xxe;</target></segment></unit></file></xliff>
            """
        #expect(
            problems(evil) == [
                "fr.xlf:2: a DOCTYPE or ENTITY declaration is not allowed in an XLIFF file (entities are never resolved)"
            ])
    }

    @Test func refusesWrongDocumentOrLanguages() {
        #expect(
            problems("<xliff version=\"1.2\"><file/></xliff>") == [
                "fr.xlf:1: not an XLIFF 2.0 document (root element <xliff> in namespace none, expected <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">)"
            ])
        #expect(
            problems(document("", srcLang: "de")) == [
                "fr.xlf:2: srcLang is \"de\"; the source language must be English (srcLang=\"en\")"
            ])
        #expect(
            problems(document("", trgLang: "en-GB")) == [
                "fr.xlf:2: trgLang must name the target language, e.g. trgLang=\"fr\" (and not English)"
            ])
    }
}

@Suite struct I18nToolTests {
    @Test func exportAndImportThroughTheTool() throws {
        let shipped = Fixtures.temporaryDirectory()
        let data = Fixtures.temporaryDirectory()
        try Fixtures.en.write(to: shipped.appendingPathComponent("en.json"))
        try Fixtures.fr.write(to: shipped.appendingPathComponent("fr.json"))
        let xliff = try I18nTool.export(
            format: "xliff", targetLang: "fr-FR", localesDirectory: shipped, importedDirectory: data)
        #expect(xliff.contains("trgLang=\"fr-FR\""))
        #expect(xliff.contains("<target>Tableau de bord</target>"))
        let file = data.appendingPathComponent("fr.xlf")
        try Data(xliff.replacingOccurrences(of: "trgLang=\"fr-FR\"", with: "trgLang=\"fr\"").utf8).write(to: file)
        let result = try I18nTool.importFile(
            file, into: data.appendingPathComponent("locales"), localesDirectory: shipped)
        #expect(result.written.path == data.appendingPathComponent("locales/fr.json").path)
        #expect(try Catalog.load(contentsOf: result.written) == Fixtures.fr)
        #expect(
            result.summary.hasSuffix(
                "Français (fr), \(Fixtures.fr.messages.count) of \(Fixtures.en.messages.count) messages translated, \(Fixtures.en.messages.count - Fixtures.fr.messages.count) shown in English until translated."
            ))
    }

    @Test func toolRefusals() throws {
        let shipped = Fixtures.temporaryDirectory()
        try Fixtures.en.write(to: shipped.appendingPathComponent("en.json"))
        #expect(throws: I18nTool.ToolError("--format must be xliff (the only format for now), not “csv”")) {
            try I18nTool.export(format: "csv", targetLang: "fr", localesDirectory: shipped, importedDirectory: nil)
        }
        #expect(throws: I18nTool.ToolError.self) {
            try I18nTool.export(format: "xliff", targetLang: "en-GB", localesDirectory: shipped, importedDirectory: nil)
        }
        #expect(throws: I18nTool.ToolError.self) {
            try I18nTool.export(
                format: "xliff", targetLang: "not a tag", localesDirectory: shipped, importedDirectory: nil)
        }
        // A refused import writes nothing.
        let into = Fixtures.temporaryDirectory().appendingPathComponent("locales")
        let bad = shipped.appendingPathComponent("bad.xlf")
        try Data("<xliff".utf8).write(to: bad)
        #expect(throws: XLIFFError.self) { try I18nTool.importFile(bad, into: into, localesDirectory: shipped) }
        #expect(!FileManager.default.fileExists(atPath: into.path))
    }

    @Test func defaultImportDirectory() {
        #expect(I18nTool.defaultImportDirectory(environment: [:]).path.hasSuffix("/tandem-data/locales"))
        #expect(
            I18nTool.defaultImportDirectory(environment: ["TANDEM_DATA_DIR": "/srv/tandem"]).path
                == "/srv/tandem/locales")
    }
}
