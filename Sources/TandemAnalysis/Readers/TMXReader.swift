import Foundation
import TandemDomain

/// One translation unit of a TMX file: its language variants in document order.
struct TMXUnit: Sendable {
    struct Variant: Sendable {
        var language: LanguageTag?
        var content: [InlinePiece]
    }
    var id: String?
    var index: Int
    var variants: [Variant]
}

/// TMX 1.1–1.4b: streams `tu` by `tu`. Codes `bpt`/`ept`/`it`/`ph`/`ut` are inline codes, `hi` is
/// transparent, `sub` (text inside codes) is not counted.
enum TMXReader {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    static func read(_ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool, each: (TMXUnit) throws -> Void) throws -> LanguageTag? {
        var sourceLanguage: LanguageTag?
        var index = 0
        var languages: [String: LanguageTag?] = [:]
        if rootIsEmpty { return nil }
        reader.collectRecords(["tu"], skippingChildren: ["prop", "note"])
        while let event = try reader.next() {
            guard case .start(let e, let isEmpty) = event else { continue }
            switch e.name {
            case "header":
                sourceLanguage = try parseLanguage(e.attribute("srclang"), file: reader.fileName, line: e.line, column: e.column, what: "srclang")
                try reader.skipElement(isEmpty: isEmpty)
            case "tu":
                let tu = try reader.readElement(e, isEmpty: isEmpty, skipping: ["prop", "note"])
                var variants: [TMXUnit.Variant] = []
                for tuv in tu.elements(named: "tuv") {
                    let lang = tuv.attribute("lang", namespace: xmlNamespace) ?? tuv.attribute("lang")
                    let tag: LanguageTag?
                    if let lang, let cached = languages[lang] { tag = cached } else {
                        tag = try parseLanguage(lang, file: reader.fileName, line: tuv.line, column: tuv.column, what: "xml:lang")
                        if let lang { languages[lang] = tag }
                    }
                    guard let seg = tuv.firstElement(named: "seg") else { continue }
                    variants.append(.init(language: tag, content: SourceSegment.compact(inline(seg.children))))
                }
                try each(TMXUnit(id: tu.attribute("tuid"), index: index, variants: variants))
                index += 1
            default:
                break
            }
        }
        return sourceLanguage
    }

    static func inline(_ nodes: [XMLNode]) -> [InlinePiece] {
        var out: [InlinePiece] = []
        for node in nodes {
            switch node {
            case .text(let t): out.append(.text(t))
            case .element(let e):
                switch e.name {
                case "bpt": out.append(.code(.open))
                case "ept": out.append(.code(.close))
                case "it": out.append(.code(e.attribute("pos") == "end" ? .close : .open))
                case "ph", "ut": out.append(.code(.standalone))
                case "sub": break
                default: out += inline(e.children)
                }
            }
        }
        return out
    }

    /// A TMX read as a file to analyse: the variants in the source language are the segments.
    static func document(_ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool, sourceLanguage requested: LanguageTag?, targetLanguage: LanguageTag?) throws -> SourceDocument {
        var units: [TMXUnit] = []
        let declared = try read(reader, root: root, rootIsEmpty: rootIsEmpty) { units.append($0) }
        let source = requested ?? declared ?? units.first?.variants.first?.language
        var target = targetLanguage
        if target == nil, let source {
            target = units.lazy.flatMap(\.variants).compactMap(\.language).first { $0.language != source.language }
        }
        var segments: [SourceSegment] = []
        for unit in units {
            let best = unit.variants.enumerated().max { a, b in
                let qa = source.flatMap { a.element.language?.matchQuality(for: $0) } ?? 0
                let qb = source.flatMap { b.element.language?.matchQuality(for: $0) } ?? 0
                return qa < qb || (qa == qb && a.offset > b.offset)
            }
            guard let best, source == nil || (best.element.language.flatMap { l in source.flatMap { l.matchQuality(for: $0) } } ?? 0) > 0 else { continue }
            segments.append(SourceSegment(id: unit.id ?? "\(unit.index + 1)", content: best.element.content))
        }
        return SourceDocument(name: reader.fileName, format: .tmx, sourceLanguage: source, targetLanguage: target, segments: segments)
    }
}
