import Foundation
import TandemDomain
import Testing

@testable import TandemAnalysis

/// TMX units are built straight from SAX events. These tests compare that with the tree-based
/// reading it replaced (kept here as the oracle), the document fed in small chunks (as large
/// documents are fed in 1 MiB chunks), valid and invalid.
@Suite("TMX direct reader against the tree-based reader")
struct TMXDirectReaderTests {
    struct Unit: Equatable {
        var id: String?
        var index: Int
        var variants: [String]
    }

    static func flatten(_ unit: TMXUnit) -> Unit {
        Unit(
            id: unit.id, index: unit.index,
            variants: unit.variants.map { "\($0.language.map { "\($0)" } ?? "-") \($0.content)" })
    }

    static let chunk = 4096

    /// The reader as it was before the direct path.
    static func oracle(_ data: Data) throws -> (LanguageTag?, [Unit]) {
        let reader = try XMLEventReader(data: data, fileName: "t.tmx", limits: .default, chunkSize: chunk)
        let (_, rootIsEmpty) = try reader.root()
        var sourceLanguage: LanguageTag?
        var units: [Unit] = []
        var languages: [String: LanguageTag?] = [:]
        if rootIsEmpty { return (nil, []) }
        reader.collectRecords(["tu"], skippingChildren: ["prop", "note"])
        while let event = try reader.next() {
            guard case .start(let e, let isEmpty) = event else { continue }
            switch e.name {
            case "header":
                sourceLanguage = try parseLanguage(
                    e.attribute("srclang"), file: reader.fileName, line: e.line, column: e.column, what: "srclang")
                try reader.skipElement(isEmpty: isEmpty)
            case "tu":
                let tu = try reader.readElement(e, isEmpty: isEmpty, skipping: ["prop", "note"])
                var variants: [TMXUnit.Variant] = []
                for tuv in tu.elements(named: "tuv") {
                    let lang = tuv.attribute("lang", namespace: TMXReader.xmlNamespace) ?? tuv.attribute("lang")
                    let tag: LanguageTag?
                    if let lang, let cached = languages[lang] {
                        tag = cached
                    } else {
                        tag = try parseLanguage(
                            lang, file: reader.fileName, line: tuv.line, column: tuv.column, what: "xml:lang")
                        if let lang { languages[lang] = tag }
                    }
                    guard let seg = tuv.firstElement(named: "seg") else { continue }
                    variants.append(
                        .init(language: tag, content: SourceSegment.compact(TMXReader.inline(seg.children))))
                }
                units.append(flatten(TMXUnit(id: tu.attribute("tuid"), index: units.count, variants: variants)))
            default:
                break
            }
        }
        return (sourceLanguage, units)
    }

    static func direct(_ data: Data) throws -> (LanguageTag?, [Unit]) {
        let reader = try XMLEventReader(data: data, fileName: "t.tmx", limits: .default, chunkSize: chunk)
        let (root, rootIsEmpty) = try reader.root()
        var units: [Unit] = []
        let language = try TMXReader.read(reader, root: root, rootIsEmpty: rootIsEmpty) { units.append(flatten($0)) }
        return (language, units)
    }

    static let units = [
        #"<tu tuid="a%d"><prop type="x">p</prop><tuv xml:lang="en"><seg>Plain %d &amp; <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> <ph>{0}</ph><it pos="end">x</it><it pos="begin">y</it><ut>u</ut></seg><seg>second</seg></tuv><tuv lang="fr-FR"><note>n</note><seg>Texte <hi>mis</hi> <bpt i="2">a<sub>sub text</sub></bpt>%d</seg></tuv></tu>"#,
        #"<tu><tuv xml:lang="de"><prop>x</prop></tuv><tuv xml:lang="EN-us"><seg><![CDATA[raw <x>]]> %d</seg></tuv></tu>"#,
        #"<tu tuid="e%d"/><tu tuid="f%d"><tuv><seg>no language</seg></tuv></tu>"#,
    ]

    static func document(units count: Int, extra: String = "") -> Data {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<tmx version="1.4"><header srclang="en-US" segtype="sentence"><prop type="p">x</prop></header><body>"#
            + "\n"
        for i in 0..<count { xml += String(format: units[i % units.count], i, i) + "\n" }
        xml += extra + "</body></tmx>\n"
        return Data(xml.utf8)
    }

    /// Both readers give the same units, or the same error; returns the error, if any.
    @discardableResult
    func same(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Error? {
        let expected = Result { try Self.oracle(data) }
        let actual = Result { try Self.direct(data) }
        switch (expected, actual) {
        case (.success(let e), .success(let a)):
            #expect(e.0 == a.0 && e.1.count == a.1.count, sourceLocation: sourceLocation)
            if let i = e.1.indices.first(where: { $0 < a.1.count && e.1[$0] != a.1[$0] }) {
                Issue.record("unit \(i): oracle \(e.1[i]), direct \(a.1[i])", sourceLocation: sourceLocation)
            }
        case (.failure(let e), .failure(let a)):
            #expect("\(e)" == "\(a)", sourceLocation: sourceLocation)
        default:
            Issue.record("oracle \(expected), direct \(actual)", sourceLocation: sourceLocation)
        }
        if case .failure(let error) = actual { return error }
        return nil
    }

    @Test("Units, codes and languages across chunk boundaries")
    func compare() throws {
        let data = Self.document(units: 300)
        #expect(data.count > 10 * Self.chunk)
        #expect(same(data) == nil)
        let (language, units) = try Self.direct(data)
        #expect(language == tag("en-US"))
        #expect(units.count == 400)  // the third pattern holds two tu
    }

    @Test("A bad xml:lang in the replayed events: the same error")
    func badLanguageEarly() throws {
        let error = same(Self.document(units: 2, extra: #"<tu><tuv xml:lang="not a tag"><seg>x</seg></tuv></tu>"#))
        #expect((try #require(error as? AnalysisError)).description.contains("xml:lang"))
    }

    @Test("A bad xml:lang on a variant without a seg, after many chunks: the same error")
    func badLanguageLate() throws {
        let error = same(
            Self.document(units: 300, extra: #"<tu><tuv xml:lang="en"><seg>x</seg></tuv><tuv xml:lang="e_n"/></tu>"#))
        #expect((try #require(error as? AnalysisError)).description.contains("xml:lang"))
    }

    @Test("A second header with a bad srclang, after many chunks: the same error")
    func badSourceLanguageLate() throws {
        let error = same(Self.document(units: 300, extra: #"<header srclang="bad tag"/><tu/>"#))
        #expect((try #require(error as? AnalysisError)).description.contains("srclang"))
    }
}
