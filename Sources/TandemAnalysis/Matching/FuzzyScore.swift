/// Tandem's fuzzy score, 0…100 (see docs/analysis.md, "Fuzzy score"):
/// - identical normalised text scores 100;
/// - otherwise the token-level Levenshtein distance `d` between the key sequences (words in lower
///   case, numbers as one placeholder, inline codes as another; punctuation and white space left
///   out) gives `floor(100 × (L − d) / L)`, `L` the longer length, capped at 99;
/// - when the key sequences are equal, the score is 100 minus fixed penalties — case 1,
///   punctuation 1, numbers 2, inline codes 2 — and at most 99.
public enum FuzzyScore {
    public static let casePenalty = 1
    public static let punctuationPenalty = 1
    public static let numberPenalty = 2
    public static let codePenalty = 2

    public static func score(_ a: MatchText, _ b: MatchText) -> Int {
        if a.exact == b.exact { return 100 }
        var vocabulary: [String: Int32] = [:]
        func ids(_ keys: [String]) -> [Int32] {
            keys.map { key in
                if let id = vocabulary[key] { return id }
                let id = Int32(vocabulary.count); vocabulary[key] = id; return id
            }
        }
        return score(a, ids(a.keys), b, ids(b.keys))
    }

    /// Score with the keys already interned (the TM index path).
    static func score(_ a: MatchText, _ aKeys: [Int32], _ b: MatchText, _ bKeys: [Int32]) -> Int {
        if a.exact == b.exact { return 100 }
        let length = max(aKeys.count, bKeys.count)
        let distance = levenshtein(aKeys, bKeys)
        if distance == 0 {
            var penalty = 0
            if a.words != b.words { penalty += casePenalty }
            if a.punctuation != b.punctuation { penalty += punctuationPenalty }
            if a.numbers != b.numbers { penalty += numberPenalty }
            if a.codes != b.codes { penalty += codePenalty }
            return max(0, min(99, 100 - penalty))
        }
        return min(99, 100 * (length - distance) / length)
    }

    static func levenshtein(_ a: [Int32], _ b: [Int32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.withUnsafeBufferPointer { s in
            long.withUnsafeBufferPointer { l in
                var previous = [Int](0...s.count)
                var current = [Int](repeating: 0, count: s.count + 1)
                for i in 1...l.count {
                    current[0] = i
                    let li = l[i - 1]
                    for j in 1...s.count {
                        let cost = s[j - 1] == li ? 0 : 1
                        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    }
                    swap(&previous, &current)
                }
                return previous[s.count]
            }
        }
    }
}
