import Foundation
import TandemDomain

extension TranslationMemory {
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
}
