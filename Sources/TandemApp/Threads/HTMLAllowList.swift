import Foundation

/// Rebuilds HTML from an allow-list: the tags Markdown makes, with no attributes but a link's
/// `href`, which must be http, https, mailto or relative. Every other tag, and every `<`, `>` or
/// `"` in text, comes out escaped. Images become links to their address (no remote pictures in
/// threads: they could track readers).
public enum HTMLAllowList {
    static let plainTags: Set<String> = [
        "p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "br", "del", "s", "table", "thead", "tbody", "tr", "th", "td",
    ]
    static let voidTags: Set<String> = ["hr", "br"]
    public static let linkRel = "nofollow noopener noreferrer"

    public static func clean(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        var openLinks = 0
        while index < html.endIndex {
            if html[index] == "<", let tag = Tag.read(html, at: index) {
                out += rebuild(tag, openLinks: &openLinks)
                index = tag.end
            } else {
                out += escapeText(html, at: &index)
            }
        }
        out += String(repeating: "</a>", count: openLinks)
        return out
    }

    static func rebuild(_ tag: Tag, openLinks: inout Int) -> String {
        switch tag.name {
        case "a":
            if tag.closing {
                guard openLinks > 0 else { return "" }
                openLinks -= 1
                return "</a>"
            }
            guard openLinks == 0 else { return "" }
            openLinks += 1
            guard let href = tag.attributes["href"], let safe = safeURL(href) else { return "<a>" }
            return "<a href=\"\(escape(safe))\" rel=\"\(linkRel)\">"
        case "img":
            guard let src = tag.attributes["src"], let safe = safeURL(src) else {
                return escape(tag.attributes["alt"] ?? "")
            }
            let label = tag.attributes["alt"].flatMap { $0.isEmpty ? nil : $0 } ?? safe
            return "<a href=\"\(escape(safe))\" rel=\"\(linkRel)\">\(escape(label))</a>"
        case let name where plainTags.contains(name):
            if voidTags.contains(name) { return tag.closing ? "" : "<\(name)>" }
            return tag.closing ? "</\(name)>" : "<\(name)>"
        default:
            return escape(tag.raw)
        }
    }

    /// The address when it is http, https, mailto or relative; nil otherwise (`javascript:`,
    /// `data:`, `vbscript:`, and anything with control characters).
    public static func safeURL(_ raw: String) -> String? {
        let url = raw.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        // A scheme ends at the first ':' that comes before any '/', '?' or '#'.
        if let colon = url.firstIndex(of: ":"),
            !url[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
        {
            let scheme = url[..<colon].lowercased()
            return ["http", "https", "mailto"].contains(scheme) ? url : nil
        }
        // `//host/path` is another site with the page's scheme: allowed like http(s).
        return url
    }

    /// Text with `<`, `>` and `"` escaped; `&` too, unless it starts a character reference.
    static func escapeText(_ html: String, at index: inout String.Index) -> String {
        let c = html[index]
        defer { index = html.index(after: index) }
        switch c {
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "&":
            let rest = html[html.index(after: index)...].prefix(12)
            if let semi = rest.firstIndex(of: ";"), isReference(rest[rest.startIndex..<semi]) { return "&" }
            return "&amp;"
        default: return String(c)
        }
    }

    static func isReference(_ name: Substring) -> Bool {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return name.count > 2 && name.dropFirst(2).allSatisfy(\.isHexDigit)
        }
        if name.hasPrefix("#") { return name.count > 1 && name.dropFirst().allSatisfy(\.isNumber) }
        return !name.isEmpty && name.allSatisfy { $0.isASCII && $0.isLetter }
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// One tag as written: `<name attr="value" …>` or `</name>`.
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [String: String]
        var raw: String
        var end: String.Index

        static func read(_ html: String, at start: String.Index) -> Tag? {
            var i = html.index(after: start)
            var closing = false
            if i < html.endIndex, html[i] == "/" {
                closing = true
                i = html.index(after: i)
            }
            let nameStart = i
            while i < html.endIndex, html[i].isASCII, html[i].isLetter || html[i].isNumber { i = html.index(after: i) }
            guard i > nameStart, html[nameStart].isLetter else { return nil }
            let name = html[nameStart..<i].lowercased()
            var attributes: [String: String] = [:]
            while i < html.endIndex {
                let c = html[i]
                if c == ">" {
                    let end = html.index(after: i)
                    return Tag(
                        name: name, closing: closing, attributes: attributes, raw: String(html[start..<end]), end: end)
                }
                if c == "<" { return nil }
                if c.isWhitespace || c == "/" {
                    i = html.index(after: i)
                    continue
                }
                let keyStart = i
                while i < html.endIndex, !html[i].isWhitespace, !"=>/<".contains(html[i]) { i = html.index(after: i) }
                let key = html[keyStart..<i].lowercased()
                var value = ""
                if i < html.endIndex, html[i] == "=" {
                    i = html.index(after: i)
                    if i < html.endIndex, html[i] == "\"" || html[i] == "'" {
                        let quote = html[i]
                        i = html.index(after: i)
                        guard let close = html[i...].firstIndex(of: quote) else { return nil }
                        value = String(html[i..<close])
                        i = html.index(after: close)
                    } else {
                        let valueStart = i
                        while i < html.endIndex, !html[i].isWhitespace, html[i] != ">" { i = html.index(after: i) }
                        value = String(html[valueStart..<i])
                    }
                }
                if attributes[key] == nil { attributes[key] = value }
            }
            return nil
        }
    }
}
