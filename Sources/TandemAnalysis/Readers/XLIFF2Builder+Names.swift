import CLibXML2
import Foundation
import TandemDomain

extension XLIFF2Builder {
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

    /// Interned libxml2 strings (element, attribute and prefix names, namespace URIs): a pointer
    /// always names the same string, so each is decoded once.
    struct Interned {
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

    static var noName: Interned {
        Interned(
            key: nil, stringIndex: 0, name: .other, isCore: false, isXML: false, attributeKey: -1, xmlAttributeKey: -1)
    }

    @inline(__always) func interned(_ p: UnsafePointer<xmlChar>?) -> Interned {
        guard let p else { return Self.noName }
        return names.value(p) { makeInterned($0, key: UnsafeRawPointer(p)) }
    }

    private func makeInterned(_ name: String, key: UnsafeRawPointer) -> Interned {
        var s = name
        let isCore = s == XLIFF2Reader.core
        // The literal itself: an immortal string, which copies of tags do not retain.
        if isCore { s = XLIFF2Reader.core }
        let xmlKey = s == "lang" ? Self.xmlLangKey : s == "space" ? Self.xmlSpaceKey : -1
        strings.append(s)
        let entry = Interned(
            key: key, stringIndex: Int32(strings.count - 1), name: Name(s), isCore: isCore,
            isXML: s == XLIFF2Validator.xml,
            attributeKey: Self.attributeNames.firstIndex(of: s) ?? -1, xmlAttributeKey: xmlKey)
        return entry
    }

    @inline(__always) func string(_ i: Interned) -> String { strings[Int(i.stringIndex)] }

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
}
