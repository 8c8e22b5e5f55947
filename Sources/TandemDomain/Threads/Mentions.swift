import Foundation

/// Mentions in a comment: `@handle`, where a user's handle is the part of their e-mail address
/// before the `@`, lower-cased (`@paula` for paula@lumen.example). A mention counts where it
/// starts a word (not inside an e-mail address) and outside code; a trailing full stop or comma
/// ends it. Which mentions reach someone is the caller's decision (`MentionResolution`).
public enum Mentions {
    /// One `@handle` in a text, with where it is.
    public struct Found: Hashable, Sendable {
        public var handle: String
        public var range: Range<String.Index>
    }

    /// A user's handle: the local part of their e-mail address, lower-cased.
    public static func handle(of email: String) -> String {
        String(email.split(separator: "@", maxSplits: 1).first ?? "").lowercased()
    }

    static func isHandleCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "+")
    }

    /// Every `@handle` outside code, in order.
    public static func find(in body: String) -> [Found] {
        MarkdownText.segments(of: body).filter { !$0.isCode }.flatMap { find(inProse: body, $0.range) }
    }

    static func find(inProse text: String, _ range: Range<String.Index>) -> [Found] {
        var found: [Found] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard text[index] == "@" else {
                index = text.index(after: index)
                continue
            }
            let startsWord =
                index == text.startIndex
                || !isHandleCharacter(text[text.index(before: index)])
                    && text[text.index(before: index)] != "@"
            var end = text.index(after: index)
            while end < range.upperBound, isHandleCharacter(text[end]) { end = text.index(after: end) }
            // A sentence's full stop or comma is not part of the handle.
            while end > text.index(after: index), [".", "-", "_", "+"].contains(text[text.index(before: end)]) {
                end = text.index(before: end)
            }
            if startsWord, end > text.index(after: index) {
                let handle = text[text.index(after: index)..<end].lowercased()
                found.append(Found(handle: handle, range: index..<end))
            }
            index = max(end, text.index(after: index))
        }
        return found
    }
}

/// The mentions of a comment that reach someone: known handles of users who may see the record.
/// Any other `@word` stays plain text and notifies no one.
public struct MentionResolution: Sendable, Equatable {
    /// Each mention that counts, by its place in the text.
    public var resolved: [(range: Range<String.Index>, user: User.ID)]
    /// The users mentioned, once each, in the order written.
    public var users: [User.ID]

    public static func == (a: Self, b: Self) -> Bool {
        a.users == b.users && a.resolved.map(\.range) == b.resolved.map(\.range)
    }

    /// `handles` maps lower-cased handles to the users who may see the record.
    public init(body: String, handles: [String: User.ID]) {
        resolved = Mentions.find(in: body).compactMap { found in
            handles[found.handle].map { (found.range, $0) }
        }
        var seen: Set<User.ID> = []
        users = resolved.map(\.user).filter { seen.insert($0).inserted }
    }
}

/// Where Markdown text is code (fenced blocks and `inline code`) and where it is prose, so that
/// mentions and HTML escaping touch only prose.
public enum MarkdownText {
    public struct Segment: Hashable, Sendable {
        public var range: Range<String.Index>
        public var isCode: Bool
    }

    public static func segments(of text: String) -> [Segment] {
        var segments: [Segment] = []
        var inFence = false
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            let isFence = line.drop(while: { $0 == " " }).hasPrefix("```")
            if isFence {
                // The fence line itself (and its language name) is prose: nothing in it is kept raw.
                segments.append(Segment(range: lineStart..<lineEnd, isCode: false))
                inFence.toggle()
            } else if inFence {
                segments.append(Segment(range: lineStart..<lineEnd, isCode: true))
            } else {
                segments += inlineSegments(text, lineStart..<lineEnd)
            }
            lineStart = lineEnd
        }
        return merged(segments)
    }

    /// Backtick pairs on one line are code, as Ink reads them.
    static func inlineSegments(_ text: String, _ range: Range<String.Index>) -> [Segment] {
        var result: [Segment] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if text[index] == "`",
                let close = text[text.index(after: index)..<range.upperBound].firstIndex(where: {
                    $0 == "`" || $0 == "\n"
                }), text[close] == "`"
            {
                if start < index { result.append(Segment(range: start..<index, isCode: false)) }
                let after = text.index(after: close)
                result.append(Segment(range: index..<after, isCode: true))
                start = after
                index = after
            } else {
                index = text.index(after: index)
            }
        }
        if start < range.upperBound { result.append(Segment(range: start..<range.upperBound, isCode: false)) }
        return result
    }

    static func merged(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for segment in segments {
            if let last = result.last, last.isCode == segment.isCode, last.range.upperBound == segment.range.lowerBound
            {
                result[result.count - 1].range = last.range.lowerBound..<segment.range.upperBound
            } else {
                result.append(segment)
            }
        }
        return result
    }
}
