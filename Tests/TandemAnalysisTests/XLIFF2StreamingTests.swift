import Foundation
import Testing

@testable import TandemAnalysis

/// XLIFF 2 is checked and read while libxml2 streams it in chunks (1 MiB for large documents).
/// These tests feed the same documents in small chunks, so that elements, text and subtrees that
/// the reader keeps whole (notes, original data, targets) are cut at many places, and compare.
@Suite("XLIFF 2 streaming across chunk boundaries")
struct XLIFF2StreamingTests {
    static func read(_ data: Data, chunk: Int) throws -> SourceDocument {
        let reader = try XMLEventReader(data: data, fileName: "d.xlf", limits: .default, chunkSize: chunk)
        let (root, rootIsEmpty) = try reader.root()
        return try XLIFF2Reader.read(reader, root: root, rootIsEmpty: rootIsEmpty)
    }

    static func document(files: Int, units: Int, last: String = "") -> Data {
        var xml =
            #"<?xml version="1.0"?>"# + "\n"
            + #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">"# + "\n"
        for f in 0..<files {
            xml += #"<file id="f\#(f)"><notes><note id="n1">note</note></notes>"# + "\n"
            for u in 0..<units {
                xml +=
                    ##"<unit id="u\##(u)"><notes><note id="n">about u\##(u)</note></notes><originalData><data id="d1">&lt;b&gt;</data></originalData><segment id="s1"><source>Text \##(u) &amp; <pc id="1" dataRefStart="d1">bold</pc> <cp hex="0007"/>x<mrk id="m" type="comment" ref="#n=n">noted</mrk></source><target>Texte <pc id="1" dataRefStart="d1">gras</pc></target></segment><ignorable><source> </source></ignorable><segment><source>Two <sc id="2"/>b<ec startRef="2"/>.</source></segment></unit>"##
                    + "\n"
            }
            xml +=
                #"<group id="g" translate="no"><unit id="k"><segment><source>Keep</source></segment></unit></group></file>"#
                + "\n"
        }
        xml += last + "</xliff>\n"
        return Data(xml.utf8)
    }

    /// Reads `data` whole and in small chunks; all reads must give the same document, or the
    /// same error. Returns the error of the whole read, if any.
    @discardableResult
    func same(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Error? {
        let whole = Result { try Self.read(data, chunk: XMLEventReader.chunkSize) }
        for chunk in [1, 7, 4096] {
            let small = Result { try Self.read(data, chunk: chunk) }
            switch (whole, small) {
            case (.success(let w), .success(let s)): #expect(w == s, "chunk \(chunk)", sourceLocation: sourceLocation)
            case (.failure(let w), .failure(let s)):
                #expect("\(w)" == "\(s)", "chunk \(chunk)", sourceLocation: sourceLocation)
            default: Issue.record("chunk \(chunk): whole \(whole), small \(small)", sourceLocation: sourceLocation)
            }
        }
        if case .failure(let error) = whole { return error }
        return nil
    }

    @Test("A valid document reads the same in any chunks, with the text of its segments")
    func valid() throws {
        let data = Self.document(files: 2, units: 40)
        #expect(data.count > 8 * 4096)
        same(data)
        let doc = try Self.read(data, chunk: 4096)
        #expect(doc.segments.count == 2 * (40 * 2 + 1))
        #expect(doc.segments[0].id == "u0/s1")
        #expect(
            doc.segments[0].content == [
                .text("Text 0 & "), .code(.open), .text("bold"), .code(.close), .text(" \u{7}xnoted"),
            ])
        #expect(doc.segments[1].id == "u0/2")
        #expect(doc.segments[1].content == [.text("Two "), .code(.open), .text("b"), .code(.close), .text(".")])
        #expect(doc.segments[80].id == "k/1" && !doc.segments[80].translatable && doc.segments[0].translatable)
    }

    @Test("A duplicate file id: the same error in any chunks")
    func duplicateFile() throws {
        let error = same(
            Self.document(
                files: 2, units: 40,
                last: #"<file id="f0"><unit id="u"><segment><source>dup</source></segment></unit></file>"#))
        #expect("\(try #require(error))".hasSuffix("file id “f0” is not unique."))
    }

    @Test("A document cut short: the same error in any chunks")
    func cutShort() throws {
        let error = same(Self.document(files: 2, units: 40, last: #"<file id="t"><unit id="u"><segment><source>open"#))
        #expect((try #require(error as? AnalysisError)).kind == .malformed)
    }

    @Test("A subFlows reference to a unit the file lacks: the same error in any chunks")
    func missingSubFlowsUnit() throws {
        let error = same(
            Self.document(
                files: 1, units: 40,
                last:
                    #"<file id="s"><unit id="a"><segment><source><ph id="1" subFlows="zz"/></source></segment></unit></file>"#
            ))
        #expect("\(try #require(error))".hasSuffix("subFlows refers to unit “zz”, which is not in the file."))
    }

    static func subFlowsDocument(later: String) -> Data {
        Data(
            #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="a"><segment><source>See <ph id="1" subFlows="b"/>.</source></segment></unit>\#(later)</file></xliff>"#
                .utf8)
    }

    @Test("A subFlows reference may point to a unit later in the file")
    func laterSubFlows() throws {
        let data = Self.subFlowsDocument(later: #"<unit id="b"><segment><source>Alt text</source></segment></unit>"#)
        #expect(try Self.read(data, chunk: 16).segments.map(\.id) == ["a/1", "b/1"])
    }

    @Test("A subFlows reference may not point to a unit outside the file")
    func subFlowsOutsideFile() throws {
        let data = Self.subFlowsDocument(later: #"<unit id="c"><segment><source>Other</source></segment></unit>"#)
        let error = try #require(throws: AnalysisError.self) { try Self.read(data, chunk: 16) }
        #expect(error.message == "invalid XLIFF 2: subFlows refers to unit “b”, which is not in the file.")
    }
}

@Suite("Reading progress")
struct ReadingProgressTests {
    final class Fractions: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ f: Double) {
            lock.lock()
            values.append(f)
            lock.unlock()
        }
        var all: [Double] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }

    /// A document of about `megabytes` MB in the given format.
    static func document(xliff2: Bool, megabytes: Int) -> Data {
        var xml =
            xliff2
            ? #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f">"#
            : #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" datatype="x" original="o"><body>"#
        var i = 0
        while xml.utf8.count < megabytes << 20 {
            xml +=
                xliff2
                ? #"<unit id="u\#(i)"><segment><source>Sentence number \#(i) of the file.</source></segment></unit>"#
                : #"<trans-unit id="u\#(i)"><source>Sentence number \#(i) of the file.</source></trans-unit>"#
            i += 1
        }
        xml += xliff2 ? "</file></xliff>" : "</body></file></xliff>"
        return Data(xml.utf8)
    }

    @Test("Reported per megabyte while a large file streams, rising to 1", arguments: [true, false])
    func perChunk(xliff2: Bool) throws {
        let fractions = Fractions()
        let doc = try DocumentReader.read(
            Self.document(xliff2: xliff2, megabytes: 3), name: "big.xlf", progress: { fractions.add($0) })
        #expect(doc.segments.count > 30_000)
        let seen = fractions.all
        // One report per MiB (the first small chunks included), not one per kilobyte.
        #expect(seen.count >= 3 && seen.count <= 12, "\(seen.count) reports")
        #expect(seen == seen.sorted())
        #expect(seen.last == 1)
    }
}
