import Foundation
import TandemDomain

/// The rules of the XLIFF 2 core specification (structure, attributes and their values,
/// identifiers, inline-code pairing, references, languages) that `XLIFF2Builder` applies while it
/// streams a document: rules on one start tag, rules on the small subtrees it keeps whole (notes,
/// original data, skeleton, extensions) and rules on a unit's inline codes.
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

    /// Arrays, not sets: a few equal-string tests cost less than hashing a name.
    static let allowedAttributes: [String: [String]] = [
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
        "ph": [
            "canCopy", "canDelete", "canReorder", "copyOf", "disp", "equiv", "id", "dataRef", "subFlows", "subType",
            "type",
        ],
        "pc": [
            "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dispEnd", "dispStart", "equivEnd",
            "equivStart", "id",
            "dataRefEnd", "dataRefStart", "subFlowsEnd", "subFlowsStart", "subType", "type", "dir",
        ],
        "sc": [
            "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp", "equiv", "id",
            "isolated", "subFlows", "subType", "type",
        ],
        "ec": [
            "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp", "equiv", "id",
            "isolated", "startRef", "subFlows", "subType", "type",
        ],
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

    init(root: XMLElement, fileName: String) throws {
        self.fileName = fileName
        func fail(_ message: String) -> AnalysisError {
            AnalysisError(file: fileName, line: root.line, column: root.column, kind: .invalid, message: message)
        }
        guard let version = root.attribute("version"), version.hasPrefix("2.") else {
            throw fail("<xliff> must declare version=\"2.x\".")
        }
        guard let src = root.attribute("srcLang") else { throw fail("<xliff> must declare srcLang.") }
        guard let source = try? LanguageTag(src), Self.isWellFormedLanguage(src) else {
            throw fail("srcLang “\(src)” is not a well-formed BCP 47 tag.")
        }
        sourceLanguage = source
        if let trg = root.attribute("trgLang") {
            guard let target = try? LanguageTag(trg), Self.isWellFormedLanguage(trg) else {
                throw fail("trgLang “\(trg)” is not a well-formed BCP 47 tag.")
            }
            targetLanguage = target
        } else {
            targetLanguage = nil
        }
        rootLanguage = root.attribute("lang", namespace: Self.xml)
        rootSpace = root.attribute("space", namespace: Self.xml) ?? "default"
        try Self.checkAttributes(root.tag, allowed: ["version", "srcLang", "trgLang"], fileName: fileName)
    }

    static func isWellFormedLanguage(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    static let alphanumerics = CharacterSet.alphanumerics

    static func isNMToken(_ s: String) -> Bool {
        if s.isEmpty { return false }
        // ASCII letters, digits and - . _ : (the common case, byte by byte).
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 {
                ascii = false
                break
            }
            if !((b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
                || b == 0x2E || b == 0x5F)
            {
                return false
            }
        }
        if ascii { return true }
        return s.unicodeScalars.allSatisfy { c in
            if c.isASCII {
                let v = c.value
                return (v >= 0x30 && v <= 0x3A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || c == "-"
                    || c == "." || c == "_"
            }
            return alphanumerics.contains(c) || c.properties.generalCategory == .nonspacingMark
        }
    }

    func fail(_ e: XMLTag, _ message: String) -> AnalysisError {
        AnalysisError(
            file: fileName, line: e.line, column: e.column, kind: .invalid, message: "invalid XLIFF 2: " + message)
    }

    func fail(_ e: XMLElement, _ message: String) -> AnalysisError { fail(e.tag, message) }

    static func checkAttributes(_ e: XMLTag, allowed: [String], fileName: String) throws {
        for a in e.attributes {
            let problem: String?
            if a.namespace.isEmpty {
                problem = allowed.contains(a.name) ? nil : "attribute “\(a.name)” is not allowed on <\(e.name)>."
            } else if a.namespace == xml {
                problem =
                    (xmlAttributes[e.name] ?? []).contains(a.name)
                    ? nil : "xml:\(a.name) is not allowed on <\(e.name)>."
            } else if a.namespace == fs {
                if (e.name == "ec" && e.attribute("isolated") != "yes") || e.name == "em"
                    || !["fs", "subFs"].contains(a.name)
                {
                    problem = "fs:\(a.name) is not allowed on <\(e.name)>."
                } else if a.name == "fs", !htmlElements.contains(a.value) {
                    problem = "fs:fs value “\(a.value)” is not an HTML element name."
                } else if a.name == "subFs", e.attribute("fs", namespace: fs) == nil {
                    problem = "fs:subFs requires fs:fs."
                } else {
                    problem = nil
                }
            } else if moduleNamespaces.contains(a.namespace) {
                problem = nil
            } else {
                problem =
                    extensibleAttributes.contains(e.name)
                    ? nil : "extension attribute “\(a.prefix):\(a.name)” is not allowed on <\(e.name)>."
            }
            if let problem {
                throw AnalysisError(
                    file: fileName, line: e.line, column: e.column, kind: .invalid,
                    message: "invalid XLIFF 2: " + problem)
            }
        }
    }

    static let htmlElements: Set<String> = [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body",
        "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "command", "datalist", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins",
        "kbd", "keygen", "label", "legend", "li", "link", "map", "mark", "menu", "meta", "meter", "nav", "noscript",
        "object", "ol", "optgroup", "option", "output", "p", "param", "pre", "progress", "q", "rp", "rt", "ruby", "s",
        "samp", "script", "section", "select", "small", "source", "span", "strong", "style", "sub", "summary", "sup",
        "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var",
        "video", "wbr",
    ]

    func attributes(_ e: XMLElement) throws { try attributes(e.tag) }

    /// The rules on a start tag's attributes: which are allowed, and their values (one pass).
    /// `allowed`: the element's allowed attributes when the caller knows them (saves a lookup).
    func attributes(_ e: XMLTag, allowed: [String]? = nil) throws {
        if e.attributes.isEmpty { return }
        try Self.checkAttributes(e, allowed: allowed ?? Self.allowedAttributes[e.name] ?? [], fileName: fileName)
        for a in e.attributes {
            let v = a.value
            if a.namespace.isEmpty {
                switch a.name {
                case "id": if !Self.isNMToken(v) { throw fail(e, "id “\(v)” is not an NMTOKEN.") }
                case "canResegment", "translate", "canCopy", "canDelete", "canOverlap", "isolated":
                    if v != "yes", v != "no" { throw fail(e, "\(a.name)=\"\(v)\" must be yes or no.") }
                case "srcDir", "trgDir", "dir":
                    if v != "ltr", v != "rtl", v != "auto" {
                        throw fail(e, "\(a.name)=\"\(v)\" must be ltr, rtl or auto.")
                    }
                case "canReorder":
                    if v != "yes", v != "no", v != "firstNo" {
                        throw fail(e, "canReorder=\"\(v)\" must be yes, no or firstNo.")
                    }
                default: break
                }
            } else if a.namespace == Self.xml {
                if a.name == "space", v != "default", v != "preserve" {
                    throw fail(e, "xml:space=\"\(v)\" must be default or preserve.")
                }
                if a.name == "lang", !v.isEmpty, !Self.isWellFormedLanguage(v) {
                    throw fail(e, "xml:lang “\(v)” is not a well-formed BCP 47 tag.")
                }
            }
        }
    }

    /// Elements each module defines; other names in a module namespace are refused.
    static let moduleElements: [String: Set<String>] = [
        "urn:oasis:names:tc:xliff:validation:2.0": ["validations", "validation", "rule"],
        "urn:oasis:names:tc:xliff:metadata:2.0": ["metadata", "metaGroup", "meta"],
        "urn:oasis:names:tc:xliff:matches:2.0": ["matches", "match"],
        "urn:oasis:names:tc:xliff:glossary:2.0": ["glossary", "glossEntry", "term", "translation", "definition"],
        "urn:oasis:names:tc:xliff:resourcedata:2.0": [
            "resourceData", "resourceItemRef", "resourceItem", "source", "target", "reference",
        ],
        "urn:oasis:names:tc:xliff:changetracking:2.0": ["changeTrack", "revisions", "revision", "item"],
        "urn:oasis:names:tc:xliff:sizerestriction:2.0": ["profiles", "normalization", "data"],
    ]

    /// The id an extension element claims among its siblings (`id` or `xml:id`).
    static func extensionId(_ e: XMLTag) -> String? { e.attribute("id") ?? e.attribute("id", namespace: xml) }

    /// `<skeleton>`: an external reference or content, not both, not neither.
    func checkSkeleton(_ skeleton: XMLElement) throws {
        try attributes(skeleton)
        let hasContent =
            !skeleton.children.isEmpty && !(skeleton.elements.isEmpty && skeleton.text.allSatisfy(\.isWhitespace))
        if skeleton.attribute("href") != nil && hasContent {
            throw fail(skeleton, "<skeleton> must not have both href and content.")
        }
        if skeleton.attribute("href") == nil && !hasContent {
            throw fail(skeleton, "<skeleton> must have href or content.")
        }
    }
}
