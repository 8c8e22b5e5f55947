import Foundation
import Testing

@testable import TandemLocalization

@Suite struct TemplateCheckTests {
    func found(_ template: String) -> [String] {
        TemplateCheck.findings(in: template, file: "t.leaf").map { "\($0.line): \($0.context) \($0.text)" }
    }

    @Test func catchesHardCodedText() {
        #expect(found("<p>Hello world</p>") == ["1: text Hello world"])
        #expect(found("<h1>#t(\"a\")</h1>\n<p>\n  Save changes\n</p>") == ["3: text Save changes"])
        #expect(found("<button>#t(\"common.save\") now</button>") == ["1: text now"])
        #expect(found("<td>#(count) users</td>") == ["1: text users"])
        #expect(found("#if(x):<span>Yes</span>#else:<span>#t(\"common.no\")</span>#endif") == ["1: text Yes"])
        #expect(found("<p>Call us #1</p>") == ["1: text Call us #1"])
        #expect(found("<p>Prix : 12 €</p>") == ["1: text Prix : 12 €"])
    }

    @Test func catchesVisibleAttributes() {
        #expect(found(#"<img src="/a.png" alt="Company logo">"#) == [#"1: alt="…" Company logo"#])
        #expect(found(#"<input name="q" placeholder="Search…">"#) == [#"1: placeholder="…" Search…"#])
        #expect(found(#"<a href="/x" title='Open the file'>#t("x")</a>"#) == [#"1: title="…" Open the file"#])
        #expect(found("<nav\n  aria-label=\"Main\">") == [#"2: aria-label="…" Main"#])
        #expect(found(#"<input type="submit" value="Send">"#) == [#"1: value="…" Send"#])
        #expect(found(#"<button type="submit" name="go" value="Go">#t("x")</button>"#) == [#"1: value="…" Go"#])
        #expect(found(#"<option label="First">#t("x")</option>"#) == [#"1: label="…" First"#])
    }

    @Test func acceptsLocalizedTemplates() {
        let template = """
            <!doctype html>
            <html lang="#(shell.lang)">
            <head><title>#(shell.title) · Tandem</title>
            <style>body { font-family: sans-serif; }</style>
            <script>document.querySelector("form").addEventListener("submit", () => {})</script>
            </head>
            <!-- A comment with words -->
            #// A Leaf comment with words
            #/* another
            Leaf comment */
            <body>
            <a class="skip-link" href="#main">#t("nav.skip_to_content")</a>
            <a class="brand" href="/"><span aria-hidden="true">◐</span> Tandem</a>
            <input type="hidden" name="_csrf" value="#(csrf)">
            <input type="text" name="amount" value="draft">
            <input type="submit" value="#t("common.save")">
            <option value="#(language.code)"#if(language.selected): selected#endif>#(language.name)</option>
            <nav aria-label="#t("nav.main_label")"><a title="#t("nav.dashboard")" href="/">#t("nav.dashboard")</a></nav>
            <p>#t("users.count", "count", count) — 50&nbsp;% &amp; #(x)</p>
            <div class="frame#if(shell.userName): with-nav#endif">#t("common.back")</div>
            #extend("layout"):#export("content"):<p>#t("a.b")</p>#endexport#endextend
            <p>\\#(not a tag) </p>
            </body></html>
            """
        #expect(found(template) == ["22: text #(not a tag)"])
    }

    @Test func collectsKeysWithLines() {
        let uses = TemplateCheck.keys(
            in: "<p>#t(\"a.b\")</p>\n<a title=\"#t( \"c\" )\">#t(key) #tt(\"no\") #t(\"d\", \"n\", 1)</a>")
        #expect(uses == [.init(key: "a.b", line: 1), .init(key: "c", line: 2), .init(key: "d", line: 2)])
    }
}

/// The real templates and sources: no hard-coded text, no key missing from en.json.
@Suite struct RepositoryTemplateTests {
    static let root = repositoryRoot()

    static func files(under directory: String, suffix: String) -> [URL] {
        let base = root.appendingPathComponent(directory)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    static func relative(_ url: URL) -> String {
        String(url.resolvingSymlinksInPath().path.dropFirst(root.resolvingSymlinksInPath().path.count + 1))
    }

    @Test func templatesHaveNoHardCodedText() throws {
        var findings: [String] = []
        let templates = Self.files(under: "Resources/Views", suffix: ".leaf")
        // Guard against a check that silently scans nothing (the layout exists since the foundation).
        #expect(templates.contains { $0.lastPathComponent == "layout.leaf" })
        for url in templates {
            let text = try String(contentsOf: url, encoding: .utf8)
            findings += TemplateCheck.findings(in: text, file: Self.relative(url)).map(\.description)
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }

    @Test func everyKeyUsedInTemplatesAndCodeIsInEnglish() throws {
        let english = try Catalog.load(contentsOf: Self.root.appendingPathComponent("Resources/Locales/en.json"))
        var missing: [String] = []
        var checked = (templates: 0, code: 0)
        for url in Self.files(under: "Resources/Views", suffix: ".leaf") {
            let uses = TemplateCheck.keys(in: try String(contentsOf: url, encoding: .utf8))
            checked.templates += uses.count
            for use in uses where english.messages[use.key] == nil {
                missing.append(
                    "\(Self.relative(url)):\(use.line): #t(\"\(use.key)\") is not in Resources/Locales/en.json")
            }
        }
        // Swift code: literal keys in `.t("key"`, `.plural("key"` and `invalidInput(… key: "key"`.
        for url in Self.files(under: "Sources", suffix: ".swift") where !url.path.contains("/TandemLocalization/") {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated()
            where line.contains(".t(\"") || line.contains(".plural(\"") || line.contains("invalidInput(") {
                var keys = line.matches(of: /\.(?:t|plural)\("([A-Za-z0-9_.\-]+)"/).map { String($0.1) }
                if line.contains("invalidInput(") {
                    keys += line.matches(of: /key: "([A-Za-z0-9_.\-]+)"/).map { String($0.1) }
                }
                checked.code += keys.count
                for key in keys where english.messages[key] == nil {
                    missing.append(
                        "\(Self.relative(url)):\(index + 1): key \"\(key)\" is not in Resources/Locales/en.json")
                }
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
        // The scan found something to check (the page shell uses #t, the web layer t(...)).
        #expect(checked.templates > 0 && checked.code > 0)
    }
}
