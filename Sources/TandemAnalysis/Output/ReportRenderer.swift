import Foundation

/// Output formats of `tandem analyze`.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case table, json, csv
}

/// Renders an `AnalysisResult` as JSON (the documented schema), CSV or a text table.
public enum ReportRenderer {
    public static func render(_ result: AnalysisResult, format: ReportFormat) throws -> String {
        switch format {
        case .json: return try json(result)
        case .csv: return csv(result)
        case .table: return table(result)
        }
    }

    /// `{"files": [...], "total": {...}, "weightedWords": N?}` with sorted keys, pretty-printed.
    public static func json(_ result: AnalysisResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(JSONReport(result))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct JSONReport: Encodable {
        var files: [AnalysisTotals]
        var total: AnalysisTotals
        var weightedWords: Double?
        init(_ r: AnalysisResult) {
            files = r.files
            total = r.total
            weightedWords = r.weightedWords
        }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// One row per file and band (then non-translatable, repetition kinds, weighted words), or,
    /// when details were requested, one row per segment.
    public static func csv(_ result: AnalysisResult) -> String {
        var lines: [String] = []
        if result.files.contains(where: { $0.details != nil }) {
            lines.append("file,segment,band,score,words,characters,translatable,tm,tmUnit,tuid,repetitionOf")
            for file in result.files {
                for d in file.details ?? [] {
                    lines.append(
                        [
                            file.name ?? "", d.id, d.band?.rawValue ?? "", d.score.map(String.init) ?? "",
                            number(d.words), String(d.characters),
                            d.translatable ? "yes" : "no", d.match?.tm ?? "", d.match.map { String($0.unit) } ?? "",
                            d.match?.tuid ?? "",
                            d.repetitionOf ?? "",
                        ].map(csvField).joined(separator: ","))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("file,band,segments,words,characters")
        for entry in result.files + [result.total] {
            let name = entry === result.total ? "TOTAL" : entry.name ?? ""
            func row(_ label: String, _ c: Counts) {
                lines.append(
                    [name, label, String(c.segments), number(c.words), String(c.characters)].map(csvField).joined(
                        separator: ","))
            }
            for band in Band.allCases { row(band.rawValue, entry.bands[band]) }
            row("total", Counts(segments: entry.segments, words: entry.words, characters: entry.characters))
            row("repetition:withinFile", entry.repetitions.withinFile)
            row("repetition:crossFile", entry.repetitions.crossFile)
            row("nonTranslatable", entry.nonTranslatable)
            if let w = entry.weightedWords {
                lines.append([name, "weightedWords", "", number(w), ""].map(csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func table(_ result: AnalysisResult) -> String {
        var out = ""
        for entry in result.files + [result.total] {
            let isTotal = entry === result.total
            out +=
                isTotal
                ? "Total (\(result.files.count) file\(result.files.count == 1 ? "" : "s"))\n" : "\(entry.name ?? "")\n"
            var rows: [[String]] = [["band", "segments", "words", "characters"]]
            for band in Band.allCases {
                let c = entry.bands[band]
                rows.append([band.rawValue, String(c.segments), number(c.words), String(c.characters)])
            }
            rows.append(["total", String(entry.segments), number(entry.words), String(entry.characters)])
            rows.append([
                "not translatable", String(entry.nonTranslatable.segments), number(entry.nonTranslatable.words),
                String(entry.nonTranslatable.characters),
            ])
            let widths = (0..<4).map { c in rows.map { $0[c].count }.max() ?? 0 }
            for row in rows {
                out +=
                    "  "
                    + row.enumerated().map { c, s in
                        c == 0
                            ? s.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[c] - s.count) + s
                    }.joined(separator: "  ") + "\n"
            }
            let r = entry.repetitions
            out +=
                "  repetitions: \(r.withinFile.segments) within file (\(number(r.withinFile.words)) words), \(r.crossFile.segments) across files (\(number(r.crossFile.words)) words)\n"
            if let w = entry.weightedWords {
                out += "  weighted words (\(result.grid?.name ?? "grid")): \(number(w))\n"
            }
            if let details = entry.details, !details.isEmpty {
                out += "  segments:\n"
                for d in details {
                    let match = d.match.map { " ← \($0.tm)#\($0.unit)\($0.tuid.map { " (\($0))" } ?? "")" } ?? ""
                    let rep = d.repetitionOf.map { " = \($0)" } ?? ""
                    out +=
                        "    \(d.id)  \(d.band?.rawValue ?? "not translatable")  \(d.score.map { "\($0)%" } ?? "-")  \(number(d.words)) words\(match)\(rep)\n"
                }
            }
            out += "\n"
        }
        return out
    }
}

extension AnalysisTotals {
    static func === (a: AnalysisTotals, b: AnalysisTotals) -> Bool { a.name == nil && b.name == nil }
}
