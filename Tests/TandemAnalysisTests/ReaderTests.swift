import Foundation
import Testing

@testable import TandemAnalysis

@Suite("File readers")
struct ReaderTests {
    func read(_ text: String, name: String, source: String? = nil) throws -> SourceDocument {
        try DocumentReader.read(Data(text.utf8), name: name, options: .init(sourceLanguage: source.map(tag)))
    }

    @Test("XLIFF 1.2: the seg-source marks of the Okapi sample are its segments")
    func xliff12Sample() throws {
        let doc = try DocumentReader.read(contentsOf: Fixtures.url("xliff12/okapi/segmented.xlf"))
        #expect(doc.format == .xliff12)
        #expect(doc.segments.count == 3)
    }

    @Test("XLIFF 1.2: codes are not text, translate=\"no\" is apart")
    func xliff12() throws {
        let inline = try read(
            """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" datatype="x" original="o"><body>
            <trans-unit id="1"><source>Press <g id="1">Start</g> now<x id="2"/>.</source></trans-unit>
            <group translate="no"><trans-unit id="2"><source>Do not translate</source></trans-unit></group>
            <trans-unit id="3" translate="no"><source>Nor this</source></trans-unit>
            </body></file></xliff>
            """, name: "t.xlf")
        #expect(inline.sourceLanguage == tag("en") && inline.targetLanguage == tag("de"))
        #expect(inline.segments.map(\.plainText) == ["Press Start now.", "Do not translate", "Nor this"])
        #expect(inline.segments.map(\.translatable) == [true, false, false])
        #expect(
            inline.segments[0].content.filter { if case .code = $0 { return true } else { return false } }.count == 3)
    }

    @Test("SDLXLIFF: segments from mrk seg, languages from the file")
    func sdlxliff() throws {
        let doc = try DocumentReader.read(contentsOf: Fixtures.url("sdlxliff/okapi-TS09-12-Test01.sdlxliff"))
        #expect(doc.format == .xliff12)
        // 19 mrk mtype="seg" in seg-source; 21 units are translate="no"
        #expect(doc.segments.filter(\.translatable).count == 19)
        #expect(doc.sourceLanguage != nil)
    }

    @Test("SDLXLIFF: locked segments are not translatable")
    func sdlLocked() throws {
        let doc = try read(
            """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
            <file source-language="en-US" target-language="de-DE" datatype="x" original="o"><body>
            <trans-unit id="u"><source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
            <sdl:seg-defs><sdl:seg id="1"/><sdl:seg id="2" locked="true"/></sdl:seg-defs></trans-unit>
            </body></file></xliff>
            """, name: "l.sdlxliff")
        #expect(doc.segments.map(\.id) == ["u/1", "u/2"])
        #expect(doc.segments.map(\.translatable) == [true, false])
    }

    @Test("XLIFF 2: segments, ignorables skipped, translate=\"no\" inherited, cp read as text")
    func xliff2() throws {
        let doc = try read(
            """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">
            <unit id="u1"><segment id="s1"><source>Hello <pc id="1">bold</pc> world.</source></segment><ignorable><source> </source></ignorable>
            <segment id="s2"><source>Bell<cp hex="0007"/>.</source></segment></unit>
            <group id="g" translate="no"><unit id="u2"><segment><source>Keep</source></segment></unit></group>
            </file></xliff>
            """, name: "t.xlf")
        #expect(doc.format == .xliff2)
        #expect(doc.segments.map(\.id) == ["u1/s1", "u1/s2", "u2/1"])
        #expect(doc.segments[0].plainText == "Hello bold world.")
        #expect(doc.segments[1].plainText == "Bell\u{7}.")
        #expect(doc.segments.map(\.translatable) == [true, true, false])
    }

    @Test("TMX as a file: the source-language variants")
    func tmxDocument() throws {
        let doc = try DocumentReader.read(tmx([("One.", "Un."), ("Two.", "Deux.")]), name: "m.tmx")
        #expect(doc.format == .tmx)
        #expect(doc.segments.map(\.plainText) == ["One.", "Two."])
        #expect(doc.targetLanguage == tag("fr-FR"))
    }

    @Test("PO: msgid and msgid_plural, header and obsolete entries skipped, escapes decoded")
    func po() throws {
        let doc = try read(
            #"""
            msgid ""
            msgstr "Content-Type: text/plain; charset=UTF-8\n"

            #: src/a.c:1
            msgctxt "menu"
            msgid "Open "
            "file"
            msgstr "Ouvrir"

            msgid "One item"
            msgid_plural "%d items"
            msgstr[0] ""
            msgstr[1] ""

            msgid "Say \"hi\"\n"
            msgstr ""

            #~ msgid "Old"
            #~ msgstr "Vieux"
            """#, name: "x.po")
        #expect(doc.segments.map(\.plainText) == ["Open file", "One item", "%d items", "Say \"hi\"\n"])
        #expect(doc.sourceLanguage == nil)
    }

    @Test("PO syntax errors point at the line")
    func poError() {
        #expect(
            throws: AnalysisError(
                file: "x.po", line: 2, column: 1, kind: .malformed, message: "expected a string in double quotes.")
        ) {
            _ = try read("msgid \"a\"\nmsgstr unquoted\n", name: "x.po")
        }
    }

    @Test("Plain text: lines split into sentences by the default SRX rules")
    func text() throws {
        let doc = try read("Mr. Smith went home. He slept!  Then what?\nSecond line\n\n", name: "t.txt", source: "en")
        #expect(doc.segments.map(\.plainText) == ["Mr. Smith went home.", "He slept!", "Then what?", "Second line"])
    }

    @Test("Plain text: Japanese sentences break without white space")
    func japaneseText() throws {
        let doc = try read("今日は晴れ。明日は雨。", name: "j.txt", source: "ja")
        #expect(doc.segments.map(\.plainText) == ["今日は晴れ。", "明日は雨。"])
    }

    @Test("Okapi's default SRX rules parse and segment")
    func srx() throws {
        let rules = try SRXRules(data: Fixtures.data("srx/okapi-defaultSegmentation.srx"), fileName: "okapi.srx")
        let sentences = Segmenter(rules: rules, language: tag("en")).segment("This is one. This is two.")
        #expect(sentences == ["This is one.", "This is two."])
    }

    @Test("Okapi's Trados-like SRX rules parse and segment")
    func tradosSRX() throws {
        let rules = try SRXRules(data: Fixtures.data("srx/okapi-tradosSegmentation.srx"), fileName: "trados.srx")
        let sentences = Segmenter(rules: rules, language: tag("en")).segment("This is one. This is two.")
        #expect(sentences == ["This is one.", "This is two."])
    }

    @Test("DOCX: paragraphs and table cells, deleted text skipped, language from styles")
    func docx() throws {
        let doc = try DocumentReader.read(DOCXFixtures.good, name: "d.docx")
        #expect(doc.format == .docx)
        #expect(doc.sourceLanguage == tag("en-US"))
        #expect(doc.segments.map(\.plainText) == ["Hello world.", "This is bold.", "Cell text\ttabbed", "Kept"])
    }
}
