import Foundation

/// A message text split into literal runs and `{name}` placeholders.
///
/// Syntax: `{name}` is a placeholder (name: ASCII letters, digits, `_` and `.`); `{{` and `}}`
/// are a literal `{` and `}`. Any other brace is a syntax error, so every message has exactly
/// one spelling and the XLIFF round trip is lossless.
public struct MessageTemplate: Hashable, Sendable {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    public let segments: [Segment]

    public init(segments: [Segment]) {
        // Merge adjacent literals so equal messages compare equal.
        var merged: [Segment] = []
        for segment in segments {
            if case .literal(let text) = segment {
                if text.isEmpty { continue }
                if case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + text)
                    continue
                }
            }
            merged.append(segment)
        }
        self.segments = merged
    }

    /// Parses catalog syntax; throws a `MessageSyntaxError` describing the first problem.
    public init(parsing text: String) throws {
        var segments: [Segment] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            let next = text.index(after: index)
            if ch == "{" {
                if next < text.endIndex, text[next] == "{" {
                    literal.append("{")
                    index = text.index(after: next)
                    continue
                }
                guard let close = text[next...].firstIndex(of: "}") else {
                    throw MessageSyntaxError(message: "unclosed “{” (write “{{” for a literal brace)")
                }
                let name = String(text[next..<close])
                guard MessageTemplate.isValidPlaceholderName(name) else {
                    throw MessageSyntaxError(
                        message:
                            "“{\(name)}” is not a placeholder: names use letters, digits, “_” and “.” (write “{{” and “}}” for literal braces)"
                    )
                }
                segments.append(.literal(literal))
                literal = ""
                segments.append(.placeholder(name))
                index = text.index(after: close)
            } else if ch == "}" {
                if next < text.endIndex, text[next] == "}" {
                    literal.append("}")
                    index = text.index(after: next)
                    continue
                }
                throw MessageSyntaxError(message: "unmatched “}” (write “}}” for a literal brace)")
            } else {
                literal.append(ch)
                index = next
            }
        }
        segments.append(.literal(literal))
        self.init(segments: segments)
    }

    public static func isValidPlaceholderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == ".")
            }
    }

    /// Placeholder names in order of first appearance.
    public var placeholders: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for case .placeholder(let name) in segments where seen.insert(name).inserted { result.append(name) }
        return result
    }

    /// The catalog spelling (braces escaped), the inverse of `init(parsing:)`.
    public var source: String {
        segments.map { segment in
            switch segment {
            case .literal(let text):
                return text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
            case .placeholder(let name): return "{\(name)}"
            }
        }.joined()
    }

    /// Substitutes arguments; a missing argument stays visible as `{name}`.
    public func render(_ value: (String) -> String?) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .placeholder(let name): out += value(name) ?? "{\(name)}"
            }
        }
        return out
    }
}

public struct MessageSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
