import Foundation
import TandemDomain

/// Checks an XLIFF 2 document against the constraints of the core specification (structure,
/// attributes and their values, identifiers, inline-code pairing, references, languages).
/// Module content is accepted as long as it sits where extensions are allowed.
struct XLIFF2Validator {
    static let core = XLIFF2Reader.core
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let fs = "urn:oasis:names:tc:xliff:fs:2.0"
    static let moduleNamespaces: Set<String> = [
        "urn:oasis:names:tc:xliff:matches:2.0", "urn:oasis:names:tc:xliff:glossary:2.0", fs,
        "urn:oasis:names:tc:xliff:metadata:2.0", "urn:oasis:names:tc:xliff:resourcedata:2.0",
        "urn:oasis:names:tc:xliff:changetracking:2.0", "urn:oasis:names:tc:xliff:sizerestriction:2.0",
        "urn:oasis:names:tc:xliff:validation:2.0", "http://www.w3.org/2005/11/its", "urn:oasis:names:tc:xliff:itsm:2.1",
    ]

    static let allowedAttributes: [String: Set<String>] = [
        "file": ["id", "canResegment", "original", "translate", "srcDir", "trgDir"],
        "group": ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"],
        "unit": ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"],
        "segment": ["id", "canResegment", "state", "subState"],
        "ignorable": ["id"],
        "notes": [], "originalData": [],
        "note": ["id", "appliesTo", "category", "priority"],
        "data": ["id", "dir"],
        "source": [], "target": ["order"],
        "skeleton": ["href"],
        "cp": ["hex"],
        "ph": ["canCopy", "canDelete", "canReorder", "copyOf", "disp", "equiv", "id", "dataRef", "subFlows", "subType", "type"],
        "pc": ["canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dispEnd", "dispStart", "equivEnd", "equivStart", "id",
               "dataRefEnd", "dataRefStart", "subFlowsEnd", "subFlowsStart", "subType", "type", "dir"],
        "sc": ["canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp", "equiv", "id", "isolated", "subFlows", "subType", "type"],
        "ec": ["canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp", "equiv", "id", "isolated", "startRef", "subFlows", "subType", "type"],
        "mrk": ["id", "translate", "type", "ref", "value"],
        "sm": ["id", "translate", "type", "ref", "value"],
        "em": ["startRef"],
    ]
    /// Elements that may carry attributes from extension (non-module) namespaces.
    static let extensibleAttributes: Set<String> = ["xliff", "file", "group", "unit", "note", "mrk", "sm"]
    static let xmlAttributes: [String: Set<String>] = [
        "xliff": ["lang", "space"], "file": ["lang", "space"], "group": ["lang", "space"], "unit": ["lang", "space"],
        "source": ["lang", "space"], "target": ["lang", "space"], "data": ["space"],
    ]

    let fileName: String
    let sourceLanguage: LanguageTag
    let targetLanguage: LanguageTag?
    let rootLanguage: String?
    let rootSpace: String
    private var fileIds: Set<String> = []

    init(root: XMLElement, fileName: String) throws {
        self.fileName = fileName
        func fail(_ message: String) -> AnalysisError {
            AnalysisError(file: fileName, line: root.line, column: root.column, kind: .invalid, message: message)
        }
        guard let version = root.attribute("version"), version.hasPrefix("2.") else { throw fail("<xliff> must declare version=\"2.x\".") }
        guard let src = root.attribute("srcLang") else { throw fail("<xliff> must declare srcLang.") }
        guard let source = try? LanguageTag(src), Self.isWellFormedLanguage(src) else { throw fail("srcLang “\(src)” is not a well-formed BCP 47 tag.") }
        sourceLanguage = source
        if let trg = root.attribute("trgLang") {
            guard let target = try? LanguageTag(trg), Self.isWellFormedLanguage(trg) else { throw fail("trgLang “\(trg)” is not a well-formed BCP 47 tag.") }
            targetLanguage = target
        } else {
            targetLanguage = nil
        }
        rootLanguage = root.attribute("lang", namespace: Self.xml)
        rootSpace = root.attribute("space", namespace: Self.xml) ?? "default"
        try Self.checkAttributes(root, allowed: ["version", "srcLang", "trgLang"], fileName: fileName)
    }

    static func isWellFormedLanguage(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static let alphanumerics = CharacterSet.alphanumerics

    static func isNMToken(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            if c.isASCII {
                // The ASCII part of the rule below: letters, digits and - . _ :
                let v = c.value
                return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || c == "-" || c == "." || c == "_" || c == ":"
            }
            return alphanumerics.contains(c) || c.properties.generalCategory == .nonspacingMark
        }
    }

    func fail(_ e: XMLElement, _ message: String) -> AnalysisError {
        AnalysisError(file: fileName, line: e.line, column: e.column, kind: .invalid, message: "invalid XLIFF 2: " + message)
    }

    static func checkAttributes(_ e: XMLElement, allowed: Set<String>, fileName: String) throws {
        for a in e.attributes {
            let problem: String?
            if a.namespace.isEmpty {
                problem = allowed.contains(a.name) ? nil : "attribute “\(a.name)” is not allowed on <\(e.name)>."
            } else if a.namespace == xml {
                problem = (xmlAttributes[e.name] ?? []).contains(a.name) ? nil : "xml:\(a.name) is not allowed on <\(e.name)>."
            } else if a.namespace == fs {
                if (e.name == "ec" && e.attribute("isolated") != "yes") || e.name == "em" || !["fs", "subFs"].contains(a.name) {
                    problem = "fs:\(a.name) is not allowed on <\(e.name)>."
                } else if a.name == "fs", !htmlElements.contains(a.value) {
                    problem = "fs:fs value “\(a.value)” is not an HTML element name."
                } else if a.name == "subFs", e.attribute("fs", namespace: fs) == nil {
                    problem = "fs:subFs requires fs:fs."
                } else { problem = nil }
            } else if moduleNamespaces.contains(a.namespace) {
                problem = nil
            } else {
                problem = extensibleAttributes.contains(e.name) ? nil : "extension attribute “\(a.prefix):\(a.name)” is not allowed on <\(e.name)>."
            }
            if let problem { throw AnalysisError(file: fileName, line: e.line, column: e.column, kind: .invalid, message: "invalid XLIFF 2: " + problem) }
        }
    }

    static let htmlElements: Set<String> = ["a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "command", "datalist", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link", "map", "mark", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr"]

    func attributes(_ e: XMLElement) throws {
        try Self.checkAttributes(e, allowed: Self.allowedAttributes[e.name] ?? [], fileName: fileName)
        for name in ["canResegment", "translate", "canCopy", "canDelete", "canOverlap", "isolated"] {
            if let v = e.attribute(name), v != "yes", v != "no" { throw fail(e, "\(name)=\"\(v)\" must be yes or no.") }
        }
        for name in ["srcDir", "trgDir", "dir"] {
            if let v = e.attribute(name), !["ltr", "rtl", "auto"].contains(v) { throw fail(e, "\(name)=\"\(v)\" must be ltr, rtl or auto.") }
        }
        if let v = e.attribute("canReorder"), !["yes", "no", "firstNo"].contains(v) { throw fail(e, "canReorder=\"\(v)\" must be yes, no or firstNo.") }
        if let v = e.attribute("space", namespace: Self.xml), v != "default", v != "preserve" { throw fail(e, "xml:space=\"\(v)\" must be default or preserve.") }
        if let v = e.attribute("lang", namespace: Self.xml), !v.isEmpty, !Self.isWellFormedLanguage(v) { throw fail(e, "xml:lang “\(v)” is not a well-formed BCP 47 tag.") }
        if let id = e.attribute("id"), !Self.isNMToken(id) { throw fail(e, "id “\(id)” is not an NMTOKEN.") }
    }

    private func isExtension(_ e: XMLElement) -> Bool { e.namespace != Self.core }

    /// Elements each module defines; other names in a module namespace are refused.
    static let moduleElements: [String: Set<String>] = [
        "urn:oasis:names:tc:xliff:validation:2.0": ["validations", "validation", "rule"],
        "urn:oasis:names:tc:xliff:metadata:2.0": ["metadata", "metaGroup", "meta"],
        "urn:oasis:names:tc:xliff:matches:2.0": ["matches", "match"],
        "urn:oasis:names:tc:xliff:glossary:2.0": ["glossary", "glossEntry", "term", "translation", "definition"],
        "urn:oasis:names:tc:xliff:resourcedata:2.0": ["resourceData", "resourceItemRef", "resourceItem", "source", "target", "reference"],
        "urn:oasis:names:tc:xliff:changetracking:2.0": ["changeTrack", "revisions", "revision", "item"],
        "urn:oasis:names:tc:xliff:sizerestriction:2.0": ["profiles", "normalization", "data"],
    ]

    func checkModuleElement(_ e: XMLElement) throws {
        if let names = Self.moduleElements[e.namespace], !names.contains(e.name) { throw fail(e, "<\(e.name)> is not an element of its module.") }
        for child in e.elements where child.namespace == e.namespace { try checkModuleElement(child) }
    }

    /// Ids of extension elements must be unique among siblings.
    private func checkExtensionIds(_ elements: [XMLElement]) throws {
        var seen: Set<String> = []
        for e in elements where isExtension(e) {
            if let id = e.attribute("id") ?? e.attribute("id", namespace: Self.xml) {
                if !seen.insert(id).inserted { throw fail(e, "id “\(id)” is used by two extension elements in the same scope.") }
            }
            try checkExtensionIds(e.elements)
        }
    }

    private func checkNotes(_ notes: XMLElement) throws {
        try attributes(notes)
        let list = notes.elements
        if list.isEmpty { throw fail(notes, "<notes> must contain at least one <note>.") }
        var ids: Set<String> = []
        for note in list {
            guard note.name == "note", note.namespace == Self.core else { throw fail(note, "<notes> may contain only <note>.") }
            try attributes(note)
            if let id = note.attribute("id"), !ids.insert(id).inserted { throw fail(note, "note id “\(id)” is not unique.") }
            if let a = note.attribute("appliesTo"), a != "source", a != "target" { throw fail(note, "appliesTo must be source or target.") }
            if let p = note.attribute("priority"), !(Int(p).map { (1...10).contains($0) } ?? false) { throw fail(note, "priority must be 1 to 10.") }
            if !note.elements.isEmpty { throw fail(note, "<note> holds text only.") }
        }
    }

    /// Children of file/group/unit: extensions and modules first, then notes, then the rest.
    private func header(of e: XMLElement, rest: Set<String>) throws -> (notes: XMLElement?, body: [XMLElement]) {
        var notes: XMLElement?
        var body: [XMLElement] = []
        var phase = 0 // 0 extensions, 1 after notes, 2 body
        for child in e.elements {
            if isExtension(child) {
                try checkModuleElement(child)
                if phase > 0 { throw fail(child, "<\(child.name)> must come before <notes> and the content of <\(e.name)>.") }
                continue
            }
            if child.name == "notes" {
                if phase > 0 { throw fail(child, "<notes> must come before the content of <\(e.name)>.") }
                phase = 1; notes = child; continue
            }
            guard rest.contains(child.name) else { throw fail(child, "<\(child.name)> is not allowed in <\(e.name)>.") }
            phase = 2
            body.append(child)
        }
        try checkExtensionIds(e.elements)
        if let notes { try checkNotes(notes) }
        return (notes, body)
    }

    struct Scope {
        var lang: String?
        var space: String
        var noteIds: Set<String>
    }

    mutating func validate(file: XMLElement) throws {
        try attributes(file)
        guard let id = file.attribute("id") else { throw fail(file, "<file> must have an id.") }
        if !fileIds.insert(id).inserted { throw fail(file, "file id “\(id)” is not unique.") }
        var children = file.elements
        if let first = children.first, first.name == "skeleton", first.namespace == Self.core {
            try attributes(first)
            let hasContent = !first.children.isEmpty && !(first.elements.isEmpty && first.text.allSatisfy(\.isWhitespace))
            if first.attribute("href") != nil && hasContent { throw fail(first, "<skeleton> must not have both href and content.") }
            if first.attribute("href") == nil && !hasContent { throw fail(first, "<skeleton> must have href or content.") }
            children.removeFirst()
        }
        var body = file
        body.children = children.map { .element($0) }
        let (notes, content) = try header(of: body, rest: ["unit", "group"])
        if content.isEmpty { throw fail(file, "<file> must contain at least one <unit> or <group>.") }
        var unitIds: Set<String> = []
        var groupIds: Set<String> = []
        collectIds(content, units: &unitIds, groups: &groupIds)
        var seenUnits: Set<String> = [], seenGroups: Set<String> = []
        let scope = Scope(lang: file.attribute("lang", namespace: Self.xml) ?? rootLanguage,
                          space: file.attribute("space", namespace: Self.xml) ?? rootSpace,
                          noteIds: Set(notes?.elements.compactMap { $0.attribute("id") } ?? []))
        for child in content {
            try validateContainer(child, scope: scope, fileId: id, unitIds: unitIds, seenUnits: &seenUnits, seenGroups: &seenGroups)
        }
    }

    private func collectIds(_ elements: [XMLElement], units: inout Set<String>, groups: inout Set<String>) {
        for e in elements where e.namespace == Self.core {
            if e.name == "unit", let id = e.attribute("id") { units.insert(id) }
            if e.name == "group" { if let id = e.attribute("id") { groups.insert(id) }; collectIds(e.elements, units: &units, groups: &groups) }
        }
    }

    private func validateContainer(_ e: XMLElement, scope parent: Scope, fileId: String, unitIds: Set<String>, seenUnits: inout Set<String>, seenGroups: inout Set<String>) throws {
        try attributes(e)
        guard let id = e.attribute("id") else { throw fail(e, "<\(e.name)> must have an id.") }
        var scope = parent
        scope.lang = e.attribute("lang", namespace: Self.xml) ?? parent.lang
        scope.space = e.attribute("space", namespace: Self.xml) ?? parent.space
        if e.name == "group" {
            if !seenGroups.insert(id).inserted { throw fail(e, "group id “\(id)” is not unique in the file.") }
            let (_, content) = try header(of: e, rest: ["unit", "group"])
            for child in content { try validateContainer(child, scope: scope, fileId: fileId, unitIds: unitIds, seenUnits: &seenUnits, seenGroups: &seenGroups) }
        } else {
            if !seenUnits.insert(id).inserted { throw fail(e, "unit id “\(id)” is not unique in the file.") }
            try validateUnit(e, scope: scope, unitIds: unitIds)
        }
    }
}
