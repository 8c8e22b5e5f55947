import Foundation
import TandemDomain

extension TranslationMemory {
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
        var i = 0
        var j = start
        var count = 0
        while i < a.count && j < end {
            if a[i] == flatFeatures[j] {
                count += 1
                i += 1
                j += 1
            } else if a[i] < flatFeatures[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }

    /// True if a 100% match's neighbours in the TM equal the segment's neighbours in the file.
    func isContextMatch(exact: String, previous: String, next: String) -> Bool {
        exactMatches(exact).contains {
            entries[Int($0)].previousExact == previous && entries[Int($0)].nextExact == next
        }
    }
}
