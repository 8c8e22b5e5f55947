import Foundation

/// Consistency checks between the English source catalog and a translation.
public enum CatalogCheck {
    /// The English form a plural category is translated from: the same category, else `other`.
    static func sourceForm(_ forms: [PluralCategory: String], _ category: PluralCategory) -> String {
        forms[category] ?? forms[.other] ?? ""
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set((try? MessageTemplate(parsing: text))?.placeholders ?? [])
    }

    static func allPlaceholders(_ entry: CatalogEntry) -> Set<String> {
        switch entry.content {
        case .text(let text): return placeholders(text)
        case .plural(let forms): return forms.values.reduce(into: ["count"]) { $0.formUnion(placeholders($1)) }
        }
    }

    static func list(_ names: Set<String>) -> String {
        names.isEmpty ? "none" : names.sorted().map { "{\($0)}" }.joined(separator: ", ")
    }

    /// Placeholders a translation uses that its English message does not have (it would render
    /// as a visible `{name}`). Checked whenever catalogs are loaded.
    public static func unknownPlaceholders(in translation: Catalog, source: Catalog, file: String) -> [String] {
        var problems: [String] = []
        for key in translation.messages.keys.sorted() {
            guard let sourceEntry = source.messages[key] else { continue }
            let known = allPlaceholders(sourceEntry)
            let used = allPlaceholders(translation.messages[key]!).subtracting(
                translation.messages[key]!.isPlural ? ["count"] : [])
            let unknown = used.subtracting(known)
            if !unknown.isEmpty {
                problems.append(
                    "\(file): key \"\(key)\": unknown placeholder \(list(unknown)) (the English message has \(list(known)))"
                )
            }
        }
        return problems
    }

    /// Everything that makes `translation` incomplete or inconsistent with `source`: missing keys,
    /// stray keys, placeholders that differ from the English ones (in plural forms `{count}` may
    /// be left out or added), missing or unused plural categories for the translation's language.
    public static func problems(in translation: Catalog, source: Catalog, file: String, requireAllKeys: Bool = true)
        -> [String]
    {
        var problems: [String] = []
        let rule = PluralRules.rule(for: translation.locale)
        let keys = Set(source.messages.keys).union(translation.messages.keys).sorted()
        for key in keys {
            let at = "\(file): key \"\(key)\""
            guard let sourceEntry = source.messages[key] else {
                problems.append("\(at): not in the English catalog (remove it, or add it to en.json first)")
                continue
            }
            guard let entry = translation.messages[key] else {
                if requireAllKeys { problems.append("\(at): missing (English: \(describe(sourceEntry)))") }
                continue
            }
            problems += self.problems(entry: entry, source: sourceEntry, rule: rule, locale: translation.locale, at: at)
        }
        return problems
    }

    static func describe(_ entry: CatalogEntry) -> String {
        switch entry.content {
        case .text(let text): return "“\(text)”"
        case .plural(let forms): return "“\(forms[.other] ?? "")” (plural)"
        }
    }

    static func problems(entry: CatalogEntry, source: CatalogEntry, rule: PluralRule, locale: String, at: String)
        -> [String]
    {
        var problems: [String] = []
        switch (source.content, entry.content) {
        case (.text(let english), .text(let text)):
            let expected = placeholders(english)
            let got = placeholders(text)
            if expected != got {
                problems.append("\(at): placeholders \(list(got)) differ from the English \(list(expected))")
            }
        case (.plural(let englishForms), .plural(let forms)):
            let missing = Set(rule.categories).subtracting(forms.keys)
            if !missing.isEmpty {
                problems.append(
                    "\(at): missing plural form\(missing.count > 1 ? "s" : "") \(missing.sorted().map(\.rawValue).joined(separator: ", ")) (\(locale) uses \(rule.categories.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let unused = Set(forms.keys).subtracting(rule.categories)
            if !unused.isEmpty {
                problems.append(
                    "\(at): plural form\(unused.count > 1 ? "s" : "") \(unused.sorted().map(\.rawValue).joined(separator: ", ")) not used in \(locale) (it uses \(rule.categories.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            for category in rule.categories {
                guard let text = forms[category] else { continue }
                let expected = placeholders(sourceForm(englishForms, category)).subtracting(["count"])
                let got = placeholders(text).subtracting(["count"])
                if expected != got {
                    problems.append(
                        "\(at): plural form \(category.rawValue): placeholders \(list(got)) differ from the English \(list(expected)) ({count} is optional)"
                    )
                }
            }
        case (.plural, .text):
            problems.append(
                "\(at): the English message is plural; give the forms \(rule.categories.map(\.rawValue).joined(separator: ", "))"
            )
        case (.text, .plural):
            problems.append("\(at): the English message is not plural; give a single text")
        }
        return problems
    }
}
