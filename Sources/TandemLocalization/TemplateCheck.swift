import Foundation

/// Finds user-facing text written directly in Leaf templates instead of going through the
/// catalogs, and the message keys templates use.
///
/// Flagged: letters in text between tags, and in user-visible attributes (`title`,
/// `placeholder`, `alt`, `aria-label`, `aria-description`, `aria-placeholder`,
/// `aria-roledescription`, `aria-valuetext`, `label`, and `value` of buttons and
/// submit/button/reset inputs), once Leaf expressions (`#t("...")`, `#(...)`, `#if(...):`,
/// `#endif`, any `#tag(...)`) are removed. Not checked: HTML comments, Leaf comments (`#// ...`,
/// `#/* ... */`), `<script>` and `<style>` bodies, HTML entities, and the allowed words (the
/// product name `Tandem` by default). Symbols without letters (`·`, `—`, `%`, `◐`) are fine.
public enum TemplateCheck {
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let text: String
        public let context: String
        public var description: String {
            "\(file):\(line): hard-coded \(context) “\(text)”; use #t(\"key\") and add the key to Resources/Locales/en.json and fr.json"
        }
    }

    public struct KeyUse: Equatable, Sendable {
        public let key: String
        public let line: Int
    }

    public static let defaultAllowedWords: Set<String> = ["Tandem"]

    static let visibleAttributes: Set<String> = [
        "title", "placeholder", "alt", "aria-label", "aria-description", "aria-placeholder",
        "aria-roledescription", "aria-valuetext", "label",
    ]
    static let sentinel: Character = "\u{E000}"

    /// Hard-coded text in `template` (the contents of a `.leaf` file).
    public static func findings(in template: String, file: String, allowedWords: Set<String> = defaultAllowedWords)
        -> [Finding]
    {
        let html = Array(stripLeaf(template))
        var findings: [Finding] = []
        var line = 1
        var i = 0
        var text: [Character] = []
        var textLine = 1

        func flushText() {
            if let bad = visibleWords(String(text), allowedWords: allowedWords) {
                let offset = text.prefix { !$0.isLetter }.filter { $0 == "\n" }.count
                findings.append(Finding(file: file, line: textLine + offset, text: bad, context: "text"))
            }
            text = []
        }
        func starts(_ s: String, at index: Int) -> Bool {
            let chars = Array(s)
            guard index + chars.count <= html.count else { return false }
            for (k, c) in chars.enumerated() where html[index + k].lowercased() != c.lowercased() { return false }
            return true
        }
        /// Advances past `end`, counting lines; returns false at end of input.
        func skip(past end: String) {
            while i < html.count && !starts(end, at: i) {
                if html[i] == "\n" { line += 1 }
                i += 1
            }
            i = min(i + end.count, html.count)
        }

        while i < html.count {
            let ch = html[i]
            if ch == "<" && starts("<!--", at: i) {
                flushText()
                skip(past: "-->")
                textLine = line
                continue
            }
            if ch == "<" && i + 1 < html.count && (html[i + 1] == "!" || html[i + 1] == "?") {
                flushText()
                skip(past: ">")
                textLine = line
                continue
            }
            if ch == "<" && i + 1 < html.count && (html[i + 1].isLetter || html[i + 1] == "/") {
                flushText()
                let tagLine = line
                var j = i + 1
                var quote: Character?
                while j < html.count {
                    let c = html[j]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == "\"" || c == "'" {
                        quote = c
                    } else if c == ">" {
                        break
                    }
                    j += 1
                }
                let tagText = String(html[(i + 1)..<min(j, html.count)])
                line += tagText.filter { $0 == "\n" }.count
                i = min(j + 1, html.count)
                if !tagText.hasPrefix("/") {
                    let (name, attributes) = parseTag(tagText)
                    for attribute in attributes where isVisible(attribute.name, tag: name, attributes: attributes) {
                        if let bad = visibleWords(attribute.value, allowedWords: allowedWords) {
                            findings.append(
                                Finding(
                                    file: file, line: tagLine + attribute.lineOffset, text: bad,
                                    context: "\(attribute.name)=\"…\""))
                        }
                    }
                    if name == "script" || name == "style" {
                        skip(past: "</\(name)")
                        skip(past: ">")
                    }
                }
                textLine = line
                continue
            }
            if text.isEmpty { textLine = line }
            text.append(ch)
            if ch == "\n" { line += 1 }
            i += 1
        }
        flushText()
        return findings
    }

    /// Keys used as `#t("key"...)` string literals, with their lines.
    public static func keys(in template: String, tags: Set<String> = ["t"]) -> [KeyUse] {
        var uses: [KeyUse] = []
        for (index, lineText) in template.components(separatedBy: "\n").enumerated() {
            var rest = Substring(lineText)
            while let hash = rest.firstIndex(of: "#") {
                rest = rest[rest.index(after: hash)...]
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                guard tags.contains(String(name)) else { continue }
                var after = rest[name.endIndex...]
                guard after.first == "(" else { continue }
                after = after.dropFirst().drop { $0 == " " }
                guard after.first == "\"" else { continue }
                let body = after.dropFirst()
                if let close = body.firstIndex(of: "\"") {
                    uses.append(KeyUse(key: String(body[..<close]), line: index + 1))
                }
            }
        }
        return uses
    }

    // MARK: Internals

    static func isVisible(_ attribute: String, tag: String, attributes: [Attribute]) -> Bool {
        if visibleAttributes.contains(attribute) { return true }
        guard attribute == "value" else { return false }
        if tag == "button" { return true }
        if tag == "input" {
            let type = attributes.first { $0.name == "type" }?.value.lowercased() ?? "text"
            return ["submit", "button", "reset"].contains(type)
        }
        return false
    }

    /// The text a reader would see, if it contains words: entities, sentinels and allowed words removed.
    static func visibleWords(_ raw: String, allowedWords: Set<String>) -> String? {
        var text = raw.replacingOccurrences(
            of: "&[A-Za-z][A-Za-z0-9]*;|&#[0-9]+;|&#[xX][0-9A-Fa-f]+;", with: " ", options: .regularExpression)
        text = String(text.map { $0 == sentinel ? " " : $0 })
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" && $0 != "-" })
        let offending = words.filter { word in word.contains(where: \.isLetter) && !allowedWords.contains(String(word))
        }
        guard !offending.isEmpty else { return nil }
        let shown = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return shown.count > 80 ? String(shown.prefix(77)) + "…" : shown
    }

    struct Attribute: Equatable {
        let name: String
        let value: String
        let lineOffset: Int
    }

    static func parseTag(_ text: String) -> (String, [Attribute]) {
        let chars = Array(text)
        var i = 0
        var lineOffset = 0
        let isNameChar: (Character) -> Bool = {
            !$0.isWhitespace && $0 != "=" && $0 != "/" && $0 != ">" && $0 != sentinel && $0 != "\"" && $0 != "'"
        }
        func skipSpace() {
            while i < chars.count
                && (chars[i].isWhitespace || chars[i] == "/" || chars[i] == sentinel || chars[i] == "\""
                    || chars[i] == "'")
            {
                if chars[i] == "\n" { lineOffset += 1 }
                i += 1
            }
        }
        var name = ""
        while i < chars.count && isNameChar(chars[i]) {
            name.append(chars[i])
            i += 1
        }
        var attributes: [Attribute] = []
        while i < chars.count {
            skipSpace()
            var attribute = ""
            while i < chars.count && isNameChar(chars[i]) {
                attribute.append(chars[i])
                i += 1
            }
            if attribute.isEmpty {
                if i < chars.count { i += 1 }
                continue
            }
            let attributeLine = lineOffset
            while i < chars.count && chars[i].isWhitespace && chars[i] != "\n" { i += 1 }
            var value = ""
            if i < chars.count && chars[i] == "=" {
                i += 1
                while i < chars.count && chars[i].isWhitespace {
                    if chars[i] == "\n" { lineOffset += 1 }
                    i += 1
                }
                if i < chars.count && (chars[i] == "\"" || chars[i] == "'") {
                    let quote = chars[i]
                    i += 1
                    while i < chars.count && chars[i] != quote {
                        if chars[i] == "\n" { lineOffset += 1 }
                        value.append(chars[i])
                        i += 1
                    }
                    i += 1
                } else {
                    while i < chars.count && !chars[i].isWhitespace && chars[i] != ">" {
                        value.append(chars[i])
                        i += 1
                    }
                }
            }
            attributes.append(Attribute(name: attribute.lowercased(), value: value, lineOffset: attributeLine))
        }
        return (name.lowercased(), attributes)
    }

    /// Replaces Leaf constructs with a sentinel (keeping their newlines so lines still count):
    /// `#name(...)` with balanced parentheses and string literals, an optional `:` after it,
    /// `#else`/`#end...` keywords, and Leaf comments. `\#` is a literal `#`.
    static func stripLeaf(_ template: String) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "\\" && i + 1 < chars.count && chars[i + 1] == "#" {
                out.append("#")
                i += 2
                continue
            }
            guard ch == "#", i + 1 < chars.count else {
                out.append(ch)
                i += 1
                continue
            }
            // Leaf comments.
            if chars[i + 1] == "/" && i + 2 < chars.count && (chars[i + 2] == "/" || chars[i + 2] == "*") {
                let block = chars[i + 2] == "*"
                var j = i + 3
                while j < chars.count {
                    if block ? (chars[j] == "*" && j + 1 < chars.count && chars[j + 1] == "/") : chars[j] == "\n" {
                        break
                    }
                    j += 1
                }
                let end = block ? min(j + 2, chars.count) : j
                out.append(sentinel)
                out += String(repeating: "\n", count: chars[i..<end].filter { $0 == "\n" }.count)
                i = end
                continue
            }
            var j = i + 1
            while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
            let name = String(chars[(i + 1)..<j])
            if j < chars.count && chars[j] == "(" {
                // Balanced parentheses, skipping string literals.
                var depth = 0
                var inString = false
                var k = j
                while k < chars.count {
                    let c = chars[k]
                    if inString {
                        if c == "\\" { k += 1 } else if c == "\"" { inString = false }
                    } else if c == "\"" {
                        inString = true
                    } else if c == "(" {
                        depth += 1
                    } else if c == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    k += 1
                }
                var end = min(k + 1, chars.count)
                if end < chars.count && chars[end] == ":" { end += 1 }
                out.append(sentinel)
                out += String(repeating: "\n", count: chars[i..<end].filter { $0 == "\n" }.count)
                i = end
                continue
            }
            if name == "else" || name.hasPrefix("end") {
                var end = j
                if end < chars.count && chars[end] == ":" { end += 1 }
                out.append(sentinel)
                i = end
                continue
            }
            out.append(ch)
            i += 1
        }
        return out
    }
}
