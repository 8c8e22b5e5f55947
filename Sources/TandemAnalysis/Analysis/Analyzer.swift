import Foundation
import TandemDomain

/// Settings of one analysis.
public struct AnalysisSettings: Sendable, Equatable {
    /// Overrides the languages the files declare; needed for files that declare none.
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    public var boundaries: BandBoundaries
    public var grid: WeightingGrid?
    public var includeDetails: Bool
    /// Split XLIFF 1.2 units without `<seg-source>`, and PO entries, into sentences, as CAT tools
    /// do (default); false counts each such unit as one segment.
    public var splitsUnits: Bool

    public init(
        sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil, boundaries: BandBoundaries = .standard,
        grid: WeightingGrid? = nil, includeDetails: Bool = false, splitsUnits: Bool = true
    ) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.boundaries = boundaries
        self.grid = grid
        self.includeDetails = includeDetails
        self.splitsUnits = splitsUnits
    }
}

/// Bands segments of already-read documents against an (optional) translation memory.
///
/// Order of precedence for a translatable segment: `context` (a 100% match whose previous and
/// next segments equal the TM unit's neighbours), then `repetition` (its normalised source was
/// seen earlier in the analysis: same file or an earlier file), then the band of its best TM score.
public enum Analyzer {
    public static func analyze(
        _ documents: [SourceDocument], memory: TranslationMemory?, settings: AnalysisSettings = AnalysisSettings(),
        progress: ProgressHandler? = nil
    ) -> AnalysisResult {
        struct Prepared: Sendable {
            var file: Int
            var segment: SourceSegment
            var text: MatchText
            var metrics: TextMetrics
        }
        // 1. Prepare every segment (tokenise, count) in parallel.
        var flat: [(file: Int, segment: SourceSegment, language: LanguageTag?)] = []
        for (f, document) in documents.enumerated() {
            let language = settings.sourceLanguage ?? document.sourceLanguage
            for segment in document.segments where !segment.isBlank { flat.append((f, segment, language)) }
        }
        let items = flat
        let prepared: [Prepared] = parallelMap(items.count) { i in
            let item = items[i]
            return Prepared(
                file: item.file, segment: item.segment, text: MatchText(item.segment.content),
                metrics: WordCounter.count(item.segment.plainText, language: item.language))
        }
        // 2. Repetitions, in reading order.
        var firstSeen: [String: (file: Int, id: String)] = [:]
        var repetitionOf: [(file: Int, id: String)?] = Array(repeating: nil, count: prepared.count)
        for (i, p) in prepared.enumerated() where p.segment.translatable {
            if let first = firstSeen[p.text.exact] {
                repetitionOf[i] = first
            } else {
                firstSeen[p.text.exact] = (p.file, p.segment.id)
            }
        }
        // 3. TM lookups for first occurrences (exact lookups for all, for context matches).
        let minimum = settings.boundaries.lowest
        let repeated = repetitionOf.map { $0 != nil }
        let total = prepared.count
        let matches: [TMMatch?]
        if let memory {
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let chunkSize = max(64, (total + workers * 16 - 1) / (workers * 16))
            matches = parallelMap(
                total, chunkSize: chunkSize, scratch: { memory.makeScratch() },
                chunkDone: { end in progress?(AnalysisProgress(phase: .matching, completed: end, total: total)) }
            ) { i, scratch in
                guard prepared[i].segment.translatable else { return nil }
                if repeated[i] {
                    return memory.exactMatches(prepared[i].text.exact).first.map {
                        TMMatch(score: 100, unit: Int($0), reference: memory.entries[Int($0)].reference)
                    }
                }
                return memory.bestMatch(for: prepared[i].text, minimum: minimum, scratch: scratch)
            }
        } else {
            matches = Array(repeating: nil, count: total)
        }
        // 4. Bands per file.
        var files: [AnalysisTotals] = documents.map {
            AnalysisTotals(
                name: $0.name, format: $0.format, sourceLanguage: settings.sourceLanguage ?? $0.sourceLanguage,
                targetLanguage: settings.targetLanguage ?? $0.targetLanguage,
                details: settings.includeDetails ? [] : nil)
        }
        for (i, p) in prepared.enumerated() {
            var result = SegmentResult(
                id: p.segment.id, band: nil, score: nil, words: p.metrics.words, characters: p.metrics.characters,
                translatable: p.segment.translatable, match: nil)
            if !p.segment.translatable {
                files[p.file].nonTranslatable.add(p.metrics)
            } else {
                let match = matches[i]
                var band = settings.boundaries.band(for: match?.score)
                if band == .exact, let memory {
                    let previous =
                        i > 0 && prepared[i - 1].file == p.file
                        ? prepared[i - 1].text.exact : TranslationMemory.boundary
                    let next =
                        i + 1 < prepared.count && prepared[i + 1].file == p.file
                        ? prepared[i + 1].text.exact : TranslationMemory.boundary
                    if memory.isContextMatch(exact: p.text.exact, previous: previous, next: next) { band = .context }
                }
                if band != .context, let first = repetitionOf[i] {
                    band = .repetition
                    result.repetitionOf = first.file == p.file ? first.id : "\(documents[first.file].name)#\(first.id)"
                    result.repetition = first.file == p.file ? .withinFile : .crossFile
                    if first.file == p.file {
                        files[p.file].repetitions.withinFile.add(p.metrics)
                    } else {
                        files[p.file].repetitions.crossFile.add(p.metrics)
                    }
                }
                files[p.file].bands[band].add(p.metrics)
                result.band = band
                result.score = match?.score
                result.match = match?.reference
            }
            if settings.includeDetails { files[p.file].details?.append(result) }
        }
        for i in files.indices {
            let t = files[i].bands.total
            files[i].segments = t.segments
            files[i].words = t.words
            files[i].characters = t.characters
        }
        progress?(AnalysisProgress(phase: .done, completed: total, total: total))
        return AnalysisResult(files: files, grid: settings.grid)
    }
}
