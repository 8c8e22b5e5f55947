/// Tandem's fuzzy score, 0…100 (see docs/analysis.md, "Fuzzy score"):
/// - identical normalised text scores 100, anything else at most 99;
/// - base: 100 when the key sequences (words in lower case, numbers as one placeholder) are
///   equal, else `floor(100 × (L − d) / L)` with `d` the token-level Levenshtein distance and `L`
///   the longer key sequence;
/// - fixed penalties: inline codes differ (kind or position) 2, numbers differ 2, punctuation
///   differs 1, case differs (only when the keys are equal) 1.
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
                let id = Int32(vocabulary.count)
                vocabulary[key] = id
                return id
            }
        }
        return score(a, ids(a.keys), b, ids(b.keys))
    }

    /// Score with the keys already interned (the TM index path).
    static func score(_ a: MatchText, _ aKeys: [Int32], _ b: MatchText, _ bKeys: [Int32]) -> Int {
        if a.exact == b.exact { return 100 }
        let length = max(aKeys.count, bKeys.count)
        let distance = aKeys == bKeys ? 0 : levenshtein(aKeys, bKeys)
        var score = distance == 0 ? 100 : 100 * (length - distance) / length
        if distance == 0 && a.words != b.words { score -= casePenalty }
        if a.punctuation != b.punctuation { score -= punctuationPenalty }
        if a.numbers != b.numbers { score -= numberPenalty }
        if a.codes != b.codes { score -= codePenalty }
        return max(0, min(99, score))
    }
    static func levenshtein(_ a: [Int32], _ b: [Int32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let width = short.count + 1
        var previous = Array(0..<width)
        var current = [Int](repeating: 0, count: width)
        for i in 1...long.count {
            current[0] = i
            let li = long[i - 1]
            for j in 1..<width {
                let cost = short[j - 1] == li ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[width - 1]
    }
}
