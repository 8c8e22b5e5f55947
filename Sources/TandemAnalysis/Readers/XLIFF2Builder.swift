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
    enum Name: UInt8, CaseIterable {
        case other, file, group, unit, segment, ignorable, notes, note, originalData, data, skeleton, source, target
        case cp, ph, pc, sc, ec, mrk, sm, em

        init(_ s: String) {
            switch s {
            case "file": self = .file
            case "group": self = .group
            case "unit": self = .unit
            case "segment": self = .segment
            case "ignorable": self = .ignorable
            case "notes": self = .notes
            case "note": self = .note
            case "data": self = .data
            case "originalData": self = .originalData
            case "skeleton": self = .skeleton
            case "source": self = .source
            case "target": self = .target
            case "cp": self = .cp
            case "ph": self = .ph
            case "pc": self = .pc
            case "sc": self = .sc
            case "ec": self = .ec
            case "mrk": self = .mrk
            case "sm": self = .sm
            case "em": self = .em
            default: self = .other
            }
        }
    }

    /// The attributes each core element allows, by `Name`.
    static let allowed: [[String]] = Name.allCases.map {
        XLIFF2Validator.allowedAttributes[String(describing: $0)] ?? []
    }

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

    @exclusivity(unchecked) private var frames: [Frame] = [.root]
    @exclusivity(unchecked) private var containers: [Container] = []
    @exclusivity(unchecked) private var fileIds: Set<String> = []
    private let fileUnitIds = ByteIdSet()
    @exclusivity(unchecked) private var fileGroupIds: Set<String> = []
    @exclusivity(unchecked) private var pendingSubFlows: [(unit: String, element: XMLTag, attribute: String)] = []

    // The kept subtree, if one is being built.
    @exclusivity(unchecked) private var capture: [XMLElement] = []
    @exclusivity(unchecked) private var captureKind = Capture.target

    /// Whether the element being started is in the XLIFF 2 core namespace, and the interned
    /// pointers of its namespace and name (nil for replayed events).
    @exclusivity(unchecked) private var eventIsCore = false
    @exclusivity(unchecked) private var eventKeys: (UnsafeRawPointer?, UnsafeRawPointer?) = (nil, nil)
    private struct ModuleVerdict {
        var namespace: UnsafeRawPointer?
        var name: UnsafeRawPointer?
        var known: Bool
    }
    @exclusivity(unchecked) private var verdicts = [ModuleVerdict](
        repeating: ModuleVerdict(namespace: nil, name: nil, known: true), count: 64)

    // Notes, original data and extensions, checked as they stream.
    @exclusivity(unchecked) private var extensionLevels: [ExtensionLevel] = []
    @exclusivity(unchecked) private var notesTag = Mark()
    @exclusivity(unchecked) private var noteTag = Mark()
    @exclusivity(unchecked) private var notesCount = 0
    @exclusivity(unchecked) private var notesIds: [String] = []
    @exclusivity(unchecked) private var originalDataTag = Mark()
    @exclusivity(unchecked) private var dataCount = 0

    // The current unit.
    @exclusivity(unchecked) private var unitTag = Mark()
    /// The unit's id and the part's id as UTF-8: a segment's id is made from them as one string.
    private let unitIdBytes = TextBuffer(), partIdBytes = TextBuffer(), segmentIdBytes = TextBuffer()
    @exclusivity(unchecked) private var hasPartId = false
    /// The unit's id as a string, for the rules and messages that need it.
    private var unitId: String { unitIdBytes.string() }
    @exclusivity(unchecked) private var unitLang: String?
    @exclusivity(unchecked) private var unitSpace = "default"
    @exclusivity(unchecked) private var unitTranslatable = true
    @exclusivity(unchecked) private var unitPhase = 0
    @exclusivity(unchecked) private var unitExtensionIds: Set<String> = []
    @exclusivity(unchecked) private var noteIds: Set<String> = []
    @exclusivity(unchecked) private var dataIds: Set<String> = []
    @exclusivity(unchecked) private var hasOriginalData = false
    @exclusivity(unchecked) private var unitContext: XLIFF2Validator.UnitContext?
    /// The ids of the unit's segments and ignorables (cleared per unit in O(1)).
    private let partIds = ByteIdSet()
    @exclusivity(unchecked) private var parts = 0
    @exclusivity(unchecked) private var segmentIndex = 0
    @exclusivity(unchecked) private var orders: [(order: Int, target: XMLTag)] = []
    @exclusivity(unchecked) private var sourceFlow = XLIFF2Validator.Flow()
    @exclusivity(unchecked) private var targetFlow = XLIFF2Validator.Flow()
    /// Whether the flows were handed to the validator since the last reset (most units have no
    /// codes and no targets: resetting an untouched flow is skipped).
    @exclusivity(unchecked) private var flowsUsed = false
    @exclusivity(unchecked) private var targets: [XMLElement] = []
    @exclusivity(unchecked) private var nonRemovable: [(ids: ArraySlice<String>, target: XMLElement)] = []

    // The current segment or ignorable.
    @exclusivity(unchecked) private var partTag = Mark()
    @exclusivity(unchecked) private var partIsSegment = false
    @exclusivity(unchecked) private var sawSource = false
    @exclusivity(unchecked) private var sawTarget = false
    @exclusivity(unchecked) private var sourceSpace = "default"
    @exclusivity(unchecked) private var nonRemovableMark = 0

    // Inline content of the current source.
    @exclusivity(unchecked) private var inlineTags: [XMLTag] = []
    @exclusivity(unchecked) private var emptyTags: [XMLTag] = []
    @exclusivity(unchecked) private var collecting = false
    @exclusivity(unchecked) private var content = SegmentContent()

    /// Interned libxml2 strings (element, attribute and prefix names, namespace URIs): a pointer
    /// always names the same string, so each is decoded once.
    private struct Interned {
        var key: UnsafeRawPointer?
        /// Index in `strings` (a plain value: copying an entry retains nothing).
        var stringIndex: Int32
        var name: Name
        var isCore: Bool
        var isXML: Bool
        /// As an attribute name: its index in `attributeNames`, or −1.
        var attributeKey: Int
        /// As the local name of an `xml:` attribute: `xmlLangKey`, `xmlSpaceKey`, or −1.
        var xmlAttributeKey: Int
    }
    private static var noName: Interned {
        Interned(
            key: nil, stringIndex: 0, name: .other, isCore: false, isXML: false, attributeKey: -1, xmlAttributeKey: -1)
    }
    @exclusivity(unchecked) private var cache = [Interned](repeating: XLIFF2Builder.noName, count: 512)
    @exclusivity(unchecked) private var strings: [String] = [""]
    @exclusivity(unchecked) private var scratch: [XMLAttribute] = []

    // Copies of the static tables: a static costs a `swift_once` check at every use.
    private let allowedKeys = XLIFF2Builder.allowedKeys
    private let structural = XLIFF2Builder.structural
    private let yesNoKeys = XLIFF2Builder.yesNoKeys
    private let directionKeys = XLIFF2Builder.directionKeys
    private let canReorderKey = XLIFF2Builder.canReorderKey
    private let idKey = XLIFF2Builder.idKey
    private let xmlSpaceKey = XLIFF2Builder.xmlSpaceKey
    private let xmlLangKey = XLIFF2Builder.xmlLangKey
    private let translateKey = XLIFF2Builder.translateKey
    private let stateKey = XLIFF2Builder.stateKey
    private let subStateKey = XLIFF2Builder.subStateKey
    private let appliesToKey = XLIFF2Builder.appliesToKey
    private let priorityKey = XLIFF2Builder.priorityKey
    private let allowed = XLIFF2Builder.allowed

    init(reader: XMLEventReader, validator: XLIFF2Validator) {
        self.validator = validator
        document = SourceDocument(
            name: reader.fileName, format: .xliff2, sourceLanguage: validator.sourceLanguage,
            targetLanguage: validator.targetLanguage, segments: [])
        super.init()
    }

    @inline(__always) private func interned(_ p: UnsafePointer<xmlChar>?) -> Interned {
        guard let p else { return Self.noName }
        let key = UnsafeRawPointer(p)
        let slot = Int(
            truncatingIfNeeded: (UInt64(UInt(bitPattern: Int(bitPattern: key))) &* 0x9E37_79B9_7F4A_7C15) >> 55)
        if cache[slot].key == key { return cache[slot] }
        var s = String(cString: p)
        let isCore = s == XLIFF2Reader.core
        // The literal itself: an immortal string, which copies of tags do not retain.
        if isCore { s = XLIFF2Reader.core }
        let xmlKey = s == "lang" ? Self.xmlLangKey : s == "space" ? Self.xmlSpaceKey : -1
        strings.append(s)
        let entry = Interned(
            key: key, stringIndex: Int32(strings.count - 1), name: Name(s), isCore: isCore,
            isXML: s == XLIFF2Validator.xml,
            attributeKey: Self.attributeNames.firstIndex(of: s) ?? -1, xmlAttributeKey: xmlKey)
        cache[slot] = entry
        return entry
    }

    deinit { rawKeys.deallocate() }

    @inline(__always) private func string(_ i: Interned) -> String { strings[Int(i.stringIndex)] }

    // MARK: Attributes read from libxml2's array

    /// The attribute names core elements allow, indexed; `xml:lang` and `xml:space` come after.
    static let attributeNames: [String] = Array(Set(XLIFF2Validator.allowedAttributes.values.joined())).sorted()
    static let xmlLangKey = attributeNames.count, xmlSpaceKey = attributeNames.count + 1
    static func keys(_ names: [String]) -> UInt64 {
        names.reduce(0) { $0 | 1 << UInt64(attributeNames.firstIndex(of: $1)!) }
    }
    /// By `Name`: the attributes each element allows, as bits of their keys.
    static let allowedKeys: [UInt64] = Name.allCases.map { name in
        let element = String(describing: name)
        var mask = keys(XLIFF2Validator.allowedAttributes[element] ?? [])
        let xml = XLIFF2Validator.xmlAttributes[element] ?? []
        if xml.contains("lang") { mask |= 1 << UInt64(xmlLangKey) }
        if xml.contains("space") { mask |= 1 << UInt64(xmlSpaceKey) }
        return mask
    }
    static let yesNoKeys = keys(["canResegment", "translate", "canCopy", "canDelete", "canOverlap", "isolated"])
    static let directionKeys = keys(["srcDir", "trgDir", "dir"])

    /// Elements whose start tags take the raw path (not inline codes, kept subtrees or targets).
    static let structural: [Bool] = Name.allCases.map { name in
        let raw: [Name] = [.file, .group, .unit, .segment, .ignorable, .source, .notes, .note, .originalData, .data]
        return raw.contains(name)
    }
    static func key(_ name: String) -> Int { attributeNames.firstIndex(of: name)! }
    static let idKey = key("id"), canReorderKey = key("canReorder"), translateKey = key("translate"),
        stateKey = key("state"),
        subStateKey = key("subState"), appliesToKey = key("appliesTo"), priorityKey = key("priority")

    /// Elements of inline content, whose attributes are also judged on libxml2's array (their
    /// tags are still built whole: the inline rules keep them).
    static let inline: [Bool] = Name.allCases.map { [.cp, .ph, .pc, .sc, .ec, .mrk, .sm, .em].contains($0) }
    private let inline = XLIFF2Builder.inline
    /// The inline tag being started passed `rawAttributesPass`.
    @exclusivity(unchecked) private var inlineAttributesChecked = false

    @exclusivity(unchecked) private var rawAttributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    @exclusivity(unchecked) private var rawActive = false
    /// The key of each attribute of the tag, in libxml2's order (at most one per key, so at
    /// most 64); a fixed buffer, as clearing an array per tag costs more than the tag's checks.
    private let rawKeys = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    @exclusivity(unchecked) private var rawKeyCount = 0
    /// Bits of the keys in `rawKeys`: most lookups are for attributes a tag does not have.
    @exclusivity(unchecked) private var rawKeyBits: UInt64 = 0

    /// Whether the attributes of a start tag pass the rules of `XLIFF2Validator.attributes`,
    /// judged on libxml2's array (keys by interned pointer, values as bytes). False also when
    /// the tag needs the general path (attributes of other namespaces, `&` in a value, a value
    /// that breaks a rule: that path then says what is wrong).
    private func rawAttributesPass(
        _ n: Name, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> Bool {
        rawKeyCount = 0
        rawKeyBits = 0
        guard count > 0, let attributes else { return true }
        let allowed = allowedKeys[Int(n.rawValue)]
        for i in 0..<count {
            let base = attributes + i * 5
            let key: Int
            if base[2] == nil {
                key = interned(base[0]).attributeKey
                if key < 0 { return false }
            } else if interned(base[2]).isXML {
                key = interned(base[0]).xmlAttributeKey
                if key < 0 { return false }
            } else {
                return false
            }
            guard allowed & (1 << UInt64(key)) != 0 else { return false }
            let value = UnsafeBufferPointer(start: base[3]!, count: base[4]! - base[3]!)
            if value.contains(UInt8(ascii: "&")) { return false }
            let bit: UInt64 = 1 << UInt64(key)
            if yesNoKeys & bit != 0 {
                if !(Self.equals(value, "yes") || Self.equals(value, "no")) { return false }
            } else if directionKeys & bit != 0 {
                if !(Self.equals(value, "ltr") || Self.equals(value, "rtl") || Self.equals(value, "auto")) {
                    return false
                }
            } else if key == canReorderKey {
                if !(Self.equals(value, "yes") || Self.equals(value, "no") || Self.equals(value, "firstNo")) {
                    return false
                }
            } else if key == idKey {
                if !Self.isASCIINMToken(value) && !XLIFF2Validator.isNMToken(String(decoding: value, as: UTF8.self)) {
                    return false
                }
            } else if key == xmlSpaceKey {
                if !(Self.equals(value, "default") || Self.equals(value, "preserve")) { return false }
            } else if key == xmlLangKey {
                if !value.isEmpty && !XLIFF2Validator.isWellFormedLanguage(String(decoding: value, as: UTF8.self)) {
                    return false
                }
            }
            rawKeys[rawKeyCount] = key
            rawKeyCount += 1
            rawKeyBits |= bit
        }
        return true
    }

    @inline(__always) static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
    }

    static func isASCIINMToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty
            && bytes.allSatisfy { b in
                (b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
                    || b == 0x2E || b == 0x5F
            }
    }

    /// An attribute of the element being started: from libxml2's array on the raw path, else
    /// from the tag.
    private func value(_ key: Int, _ tag: XMLTag) -> String? {
        if rawActive { return rawAttribute(key).map(XMLEventReader.Sink.attributeValue) }
        switch key {
        case xmlLangKey: return tag.attribute("lang", namespace: XLIFF2Validator.xml)
        case xmlSpaceKey: return tag.attribute("space", namespace: XLIFF2Validator.xml)
        default: return tag.attribute(Self.attributeNames[key])
        }
    }

    /// An attribute's five pointers in libxml2's array, on the raw path.
    private func rawAttribute(_ key: Int) -> UnsafeMutablePointer<UnsafePointer<xmlChar>?>? {
        guard rawActive, rawKeyBits & (1 << UInt64(key)) != 0 else { return nil }
        for i in 0..<rawKeyCount where rawKeys[i] == key { return rawAttributes! + i * 5 }
        return nil
    }

    /// An attribute's bytes as written, on the raw path (where values hold no references).
    private func rawBytes(_ key: Int) -> UnsafeBufferPointer<UInt8>? {
        rawAttribute(key).map { UnsafeBufferPointer(start: $0[3]!, count: $0[4]! - $0[3]!) }
    }

    /// Reads the tag's id into `buffer`; false if it has none.
    private func readId(_ tag: XMLTag, into buffer: TextBuffer) -> Bool {
        if rawActive {
            guard let bytes = rawBytes(idKey) else { return false }
            buffer.set(bytes)
            return true
        }
        guard var id = value(idKey, tag) else { return false }
        id.withUTF8 { buffer.set($0) }
        return true
    }

    /// The attribute rules of a start tag, unless the raw path has judged them.
    private func checkAttributes(_ tag: XMLTag, _ n: Name) throws {
        if !rawActive { try validator.attributes(tag, allowed: allowed[Int(n.rawValue)]) }
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
        if capture.isEmpty, structural[Int(n.rawValue)], rawAttributesPass(n, Int(count), attributes) {
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
            capture.isEmpty && inline[Int(n.rawValue)] && rawAttributesPass(n, Int(count), attributes)
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
        // Outside kept subtrees, only the ids of extension elements matter (extension elements
        // are judged by name and id; anywhere else they are an error by name alone).
        let idsOnly = !namespace.isCore && capture.isEmpty
        if count > 0, let attributes {
            for i in 0..<Int(count) {
                let base = attributes + i * 5
                let name = interned(base[0])
                if idsOnly, name.attributeKey != idKey { continue }
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

    @inline(__always) private func guarded(_ body: () throws -> Void) {
        do { try body() } catch let e as AnalysisError { failed(e) } catch {
            failed(AnalysisError(file: validator.fileName, kind: .invalid, message: "\(error)"))
        }
    }

    /// The first broken rule: nothing after it is read.
    private func failed(_ e: AnalysisError) {
        error = e
        stopParsing()
    }

    private func fail(_ tag: XMLTag, _ message: String) -> AnalysisError { validator.fail(tag, message) }
    private func fail(_ mark: Mark, _ message: String) -> AnalysisError { validator.fail(mark.tag, message) }

    // MARK: Elements

    private func start(_ n: Name, _ tag: XMLTag) throws {
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

    private func end() throws {
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
            if !sawSource { throw fail(partTag, "<\(partTag.name)> must start with one <source>.") }
        case .source:
            if collecting {
                segmentIdBytes.set(unitIdBytes.bytes)
                segmentIdBytes.append(UInt8(ascii: "/"))
                if hasPartId { segmentIdBytes.append(partIdBytes) } else { segmentIdBytes.append(String(segmentIndex)) }
                let id = segmentIdBytes.string()
                document.segments.append(SourceSegment(id: id, content: content.take(), translatable: unitTranslatable))
                collecting = false
            }
        case .inline:
            let tag = inlineTags.removeLast()
            flowsUsed = true
            validator.inlineEnd(tag, flow: &sourceFlow)
            if collecting, tag.name == "pc" { content.code(.close) }
        case .empty:
            emptyTags.removeLast()
        case .extensionElement:
            extensionLevels.removeLast()
        case .notes:
            if notesCount == 0 { throw fail(notesTag, "<notes> must contain at least one <note>.") }
            if frames[frames.count - 1] == .unit { noteIds = Set(notesIds) }
        case .note, .data:
            break
        case .originalData:
            if dataCount == 0 { throw fail(originalDataTag, "<originalData> must contain at least one <data>.") }
        }
    }

    private func characters(bytes: UnsafeBufferPointer<UInt8>) throws {
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

    private func beginCapture(_ kind: Capture, _ tag: XMLTag) {
        captureKind = kind
        capture = [XMLElement(tag)]
    }

    private func endCapture(_ tree: XMLElement) throws {
        switch captureKind {
        case .skeleton: try validator.checkSkeleton(tree)
        case .target:
            targets.append(tree)
            nonRemovable.append((sourceFlow.nonRemovable[nonRemovableMark...], tree))
        }
    }

    // MARK: Notes, original data, extensions

    private func startNotes(_ tag: XMLTag) throws {
        try checkAttributes(tag, .notes)
        notesTag = Mark(tag)
        notesCount = 0
        notesIds.removeAll(keepingCapacity: true)
        frames.append(.notes)
    }

    private func startNote(_ n: Name, _ tag: XMLTag) throws {
        guard tag.name == "note", eventIsCore else { throw fail(tag, "<notes> may contain only <note>.") }
        try checkAttributes(tag, .note)
        notesCount += 1
        if let id = value(idKey, tag) {
            if notesIds.contains(id) { throw fail(tag, "note id “\(id)” is not unique.") }
            notesIds.append(id)
        }
        if let a = value(appliesToKey, tag), a != "source", a != "target" {
            throw fail(tag, "appliesTo must be source or target.")
        }
        if let p = value(priorityKey, tag), !(Int(p).map { (1...10).contains($0) } ?? false) {
            throw fail(tag, "priority must be 1 to 10.")
        }
        noteTag = Mark(tag)
        frames.append(.note)
    }

    private func startData(_ n: Name, _ tag: XMLTag) throws {
        guard tag.name == "data", eventIsCore else { throw fail(tag, "<originalData> may contain only <data>.") }
        try checkAttributes(tag, .data)
        guard let id = value(idKey, tag) else { throw fail(tag, "<data> must have an id.") }
        if !dataIds.insert(id).inserted { throw fail(tag, "data id “\(id)” is not unique in the unit.") }
        if let space = value(xmlSpaceKey, tag), space != "preserve" {
            throw fail(tag, "xml:space on <data> must be preserve.")
        }
        dataCount += 1
        frames.append(.data)
    }

    /// Whether a module element is one its module defines (other namespaces: yes). Remembered
    /// by the interned name and namespace pointers: hashing a namespace URI per element costs.
    private func isKnownModuleElement(_ tag: XMLTag) -> Bool {
        isKnownModuleElement(namespaceKey: eventKeys.0, nameKey: eventKeys.1, tag.namespace, tag.name)
    }

    private func isKnownModuleElement(
        namespaceKey: UnsafeRawPointer?, nameKey: UnsafeRawPointer?, _ namespace: @autoclosure () -> String,
        _ name: @autoclosure () -> String
    ) -> Bool {
        func verdict() -> Bool { XLIFF2Validator.moduleElements[namespace()].map { $0.contains(name()) } ?? true }
        guard let namespaceKey, let nameKey else { return verdict() }
        let mixed =
            UInt64(UInt(bitPattern: Int(bitPattern: namespaceKey)))
            ^ (UInt64(UInt(bitPattern: Int(bitPattern: nameKey))) &* 31)
        let slot = Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if verdicts[slot].namespace == namespaceKey, verdicts[slot].name == nameKey { return verdicts[slot].known }
        let known = verdict()
        verdicts[slot] = ModuleVerdict(namespace: namespaceKey, name: nameKey, known: known)
        return known
    }

    /// A child of an extension element that has no id (most module metadata), judged on the
    /// interned names alone, without a tag; false when the general path must judge it (an id to
    /// check, or a name its module does not define, which that path reports).
    private func startPlainExtensionChild(
        _ local: Interned, _ namespace: Interned, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> Bool {
        if count > 0, let attributes {
            for i in 0..<Int(count) where interned(attributes[i * 5]).attributeKey == idKey { return false }
        }
        let top = extensionLevels.count - 1
        let sameNamespace =
            extensionLevels[top].namespaceKey.map { $0 == namespace.key }
            ?? (extensionLevels[top].namespace == string(namespace))
        let checksNames = extensionLevels[top].checksNames && sameNamespace
        if checksNames,
            !isKnownModuleElement(namespaceKey: namespace.key, nameKey: local.key, string(namespace), string(local))
        {
            return false
        }
        extensionLevels.append(
            ExtensionLevel(namespace: string(namespace), namespaceKey: namespace.key, checksNames: checksNames))
        frames.append(.extensionElement)
        return true
    }

    /// An element of an extension subtree (the subtree's root included).
    private func startExtension(_ tag: XMLTag) throws {
        let checksNames: Bool
        if let parent = extensionLevels.last {
            checksNames = parent.checksNames && tag.namespace == parent.namespace
            if let id = XLIFF2Validator.extensionId(tag) {
                if parent.childIds.contains(id) {
                    throw fail(tag, "id “\(id)” is used twice in the same extension element.")
                }
                extensionLevels[extensionLevels.count - 1].childIds.append(id)
            }
        } else {
            checksNames = true
        }
        if checksNames, !isKnownModuleElement(tag) {
            throw fail(tag, "<\(tag.name)> is not an element of its module.")
        }
        extensionLevels.append(
            ExtensionLevel(namespace: tag.namespace, namespaceKey: eventKeys.0, checksNames: checksNames))
        frames.append(.extensionElement)
    }

    // MARK: Files and groups

    private func startFile(_ tag: XMLTag) throws {
        try checkAttributes(tag, .file)
        guard let id = value(idKey, tag) else { throw fail(tag, "<file> must have an id.") }
        if !fileIds.insert(id).inserted { throw fail(tag, "file id “\(id)” is not unique.") }
        files += 1
        fileUnitIds.removeAll()
        fileGroupIds.removeAll(keepingCapacity: true)
        pendingSubFlows.removeAll(keepingCapacity: true)
        containers.append(
            Container(
                tag: tag, isFile: true,
                lang: value(xmlLangKey, tag) ?? validator.rootLanguage,
                space: value(xmlSpaceKey, tag) ?? validator.rootSpace,
                translatable: value(translateKey, tag) != "no"))
        frames.append(.container)
    }

    private func containerChild(_ n: Name, _ tag: XMLTag) throws {
        let top = containers.count - 1
        containers[top].elementChildren += 1
        // Fields are read in place: copying the container would retain each of them.
        if !eventIsCore {
            if containers[top].phase > 0 {
                throw fail(
                    tag, "<\(tag.name)> must come before <notes> and the content of <\(containers[top].tag.name)>.")
            }
            if let id = XLIFF2Validator.extensionId(tag), !containers[top].extensionIds.insert(id).inserted {
                throw fail(tag, "id “\(id)” is used by two extension elements in the same scope.")
            }
            try startExtension(tag)
            return
        }
        switch n {
        case .skeleton where containers[top].isFile && containers[top].elementChildren == 1:
            beginCapture(.skeleton, tag)
        case .notes:
            if containers[top].phase > 0 {
                throw fail(tag, "<notes> must come before the content of <\(containers[top].tag.name)>.")
            }
            containers[top].phase = 1
            try startNotes(tag)
        case .group:
            containers[top].phase = 2
            containers[top].hasContent = true
            try checkAttributes(tag, .group)
            guard let id = value(idKey, tag) else { throw fail(tag, "<group> must have an id.") }
            if !fileGroupIds.insert(id).inserted { throw fail(tag, "group id “\(id)” is not unique in the file.") }
            containers.append(
                Container(
                    tag: tag, isFile: false,
                    lang: value(xmlLangKey, tag) ?? containers[top].lang,
                    space: value(xmlSpaceKey, tag) ?? containers[top].space,
                    translatable: containers[top].translatable && value(translateKey, tag) != "no"))
            frames.append(.container)
        case .unit:
            containers[top].phase = 2
            containers[top].hasContent = true
            try startUnit(
                tag, lang: containers[top].lang, space: containers[top].space,
                translatable: containers[top].translatable)
        default:
            throw fail(tag, "<\(tag.name)> is not allowed in <\(containers[top].tag.name)>.")
        }
    }

    private func endContainer() throws {
        let container = containers.removeLast()
        guard container.isFile else { return }
        if !container.hasContent { throw fail(container.tag, "<file> must contain at least one <unit> or <group>.") }
        for ref in pendingSubFlows where !fileUnitIds.contains(ref.unit) {
            throw fail(ref.element, "\(ref.attribute) refers to unit “\(ref.unit)”, which is not in the file.")
        }
    }

    // MARK: Units

    private func startUnit(_ tag: XMLTag, lang: String?, space: String, translatable: Bool) throws {
        try checkAttributes(tag, .unit)
        guard readId(tag, into: unitIdBytes) else { throw fail(tag, "<unit> must have an id.") }
        if !fileUnitIds.insert(unitIdBytes.bytes) { throw fail(tag, "unit id “\(unitId)” is not unique in the file.") }
        unitTag = Mark(tag)
        unitLang = value(xmlLangKey, tag) ?? lang
        unitSpace = value(xmlSpaceKey, tag) ?? space
        unitTranslatable = translatable && value(translateKey, tag) != "no"
        unitPhase = 0
        // Clearing is skipped for what most units leave empty (clearing an empty set still costs).
        if !unitExtensionIds.isEmpty { unitExtensionIds.removeAll(keepingCapacity: true) }
        if !noteIds.isEmpty { noteIds = [] }
        if !dataIds.isEmpty { dataIds = [] }
        hasOriginalData = false
        unitContext = nil
        partIds.removeAll()
        parts = 0
        segmentIndex = 0
        if !orders.isEmpty { orders.removeAll(keepingCapacity: true) }
        if flowsUsed {
            sourceFlow.reset()
            targetFlow.reset()
            flowsUsed = false
        }
        if !targets.isEmpty { targets.removeAll(keepingCapacity: true) }
        if !nonRemovable.isEmpty { nonRemovable.removeAll(keepingCapacity: true) }
        frames.append(.unit)
    }

    private func unitChild(_ n: Name, _ tag: XMLTag) throws {
        if !eventIsCore {
            if unitPhase > 0 { throw fail(tag, "<\(tag.name)> must come before <notes> and the segments of <unit>.") }
            if let id = XLIFF2Validator.extensionId(tag) {
                if unitExtensionIds.contains(id) {
                    throw fail(tag, "id “\(id)” is used by two extension elements in the unit.")
                }
                unitExtensionIds.insert(id)
            }
            try startExtension(tag)
            return
        }
        switch n {
        case .notes:
            if unitPhase > 0 { throw fail(tag, "<notes> must come before the segments of <unit>.") }
            unitPhase = 1
            try startNotes(tag)
        case .originalData:
            if hasOriginalData || parts > 0 { throw fail(tag, "<originalData> must come once, before the segments.") }
            unitPhase = 2
            hasOriginalData = true
            try checkAttributes(tag, .originalData)
            originalDataTag = Mark(tag)
            dataCount = 0
            frames.append(.originalData)
        case .segment, .ignorable:
            unitPhase = 2
            try startPart(n, tag)
        default:
            throw fail(tag, "<\(tag.name)> is not allowed in <unit>.")
        }
    }

    private func startPart(_ n: Name, _ tag: XMLTag) throws {
        try checkAttributes(tag, n)
        hasPartId = readId(tag, into: partIdBytes)
        if hasPartId, !partIds.insert(partIdBytes.bytes) {
            throw fail(tag, "segment/ignorable id “\(partIdBytes.string())” is not unique in the unit.")
        }
        if n == .segment {
            let state = value(stateKey, tag)
            let subState = value(subStateKey, tag)
            if let state, !["initial", "translated", "reviewed", "final"].contains(state) {
                throw fail(tag, "state=\"\(state)\" must be initial, translated, reviewed or final.")
            }
            if subState != nil && state == nil { throw fail(tag, "subState requires state.") }
            if let subState, !XLIFF2Validator.isPrefixedValue(subState) {
                throw fail(tag, "subState must be prefix:value.")
            }
            segmentIndex += 1
        }
        parts += 1
        partTag = Mark(tag)
        partIsSegment = n == .segment
        sawSource = false
        sawTarget = false
        frames.append(.part)
    }

    private func partChild(_ n: Name, _ tag: XMLTag) throws {
        let xml = XLIFF2Validator.xml
        guard sawSource else {
            guard n == .source else { throw fail(partTag, "<\(partTag.name)> must start with one <source>.") }
            sawSource = true
            try checkAttributes(tag, .source)
            if let lang = value(xmlLangKey, tag) ?? unitLang,
                lang.lowercased() != validator.sourceLanguage.description.lowercased()
            {
                throw fail(tag, "the source language “\(lang)” differs from srcLang “\(validator.sourceLanguage)”.")
            }
            sourceSpace = value(xmlSpaceKey, tag) ?? unitSpace
            nonRemovableMark = sourceFlow.nonRemovable.count
            collecting = partIsSegment
            content.reset()
            frames.append(.source)
            return
        }
        guard n == .target, !sawTarget else {
            throw fail(
                tag, "<\(tag.name)> is not allowed here: <\(partTag.name)> holds one <source> and at most one <target>."
            )
        }
        sawTarget = true
        try validator.attributes(tag, allowed: allowed[Int(Name.target.rawValue)])
        guard let trg = validator.targetLanguage?.description else {
            throw fail(tag, "a <target> requires trgLang on <xliff>.")
        }
        if let lang = tag.attribute("lang", namespace: xml) ?? unitLang, lang.lowercased() != trg.lowercased() {
            throw fail(tag, "the target language “\(lang)” differs from trgLang “\(trg)”.")
        }
        if (tag.attribute("space", namespace: xml) ?? unitSpace) != sourceSpace {
            throw fail(tag, "xml:space of <target> differs from its <source>.")
        }
        let order = tag.attribute("order") ?? String(parts)
        guard let n = Int(order), n >= 1 else { throw fail(tag, "order must be a positive integer.") }
        if orders.contains(where: { $0.order == n }) {
            throw fail(tag, "order=\"\(n)\" is used twice in the unit (explicitly or by position).")
        }
        orders.append((n, tag))
        beginCapture(.target, tag)
    }

    private func inlineChild(_ n: Name, _ tag: XMLTag) throws {
        flowsUsed = true
        try validator.inlineStart(
            tag, allowed: allowed[Int(n.rawValue)], attributesChecked: inlineAttributesChecked, flow: &sourceFlow,
            context: codeContext(), isTarget: false)
        if collecting {
            switch n {
            case .cp:
                if let v = tag.attribute("hex").flatMap({ UInt32($0, radix: 16) }), let s = Unicode.Scalar(v) {
                    content.append(String(Character(s)))
                }
            case .ph: content.code(.standalone)
            case .sc, .pc: content.code(.open)
            case .ec: content.code(.close)
            default: break
            }
        }
        if n == .pc || n == .mrk {
            inlineTags.append(tag)
            frames.append(.inline)
        } else {
            emptyTags.append(tag)
            frames.append(.empty)
        }
    }

    /// What inline codes are checked against; made when the first code comes (notes and
    /// original data come before the segments, so it is complete by then).
    private func codeContext() -> XLIFF2Validator.UnitContext {
        if let unitContext { return unitContext }
        let made = XLIFF2Validator.UnitContext(
            unitId: unitId, dataIds: dataIds, hasOriginalData: hasOriginalData, noteIds: noteIds, sourceCodeIds: [])
        unitContext = made
        return made
    }

    private func endUnit() throws {
        if segmentIndex == 0 { throw fail(unitTag, "<unit> must contain at least one <segment>.") }
        for (order, target) in orders where order > parts {
            throw fail(target, "order=\"\(order)\" is beyond the \(parts) parts of the unit.")
        }
        // A unit without codes or targets has nothing to pair (most units).
        guard !sourceFlow.ids.isEmpty || !sourceFlow.codeIds.isEmpty || !targets.isEmpty else { return }
        flowsUsed = true
        try validator.finishUnit(
            unit: unitTag.tag, isPartId: partIds.contains, source: sourceFlow, targets: targets,
            targetFlow: &targetFlow,
            context: codeContext(), nonRemovable: nonRemovable)
        if !sourceFlow.subFlows.isEmpty { pendingSubFlows += sourceFlow.subFlows }
        if !targetFlow.subFlows.isEmpty { pendingSubFlows += targetFlow.subFlows }
    }

}
