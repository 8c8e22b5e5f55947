import Foundation
import Testing

@testable import TandemAnalysis

@Suite("OASIS XLIFF 2 conformance suite")
struct OASISSuiteTests {
    static let suite = "xliff2-oasis-test-suite/"
    static let coreValid = Fixtures.files(in: suite + "core/valid", extensions: ["xlf"])
    static let modulesValid = Fixtures.files(in: suite + "modules/valid", extensions: ["xlf"])
    static let valid = coreValid + modulesValid
    static let invalid = Fixtures.files(in: suite + "core/invalid", extensions: ["xlf"])
    static let inOutFiles = Fixtures.files(in: suite + "core/in-out", extensions: ["xlf"])

    @Test(
        "The suite is in Tests/Fixtures, whole",
        arguments: [("core/valid", 25), ("modules/valid", 34), ("core/invalid", 119), ("core/in-out", 18)])
    func present(folder: String, count: Int) throws {
        let files = try Fixtures.requiredFiles(in: Self.suite + folder, extensions: ["xlf"])
        #expect(files.count == count, "\(Fixtures.root.path)/\(Self.suite)\(folder)")
    }

    @Test("core/valid and modules/valid documents are accepted, with their segments", arguments: valid)
    func accepts(url: URL) throws {
        let doc = try DocumentReader.read(contentsOf: url)
        #expect(doc.format == .xliff2)
        // One segment per <segment> element (a valid unit holds at least one).
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(doc.segments.count == Self.segmentElements(in: text))
    }

    @Test("core/invalid documents are refused with a position and a reason", arguments: invalid)
    func refuses(url: URL) {
        do {
            _ = try DocumentReader.read(contentsOf: url)
            Issue.record("accepted \(url.lastPathComponent)")
        } catch let error as AnalysisError {
            #expect(error.kind == .invalid || error.kind == .malformed)
            #expect(error.description.hasPrefix(url.path + ":"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("in-out documents are read as XLIFF 2 with their segments", arguments: inOutFiles)
    func inOut(url: URL) throws {
        let doc = try DocumentReader.read(contentsOf: url)
        #expect(doc.format == .xliff2)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(doc.segments.count == Self.segmentElements(in: text))
    }

    /// The number of `<segment>` start tags in a document's text.
    static func segmentElements(in text: String) -> Int {
        text.components(separatedBy: "<segment").dropFirst().filter { $0.first == ">" || $0.first == " " }.count
    }
}

/// The suite's files are smaller than the first chunk, which the reader queues and replays. With
/// a long comment before the root and 64-byte chunks, everything after the root reaches the
/// XLIFF 2 reader straight from libxml2's callbacks instead (structural tags judged on libxml2's
/// attribute array): the verdict and the message must be the same as when replayed.
@Suite("OASIS XLIFF 2 suite through the direct path")
struct OASISDirectPathTests {
    static func padded(_ url: URL) throws -> Data {
        var text = try String(contentsOf: url, encoding: .utf8)
        let comment = "<!--" + String(repeating: " ", count: 40_000) + "-->"
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text.insert(contentsOf: comment, at: end.upperBound)
        } else {
            text = comment + text
        }
        return Data(text.utf8)
    }

    static func read(_ data: Data, name: String, chunk: Int) -> Result<SourceDocument, AnalysisError> {
        Result {
            let reader = try XMLEventReader(data: data, fileName: name, limits: .default, chunkSize: chunk)
            let (root, rootIsEmpty) = try reader.root()
            return try XLIFF2Reader.read(reader, root: root, rootIsEmpty: rootIsEmpty)
        }.mapError { $0 as? AnalysisError ?? AnalysisError(file: name, kind: .invalid, message: "\($0)") }
    }

    @Test(
        "Same documents and the same errors as replayed reads",
        arguments: OASISSuiteTests.valid + OASISSuiteTests.invalid)
    func same(url: URL) throws {
        let data = try Self.padded(url)
        let replayed = Self.read(data, name: url.lastPathComponent, chunk: XMLEventReader.chunkSize)
        let direct = Self.read(data, name: url.lastPathComponent, chunk: 64)
        switch (replayed, direct) {
        case (.success(let r), .success(let d)): #expect(r == d)
        case (.failure(let r), .failure(let d)): #expect(r.description == d.description)
        default: Issue.record("replayed \(replayed), in 64-byte chunks \(direct)")
        }
    }
}

/// Attribute rules on structural elements and inline codes, and extension children, which the suite's invalid files barely touch, read
/// both ways: replayed from the event queue (whole-file chunk) and from libxml2's array (64-byte
/// chunks).
@Suite("XLIFF 2 attribute rules on both paths")
struct XLIFF2AttributePathTests {
    /// A valid file first (libxml2 reports the first kilobytes in one go, which the reader
    /// queues), then the file under test.
    static func document(
        file: String = #"id="f""#, unit: String = #"id="u""#, segment: String = "", source: String = "",
        content: String = "Text",
        metadata: String = ""
    ) -> Data {
        let filler = (0..<100).map { #"<unit id="p\#($0)"><segment><source>Filler.</source></segment></unit>"# }
            .joined()
        return Data(
            (#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" xmlns:x="urn:example:x" version="2.0" srcLang="en">"#
                + #"<file id="first">\#(filler)</file><file \#(file)><unit \#(unit)>\#(metadata)<segment \#(segment)><source \#(source)>\#(content)</source></segment></unit></file></xliff>"#)
                .utf8)
    }

    static func message(_ data: Data, chunk: Int) -> String? {
        do {
            let reader = try XMLEventReader(data: data, fileName: "a.xlf", limits: .default, chunkSize: chunk)
            let (root, rootIsEmpty) = try reader.root()
            _ = try XLIFF2Reader.read(reader, root: root, rootIsEmpty: rootIsEmpty)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let cases: [(Data, String?)] = [
        (document(unit: #"id="u" translate="maybe""#), #"translate="maybe" must be yes or no."#),
        (document(file: #"id="f" srcDir="up""#), #"srcDir="up" must be ltr, rtl or auto."#),
        (document(unit: #"id="1 2""#), "id “1 2” is not an NMTOKEN."),
        (document(source: #"xml:space="keep""#), #"xml:space="keep" must be default or preserve."#),
        (document(unit: #"id="u" xml:lang="e n""#), "xml:lang “e n” is not a well-formed BCP 47 tag."),
        (document(unit: #"id="u" foo="x""#), "attribute “foo” is not allowed on <unit>."),
        (document(segment: #"translate="no""#), "attribute “translate” is not allowed on <segment>."),
        (document(unit: #"id="u" fs:fs="blink""#), "fs:fs value “blink” is not an HTML element name."),
        (
            document(
                unit: #"id="u" name="a&amp;b" canResegment="no" fs:fs="p" translate="no""#,
                segment: #"id="s" state="final""#), nil
        ),
        // Inline codes: their attributes are judged on libxml2's array too.
        (document(content: #"a <ph id="1" canCopy="maybe"/>"#), #"canCopy="maybe" must be yes or no."#),
        (document(content: #"<pc id="1" dir="up">a</pc>"#), #"dir="up" must be ltr, rtl or auto."#),
        (document(content: #"<ph id="1 2"/>"#), "id “1 2” is not an NMTOKEN."),
        (document(content: #"<ph id="1" foo="x"/>"#), "attribute “foo” is not allowed on <ph>."),
        (document(content: #"<ph id="1" xml:lang="fr"/>"#), "xml:lang is not allowed on <ph>."),
        (
            document(content: #"<sc id="1" canReorder="sometimes"/>b<ec startRef="1"/>"#),
            #"canReorder="sometimes" must be yes, no or firstNo."#
        ),
        (
            document(
                content:
                    #"<pc id="1" canCopy="no" canDelete="no" canReorder="firstNo">a</pc><ph id="2" canCopy="no" canDelete="no" canReorder="no"/><mrk id="m" translate="no">b</mrk>"#
            ), nil
        ),
        // Children of extension elements: judged on interned names when they have no id.
        (
            document(metadata: #"<mda:metadata><mda:metaGroup><mda:bogus/></mda:metaGroup></mda:metadata>"#),
            "<bogus> is not an element of its module."
        ),
        (
            document(metadata: #"<x:e><x:f id="a"/><x:f id="a"/></x:e>"#),
            "id “a” is used twice in the same extension element."
        ),
        (
            document(
                metadata:
                    #"<mda:metadata><mda:metaGroup category="c"><mda:meta type="t">v</mda:meta><x:any><mda:bogus/></x:any></mda:metaGroup></mda:metadata>"#
            ), nil
        ),
    ]

    @Test("Each rule gives its message, whichever way the tag arrives", arguments: 0..<cases.count)
    func rule(index: Int) {
        let (data, expected) = Self.cases[index]
        for chunk in [XMLEventReader.chunkSize, 64] {
            let message = Self.message(data, chunk: chunk)
            if let expected {
                #expect(message?.hasSuffix(expected) == true, "chunk \(chunk): \(message ?? "accepted")")
            } else {
                #expect(message == nil, "chunk \(chunk)")
            }
        }
    }
}
