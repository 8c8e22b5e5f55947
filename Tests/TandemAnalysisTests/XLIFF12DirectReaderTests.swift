import Foundation
import Testing

@testable import TandemAnalysis

/// The XLIFF 1.2 reader builds segments straight from SAX events. These tests compare it with the
/// tree-based algorithm it replaced (kept here as the oracle: each trans-unit read as a tree, then
/// `XLIFF12Reader.segments(of:)`), on documents larger than the parser's 1 MiB chunks so that both
/// the replayed events and the direct callbacks are exercised.
@Suite("XLIFF 1.2 direct reader against the tree-based reader")
struct XLIFF12DirectReaderTests {
    /// The reader as it was before the direct path.
    static let chunk = 4096

    static func oracle(_ data: Data, name: String) throws -> SourceDocument {
        let reader = try XMLEventReader(data: data, fileName: name, limits: .default, chunkSize: chunk)
        let (root, rootIsEmpty) = try reader.root()
        var document = SourceDocument(name: reader.fileName, format: .xliff12, segments: [])
        var translateStack: [Bool] = [true]
        var sawFile = false
        if rootIsEmpty {
            throw reader.error(.invalid, "the XLIFF document has no <file>.", line: root.line, column: root.column)
        }
        reader.collectRecords(["trans-unit"], skippingChildren: XLIFF12Reader.unusedUnitChildren)
        while let event = try reader.next() {
            switch event {
            case .start(let e, let isEmpty):
                switch e.name {
                case "file":
                    sawFile = true
                    let source = try parseLanguage(
                        e.attribute("source-language"), file: reader.fileName, line: e.line, column: e.column,
                        what: "source-language")
                    let target = try parseLanguage(
                        e.attribute("target-language"), file: reader.fileName, line: e.line, column: e.column,
                        what: "target-language")
                    if document.sourceLanguage == nil { document.sourceLanguage = source }
                    if document.targetLanguage == nil { document.targetLanguage = target }
                    if !isEmpty { translateStack.append(translateStack.last!) }
                case "header", "bin-unit":
                    try reader.skipElement(isEmpty: isEmpty)
                case "group":
                    if !isEmpty { translateStack.append(translateStack.last! && e.attribute("translate") != "no") }
                case "trans-unit":
                    let unit = try reader.readElement(e, isEmpty: isEmpty, skipping: XLIFF12Reader.unusedUnitChildren)
                    let translatable = translateStack.last! && unit.attribute("translate") != "no"
                    document.segments += try XLIFF12Reader.segments(
                        of: unit, translatable: translatable, file: reader.fileName)
                default:
                    if !isEmpty { translateStack.append(translateStack.last!) }
                }
            case .end(let name, _):
                if name != "xliff", translateStack.count > 1 { translateStack.removeLast() }
            case .text:
                break
            }
        }
        if !sawFile {
            throw reader.error(.invalid, "the XLIFF document has no <file>.", line: root.line, column: root.column)
        }
        return document
    }

    static func direct(_ data: Data, name: String) throws -> SourceDocument {
        let reader = try XMLEventReader(data: data, fileName: name, limits: .default, chunkSize: chunk)
        let (root, rootIsEmpty) = try reader.root()
        return try XLIFF12Reader.read(reader, root: root, rootIsEmpty: rootIsEmpty)
    }

    static let units = [
        #"<trans-unit id="a%d"><source>Plain text %d, with &amp; and &lt;tags&gt; and &#x41;.</source><target>Texte</target></trans-unit>"#,
        #"<trans-unit id="b%d" translate="no"><source>Press <g id="1">Start <x id="2"/>now</g><bpt id="3">&lt;b&gt;</bpt>bold<ept id="3">&lt;/b&gt;</ept>.</source></trans-unit>"#,
        #"<group translate="no"><group><trans-unit id="c%d"><source><![CDATA[Raw <text>]]> %d <ph id="1">{0}</ph><it id="2" pos="open">x</it></source></trans-unit></group></group>"#,
        #"<trans-unit id="d%d"><source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One<bx id="1"/>.</mrk> <g id="2"><mrk mtype="seg" mid="2">Two <mrk mtype="protected">p</mrk><mrk mtype="x-term">t</mrk>.</mrk></g><mrk mtype="seg">No mid</mrk></seg-source><sdl:seg-defs><sdl:seg id="1"/><sdl:seg id="2" locked="true"/></sdl:seg-defs></trans-unit>"#,
        #"<trans-unit id="e%d"><source>Unsegmented</source><seg-source>no marks</seg-source></trans-unit>"#,
        #"<trans-unit><alt-trans><source>Alternative</source></alt-trans><source>No id %d</source><source>Second source</source></trans-unit>"#,
        #"<trans-unit id="f%d"><note>n</note><source xml:lang="en">  spaced   %d  <ex id="9"/></source><sdl:seg-defs><sdl:seg id="3" locked="true"/></sdl:seg-defs></trans-unit>"#,
        #"<group/><group translate="no"></group><empty/><trans-unit id="g%d"><source/></trans-unit>"#,
    ]

    static func document(units count: Int, header: String = "", extra: String = "") -> Data {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml +=
            #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">"#
        xml += #"<file original="o" source-language="en-US" target-language="fr" datatype="x">"# + header + "<body>\n"
        for i in 0..<count { xml += String(format: units[i % units.count], i, i) + "\n" }
        xml += extra + "</body></file></xliff>\n"
        return Data(xml.utf8)
    }

    /// Both readers give the same segments, or the same error; returns the error, if any.
    @discardableResult
    func same(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Error? {
        let expected = Result { try Self.oracle(data, name: "d.xlf") }
        let actual = Result { try Self.direct(data, name: "d.xlf") }
        switch (expected, actual) {
        case (.success(let e), .success(let a)):
            // Compared piecewise so that a failure names the first difference, not two documents.
            #expect(
                e.sourceLanguage == a.sourceLanguage && e.targetLanguage == a.targetLanguage,
                sourceLocation: sourceLocation)
            #expect(e.segments.count == a.segments.count, sourceLocation: sourceLocation)
            if let i = e.segments.indices.first(where: { $0 < a.segments.count && e.segments[$0] != a.segments[$0] }) {
                Issue.record(
                    "segment \(i): oracle \(e.segments[i]), direct \(a.segments[i])", sourceLocation: sourceLocation)
            }
            #expect(!a.segments.isEmpty, sourceLocation: sourceLocation)
        case (.failure(let e), .failure(let a)):
            #expect("\(e)" == "\(a)", sourceLocation: sourceLocation)
        default:
            Issue.record("oracle \(expected), direct \(actual)", sourceLocation: sourceLocation)
        }
        if case .failure(let error) = actual { return error }
        return nil
    }

    @Test("Every rule, across chunk boundaries")
    func rules() throws {
        let data = Self.document(
            units: 300,
            header:
                "<header><skl><internal-file>x</internal-file></skl><trans-unit id=\"h\"><source>Header</source></trans-unit></header>"
        )
        #expect(data.count > 10 * Self.chunk)
        same(data)
        let doc = try Self.direct(data, name: "d.xlf")
        #expect(try DocumentReader.read(data, name: "d.xlf") == doc)
        #expect(doc.segments.contains { $0.id == "d3/2" && !$0.translatable })
        #expect(doc.segments.contains { $0.id == "d3/3" && $0.plainText == "No mid" })
        #expect(!doc.segments.contains { $0.id.hasPrefix("e4") })
        #expect(doc.segments.contains { $0.plainText == "Raw <text> 2 " })
    }

    /// A valid document of 300 units (past many chunks) with its end replaced.
    static func late(replacing end: String, with replacement: String) -> Data {
        let text = String(decoding: document(units: 300), as: UTF8.self)
        return Data(text.replacingOccurrences(of: end, with: replacement).utf8)
    }

    /// Each case: the document and a part of the error message both readers must give.
    static let errorCases: [(name: String, data: Data, message: String)] = [
        (
            "a unit without source in the replayed events",
            document(units: 2, extra: "<trans-unit id=\"bad\"><target>t</target></trans-unit>"), "has no <source>"
        ),
        (
            "a unit without source after many chunks",
            document(units: 300, extra: "<trans-unit id=\"bad\"><target>t</target></trans-unit>"), "has no <source>"
        ),
        (
            "a bad language on a later file",
            late(replacing: "</file></xliff>", with: "</file><file source-language=\"e n\"><body/></file></xliff>"),
            "source-language"
        ),
        (
            "a bad language on a later file, then an undefined entity",
            late(
                replacing: "</file></xliff>",
                with: "</file><file source-language=\"e n\"><body>&bad;</body></file></xliff>"),
            // The XML error of a chunk comes before the reader's errors in that chunk's events.
            "Entity 'bad' not defined"
        ),
        (
            "a malformed end tag",
            late(
                replacing: "</body></file></xliff>",
                with: "<trans-unit id=\"x\"><source>unclosed</trans-unit></body></file></xliff>"), "mismatch"
        ),
        (
            "an undefined entity",
            late(
                replacing: "</body></file></xliff>",
                with: "<trans-unit id=\"x\"><source>&nbsp;</source></trans-unit></body></file></xliff>"), "nbsp"
        ),
        ("a document cut short", document(units: 300).dropLast(200), "Extra content at the end of the document"),
        (
            "no file",
            Data(#"<xliff version="1.2"><body><trans-unit id="1"><source>s</source></trans-unit></body></xliff>"#.utf8),
            "has no <file>"
        ),
        ("an empty root", Data(#"<xliff version="1.2"/>"#.utf8), "has no <file>"),
    ]

    @Test("Errors: the same position and message as the tree-based reader", arguments: 0..<errorCases.count)
    func error(index: Int) throws {
        let (name, data, message) = Self.errorCases[index]
        let error = try #require(same(data) as? AnalysisError, "\(name): accepted")
        #expect(error.message.contains(message), "\(name): \(error)")
    }
}
