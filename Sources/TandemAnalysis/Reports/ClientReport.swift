import Foundation

/// Analyses made by clients' tools, mapped into Tandem's result structure (the same eight bands),
/// so a quote can start from them: Trados Studio "Analyze Files" XML, memoQ statistics CSV and
/// Phrase analysis CSV. Client figures are taken as given; Tandem does not recount them.
public enum ClientReport {
    public enum Format: String, Sendable, Codable { case trados, memoQ, phrase }

    /// True if `data` looks like a client report rather than a file to analyse.
    public static func isReport(_ data: Data, name: String) -> Bool {
        if name.lowercased().hasSuffix(".csv") { return true }
        guard DocumentReader.looksLikeXML(data) else { return false }
        let head = String(decoding: data.prefix(512), as: UTF8.self)
        return head.range(of: #"<task[\s>]"#, options: .regularExpression) != nil
    }

    /// Reads a report; the format is recognised from the content.
    public static func read(
        _ data: Data, name: String, boundaries: BandBoundaries = .standard, limits: AnalysisLimits = .default
    ) throws -> [AnalysisTotals] {
        if DocumentReader.looksLikeXML(data) && !name.lowercased().hasSuffix(".csv") {
            return try TradosReport.read(data, name: name, boundaries: boundaries, limits: limits)
        }
        return try BandCSVReport.read(data, name: name, boundaries: boundaries)
    }

    /// Reads several reports into one result (files in order, totals summed).
    public static func result(
        _ inputs: [AnalysisInput], grid: WeightingGrid? = nil, boundaries: BandBoundaries = .standard,
        limits: AnalysisLimits = .default
    ) throws -> AnalysisResult {
        var files: [AnalysisTotals] = []
        for input in inputs {
            files += try read(try input.load(limits: limits), name: input.name, boundaries: boundaries, limits: limits)
        }
        return AnalysisResult(files: files, grid: grid)
    }
}

/// Trados Studio "Analyze Files" XML: `<task><file name><analyse>` with `perfect`,
/// `inContextExact` (→ context), `exact` (→ 100), `locked` (→ not translatable),
/// `crossFileRepeated` and `repeated` (→ repetition), `new`, and `fuzzy min max` (→ the band
/// holding `min`). `total`, `newBaseline`, `newLearnings` are not bands.
enum TradosReport {
    static func read(_ data: Data, name: String, boundaries: BandBoundaries, limits: AnalysisLimits) throws
        -> [AnalysisTotals]
    {
        let reader = try XMLEventReader(data: data, fileName: name, limits: limits)
        let (rootStart, empty) = try reader.root()
        guard rootStart.name == "task" else {
            throw AnalysisError(
                file: name, line: rootStart.line, column: rootStart.column, kind: .unsupported,
                message: "<\(rootStart.name)> is not a Trados Studio analysis report (<task>).")
        }
        let root = try reader.readElement(rootStart, isEmpty: empty)
        var files: [AnalysisTotals] = []
        for file in root.elements(named: "file") {
            guard let analyse = file.firstElement(named: "analyse") else { continue }
            files.append(
                try totals(analyse, name: file.attribute("name") ?? name, report: name, boundaries: boundaries))
        }
        if files.isEmpty, let analyse = root.firstElement(named: "batchTotal")?.firstElement(named: "analyse") {
            files.append(try totals(analyse, name: name, report: name, boundaries: boundaries))
        }
        if files.isEmpty {
            throw AnalysisError(
                file: name, line: root.line, column: root.column, kind: .invalid,
                message: "the report has no <file> or <batchTotal> with an <analyse> element.")
        }
        return files
    }

    static func totals(_ analyse: XMLElement, name: String, report: String, boundaries: BandBoundaries) throws
        -> AnalysisTotals
    {
        var bands = BandCounts()
        var repetitions = RepetitionCounts()
        var locked = Counts.zero
        for e in analyse.elements {
            func number(_ key: String) throws -> Double {
                guard let text = e.attribute(key) else { return 0 }
                guard let value = Double(text.replacingOccurrences(of: ",", with: "")) else {
                    throw AnalysisError(
                        file: report, line: e.line, column: e.column, kind: .invalid,
                        message: "\(key)=\"\(text)\" on <\(e.name)> is not a number.")
                }
                return value
            }
            let counts = Counts(
                segments: Int(try number("segments")), words: try number("words"),
                characters: Int(try number("characters")))
            switch e.name {
            case "perfect", "inContextExact": bands[.context] = bands[.context] + counts
            case "exact": bands[.exact] = bands[.exact] + counts
            case "locked": locked = locked + counts
            case "crossFileRepeated":
                bands[.repetition] = bands[.repetition] + counts
                repetitions.crossFile = repetitions.crossFile + counts
            case "repeated":
                bands[.repetition] = bands[.repetition] + counts
                repetitions.withinFile = repetitions.withinFile + counts
            case "new": bands[.new] = bands[.new] + counts
            case "fuzzy":
                let band = boundaries.band(for: Int(try number("min")))
                bands[band == .exact ? .fuzzyHigh : band] = bands[band == .exact ? .fuzzyHigh : band] + counts
            default: break
            }
        }
        return AnalysisTotals(name: name, bands: bands, repetitions: repetitions, nonTranslatable: locked)
    }
}

/// Band tables exported as CSV: memoQ statistics (UTF-16, TAB-separated, two header rows: band
/// names, then `Segments`, `Words`, `Characters`, … under each band) and Phrase analysis CSV
/// (one header row of `BAND SEGMENTS/WORDS/CHARACTERS` columns, or the two-row layout). The
/// first column names the file; rows named `Total`/`All` are skipped when file rows exist.
enum BandCSVReport {
    static func decode(_ data: Data, name: String) throws -> String {
        try PlainTextReader.decode(data, fileName: name)
    }

    static func band(_ label: String) -> Band?? {
        let key = label.lowercased().filter { !$0.isWhitespace && $0 != "%" && $0 != "_" }
        switch key {
        case "x-translated", "xtranslated", "101", "context", "contextmatch", "incontextexact", "perfect", "ice",
            "perfectmatch":
            return .some(.context)
        case "repetitions", "repetition", "repeated", "crossfilerepetitions": return .some(.repetition)
        case "100", "exact", "100match": return .some(.exact)
        case "95-99": return .some(.fuzzyHigh)
        case "85-94": return .some(.fuzzyMiddle)
        case "75-84": return .some(.fuzzyLow)
        case "50-74": return .some(.fuzzyLowest)
        case "nomatch", "new", "0-49", "fragments", "mt", "nt", "newsegments": return .some(.new)
        case "locked", "lockedsegments": return .some(nil)  // non-translatable
        default: return nil
        }
    }

    enum Field { case segments, words, characters }

    static func field(_ label: String) -> Field? {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "segments", "segs", "segment": return .segments
        case "words", "word", "source words": return .words
        case "characters", "chars", "character": return .characters
        default: return nil
        }
    }

    static func read(_ data: Data, name: String, boundaries: BandBoundaries) throws -> [AnalysisTotals] {
        let text = try decode(data, name: name)
        let lines = text.split(
            omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        ).map(String.init)
        guard let first = lines.first else {
            throw AnalysisError(file: name, kind: .invalid, message: "the report is empty.")
        }
        let delimiter: Character = ["\t", ";", ","].max { a, b in
            first.filter { $0 == a }.count < first.filter { $0 == b }.count
        }!
        let rows = lines.map { parseRow($0, delimiter: delimiter) }
        // Column → (band or locked, field)
        var columns: [Int: (Band?, Field)] = [:]
        var dataStart = 1
        if rows.count > 1, rows[1].contains(where: { field($0) != nil }) {
            var current: Band?? = nil
            for (i, label) in rows[0].enumerated() {
                if !label.trimmingCharacters(in: .whitespaces).isEmpty { current = band(label) }
                if let b = current, i < rows[1].count, let f = field(rows[1][i]) { columns[i] = (b, f) }
            }
            dataStart = 2
        } else {
            for (i, label) in rows[0].enumerated() {
                let words = label.split(separator: " ")
                guard let last = words.last, let f = field(String(last)) else { continue }
                let bandLabel = words.dropLast().joined(separator: " ").trimmingCharacters(
                    in: CharacterSet(charactersIn: " :-"))
                if let b = band(bandLabel) { columns[i] = (b, f) }
            }
        }
        guard !columns.isEmpty else {
            throw AnalysisError(
                file: name, line: 1, column: 1, kind: .unsupported,
                message:
                    "no band columns found; expected memoQ statistics or Phrase analysis CSV (bands such as 101%, Repetitions, 100%, 95% - 99%, No match with Segments/Words/Characters)."
            )
        }
        var files: [AnalysisTotals] = []
        var totalRows: [AnalysisTotals] = []
        for (index, row) in rows.enumerated().dropFirst(dataStart) {
            var bands = BandCounts()
            var locked = Counts.zero
            for (column, (band, f)) in columns where column < row.count {
                let cell = row[column].trimmingCharacters(in: .whitespaces).replacingOccurrences(
                    of: "\u{00A0}", with: "")
                if cell.isEmpty { continue }
                guard let value = Double(cell.replacingOccurrences(of: ",", with: delimiter == "," ? "" : ".")) else {
                    throw AnalysisError(
                        file: name, line: index + 1, column: column + 1, kind: .invalid,
                        message: "“\(cell)” is not a number.")
                }
                var counts = band.map { bands[$0] } ?? locked
                switch f {
                case .segments: counts.segments += Int(value)
                case .words: counts.words += value
                case .characters: counts.characters += Int(value)
                }
                if let band { bands[band] = counts } else { locked = counts }
            }
            let fileName = row.first?.trimmingCharacters(in: .whitespaces) ?? ""
            let totals = AnalysisTotals(
                name: fileName.isEmpty ? "\(name)#\(index + 1)" : fileName, bands: bands,
                repetitions: RepetitionCounts(withinFile: bands[.repetition]), nonTranslatable: locked)
            if ["total", "all", "sum"].contains(fileName.lowercased()) {
                totalRows.append(totals)
            } else {
                files.append(totals)
            }
        }
        return files.isEmpty ? totalRows : files
    }

    static func parseRow(_ line: String, delimiter: Character) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(ch)
                }
            } else if ch == "\"" && current.isEmpty {
                quoted = true
            } else if ch == delimiter {
                fields.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        fields.append(current)
        return fields
    }
}
