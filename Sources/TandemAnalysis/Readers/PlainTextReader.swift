import Foundation
import TandemDomain

/// Plain text: UTF-8 (with or without BOM) or UTF-16 with BOM. Every non-blank line is a
/// paragraph, split into sentences by SRX rules.
enum PlainTextReader {
    static func decode(_ data: Data, fileName: String) throws -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: data, encoding: .utf16) else {
                throw AnalysisError(
                    file: fileName, kind: .malformed,
                    message: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16.")
            }
            return s
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let s = String(data: body, encoding: .utf8) else {
            // Locate the first invalid byte for the message.
            var line = 1
            var column = 1
            var iterator = body.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let v):
                    if v == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                case .emptyInput, .error: break loop
                }
            }
            throw AnalysisError(
                file: fileName, line: line, column: column, kind: .malformed,
                message: "the text is not valid UTF-8; save it as UTF-8 (or UTF-16 with a byte-order mark).")
        }
        return s
    }

    static func read(_ data: Data, fileName: String, language: LanguageTag?, rules: SRXRules) throws -> SourceDocument {
        let text = try decode(data, fileName: fileName)
        let segmenter = Segmenter(rules: rules, language: language)
        var segments: [SourceSegment] = []
        var lineNumber = 0
        text.enumerateLines { line, _ in
            lineNumber += 1
            for (i, sentence) in segmenter.segment(line).enumerated() {
                segments.append(SourceSegment(id: "\(lineNumber).\(i + 1)", text: sentence))
            }
        }
        return SourceDocument(name: fileName, format: .text, sourceLanguage: language, segments: segments)
    }
}
