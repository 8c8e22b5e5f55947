import Testing

@testable import TandemAnalysis

@Suite("Word and character counts")
struct WordCountTests {
    @Test("Latin words: UAX #29 boundaries, a token counts if it holds a letter or digit")
    func latin() {
        #expect(WordCounter.count("Hello, world!") == TextMetrics(words: 2, characters: 12))
        #expect(WordCounter.count("can't stop").words == 2)  // apostrophe joins letters
        #expect(WordCounter.count("3.14 is pi").words == 3)  // decimal point joins digits
        #expect(WordCounter.count("well-known e-mail").words == 4)  // hyphen splits
        #expect(WordCounter.count("--- … !!").words == 0)  // punctuation only
        #expect(WordCounter.count("snake_case v2 2024").words == 3)
        #expect(WordCounter.count("  spaced   out  ").characters == 9)
    }

    @Test("Inline codes are not counted")
    func codes() {
        let segment = SourceSegment(
            id: "1", content: [.code(.open), .text("Bold"), .code(.close), .text(" text"), .code(.standalone)])
        #expect(segment.plainText == "Bold text")
        #expect(WordCounter.count(segment.plainText) == TextMetrics(words: 2, characters: 8))
    }

    @Test("Chinese, Japanese, Korean and Thai: characters ÷ 2.8, 3.0, 3.3, 6.0")
    func logographic() {
        #expect(abs(WordCounter.count("我爱北京", language: tag("zh-CN")).words - 4 / 2.8) < 1e-9)
        #expect(abs(WordCounter.count("日本語です", language: tag("ja")).words - 5 / 3.0) < 1e-9)
        #expect(abs(WordCounter.count("안녕하세요", language: tag("ko")).words - 5 / 3.3) < 1e-9)
        // 7 Thai letters, 3 combining vowel marks not counted; 7 grapheme clusters.
        let thai = WordCounter.count("สวัสดีครับ", language: tag("th"))
        #expect(abs(thai.words - 7 / 6.0) < 1e-9)
        #expect(thai.characters == 7)
        // Mixed: two Latin/number words plus two Han characters.
        #expect(abs(WordCounter.count("Windows 10 版本", language: tag("zh")).words - (2 + 2 / 2.8)) < 1e-9)
    }

    @Test("Tokenizer kinds")
    func tokens() {
        let kinds = Tokenizer.tokens("Hi, 42 日!").map(\.kind)
        #expect(kinds == [.word, .punctuation, .number, .logogram(.han), .punctuation])
    }
}
