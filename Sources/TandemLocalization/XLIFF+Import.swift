import Foundation
import TandemDomain

// MARK: Import

extension XLIFF {
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
}
