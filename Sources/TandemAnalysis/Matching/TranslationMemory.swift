import Foundation
import TandemDomain

/// Translation memories indexed for matching in one language pair. Built once from one or more
/// TMX files; immutable and `Sendable`, so one index can serve many analyses at once.
///
/// Lookup is exact: every TM unit that could reach the minimum score is scored. Candidates come
/// from an inverted index over (token, occurrence) features with prefix filtering — a unit that
/// reaches score `s` must share at least one of the query's rarest `n − ⌈s·n/100⌉ + 1` features —
/// then a length filter and an overlap bound before the edit distance.
public final class TranslationMemory: Sendable {
    struct Entry: Sendable {
        var text: MatchText
        var keys: [Int32]
        var reference: TMReference
        var targetQuality: Int
        var sourceQuality: Int
        var previousExact: String
        var nextExact: String
    }

    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag
    /// Lookups are exact for minimum scores at or above this (see `init`).
    public let minimumScore: Int
    let entries: [Entry]
    /// Key-sequence length of each entry (flat, for the hot loop).
    let lengths: [Int32]
    /// Sorted features of entry `i` are `flatFeatures[featureOffsets[i]..<featureOffsets[i + 1]]`.
    let featureOffsets: [Int32]
    let flatFeatures: [Int32]
    let vocabulary: [String: Int32]
    let featureIds: [Int64: Int32]
    let postings: [[Int32]]
    /// For each posted entry: its length (high 16 bits) and the feature's position among its sorted
    /// features (low 16 bits), stored next to the posting so the filters read memory in sequence.
    let positions: [[UInt32]]
    let exactIndex: [String: [Int32]]
    let keyless: [Int32]

    static let boundary = "\u{0}"

    public var count: Int { entries.count }

    /// One TM file to load.
    public struct Source: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// Builds the index from TMX files, keeping units that have a variant for both languages
    /// (BCP 47 fallback: exact tag, then a prefix such as `fr` for `fr-FR`, then any `fr-*`).
    /// `minimumScore`: the lowest score lookups will ask for (the lowest band's bound); the index
    /// keeps only what such lookups need, so `bestMatch` is exact for minimums at or above it.
    public init(
        sources: [Source], sourceLanguage: LanguageTag, targetLanguage: LanguageTag, minimumScore: Int = 50,
        limits: AnalysisLimits = .default,
        progress: (@Sendable (AnalysisProgress) -> Void)? = nil
    ) throws {
        self.minimumScore = max(1, min(100, minimumScore))
        let minimumScore = self.minimumScore
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        // The TMX is parsed on this thread while a serial queue tokenises and interns the units
        // parsed so far (pass 1), batch by batch, in order.
        nonisolated(unsafe) let builder = IndexBuilder()
        let pipeline = DispatchQueue(label: "tandem.tm-index")
        var batch: [IndexBuilder.Unit] = []
        batch.reserveCapacity(IndexBuilder.batchSize)
        func flush() {
            let units = batch
            batch.removeAll(keepingCapacity: true)
            pipeline.async { builder.add(units) }
        }
        do {
            for (fileIndex, source) in sources.enumerated() {
                let reader = try XMLEventReader(
                    data: source.data, fileName: source.name, limits: limits,
                    progress: progress.map { p in
                        { done, total in
                            p(AnalysisProgress(phase: .loadingMemory, completed: done, total: total, item: source.name))
                        }
                    })
                let (root, empty) = try reader.root()
                guard root.name == "tmx" else {
                    throw AnalysisError(
                        file: source.name, line: root.line, column: root.column, kind: .unsupported,
                        message: "a translation memory must be TMX; the root element is <\(root.name)>.")
                }
                _ = try TMXReader.read(reader, root: root, rootIsEmpty: empty) { unit in
                    var best: (q: Int, i: Int)?
                    var bestTarget: (q: Int, i: Int)?
                    for (i, v) in unit.variants.enumerated() {
                        guard let lang = v.language else { continue }
                        if let q = lang.matchQuality(for: sourceLanguage), q > (best?.q ?? 0) { best = (q, i) }
                        if let q = lang.matchQuality(for: targetLanguage), q > (bestTarget?.q ?? 0) {
                            bestTarget = (q, i)
                        }
                    }
                    guard let s = best, let t = bestTarget, s.i != t.i else { return }
                    batch.append(
                        IndexBuilder.Unit(
                            content: unit.variants[s.i].content,
                            reference: TMReference(tm: source.name, unit: unit.index + 1, tuid: unit.id),
                            sourceQuality: s.q, targetQuality: t.q, file: fileIndex))
                    if batch.count >= IndexBuilder.batchSize { flush() }
                }
            }
            flush()
        } catch {
            pipeline.sync {}
            throw error
        }
        pipeline.sync {}
        let vocabulary = builder.vocabulary
        var featureIds = builder.featureIds
        let featureCount = builder.featureCount
        let exactIndex = builder.exactIndex
        let keyless = builder.keyless
        var entries = builder.entries
        let offsets = builder.offsets
        var flat = builder.flat
        let frequency = builder.frequency
        builder.release()
        for i in entries.indices {
            let sameFileNext = i + 1 < entries.count && builder.files[i + 1] == builder.files[i]
            entries[i].nextExact = sameFileNext ? entries[i + 1].text.exact : Self.boundary
        }
        progress?(AnalysisProgress(phase: .indexingMemory, completed: entries.count / 2, total: entries.count))
        // Pass 2: renumber features rarest first, so that sorting by id is the global order of the
        // prefix filter; index each entry's prefix (its rarest m − ⌈s·m/100⌉ + 1 features).
        let order = (0..<Int(featureCount)).sorted {
            frequency[$0] != frequency[$1] ? frequency[$0] < frequency[$1] : $0 < $1
        }
        var rank = [Int32](repeating: 0, count: Int(featureCount))
        for (r, f) in order.enumerated() { rank[f] = Int32(r) }
        for (key, value) in featureIds { featureIds[key] = rank[Int(value)] }
        var postings = [[Int32]](repeating: [], count: Int(featureCount))
        var positions = [[UInt32]](repeating: [], count: Int(featureCount))
        let lengths = entries.map { Int32($0.keys.count) }
        for i in 0..<entries.count {
            let start = Int(offsets[i])
            let end = Int(offsets[i + 1])
            for j in start..<end { flat[j] = rank[Int(flat[j])] }
            flat[start..<end].sort()
        }
        // Entries in order of (length, index) by counting sort, so every posting list comes out
        // sorted by entry length and a lookup can jump to the lengths that can match.
        var lengthCounts = [Int](repeating: 0, count: Int(lengths.max() ?? 0) + 2)
        for m in lengths { lengthCounts[Int(m) + 1] += 1 }
        for k in 1..<lengthCounts.count { lengthCounts[k] += lengthCounts[k - 1] }
        var byLength = [Int](repeating: 0, count: entries.count)
        for (i, m) in lengths.enumerated() {
            byLength[lengthCounts[Int(m)]] = i
            lengthCounts[Int(m)] += 1
        }
        for i in byLength {
            let start = Int(offsets[i])
            let end = Int(offsets[i + 1])
            let m = end - start
            let indexed = m - (minimumScore * m + 99) / 100 + 1
            for j in start..<min(end, start + max(indexed, 0)) {
                postings[Int(flat[j])].append(Int32(i))
                positions[Int(flat[j])].append(UInt32(min(m, 0xFFFF)) << 16 | UInt32(min(j - start, 0xFFFF)))
            }
        }
        self.positions = positions
        self.entries = entries
        self.lengths = lengths
        self.featureOffsets = offsets
        self.flatFeatures = flat
        self.vocabulary = vocabulary
        self.featureIds = featureIds
        self.postings = postings
        self.exactIndex = exactIndex
        self.keyless = keyless
        progress?(AnalysisProgress(phase: .indexingMemory, completed: entries.count, total: entries.count))
    }
}
