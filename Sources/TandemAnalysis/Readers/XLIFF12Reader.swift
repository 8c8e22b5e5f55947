import Foundation
import TandemDomain

/// XLIFF 1.0–1.2 (and SDLXLIFF): one segment per `mrk mtype="seg"` of `seg-source`, else per
/// `trans-unit` source. `translate="no"` (inherited from groups) and SDLXLIFF locked segments are
/// non-translatable. Streams trans-unit by trans-unit.
enum XLIFF12Reader {
    static let sdlNamespace = "http://sdl.com/FileTypes/SdlXliff/1.0"
    /// Children of a trans-unit that analysis does not need: not built into a tree.
    static let unusedUnitChildren: Set<String> = [
        "target", "alt-trans", "note", "context-group", "count-group", "prop-group", "phase-group",
    ]

    /// `splitter`: splits units without `<seg-source>` into sentences (in `language`, else the
    /// file's source language); nil keeps one segment per such unit.
    static func read(
        _ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool, splitter: UnitSplitter? = nil,
        language: LanguageTag? = nil
    ) throws -> SourceDocument {
        if rootIsEmpty {
            throw reader.error(.invalid, "the XLIFF document has no <file>.", line: root.line, column: root.column)
        }
        let builder = XLIFF12Builder(reader: reader)
        var document = try withExtendedLifetime(builder) { try read(reader, builder: builder, root: root) }
        if let splitter, !builder.wholeUnits.isEmpty {
            document.segments = splitter.split(
                document.segments, wholeUnits: builder.wholeUnits, language: language ?? document.sourceLanguage)
        }
        return document
    }

    private static func read(_ reader: XMLEventReader, builder: XLIFF12Builder, root: XMLElement) throws
        -> SourceDocument
    {
        try reader.readRecords(into: builder)
        if !builder.sawFile {
            throw reader.error(.invalid, "the XLIFF document has no <file>.", line: root.line, column: root.column)
        }
        return builder.document
    }

    static func segments(of unit: XMLElement, translatable: Bool, file: String) throws -> [SourceSegment] {
        let id = unit.attribute("id") ?? "\(unit.line)"
        var locked: Set<String> = []
        for defs in unit.elements where defs.name == "seg-defs" && defs.namespace == sdlNamespace {
            for seg in defs.elements where seg.attribute("locked") == "true" {
                locked.insert(seg.attribute("id") ?? "")
            }
        }
        if let segSource = unit.firstElement(named: "seg-source") {
            // seg-source is authoritative: without segment marks the unit has no segment.
            var marks: [XMLElement] = []
            collectSegmentMarks(segSource, into: &marks)
            do {
                return marks.map { mark in
                    let mid = mark.attribute("mid") ?? "\(marks.count)"
                    return SourceSegment(
                        id: "\(id)/\(mid)", content: SourceSegment.compact(inline(mark.children)),
                        translatable: translatable && !locked.contains(mid))
                }
            }
        }
        guard let source = unit.firstElement(named: "source") else {
            throw AnalysisError(
                file: file, line: unit.line, column: unit.column, kind: .invalid,
                message: "<trans-unit id=\"\(id)\"> has no <source>.")
        }
        return [
            SourceSegment(id: id, content: SourceSegment.compact(inline(source.children)), translatable: translatable)
        ]
    }

    static func collectSegmentMarks(_ element: XMLElement, into marks: inout [XMLElement]) {
        for child in element.elements {
            if child.name == "mrk", child.attribute("mtype") == "seg" {
                marks.append(child)
            } else {
                collectSegmentMarks(child, into: &marks)
            }
        }
    }

    /// Inline content of XLIFF 1.2: `g` is a paired code around text; `x`, `bx`, `ex`, `ph`, `bpt`,
    /// `ept`, `it` are codes whose own content (native code) is not text; `mrk` is transparent.
    static func inline(_ nodes: [XMLNode]) -> [InlinePiece] {
        var out: [InlinePiece] = []
        for node in nodes {
            switch node {
            case .text(let t): out.append(.text(t))
            case .element(let e):
                switch e.name {
                case "g":
                    out.append(.code(.open))
                    out += inline(e.children)
                    out.append(.code(.close))
                case "bx", "bpt": out.append(.code(.open))
                case "ex", "ept": out.append(.code(.close))
                case "x", "ph", "it": out.append(.code(.standalone))
                case "mrk":
                    if e.attribute("mtype") == "protected" {
                        out.append(.code(.standalone))
                    } else {
                        out += inline(e.children)
                    }
                default: out += inline(e.children)
                }
            }
        }
        return out
    }
}
