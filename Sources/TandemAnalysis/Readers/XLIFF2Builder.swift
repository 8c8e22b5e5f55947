import CLibXML2
import Foundation
import TandemDomain

/// XLIFF 2 read straight from libxml2's SAX2 events and checked against the core specification
/// as it streams: structure and attributes are judged on each start tag (structural tags on
/// libxml2's attribute array, without Swift strings unless a rule reads a value), notes,
/// original data and extension subtrees element by element, a unit's inline codes along its
/// source flow. Only `<skeleton>` and targets are kept as small trees; targets are checked once
/// all sources of their unit are known. References to units that may come later (`subFlows`)
/// are checked when the file ends. Segment text is built from UTF-8 bytes as it arrives.
///
/// State is only touched from the parser's callbacks on one thread, one callback at a time,
/// hence `@exclusivity(unchecked)` on the hot properties.
final class XLIFF2Builder: XMLDirectHandler {

    /// What an open element is: it decides what its children and its end mean.
    enum Frame: UInt8 {
        case root, container, unit, part, source, inline, empty, extensionElement, notes, note, originalData, data
    }

    /// Subtrees kept whole, and what to do with each when it ends.
    enum Capture { case skeleton, target }

    /// An open element of an extension or module subtree: ids must be unique among the children
    /// of each element; module elements are checked by name down a chain of the same namespace.
    struct ExtensionLevel {
        var namespace: String
        /// libxml2's interned pointer for `namespace` (nil for replayed events).
        var namespaceKey: UnsafeRawPointer? = nil
        var checksNames: Bool
        var childIds: [String] = []
    }

    /// Where an element that later messages may name started: cheaper to keep than its tag (all
    /// core names are small strings, which copies do not retain).
    struct Mark {
        var name = ""
        var line = 0
        var column = 0

        init() {}
        init(_ tag: XMLTag) {
            name = tag.name
            line = tag.line
            column = tag.column
        }
        var tag: XMLTag { XMLTag(name: name, namespace: XLIFF2Reader.core, attributes: [], line: line, column: column) }
    }

    /// A `<file>` or `<group>` being read.
    struct Container {
        var tag: XMLTag
        var isFile: Bool
        var phase = 0  // 0: extensions, 1: after notes, 2: content
        var elementChildren = 0
        var hasContent = false
        var extensionIds: Set<String> = []
        var lang: String?
        var space: String
        var translatable: Bool
    }

    let validator: XLIFF2Validator
    @exclusivity(unchecked) var document: SourceDocument
    @exclusivity(unchecked) var files = 0
    /// The first error; processing stops there.
    @exclusivity(unchecked) var error: AnalysisError?

    @exclusivity(unchecked) var frames: [Frame] = [.root]
    @exclusivity(unchecked) var containers: [Container] = []
    @exclusivity(unchecked) var fileIds: Set<String> = []
    let fileUnitIds = ByteIdSet()
    @exclusivity(unchecked) var fileGroupIds: Set<String> = []
    @exclusivity(unchecked) var pendingSubFlows: [(unit: String, element: XMLTag, attribute: String)] = []

    // The kept subtree, if one is being built.
    @exclusivity(unchecked) var capture: [XMLElement] = []
    @exclusivity(unchecked) var captureKind = Capture.target

    /// Whether the element being started is in the XLIFF 2 core namespace, and the interned
    /// pointers of its namespace and name (nil for replayed events).
    @exclusivity(unchecked) var eventIsCore = false
    @exclusivity(unchecked) var eventKeys: (UnsafeRawPointer?, UnsafeRawPointer?) = (nil, nil)
    struct ModuleVerdict {
        var namespace: UnsafeRawPointer?
        var name: UnsafeRawPointer?
        var known: Bool
    }
    @exclusivity(unchecked) var verdicts = [ModuleVerdict](
        repeating: ModuleVerdict(namespace: nil, name: nil, known: true), count: 64)

    // Notes, original data and extensions, checked as they stream.
    @exclusivity(unchecked) var extensionLevels: [ExtensionLevel] = []
    @exclusivity(unchecked) var notesTag = Mark()
    @exclusivity(unchecked) var noteTag = Mark()
    @exclusivity(unchecked) var notesCount = 0
    @exclusivity(unchecked) var notesIds: [String] = []
    @exclusivity(unchecked) var originalDataTag = Mark()
    @exclusivity(unchecked) var dataCount = 0

    /// The `<unit>` being read, and its current segment or ignorable.
    @exclusivity(unchecked) var unit = UnitState()
    @exclusivity(unchecked) var part = PartState()
    /// The unit's id and the part's id as UTF-8 (a segment's id is made from them as one string),
    /// and the ids of the unit's segments and ignorables (cleared per unit in O(1)). Constants of
    /// the builder rather than fields of `unit`: a reference held in a mutable struct is retained
    /// at each use.
    let unitIdBytes = TextBuffer(), partIdBytes = TextBuffer(), segmentIdBytes = TextBuffer()
    let partIds = ByteIdSet()
    /// The unit's id as a string, for the rules and messages that need it.
    var unitId: String { unitIdBytes.string() }

    // Inline content of the current source.
    @exclusivity(unchecked) var inlineTags: [XMLTag] = []
    @exclusivity(unchecked) var emptyTags: [XMLTag] = []
    @exclusivity(unchecked) var collecting = false
    @exclusivity(unchecked) var content = SegmentContent()

    @exclusivity(unchecked) var names = InternedNames<Interned>(slots: 512, placeholder: XLIFF2Builder.noName)
    @exclusivity(unchecked) var strings: [String] = [""]
    @exclusivity(unchecked) var scratch: [XMLAttribute] = []

    // The attributes of the tag being started, on the raw path (`rawAttributesPass`).
    /// The inline tag being started passed `rawAttributesPass`.
    @exclusivity(unchecked) var inlineAttributesChecked = false

    @exclusivity(unchecked) var rawAttributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    @exclusivity(unchecked) var rawActive = false
    /// The key of each attribute of the tag, in libxml2's order (at most one per key, so at
    /// most 64); filled from the start for each tag, never cleared.
    @exclusivity(unchecked) var rawKeys = [Int](repeating: 0, count: 64)
    @exclusivity(unchecked) var rawKeyCount = 0
    /// Bits of the keys in `rawKeys`: most lookups are for attributes a tag does not have.
    @exclusivity(unchecked) var rawKeyBits: UInt64 = 0

    init(reader: XMLEventReader, validator: XLIFF2Validator) {
        self.validator = validator
        document = SourceDocument(
            name: reader.fileName, format: .xliff2, sourceLanguage: validator.sourceLanguage,
            targetLanguage: validator.targetLanguage, segments: [])
        super.init()
    }

    // MARK: libxml2 callbacks

    override func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if error != nil { return }
        let local = interned(localname)
        let namespace = interned(uri)
        let n = namespace.isCore ? local.name : .other
        let (line, column) = position
        eventIsCore = namespace.isCore
        eventKeys = (namespace.key, local.key)
        inlineAttributesChecked = false
        if capture.isEmpty, Self.structural[Int(n.rawValue)], rawAttributesPass(n, Int(count), attributes) {
            // Checked on libxml2's array; values are read from it on demand (`value`).
            rawAttributes = attributes
            rawActive = true
            let tag = XMLTag(
                name: string(local), namespace: string(namespace), attributes: [], line: line, column: column)
            guarded { try start(n, tag) }
            rawActive = false
            rawAttributes = nil
            return
        }
        if !namespace.isCore, capture.isEmpty, frames[frames.count - 1] == .extensionElement,
            startPlainExtensionChild(local, namespace, count, attributes)
        {
            return
        }
        inlineAttributesChecked =
            capture.isEmpty && Self.inline[Int(n.rawValue)] && rawAttributesPass(n, Int(count), attributes)
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
        // Outside kept subtrees, only the ids of extension elements matter (extension elements
        // are judged by name and id; anywhere else they are an error by name alone).
        let idsOnly = !namespace.isCore && capture.isEmpty
        if count > 0, let attributes {
            for i in 0..<Int(count) {
                let base = attributes + i * 5
                let name = interned(base[0])
                if idsOnly, name.attributeKey != Self.idKey { continue }
                scratch.append(
                    XMLAttribute(
                        name: string(name), namespace: string(interned(base[2])),
                        prefix: string(interned(base[1])), value: XMLEventReader.Sink.attributeValue(base)))
            }
        }
        let tag = XMLTag(
            name: string(local), namespace: string(namespace), attributes: scratch, line: line, column: column)
        guarded { try start(n, tag) }
    }

    override func endElement(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        if error != nil { return }
        guarded { try end() }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if error != nil { return }
        guarded { try characters(bytes: bytes) }
    }

    /// Replays one event queued before direct mode.
    func replay(_ event: XMLEventReader.Event) {
        if error != nil { return }
        inlineAttributesChecked = false
        switch event {
        case .start(let e, let isEmpty):
            guarded {
                eventIsCore = e.namespace == XLIFF2Reader.core
                eventKeys = (nil, nil)
                try start(eventIsCore ? Name(e.name) : .other, e.tag)
                if isEmpty { try end() }
            }
        case .end: guarded { try end() }
        case .text(let t): guarded { try Array(t.utf8).withUnsafeBufferPointer { try characters(bytes: $0) } }
        }
    }

    @inline(__always) func guarded(_ body: () throws -> Void) {
        do { try body() } catch let e as AnalysisError { failed(e) } catch {
            failed(AnalysisError(file: validator.fileName, kind: .invalid, message: "\(error)"))
        }
    }

    /// The first broken rule: nothing after it is read.
    func failed(_ e: AnalysisError) {
        error = e
        stopParsing()
    }

    func fail(_ tag: XMLTag, _ message: String) -> AnalysisError { validator.fail(tag, message) }
    func fail(_ mark: Mark, _ message: String) -> AnalysisError { validator.fail(mark.tag, message) }

    // MARK: Elements

    func start(_ n: Name, _ tag: XMLTag) throws {
        if !capture.isEmpty {
            capture.append(XMLElement(tag))
            return
        }
        switch frames[frames.count - 1] {
        case .root:
            guard n == .file else {
                throw validator.fail(tag, "<\(tag.name)> is not allowed directly in <xliff>; only <file> elements are.")
            }
            try startFile(tag)
        case .container: try containerChild(n, tag)
        case .unit: try unitChild(n, tag)
        case .part: try partChild(n, tag)
        case .source, .inline: try inlineChild(n, tag)
        case .empty:
            let parent = emptyTags[emptyTags.count - 1]
            throw fail(parent, "<\(parent.name)> must be empty.")
        case .extensionElement: try startExtension(tag)
        case .notes: try startNote(n, tag)
        case .note: throw fail(noteTag, "<note> holds text only.")
        case .originalData: try startData(n, tag)
        case .data:
            guard n == .cp else { throw fail(tag, "<data> may contain only text and <cp>.") }
            try validator.checkCodePoint(tag)
            emptyTags.append(tag)
            frames.append(.empty)
        }
    }

    func end() throws {
        if let finished = capture.popLast() {
            if let parent = capture.last {
                parent.children.append(.element(finished))
            } else {
                try endCapture(finished)
            }
            return
        }
        switch frames.removeLast() {
        case .root:
            break  // XLIFF2Reader judges a document without files.
        case .container: try endContainer()
        case .unit: try endUnit()
        case .part:
            if !part.sawSource { throw fail(part.tag, "<\(part.tag.name)> must start with one <source>.") }
        case .source:
            if collecting {
                segmentIdBytes.set(unitIdBytes.bytes)
                segmentIdBytes.append(UInt8(ascii: "/"))
                if unit.hasPartId {
                    segmentIdBytes.append(partIdBytes)
                } else {
                    segmentIdBytes.append(String(unit.segmentIndex))
                }
                let id = segmentIdBytes.string()
                document.segments.append(
                    SourceSegment(id: id, content: content.take(), translatable: unit.translatable))
                collecting = false
            }
        case .inline:
            let tag = inlineTags.removeLast()
            unit.flowsUsed = true
            validator.inlineEnd(tag, flow: &unit.sourceFlow)
            if collecting, tag.name == "pc" { content.code(.close) }
        case .empty:
            emptyTags.removeLast()
        case .extensionElement:
            extensionLevels.removeLast()
        case .notes:
            if notesCount == 0 { throw fail(notesTag, "<notes> must contain at least one <note>.") }
            if frames[frames.count - 1] == .unit { unit.noteIds = Set(notesIds) }
        case .note, .data:
            break
        case .originalData:
            if dataCount == 0 { throw fail(originalDataTag, "<originalData> must contain at least one <data>.") }
        }
    }

    func characters(bytes: UnsafeBufferPointer<UInt8>) throws {
        if let top = capture.last {
            let t = String(decoding: bytes, as: UTF8.self)
            if case .text(let previous)? = top.children.last {
                top.children[top.children.count - 1] = .text(previous + t)
            } else {
                top.children.append(.text(t))
            }
            return
        }
        switch frames[frames.count - 1] {
        case .source, .inline:
            if collecting { content.append(bytes) }
        case .empty:
            let parent = emptyTags[emptyTags.count - 1]
            throw fail(parent, "<\(parent.name)> must be empty.")
        default:
            break
        }
    }

    func beginCapture(_ kind: Capture, _ tag: XMLTag) {
        captureKind = kind
        capture = [XMLElement(tag)]
    }

    func endCapture(_ tree: XMLElement) throws {
        switch captureKind {
        case .skeleton: try validator.checkSkeleton(tree)
        case .target:
            unit.targets.append(tree)
            unit.nonRemovable.append((unit.sourceFlow.nonRemovable[part.nonRemovableMark...], tree))
        }
    }
}
