import Foundation
import Ink
import TandemDomain

/// Comment Markdown to safe HTML. Three steps:
/// 1. In prose (outside code), `<` is escaped before Ink sees it, so raw HTML is shown as text,
///    and each mention that reaches someone becomes a placeholder.
/// 2. Ink renders the Markdown.
/// 3. `HTMLAllowList` rebuilds Ink's output: only known tags survive, without attributes but a
///    link's `href` (http, https, mailto or relative); anything else is escaped text.
/// Placeholders then become `<span class="mention">` with the user's name.
public enum CommentMarkdown {
    /// `names` names the mentioned users (shown as `@Name`).
    public static func html(_ body: String, mentions: MentionResolution, names: [User.ID: String]) -> String {
        let prepared = prepare(body, mentions: mentions)
        let rendered = MarkdownParser().html(from: prepared.text)
        var safe = HTMLAllowList.clean(rendered)
        for (index, user) in prepared.placeholders.enumerated() {
            let name = names[user] ?? "?"
            safe = safe.replacingOccurrences(
                of: placeholder(index),
                with: "<span class=\"mention\" data-user-id=\"\(user)\">@\(HTMLAllowList.escape(name))</span>")
        }
        return safe
    }

    /// Private-use characters mark the places of mentions; they are removed from what users type.
    static let markerOpen: Character = "\u{E000}"
    static let markerClose: Character = "\u{E001}"
    static func placeholder(_ index: Int) -> String { "\(markerOpen)\(index)\(markerClose)" }

    static func prepare(_ body: String, mentions: MentionResolution) -> (text: String, placeholders: [User.ID]) {
        var placeholders: [User.ID] = []
        var text = ""
        let byStart = Dictionary(mentions.resolved.map { ($0.range.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        for segment in MarkdownText.segments(of: body) {
            if segment.isCode {
                text += body[segment.range]
                continue
            }
            var index = segment.range.lowerBound
            while index < segment.range.upperBound {
                if let mention = byStart[index], mention.range.upperBound <= segment.range.upperBound {
                    text += placeholder(placeholders.count)
                    placeholders.append(mention.user)
                    index = mention.range.upperBound
                    continue
                }
                let c = body[index]
                switch c {
                case "<": text += "&lt;"
                case markerOpen, markerClose: break
                default: text.append(c)
                }
                index = body.index(after: index)
            }
        }
        return (text, placeholders)
    }
}
