import Foundation
import TandemDomain

/// XLIFF 2.0/2.1/2.2: one segment per `<segment>` source; `<ignorable>` is skipped;
/// `translate="no"` on file, group or unit makes its segments non-translatable. Each `<file>` is
/// read as a tree, checked against the core specification (`XLIFF2Validator`) and then read.
enum XLIFF2Reader {
    static let core = "urn:oasis:names:tc:xliff:document:2.0"

    static func read(_ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool) throws -> SourceDocument {
        var validator = try XLIFF2Validator(root: root, fileName: reader.fileName)
        var document = SourceDocument(name: reader.fileName, format: .xliff2, sourceLanguage: validator.sourceLanguage, targetLanguage: validator.targetLanguage, segments: [])
        var files = 0
        if !rootIsEmpty {
            // Each <file> is built as a tree inside the parser's callbacks (record mode).
            reader.collectRecords(["file"])
            while let event = try reader.next() {
                guard case .start(let e, let isEmpty) = event else { continue }
                guard e.name == "file", e.namespace == core else {
                    throw reader.error(.invalid, "<\(e.name)> is not allowed directly in <xliff>; only <file> elements are.", line: e.line, column: e.column)
                }
                let file = try reader.readElement(e, isEmpty: isEmpty)
                try validator.validate(file: file)
                files += 1
                collect(file, translatable: true, into: &document.segments)
            }
        }
        if files == 0 { throw reader.error(.invalid, "<xliff> must contain at least one <file>.", line: root.line, column: root.column) }
        return document
    }

    static func collect(_ element: XMLElement, translatable inherited: Bool, into segments: inout [SourceSegment]) {
        let translatable = inherited && element.attribute("translate") != "no"
        for child in element.elements where child.namespace == core {
            switch child.name {
            case "group": collect(child, translatable: translatable, into: &segments)
            case "unit":
                let unitTranslatable = translatable && child.attribute("translate") != "no"
                let unitId = child.attribute("id") ?? ""
                var index = 0
                for segment in child.elements(named: "segment") {
                    index += 1
                    guard let source = segment.firstElement(named: "source") else { continue }
                    let id = "\(unitId)/\(segment.attribute("id") ?? String(index))"
                    segments.append(SourceSegment(id: id, content: SourceSegment.compact(inline(source.children)), translatable: unitTranslatable))
                }
            default: break
            }
        }
    }

    static func inline(_ nodes: [XMLNode]) -> [InlinePiece] {
        var out: [InlinePiece] = []
        for node in nodes {
            switch node {
            case .text(let t): out.append(.text(t))
            case .element(let e):
                switch e.name {
                case "cp":
                    if let v = e.attribute("hex").flatMap({ UInt32($0, radix: 16) }), let s = Unicode.Scalar(v) { out.append(.text(String(Character(s)))) }
                case "ph": out.append(.code(.standalone))
                case "sc": out.append(.code(.open))
                case "ec": out.append(.code(.close))
                case "pc": out.append(.code(.open)); out += inline(e.children); out.append(.code(.close))
                case "sm", "em": break
                default: out += inline(e.children)
                }
            }
        }
        return out
    }
}
