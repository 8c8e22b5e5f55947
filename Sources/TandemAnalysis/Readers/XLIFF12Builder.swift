import CLibXML2
import Foundation
import TandemDomain

/// XLIFF 1.2 read straight from libxml2's SAX2 events: a small state machine builds each
/// trans-unit's segments from UTF-8 bytes, without an element tree and without Swift strings for
/// element names; only segment text and the few attributes used become strings. It follows
/// `XLIFF12Reader.segments(of:)` rule by rule (that function stays the reference for the rules).
///
/// Its state is only touched from the parser's callbacks on one thread, one callback at a time,
/// hence `@exclusivity(unchecked)` on the hot properties (dynamic exclusivity checks cost more
/// than the work of a callback).
///
/// Errors surface in the order the event reader gave them: an XML error of a chunk comes before
/// the reader's errors found in that chunk's events; a `<file>` start is only judged (languages)
/// once the next event has arrived, as the event queue handed out a start tag only then.
final class XLIFF12Builder: XMLDirectHandler, RecordReader {
    enum Name: UInt8 {
        case other, transUnit, source, segSource, segDefs, mrk, g, bx, bpt, ex, ept, x, ph, it
        case file, header, binUnit, group, xliff, unused
        case id, translate, mtype, mid, locked, sourceLanguage, targetLanguage

        init(_ s: String) {
            switch s {
            case "trans-unit": self = .transUnit
            case "source": self = .source
            case "seg-source": self = .segSource
            case "seg-defs": self = .segDefs
            case "mrk": self = .mrk
            case "g": self = .g
            case "bx": self = .bx
            case "bpt": self = .bpt
            case "ex": self = .ex
            case "ept": self = .ept
            case "x": self = .x
            case "ph": self = .ph
            case "it": self = .it
            case "file": self = .file
            case "header": self = .header
            case "bin-unit": self = .binUnit
            case "group": self = .group
            case "xliff": self = .xliff
            case "id": self = .id
            case "translate": self = .translate
            case "mtype": self = .mtype
            case "mid": self = .mid
            case "locked": self = .locked
            case "source-language": self = .sourceLanguage
            case "target-language": self = .targetLanguage
            default: self = XLIFF12Reader.unusedUnitChildren.contains(s) ? .unused : .other
            }
        }
    }

    /// What an open element inside a trans-unit means when it ends.
    enum Frame: UInt8 { case plain, g, source, mark, segSource, segDefs }

    unowned let reader: XMLEventReader
    @exclusivity(unchecked) var document: SourceDocument
    @exclusivity(unchecked) var sawFile = false
    /// Indices in `document.segments` of segments that are whole units (no `<seg-source>`).
    @exclusivity(unchecked) var wholeUnits: [Int] = []
    /// The first error, as it would have been thrown; processing stops there.
    @exclusivity(unchecked) var error: AnalysisError?
    var failure: Error? { error }
    /// An error of the last `<file>` start, thrown once the next event arrives (or at the end).
    @exclusivity(unchecked) var pending: AnalysisError?
    /// Trans-units that start from now on are records: their inner events are not events of
    /// the queue (this only decides when a pending error becomes due).
    @exclusivity(unchecked) var recordMode = false

    @exclusivity(unchecked) private var translateStack: [Bool] = [true]
    /// The last outside event was the start of a file/group/other element that pushed.
    @exclusivity(unchecked) private var justStarted = false
    /// Depth inside a skipped header/bin-unit outside units.
    @exclusivity(unchecked) private var outsideSkip = 0

    // Current trans-unit.
    @exclusivity(unchecked) private var inUnit = false
    @exclusivity(unchecked) private var unitId: String?
    @exclusivity(unchecked) private var unitLine = 0, unitColumn = 0
    @exclusivity(unchecked) private var unitTranslatable = true
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var ignore = 0
    @exclusivity(unchecked) private var capturing = false
    @exclusivity(unchecked) private var haveSource = false, haveSegSource = false
    @exclusivity(unchecked) private var sourcePieces: [InlinePiece] = []
    @exclusivity(unchecked) private var marks: [(mid: String?, pieces: [InlinePiece])] = []
    @exclusivity(unchecked) private var markId: String?
    @exclusivity(unchecked) private var locked: [String] = []
    @exclusivity(unchecked) private var content = SegmentContent()

    @exclusivity(unchecked) private var names = InternedNames<Name>(slots: 256, placeholder: .other)

    init(reader: XMLEventReader) {
        self.reader = reader
        document = SourceDocument(name: reader.fileName, format: .xliff12, segments: [])
        frames.reserveCapacity(16)
        super.init()
    }

    /// The name of an interned libxml2 string (element and attribute names are interned in the
    /// parser's dictionary, so a pointer always names the same string).
    @inline(__always) private func name(_ p: UnsafePointer<xmlChar>?) -> Name {
        guard let p else { return .other }
        return names.value(p, make: Name.init)
    }

    // MARK: libxml2 callbacks

    override func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if error != nil { return }
        let n = name(localname)
        start(
            n, namespaceIsSDL: n == .segDefs && uri.map { String(cString: $0) == XLIFF12Reader.sdlNamespace } ?? false
        ) { wanted in
            guard count > 0, let attributes else { return nil }
            for i in 0..<Int(count) {
                let base = attributes + i * 5
                if base[2] == nil, name(base[0]) == wanted { return XMLEventReader.Sink.attributeValue(base) }
            }
            return nil
        }
    }

    override func endElement(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        if error != nil { return }
        end(name(localname))
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if error != nil { return }
        if inUnit {
            if ignore == 0, capturing { content.append(bytes) }
            return
        }
        outsideText()
    }

    /// Replays one event queued before direct mode.
    func replay(_ event: XMLEventReader.Event) {
        if error != nil { return }
        switch event {
        case .start(let e, let isEmpty):
            let n = Name(e.name)
            start(n, namespaceIsSDL: e.namespace == XLIFF12Reader.sdlNamespace, line: e.line, column: e.column) {
                wanted in
                e.attributes.first { $0.namespace.isEmpty && Name($0.name) == wanted }?.value
            }
            if isEmpty, error == nil { end(n) }
        case .end(let name, _):
            end(Name(name))
        case .text(let t):
            if inUnit {
                if ignore == 0, capturing { content.append(t) }
            } else {
                outsideText()
            }
        }
    }

    // MARK: State machine

    /// An event of the old queue arrived: a pending `<file>` error becomes due.
    @inline(__always) private func event() {
        if let p = pending {
            error = p
            pending = nil
        }
    }

    private func start(
        _ n: Name, namespaceIsSDL: Bool, line: Int? = nil, column: Int? = nil, attribute: (Name) -> String?
    ) {
        if inUnit {
            unitStart(n, namespaceIsSDL: namespaceIsSDL, attribute: attribute)
            return
        }
        if outsideSkip > 0 {
            event()
            outsideSkip += 1
            return
        }
        if n != .transUnit || !recordMode {
            event()
            if error != nil { return }
        }
        justStarted = false
        switch n {
        case .transUnit:
            inUnit = true
            unitId = attribute(.id)
            if let line {
                unitLine = line
                unitColumn = column ?? 0
            } else {
                (unitLine, unitColumn) = position
            }
            unitTranslatable = translateStack.last! && attribute(.translate) != "no"
            frames.removeAll(keepingCapacity: true)
            ignore = 0
            capturing = false
            haveSource = false
            haveSegSource = false
            sourcePieces = []
            marks = []
            locked = []
        case .file:
            sawFile = true
            let (l, c) = line.map { ($0, column ?? 0) } ?? position
            do {
                let source = try parseLanguage(
                    attribute(.sourceLanguage), file: reader.fileName, line: l, column: c, what: "source-language")
                let target = try parseLanguage(
                    attribute(.targetLanguage), file: reader.fileName, line: l, column: c, what: "target-language")
                if document.sourceLanguage == nil { document.sourceLanguage = source }
                if document.targetLanguage == nil { document.targetLanguage = target }
            } catch let e as AnalysisError {
                pending = e
            } catch {
                pending = AnalysisError(file: reader.fileName, kind: .invalid, message: "\(error)")
            }
            translateStack.append(translateStack.last!)
            justStarted = true
        case .header, .binUnit:
            outsideSkip = 1
        case .group:
            translateStack.append(translateStack.last! && attribute(.translate) != "no")
            justStarted = true
        default:
            translateStack.append(translateStack.last!)
            justStarted = true
        }
    }

    private func end(_ n: Name) {
        if inUnit {
            if ignore > 0 {
                ignore -= 1
                return
            }
            if let frame = frames.popLast() {
                unitEnd(frame)
                return
            }
            inUnit = false
            event()
            if error == nil { finishUnit() }
            return
        }
        event()
        if outsideSkip > 0 {
            outsideSkip -= 1
            return
        }
        if justStarted {
            // An empty element: it never pushed.
            justStarted = false
            translateStack.removeLast()
            return
        }
        if n != .xliff, translateStack.count > 1 { translateStack.removeLast() }
    }

    private func outsideText() {
        event()
        justStarted = false
    }

    private func unitStart(_ n: Name, namespaceIsSDL: Bool, attribute: (Name) -> String?) {
        if ignore > 0 {
            ignore += 1
            return
        }
        if capturing {
            // Inline content (XLIFF12Reader.inline).
            switch n {
            case .g:
                content.code(.open)
                frames.append(.g)
            case .bx, .bpt:
                content.code(.open)
                ignore = 1
            case .ex, .ept:
                content.code(.close)
                ignore = 1
            case .x, .ph, .it:
                content.code(.standalone)
                ignore = 1
            case .mrk:
                if attribute(.mtype) == "protected" {
                    content.code(.standalone)
                    ignore = 1
                } else {
                    frames.append(.plain)
                }
            default: frames.append(.plain)
            }
            return
        }
        guard let top = frames.last else {
            // A direct child of the trans-unit.
            switch n {
            case .source where !haveSource:
                haveSource = true
                capturing = true
                content.reset()
                frames.append(.source)
            case .segSource where !haveSegSource:
                haveSegSource = true
                frames.append(.segSource)
            case .segDefs where namespaceIsSDL:
                frames.append(.segDefs)
            default:
                ignore = 1
            }
            return
        }
        switch top {
        case .segDefs:
            if attribute(.locked) == "true" { locked.append(attribute(.id) ?? "") }
            ignore = 1
        default:
            // Inside seg-source, outside segment marks.
            if n == .mrk, attribute(.mtype) == "seg" {
                markId = attribute(.mid)
                capturing = true
                content.reset()
                frames.append(.mark)
            } else {
                frames.append(.plain)
            }
        }
    }

    private func unitEnd(_ frame: Frame) {
        switch frame {
        case .g: content.code(.close)
        case .source:
            sourcePieces = content.take()
            capturing = false
        case .mark:
            marks.append((markId, content.take()))
            capturing = false
        case .plain, .segSource, .segDefs: break
        }
    }

    private func finishUnit() {
        let id = unitId ?? "\(unitLine)"
        if haveSegSource {
            // seg-source is authoritative: without segment marks the unit has no segment.
            for mark in marks {
                let mid = mark.mid ?? "\(marks.count)"
                document.segments.append(
                    SourceSegment(
                        id: "\(id)/\(mid)", content: mark.pieces,
                        translatable: unitTranslatable && !locked.contains(mid)))
            }
        } else if haveSource {
            wholeUnits.append(document.segments.count)
            document.segments.append(SourceSegment(id: id, content: sourcePieces, translatable: unitTranslatable))
        } else {
            error = AnalysisError(
                file: reader.fileName, line: unitLine, column: unitColumn, kind: .invalid,
                message: "<trans-unit id=\"\(id)\"> has no <source>.")
        }
    }
}
