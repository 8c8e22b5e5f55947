import Foundation
import Testing
@testable import TandemAnalysis

/// XLIFF 2 `<file>` trees are built inside the parser's callbacks (record mode). These tests compare
/// that with the event-by-event tree building it replaced, the document fed in small chunks (as
/// large documents are fed in 1 MiB chunks), valid and invalid.
@Suite("XLIFF 2 record mode against event-built trees")
struct XLIFF2RecordModeTests {
    /// The reader as it was before record mode.
    static let chunk = 4096

    static func oracle(_ data: Data, name: String) throws -> SourceDocument {
        let reader = try XMLEventReader(data: data, fileName: name, limits: .default, chunkSize: chunk)
        let (root, rootIsEmpty) = try reader.root()
        var validator = try XLIFF2Validator(root: root, fileName: reader.fileName)
        var document = SourceDocument(name: reader.fileName, format: .xliff2, sourceLanguage: validator.sourceLanguage, targetLanguage: validator.targetLanguage, segments: [])
        var files = 0
        if !rootIsEmpty {
            while let event = try reader.next() {
                guard case .start(let e, let isEmpty) = event else { continue }
                guard e.name == "file", e.namespace == XLIFF2Reader.core else {
                    throw reader.error(.invalid, "<\(e.name)> is not allowed directly in <xliff>; only <file> elements are.", line: e.line, column: e.column)
                }
                let file = try reader.readElement(e, isEmpty: isEmpty)
                try validator.validate(file: file)
                files += 1
                XLIFF2Reader.collect(file, translatable: true, into: &document.segments)
            }
        }
        if files == 0 { throw reader.error(.invalid, "<xliff> must contain at least one <file>.", line: root.line, column: root.column) }
        return document
    }

    static func document(files: Int, units: Int, last: String = "") -> Data {
        var xml = #"<?xml version="1.0"?>"# + "\n" + #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">"# + "\n"
        for f in 0..<files {
            xml += #"<file id="f\#(f)"><notes><note id="n1">note</note></notes>"# + "\n"
            for u in 0..<units {
                xml += #"<unit id="u\#(u)"><originalData><data id="d1">&lt;b&gt;</data></originalData><segment id="s1"><source>Text \#(u) &amp; <pc id="1" dataRefStart="d1">bold</pc> <cp hex="0007"/>x</source><target>Texte</target></segment><ignorable><source> </source></ignorable><segment><source>Two <sc id="2"/>b<ec startRef="2"/>.</source></segment></unit>"# + "\n"
            }
            xml += #"<group id="g" translate="no"><unit id="k"><segment><source>Keep</source></segment></unit></group></file>"# + "\n"
        }
        xml += last + "</xliff>\n"
        return Data(xml.utf8)
    }

    func same(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Result { try Self.oracle(data, name: "d.xlf") }
        let actual = Result { () throws -> SourceDocument in
            let reader = try XMLEventReader(data: data, fileName: "d.xlf", limits: .default, chunkSize: Self.chunk)
            let (root, rootIsEmpty) = try reader.root()
            return try XLIFF2Reader.read(reader, root: root, rootIsEmpty: rootIsEmpty)
        }
        switch (expected, actual) {
        case (.success(let e), .success(let a)):
            #expect(e.segments.count == a.segments.count && e.sourceLanguage == a.sourceLanguage && e.targetLanguage == a.targetLanguage, sourceLocation: sourceLocation)
            if let i = e.segments.indices.first(where: { $0 < a.segments.count && e.segments[$0] != a.segments[$0] }) {
                Issue.record("segment \(i): oracle \(e.segments[i]), records \(a.segments[i])", sourceLocation: sourceLocation)
            }
        case (.failure(let e), .failure(let a)):
            #expect("\(e)" == "\(a)", sourceLocation: sourceLocation)
        default:
            Issue.record("oracle \(expected), records \(actual)", sourceLocation: sourceLocation)
        }
    }

    @Test("Valid and invalid documents across chunk boundaries")
    func compare() {
        let data = Self.document(files: 2, units: 80)
        #expect(data.count > 10 * Self.chunk)
        same(data)
        same(Self.document(files: 2, units: 80, last: #"<file id="f0"><unit id="u"><segment><source>dup</source></segment></unit></file>"#))
        same(Self.document(files: 2, units: 80, last: #"<file id="t"><unit id="u"><segment><source>open"#))
    }
}
