import Foundation
import TandemDomain

/// One piece of segment content: text, or an inline code (tag, placeholder) that is not counted.
public enum InlinePiece: Sendable, Equatable, Codable {
    case text(String)
    case code(CodeKind)

    public enum CodeKind: String, Sendable, Codable { case open, close, standalone }
}

/// A source segment as read from a file, before analysis.
public struct SourceSegment: Sendable, Equatable, Codable {
    /// Identifier within its file, e.g. `unitId/segmentId`, or a running number.
    public var id: String
    public var content: [InlinePiece]
    /// False for `translate="no"` content and locked segments: reported separately, not priced.
    public var translatable: Bool

    public init(id: String, content: [InlinePiece], translatable: Bool = true) {
        self.id = id
        self.content = content
        self.translatable = translatable
    }

    public init(id: String, text: String, translatable: Bool = true) {
        self.init(id: id, content: [.text(text)], translatable: translatable)
    }

    /// The text without inline codes.
    public var plainText: String {
        content.reduce(into: "") { if case .text(let t) = $1 { $0 += t } }
    }
}

/// The formats Tandem reads as analysis input.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case xliff12 = "xliff-1.2"
    case xliff2 = "xliff-2"
    case tmx
    case po
    case text
    case docx
}

/// A file read into segments, with the languages it declares.
public struct SourceDocument: Sendable, Equatable, Codable {
    public var name: String
    public var format: DocumentFormat
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    public var segments: [SourceSegment]

    public init(
        name: String, format: DocumentFormat, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
        segments: [SourceSegment]
    ) {
        self.name = name
        self.format = format
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.segments = segments
    }
}

extension SourceSegment {
    /// Drops empty text pieces and merges neighbouring text.
    static func compact(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var out: [InlinePiece] = []
        for piece in pieces {
            if case .text(let t) = piece {
                if t.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + t)
                    continue
                }
            }
            out.append(piece)
        }
        return out
    }

    var isBlank: Bool {
        !content.contains { if case .text(let t) = $0 { return t.contains { !$0.isWhitespace } } else { return false } }
    }
}

func parseLanguage(_ value: String?, file: String, line: Int = 1, column: Int = 1, what: String) throws -> LanguageTag?
{
    guard let value, !value.isEmpty, value != "*all*" else { return nil }
    do { return try LanguageTag(value) } catch {
        throw AnalysisError(
            file: file, line: line, column: column, kind: .invalid,
            message: "\(what) “\(value)” is not a BCP 47 language tag.")
    }
}
