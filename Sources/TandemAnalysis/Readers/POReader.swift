import Foundation

/// gettext PO: one segment per `msgid` (and one per `msgid_plural`); the header entry and
/// obsolete entries (`#~`) are skipped. PO files do not declare their source language.
enum POReader {
    static func read(_ data: Data, fileName: String) throws -> SourceDocument {
        guard let text = String(data: data, encoding: .utf8) else {
            throw AnalysisError(
                file: fileName, kind: .malformed,
                message: "the PO file is not valid UTF-8; convert it with `msgconv -t UTF-8`.")
        }
        var segments: [SourceSegment] = []
        var field: String?
        var fieldLine = 0
        var msgid: String?
        var plural: String?
        var idLine = 0
        var current = ""

        func finishField() {
            switch field {
            case "msgid":
                msgid = current
                idLine = fieldLine
            case "msgid_plural": plural = current
            default: break
            }
            field = nil
            current = ""
        }
        func finishEntry() {
            finishField()
            if let id = msgid, !id.isEmpty {
                segments.append(SourceSegment(id: "\(idLine)", text: id))
                if let plural, !plural.isEmpty { segments.append(SourceSegment(id: "\(idLine)/plural", text: plural)) }
            }
            msgid = nil
            plural = nil
        }

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("\"") {
                guard field != nil || msgid != nil else {
                    throw AnalysisError(
                        file: fileName, line: lineNumber, column: 1, kind: .malformed,
                        message: "a string continuation without a keyword before it.")
                }
                current += try unquote(trimmed, file: fileName, line: lineNumber)
                continue
            }
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw AnalysisError(
                    file: fileName, line: lineNumber, column: 1, kind: .malformed,
                    message: "expected a keyword and a quoted string, e.g. msgid \"…\".")
            }
            let keyword = String(trimmed[..<space])
            let value = trimmed[space...].drop { $0 == " " || $0 == "\t" }
            switch keyword {
            case "msgctxt":
                finishEntry()
                field = keyword
            case "msgid":
                if field != "msgctxt" { finishEntry() } else { finishField() }
                field = keyword
                fieldLine = lineNumber
            case "msgid_plural":
                finishField()
                field = keyword
            default:
                guard keyword.hasPrefix("msgstr") else {
                    throw AnalysisError(
                        file: fileName, line: lineNumber, column: 1, kind: .malformed,
                        message: "unknown keyword “\(keyword)”.")
                }
                finishField()
                field = keyword
            }
            current = try unquote(value, file: fileName, line: lineNumber)
        }
        finishEntry()
        return SourceDocument(name: fileName, format: .po, segments: segments)
    }

    static func unquote(_ s: Substring, file: String, line: Int) throws -> String {
        var body = s
        while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
        guard body.count >= 2, body.first == "\"", body.last == "\"" else {
            throw AnalysisError(
                file: file, line: line, column: 1, kind: .malformed, message: "expected a string in double quotes.")
        }
        var out = ""
        var escape = false
        for ch in body.dropFirst().dropLast() {
            if escape {
                switch ch {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                default: out.append(ch)
                }
                escape = false
            } else if ch == "\\" {
                escape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
