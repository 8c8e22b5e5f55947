import Foundation
import TandemDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// XLIFF 2.0 exchange of the interface strings with translators' CAT tools.
///
/// Mapping (see docs/localization.md):
/// - one `<file id="tandem-ui" xml:space="preserve">`; one `<unit id="KEY">` per text message,
///   one `<unit id="KEY:CATEGORY">` per plural category the target language needs (its source is
///   the English form of that category, else English `other`). `:` rather than `#` because unit
///   ids are XML NMTOKENs (`#` is refused by validators, including `tandem analyze`'s); `#` is
///   still accepted on import;
/// - `<notes>`: the English note, and for plural units a note naming the category and numbers
///   that use it;
/// - one `<segment>` with `<source>` (English) and, when a translation exists, `<target>`
///   (`state="translated"`, else `initial`);
/// - placeholders `{name}` are `<ph id="ph-name" disp="{name}" equiv="{name}"/>` (a repeated one
///   `ph-name-2`; in a target, an occurrence the source lacks adds `copyOf="ph-name"`) so CAT
///   tools protect them; literal braces are plain text.
public enum XLIFF {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let fileID = "tandem-ui"
    /// Between a plural message's key and its category in unit ids: `users.count:one`.
    public static let categorySeparator: Character = ":"

    // MARK: Export

    /// The XLIFF document for translating `source` (English) into `targetLocale`, with the
    /// existing `translation`'s texts as targets.
    public static func export(source: Catalog, translation: Catalog?, targetLocale: String) -> String {
        let target = canonicalLocale(targetLocale)
        let rule = PluralRules.rule(for: target)
        let languageName =
            Locale(identifier: "en").localizedString(forLanguageCode: languageSubtag(of: target)) ?? target
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="\(namespace)" version="2.0" srcLang="\(Catalogs.sourceLocale)" trgLang="\(escape(target))">
              <file id="\(fileID)" original="Resources/Locales/\(Catalogs.sourceLocale).json" xml:space="preserve">

            """
        for key in source.messages.keys.sorted() {
            let entry = source.messages[key]!
            let translated = translation?.messages[key]
            switch entry.content {
            case .text(let english):
                var targetText: String?
                if case .text(let text)? = translated?.content { targetText = text }
                out += unit(id: key, notes: [entry.note].compactMap { $0 }, source: english, target: targetText)
            case .plural(let forms):
                var targetForms: [PluralCategory: String] = [:]
                if case .plural(let translatedForms)? = translated?.content { targetForms = translatedForms }
                for category in rule.categories {
                    let examples = rule.examples(of: category)
                    let pluralNote =
                        "Plural form “\(category.rawValue)” in \(languageName) (\(target)), used for counts such as \(examples.joined(separator: ", "))\(category == .other ? " and any other" : ""). Source: the English “\(forms[category] != nil ? category.rawValue : "other")” form."
                    out += unit(
                        id: "\(key)\(categorySeparator)\(category.rawValue)",
                        notes: [entry.note, pluralNote].compactMap { $0 },
                        source: CatalogCheck.sourceForm(forms, category), target: targetForms[category])
                }
            }
        }
        out += "  </file>\n</xliff>\n"
        return out
    }

    static func unit(id: String, notes: [String], source: String, target: String?) -> String {
        var out = "    <unit id=\"\(escape(id))\">\n"
        if !notes.isEmpty {
            out += "      <notes>\n"
            for note in notes { out += "        <note>\(escape(note))</note>\n" }
            out += "      </notes>\n"
        }
        out += "      <segment state=\"\(target == nil ? "initial" : "translated")\">\n"
        out += "        <source>\(inline(source))</source>\n"
        if let target {
            let sourceCounts = ((try? MessageTemplate(parsing: source))?.segments ?? []).reduce(into: [String: Int]()) {
                counts, segment in
                if case .placeholder(let name) = segment { counts[name, default: 0] += 1 }
            }
            out += "        <target>\(inline(target, sourceCounts: sourceCounts))</target>\n"
        }
        out += "      </segment>\n    </unit>\n"
        return out
    }

    /// Message syntax → XLIFF inline content. For a target, `sourceCounts` (placeholder
    /// occurrences in the source) marks extra occurrences as copies of the source's code.
    static func inline(_ message: String, sourceCounts: [String: Int]? = nil) -> String {
        guard let template = try? MessageTemplate(parsing: message) else { return escape(message) }
        var seen: [String: Int] = [:]
        return template.segments.map { segment in
            switch segment {
            case .literal(let text): return escape(text)
            case .placeholder(let name):
                let n = seen[name, default: 0] + 1
                seen[name] = n
                let disp = escape("{\(name)}")
                let id = n == 1 ? "ph-\(name)" : "ph-\(name)-\(n)"
                let copy = sourceCounts.map { n > $0[name, default: 0] && $0[name, default: 0] > 0 } ?? false
                return "<ph id=\"\(id)\"\(copy ? " copyOf=\"ph-\(name)\"" : "") disp=\"\(disp)\" equiv=\"\(disp)\"/>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    // MARK: Import

    /// Reads a translated XLIFF 2.0 file and returns the catalog to write as `<trgLang>.json`:
    /// `existing` (a previous import for that language, if any) updated with every unit that has a
    /// target. Refuses the whole file, listing every problem as `FILE:LINE: unit "ID": problem`,
    /// if it is not well-formed XLIFF 2.0 from English, has a DOCTYPE (entities are never
    /// resolved), names a key English does not have, changes a unit's placeholders, or lacks a
    /// plural form the target language needs.
    public static func importCatalog(_ data: Data, file: String, source: Catalog, existing: Catalog? = nil) throws
        -> Catalog
    {
        let root = try parseDocument(data, file: file)
        var problems: [String] = []
        func problem(_ line: Int, _ unit: String?, _ text: String) {
            problems.append("\(file):\(line): " + (unit.map { "unit \"\($0)\": " } ?? "") + text)
        }

        guard root.name == "xliff", root.namespace == namespace else {
            throw XLIFFError([
                "\(file):\(root.line): not an XLIFF 2.0 document (root element <\(root.name)> in namespace \(root.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "none"), expected <xliff xmlns=\"\(namespace)\">)"
            ])
        }
        if !["2.0", "2.1", "2.2"].contains(root.attributes["version"] ?? "") {
            problem(
                root.line, nil,
                "version \"\(root.attributes["version"] ?? "")\" is not XLIFF 2 (expected version=\"2.0\")")
        }
        let srcLang = root.attributes["srcLang"] ?? ""
        if languageSubtag(of: srcLang) != Catalogs.sourceLocale {
            problem(root.line, nil, "srcLang is \"\(srcLang)\"; the source language must be English (srcLang=\"en\")")
        }
        guard let trgLang = root.attributes["trgLang"], let targetTag = try? LanguageTag(trgLang),
            targetTag.language != Catalogs.sourceLocale
        else {
            problem(root.line, nil, "trgLang must name the target language, e.g. trgLang=\"fr\" (and not English)")
            throw XLIFFError(problems)
        }
        let locale = targetTag.description
        let rule = PluralRules.rule(for: locale)

        // Units, wherever they are nested (<file>, <group>).
        var units: [XMLNode.Element] = []
        func collect(_ element: XMLNode.Element) {
            for case .element(let child) in element.children {
                if child.name == "unit" {
                    units.append(child)
                } else if child.name == "file" || child.name == "group" {
                    collect(child)
                }
            }
        }
        collect(root)

        var seenIDs: [String: Int] = [:]
        var translatedText: [String: String] = [:]
        var translatedForms: [String: [PluralCategory: String]] = [:]
        var firstLine: [String: Int] = [:]
        for unit in units {
            guard let id = unit.attributes["id"], !id.isEmpty else {
                problem(unit.line, nil, "<unit> without an id")
                continue
            }
            if let previous = seenIDs[id] {
                problem(unit.line, id, "appears twice (first on line \(previous))")
                continue
            }
            seenIDs[id] = unit.line
            let parts = id.split(maxSplits: 1, whereSeparator: { $0 == categorySeparator || $0 == "#" }).map(
                String.init)
            let key = parts[0]
            guard let sourceEntry = source.messages[key] else {
                problem(
                    unit.line, id,
                    "unknown key: not in the English catalog (the file is older or newer than this version of Tandem)")
                continue
            }
            firstLine[key] = min(firstLine[key] ?? .max, unit.line)
            var category: PluralCategory?
            switch (sourceEntry.content, parts.count == 2 ? parts[1] : nil) {
            case (.text, nil): break
            case (.text, let suffix?):
                problem(
                    unit.line, id, "\"\(key)\" is not a plural message, so \"\(categorySeparator)\(suffix)\" is unknown"
                )
                continue
            case (.plural, nil):
                problem(
                    unit.line, id,
                    "\"\(key)\" is a plural message: expected units \(rule.categories.map { "\"\(key)\(categorySeparator)\($0.rawValue)\"" }.joined(separator: ", "))"
                )
                continue
            case (.plural, let suffix?):
                guard let c = PluralCategory(rawValue: suffix), rule.categories.contains(c) else {
                    problem(
                        unit.line, id,
                        "\"\(suffix)\" is not a plural category of \(locale) (it uses \(rule.categories.map(\.rawValue).joined(separator: ", ")))"
                    )
                    continue
                }
                category = c
            }

            // Target: all segments (and ignorables) of the unit, in order.
            var segments: [MessageTemplate.Segment] = []
            var hasTarget = false
            var unitProblems: [String] = []
            for case .element(let part) in unit.children where part.name == "segment" || part.name == "ignorable" {
                for case .element(let target) in part.children where target.name == "target" {
                    hasTarget = true
                    segments += inlineSegments(target, problems: &unitProblems)
                }
            }
            for text in unitProblems { problem(unit.line, id, text) }
            let template = MessageTemplate(segments: segments)
            let blank =
                template.placeholders.isEmpty
                && template.render { _ in nil }.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            guard hasTarget, !blank, unitProblems.isEmpty else { continue }

            // Placeholders must be the source's ({count} optional in plural forms).
            let englishText: String
            switch sourceEntry.content {
            case .text(let text): englishText = text
            case .plural(let forms): englishText = CatalogCheck.sourceForm(forms, category!)
            }
            var expected = CatalogCheck.placeholders(englishText)
            var got = Set(template.placeholders)
            if category != nil {
                expected.remove("count")
                got.remove("count")
            }
            for name in expected.subtracting(got).sorted() {
                let typed = template.segments.contains {
                    if case .literal(let t) = $0 { return t.contains("{\(name)}") }
                    return false
                }
                problem(
                    unit.line, id,
                    "placeholder {\(name)} is missing"
                        + (typed ? " (it was typed as text; keep the placeholder tag from the source)" : ""))
            }
            for name in got.subtracting(expected).sorted() {
                problem(unit.line, id, "placeholder {\(name)} is not in the source")
            }
            if let category {
                translatedForms[key, default: [:]][category] = template.source
            } else {
                translatedText[key] = template.source
            }
        }

        // Plural messages: all forms the language needs, or none (left in English).
        for (key, forms) in translatedForms.sorted(by: { $0.key < $1.key }) {
            let missing = rule.categories.filter { forms[$0] == nil }
            if !missing.isEmpty {
                let line = firstLine[key] ?? root.line
                problem(
                    line, key,
                    "plural form\(missing.count > 1 ? "s" : "") \(missing.map(\.rawValue).joined(separator: ", ")) missing or untranslated (\(locale) needs \(rule.categories.map(\.rawValue).joined(separator: ", ")))"
                )
            }
        }
        if !problems.isEmpty { throw XLIFFError(problems) }

        var messages = (existing?.messages ?? [:]).filter { source.messages[$0.key] != nil }
        for (key, text) in translatedText { messages[key] = CatalogEntry(.text(text), note: messages[key]?.note) }
        for (key, forms) in translatedForms { messages[key] = CatalogEntry(.plural(forms), note: messages[key]?.note) }
        var name = existing?.name ?? locale
        if case .text(let native)? = messages["language.native_name"]?.content, !native.isEmpty { name = native }
        return Catalog(locale: locale, name: name, messages: messages)
    }

    /// Text and placeholders of a `<target>`; `<mrk>` annotations are looked through.
    static func inlineSegments(_ element: XMLNode.Element, problems: inout [String]) -> [MessageTemplate.Segment] {
        var segments: [MessageTemplate.Segment] = []
        for child in element.children {
            switch child {
            case .text(let text): segments.append(.literal(text))
            case .element(let inner):
                switch inner.name {
                case "ph":
                    if let name = placeholderName(inner) {
                        segments.append(.placeholder(name))
                    } else {
                        problems.append(
                            "<ph id=\"\(inner.attributes["id"] ?? "")\"> on line \(inner.line) is not one of Tandem's placeholders (expected id=\"ph-NAME\" or disp=\"{NAME}\")"
                        )
                    }
                case "mrk": segments += inlineSegments(inner, problems: &problems)
                case "sm", "em": break
                default:
                    problems.append(
                        "unexpected <\(inner.name)> on line \(inner.line) in the target (only text and <ph/> placeholders)"
                    )
                }
            }
        }
        return segments
    }

    /// `ph-count` → `count`, `ph-name-2` (or copyOf) → `name`, else `disp`/`equiv` `{name}`.
    static func placeholderName(_ ph: XMLNode.Element) -> String? {
        for candidate in [ph.attributes["copyOf"], ph.attributes["id"]].compactMap({ $0 })
        where candidate.hasPrefix("ph-") {
            var name = String(candidate.dropFirst(3))
            if let dash = name.lastIndex(of: "-"), name[name.index(after: dash)...].allSatisfy(\.isNumber) {
                name = String(name[..<dash])
            }
            if MessageTemplate.isValidPlaceholderName(name) { return name }
        }
        for candidate in [ph.attributes["disp"], ph.attributes["equiv"]].compactMap({ $0 })
        where candidate.hasPrefix("{") && candidate.hasSuffix("}") {
            let name = String(candidate.dropFirst().dropLast())
            if MessageTemplate.isValidPlaceholderName(name) { return name }
        }
        return nil
    }

    // MARK: XML reading

    /// Parses with Foundation's XMLParser: namespaces on, external entities never resolved, and
    /// any DOCTYPE refused outright (XLIFF has none; entity tricks have no place in a translation).
    static func parseDocument(_ data: Data, file: String) throws -> XMLNode.Element {
        let text = String(decoding: data, as: UTF8.self)
        for marker in ["<!DOCTYPE", "<!ENTITY"] {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
                throw XLIFFError([
                    "\(file):\(line): a DOCTYPE or ENTITY declaration is not allowed in an XLIFF file (entities are never resolved)"
                ])
            }
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        let builder = TreeBuilder()
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.root == nil || builder.errorLine != nil {
            let line = builder.errorLine ?? parser.lineNumber
            let reason =
                builder.errorDescription ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed"
            throw XLIFFError(["\(file):\(max(line, 1)): malformed XML: \(reason)"])
        }
        return builder.root!
    }
}

/// All problems of a refused XLIFF file, one per line as `FILE:LINE: unit "ID": problem`.
public struct XLIFFError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}

enum XMLNode {
    final class Element {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        let line: Int
        var children: [XMLNode] = []
        init(name: String, namespace: String?, attributes: [String: String], line: Int) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.line = line
        }
    }
    case element(Element)
    case text(String)
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode.Element?
    var stack: [XMLNode.Element] = []
    var errorLine: Int?
    var errorDescription: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        // Attributes: local names (xml:space etc. keep their prefix-less name).
        var attributes: [String: String] = [:]
        for (name, value) in attributeDict {
            attributes[String(name.split(separator: ":").last ?? Substring(name))] = value
        }
        let element = XMLNode.Element(
            name: elementName, namespace: namespaceURI, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(.element(element)) } else if root == nil { root = element }
        stack.append(element)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { appendText(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if errorLine == nil {
            errorLine = parser.lineNumber
            errorDescription = XMLErrorText.describe(parseError)
        }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

    private func appendText(_ string: String) {
        guard let parent = stack.last else { return }
        if case .text(let previous)? = parent.children.last {
            parent.children[parent.children.count - 1] = .text(previous + string)
        } else {
            parent.children.append(.text(string))
        }
    }
}

enum XMLErrorText {
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        // libxml2's xmlParserErrors codes, as Foundation's XMLParser reports them on Linux.
        let known: [Int: String] = [
            4: "the document is empty", 5: "extra content after the end of the document",
            9: "a character that XML does not allow", 23: "an entity reference lacks its “;”",
            26: "an entity is not declared (write & as &amp; and < as &lt;)", 27: "an entity is not declared",
            38: "“<” inside an attribute value", 41: "an attribute has no value", 42: "an attribute appears twice",
            73: "“>” expected", 76: "an opening and a closing tag do not match", 77: "a tag is not closed",
        ]
        if let text = known[ns.code] { return "\(text) (XML error \(ns.code))" }
        if let text = ns.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty,
            !text.contains("NSXMLParserErrorDomain")
        {
            return text
        }
        return "XML error \(ns.code)"
    }
}
