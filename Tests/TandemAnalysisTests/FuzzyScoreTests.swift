import Testing

@testable import TandemAnalysis

@Suite("Fuzzy score")
struct FuzzyScoreTests {
    func score(_ a: String, _ b: String) -> Int { FuzzyScore.score(MatchText(text: a), MatchText(text: b)) }

    @Test("Hand-checked scores")
    func handChecked() {
        #expect(score("The cat sat on the mat.", "The cat sat on the mat.") == 100)
        #expect(score("The cat  sat on the mat.", "The cat sat on the mat.") == 100)  // white space is normalised
        #expect(score("The cat sat on the mat.", "The cat sat on the hat.") == 83)  // d=1, L=6: floor(500/6)
        #expect(score("The cat sat on the mat.", "The cat sat on the mat") == 99)  // punctuation −1
        #expect(score("Hello world", "hello world") == 99)  // case −1
        #expect(score("Version 2 is out", "Version 3 is out") == 98)  // numbers −2
        #expect(score("Open the file", "Close the file") == 66)  // d=1, L=3
        #expect(score("Save", "Save all changes now") == 25)  // d=3, L=4
        #expect(score("Save, then close", "Save then close") == 99)
        #expect(score("alpha beta", "gamma delta") == 0)
    }

    @Test("Inline codes: a fixed penalty of 2")
    func codes() {
        let tagged = MatchText([.code(.open), .text("Bold"), .code(.close), .text(" text")])
        let plain = MatchText(text: "Bold text")
        let moved = MatchText([.text("Bold "), .code(.open), .text("text"), .code(.close)])
        #expect(FuzzyScore.score(tagged, plain) == 98)
        #expect(FuzzyScore.score(tagged, moved) == 98)
        #expect(FuzzyScore.score(tagged, tagged) == 100)
    }

    static let vocabulary = [
        "the", "The", "file", "open", "close", "3", "42", ",", ".", "save", "all", "Save", "now", "é", "日本",
    ]

    /// Deterministic pseudo-random sentences (a linear congruential generator).
    static func sentences(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(1 + next() % 8)).map { _ in vocabulary[next() % vocabulary.count] }.joined(separator: " ")
        }
    }

    @Test("Properties: identical → 100, within 0…100, symmetric, 100 only when identical")
    func properties() {
        let texts = Self.sentences(count: 120, seed: 7)
        for a in texts {
            #expect(score(a, a) == 100)
            for b in texts.prefix(40) {
                let s = score(a, b)
                #expect((0...100).contains(s))
                #expect(s == score(b, a))
                if s == 100 { #expect(MatchText(text: a).exact == MatchText(text: b).exact) }
            }
        }
    }
}
