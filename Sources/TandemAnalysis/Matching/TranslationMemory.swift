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
        var features: [Int32]   // sorted
        var reference: TMReference
        var targetQuality: Int
        var sourceQuality: Int
        var previousExact: String
        var nextExact: String
    }

    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag
    let entries: [Entry]
    let vocabulary: [String: Int32]
    let featureIds: [Int64: Int32]
    let postings: [[Int32]]
    let exactIndex: [String: [Int32]]
    let keyless: [Int32]

    static let boundary = "\u{0}"

    public var count: Int { entries.count }

    /// One TM file to load.
    public struct Source: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) { self.name = name; self.data = data }
    }

    /// Builds the index from TMX files, keeping units that have a variant for both languages
    /// (BCP 47 fallback: exact tag, then a prefix such as `fr` for `fr-FR`, then any `fr-*`).
    public init(sources: [Source], sourceLanguage: LanguageTag, targetLanguage: LanguageTag, limits: AnalysisLimits = .default,
                progress: (@Sendable (AnalysisProgress) -> Void)? = nil) throws {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        var raw: [(content: [InlinePiece], reference: TMReference, sq: Int, tq: Int, file: Int)] = []
        for (fileIndex, source) in sources.enumerated() {
            let reader = try XMLEventReader(data: source.data, fileName: source.name, limits: limits, progress: progress.map { p in
                { done, total in p(AnalysisProgress(phase: .loadingMemory, completed: done, total: total, item: source.name)) }
            })
            let (root, empty) = try reader.root()
            guard root.name == "tmx" else {
                throw AnalysisError(file: source.name, line: root.line, column: root.column, kind: .unsupported, message: "a translation memory must be TMX; the root element is <\(root.name)>.")
            }
            _ = try TMXReader.read(reader, root: root, rootIsEmpty: empty) { unit in
                var best: (q: Int, i: Int)?
                var bestTarget: (q: Int, i: Int)?
                for (i, v) in unit.variants.enumerated() {
                    guard let lang = v.language else { continue }
                    if let q = lang.matchQuality(for: sourceLanguage), q > (best?.q ?? 0) { best = (q, i) }
                    if let q = lang.matchQuality(for: targetLanguage), q > (bestTarget?.q ?? 0) { bestTarget = (q, i) }
                }
                guard let s = best, let t = bestTarget, s.i != t.i else { return }
                raw.append((unit.variants[s.i].content, TMReference(tm: source.name, unit: unit.index + 1, tuid: unit.id), s.q, t.q, fileIndex))
            }
        }
        progress?(AnalysisProgress(phase: .indexingMemory, completed: 0, total: raw.count))
        // Tokenise in parallel, then intern sequentially.
        let contents = raw.map(\.content)
        let texts = parallelMap(contents.count) { MatchText(contents[$0]) }
        var vocabulary: [String: Int32] = [:]
        var featureIds: [Int64: Int32] = [:]
        var postings: [[Int32]] = []
        var exactIndex: [String: [Int32]] = [:]
        var keyless: [Int32] = []
        var entries: [Entry] = []
        entries.reserveCapacity(raw.count)
        var occurrences: [Int32: Int] = [:]
        var firstFeature: [Int32] = []   // feature of (token, first occurrence), by token id; -1 none
        for (i, item) in raw.enumerated() {
            let text = texts[i]
            var keys: [Int32] = []
            keys.reserveCapacity(text.keys.count)
            for key in text.keys {
                if let id = vocabulary[key] { keys.append(id) } else {
                    let id = Int32(vocabulary.count); vocabulary[key] = id; keys.append(id); firstFeature.append(-1)
                }
            }
            occurrences.removeAll(keepingCapacity: true)
            var features: [Int32] = []
            features.reserveCapacity(keys.count)
            let hasDuplicates = Set(keys).count != keys.count
            for key in keys {
                var occurrence = 0
                if hasDuplicates {
                    occurrence = occurrences[key, default: 0]
                    occurrences[key] = occurrence + 1
                }
                let feature: Int32
                if occurrence == 0 {
                    if firstFeature[Int(key)] >= 0 { feature = firstFeature[Int(key)] } else {
                        feature = Int32(postings.count); firstFeature[Int(key)] = feature; postings.append([])
                        featureIds[Int64(key) << 16] = feature
                    }
                } else {
                    let packed = Int64(key) << 16 | Int64(min(occurrence, 0xFFFF))
                    if let f = featureIds[packed] { feature = f } else {
                        feature = Int32(postings.count); featureIds[packed] = feature; postings.append([])
                    }
                }
                features.append(feature)
                postings[Int(feature)].append(Int32(i))
            }
            features.sort()
            if keys.isEmpty { keyless.append(Int32(i)) }
            exactIndex[text.exact, default: []].append(Int32(i))
            let previous = i > 0 && raw[i - 1].file == item.file ? texts[i - 1].exact : Self.boundary
            let next = i + 1 < raw.count && raw[i + 1].file == item.file ? texts[i + 1].exact : Self.boundary
            entries.append(Entry(text: text, keys: keys, features: features, reference: item.reference, targetQuality: item.tq,
                                 sourceQuality: item.sq, previousExact: previous, nextExact: next))
        }
        self.entries = entries
        self.vocabulary = vocabulary
        self.featureIds = featureIds
        self.postings = postings
        self.exactIndex = exactIndex
        self.keyless = keyless
        progress?(AnalysisProgress(phase: .indexingMemory, completed: raw.count, total: raw.count))
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
        let a = entries[Int(i)], b = entries[Int(best.index)]
        if a.targetQuality != b.targetQuality { return a.targetQuality > b.targetQuality }
        if a.sourceQuality != b.sourceQuality { return a.sourceQuality > b.sourceQuality }
        return i < best.index
    }

    /// Exact (100) matches of a normalised source.
    func exactMatches(_ exact: String) -> [Int32] { exactIndex[exact] ?? [] }

    /// The best match scoring at least `minimum`, or nil.
    func bestMatch(for text: MatchText, minimum: Int, scratch: Scratch) -> TMMatch? {
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
        let required = (minimum * n + 99) / 100
        let prefix = max(0, n - required + 1)
        features.sort { $0.frequency != $1.frequency ? $0.frequency < $1.frequency : $0.id < $1.id }
        let queryFeatures = features.compactMap { $0.id >= 0 ? $0.id : nil }.sorted()
        let minLength = required
        let maxLength = minimum > 0 ? (100 * n) / minimum : Int.max
        scratch.generation &+= 1
        if scratch.generation == Int32.max { scratch.generation = 1; for k in scratch.stamp.indices { scratch.stamp[k] = 0 } }
        let generation = scratch.generation
        for f in features.prefix(prefix) where f.id >= 0 {
            for candidate in postings[Int(f.id)] {
                if scratch.stamp[Int(candidate)] == generation { continue }
                scratch.stamp[Int(candidate)] = generation
                let entry = entries[Int(candidate)]
                let m = entry.keys.count
                if m < minLength || m > maxLength { continue }
                let overlap = Self.intersectionCount(queryFeatures, entry.features)
                let bound = 100 * overlap / max(n, m)
                if bound < minimum { continue }
                if let b = best, bound < b.score { continue }
                let s = FuzzyScore.score(text, keys, entry.text, entry.keys)
                if s >= minimum, better(candidate, score: s, than: best) { best = (s, candidate) }
            }
        }
        return best
    }

    static func intersectionCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    /// True if a 100% match's neighbours in the TM equal the segment's neighbours in the file.
    func isContextMatch(exact: String, previous: String, next: String) -> Bool {
        exactMatches(exact).contains { entries[Int($0)].previousExact == previous && entries[Int($0)].nextExact == next }
    }
}

/// Maps `0..<count` in parallel over the available cores, keeping order.
func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    if count < 2048 { return (0..<count).map(transform) }
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = (count + workers * 8 - 1) / (workers * 8)
    let chunks = (count + chunk - 1) / chunk
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        // Each index is written by exactly one worker; the buffer outlives the parallel loop.
        nonisolated(unsafe) let base = buffer.baseAddress!
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk, end = min(count, start + chunk)
            for i in start..<end { base[i] = transform(i) }
        }
    }
    return results.map { $0! }
}
