import Foundation
import TandemDomain

/// Where a match came from: the TM file and the unit's position (1-based) and `tuid`.
public struct TMReference: Sendable, Codable, Equatable, Hashable {
    public var tm: String
    public var unit: Int
    public var tuid: String?

    public init(tm: String, unit: Int, tuid: String? = nil) {
        self.tm = tm
        self.unit = unit
        self.tuid = tuid
    }
}

/// A TM match for one segment.
public struct TMMatch: Sendable, Equatable {
    public var score: Int
    public var unit: Int
    public var reference: TMReference
}

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

    /// Pass 1 of the index, fed batch by batch from one serial queue: tokens, token ids,
    /// (token, occurrence) features and their document frequencies, exact-text index, entries.
    final class IndexBuilder {
        struct Unit: Sendable {
            var content: [InlinePiece]
            var reference: TMReference
            var sourceQuality: Int
            var targetQuality: Int
            var file: Int
        }

        static let batchSize = 4096
        var vocabulary: [String: Int32] = [:]
        var featureIds: [Int64: Int32] = [:]
        var featureCount: Int32 = 0
        var exactIndex: [String: [Int32]] = [:]
        var keyless: [Int32] = []
        var entries: [Entry] = []
        var files: [Int] = []
        var offsets: [Int32] = [0]
        var flat: [Int32] = []
        var frequency: [Int32] = []
        private var occurrences: [Int32: Int] = [:]
        /// Feature of (token, first occurrence), by token id; −1 none.
        private var firstFeature: [Int32] = []

        func add(_ units: [Unit]) {
            for unit in units {
                let i = entries.count
                let text = MatchText(unit.content)
                var keys: [Int32] = []
                keys.reserveCapacity(text.keys.count)
                for key in text.keys {
                    if let id = vocabulary[key] {
                        keys.append(id)
                    } else {
                        let id = Int32(vocabulary.count)
                        vocabulary[key] = id
                        keys.append(id)
                        firstFeature.append(-1)
                    }
                }
                occurrences.removeAll(keepingCapacity: true)
                let hasDuplicates = Set(keys).count != keys.count
                for key in keys {
                    var occurrence = 0
                    if hasDuplicates {
                        occurrence = occurrences[key, default: 0]
                        occurrences[key] = occurrence + 1
                    }
                    let feature: Int32
                    if occurrence == 0, firstFeature[Int(key)] >= 0 {
                        feature = firstFeature[Int(key)]
                    } else {
                        let packed = Int64(key) << 16 | Int64(min(occurrence, 0xFFFF))
                        if let f = featureIds[packed] {
                            feature = f
                        } else {
                            feature = featureCount
                            featureCount += 1
                            featureIds[packed] = feature
                            frequency.append(0)
                            if occurrence == 0 { firstFeature[Int(key)] = feature }
                        }
                    }
                    flat.append(feature)
                    frequency[Int(feature)] += 1
                }
                offsets.append(Int32(flat.count))
                if keys.isEmpty { keyless.append(Int32(i)) }
                exactIndex[text.exact, default: []].append(Int32(i))
                let previous =
                    i > 0 && files[i - 1] == unit.file ? entries[i - 1].text.exact : TranslationMemory.boundary
                entries.append(
                    Entry(
                        text: text, keys: keys, reference: unit.reference, targetQuality: unit.targetQuality,
                        sourceQuality: unit.sourceQuality, previousExact: previous,
                        nextExact: TranslationMemory.boundary))
                files.append(unit.file)
            }
        }

        /// Drops the large tables once they have been moved out.
        func release() {
            vocabulary = [:]
            featureIds = [:]
            exactIndex = [:]
            entries = []
            flat = []
            frequency = []
        }
    }

    /// Reusable per-thread scratch space for lookups.
    final class Scratch {
        var stamp: [Int32]
        var generation: Int32 = 0
        init(count: Int) { stamp = [Int32](repeating: 0, count: count) }
    }

    func makeScratch() -> Scratch { Scratch(count: entries.count) }

    private func better(_ i: Int32, score: Int, than best: (score: Int, index: Int32)?) -> Bool {
        guard let best else { return true }
        if score != best.score { return score > best.score }
        let a = entries[Int(i)]
        let b = entries[Int(best.index)]
        if a.targetQuality != b.targetQuality { return a.targetQuality > b.targetQuality }
        if a.sourceQuality != b.sourceQuality { return a.sourceQuality > b.sourceQuality }
        return i < best.index
    }

    /// Exact (100) matches of a normalised source.
    func exactMatches(_ exact: String) -> [Int32] { exactIndex[exact] ?? [] }

    /// The best match scoring at least `minimum`, or nil.
    func bestMatch(for text: MatchText, minimum requested: Int, scratch: Scratch) -> TMMatch? {
        let minimum = max(requested, minimumScore)
        var best: (score: Int, index: Int32)?
        for i in exactMatches(text.exact) where better(i, score: 100, than: best) { best = (100, i) }
        if best == nil {
            best = fuzzyMatch(text, minimum: minimum, scratch: scratch)
        }
        guard let best else { return nil }
        return TMMatch(score: best.score, unit: Int(best.index), reference: entries[Int(best.index)].reference)
    }

    private func fuzzyMatch(_ text: MatchText, minimum: Int, scratch: Scratch) -> (score: Int, index: Int32)? {
        var best: (score: Int, index: Int32)?
        let keys = text.keys.map { vocabulary[$0] ?? -1 }
        if keys.isEmpty {
            for i in keyless {
                let s = FuzzyScore.score(text, keys, entries[Int(i)].text, entries[Int(i)].keys)
                if s >= minimum, better(i, score: s, than: best) { best = (s, i) }
            }
            return best
        }
        // Features of the query (unknown tokens have no postings).
        var occurrences: [Int32: Int] = [:]
        var features: [(id: Int32, frequency: Int)] = []
        features.reserveCapacity(keys.count)
        for key in keys {
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            if key >= 0, let f = featureIds[Int64(key) << 16 | Int64(min(occurrence, 0xFFFF))] {
                features.append((f, postings[Int(f)].count))
            } else {
                features.append((-1, 0))
            }
        }
        let n = keys.count
        var required = (minimum * n + 99) / 100
        var maxLength = minimum > 0 ? (100 * n) / minimum : Int.max
        var prefix = max(0, n - required + 1)
        features.sort { $0.id < $1.id }  // ids are ranks: rarest first, unknown (−1) before all
        let queryFeatures = features.compactMap { $0.id >= 0 ? $0.id : nil }.sorted()
        scratch.generation &+= 1
        if scratch.generation == Int32.max {
            scratch.generation = 1
            for k in scratch.stamp.indices { scratch.stamp[k] = 0 }
        }
        let generation = scratch.generation
        var position = 0
        // Rarest features first; every better score found raises the overlap a better (or equal)
        // candidate needs, which shortens the prefix and the length window.
        while position < min(prefix, features.count) {
            let f = features[position]
            position += 1
            guard f.id >= 0 else { continue }
            let list = postings[Int(f.id)]
            let places = positions[Int(f.id)]
            var k = lowerBound(places, length: required)
            while k < list.count {
                let candidate = Int(list[k])
                let meta = places[k]
                let place = Int(meta & 0xFFFF)
                k += 1
                let m = Int(meta >> 16)
                if m > maxLength { break }
                if scratch.stamp[candidate] == generation { continue }
                scratch.stamp[candidate] = generation
                // Positional filter: this is the first feature the entry shares with the query (global
                // order), so at most 1 + min(remaining query, remaining entry) features are shared.
                let possible = 1 + min(n - position, m - place - 1)
                if 100 * possible < (best?.score ?? minimum) * max(n, m) { continue }
                let overlap = intersectionCount(
                    queryFeatures, from: Int(featureOffsets[candidate]), to: Int(featureOffsets[candidate + 1]))
                let bound = 100 * overlap / max(n, m)
                if bound < (best?.score ?? minimum) { continue }
                let entry = entries[candidate]
                let s = FuzzyScore.score(text, keys, entry.text, entry.keys)
                if s >= minimum, better(Int32(candidate), score: s, than: best) {
                    best = (s, Int32(candidate))
                    required = max(required, (s * n + 99) / 100)
                    maxLength = min(maxLength, s > 0 ? (100 * n) / s : Int.max)
                    prefix = max(0, n - required + 1)
                }
            }
        }
        return best
    }

    /// First index in `list` (sorted by entry length) whose entry has at least `length` keys.
    private func lowerBound(_ meta: [UInt32], length: Int) -> Int {
        var low = 0
        var high = meta.count
        while low < high {
            let mid = (low + high) / 2
            if Int(meta[mid] >> 16) < length { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Size of the intersection of sorted `a` with the stored features of one entry.
    private func intersectionCount(_ a: [Int32], from start: Int, to end: Int) -> Int {
        flatFeatures.withUnsafeBufferPointer { b in
            a.withUnsafeBufferPointer { a in
                var i = 0
                var j = start
                var count = 0
                while i < a.count && j < end {
                    if a[i] == b[j] {
                        count += 1
                        i += 1
                        j += 1
                    } else if a[i] < b[j] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return count
            }
        }
    }

    /// True if a 100% match's neighbours in the TM equal the segment's neighbours in the file.
    func isContextMatch(exact: String, previous: String, next: String) -> Bool {
        exactMatches(exact).contains {
            entries[Int($0)].previousExact == previous && entries[Int($0)].nextExact == next
        }
    }
}
