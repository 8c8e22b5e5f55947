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

    static func read(_ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool, each: (TMXUnit) throws -> Void)
        throws -> LanguageTag?
    {
        if rootIsEmpty { return nil }
        return try withoutActuallyEscaping(each) { each in
            let builder = TMXBuilder(reader: reader, each: each)
            return try withExtendedLifetime(builder) {
                try reader.readRecords(into: builder)
                return builder.sourceLanguage
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
    static func document(
        _ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool, sourceLanguage requested: LanguageTag?,
        targetLanguage: LanguageTag?
    ) throws -> SourceDocument {
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
            guard let best,
                source == nil
                    || (best.element.language.flatMap { l in source.flatMap { l.matchQuality(for: $0) } } ?? 0) > 0
            else { continue }
            segments.append(SourceSegment(id: unit.id ?? "\(unit.index + 1)", content: best.element.content))
        }
        return SourceDocument(
            name: reader.fileName, format: .tmx, sourceLanguage: source, targetLanguage: target, segments: segments)
    }
}
