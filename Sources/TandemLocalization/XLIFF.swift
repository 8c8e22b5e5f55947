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
}
