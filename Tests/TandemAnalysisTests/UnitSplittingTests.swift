import Foundation
import TandemDomain
import Testing

@testable import TandemAnalysis

/// The whole-unit texts of the XLIFF 1.2 samples (the one documented as invalid XML left out).
func sampleTexts() throws -> [String] {
    var texts: [String] = []
    for url in try Fixtures.requiredFiles(in: "xliff12", extensions: ["xlf", "xliff", "sdlxliff"])
    where url.lastPathComponent != "invalid_xml_entity.xlf" {
        let doc = try DocumentReader.read(contentsOf: url, options: DocumentReader.Options(splitsUnits: false))
        texts += doc.segments.map(\.plainText)
    }
    return texts
}

/// XLIFF 1.2 units without `<seg-source>` are split into sentences by the SRX rules, as CAT tools
/// do when they open such files (docs/analysis.md, "Segmentation").
@Suite("Sentences of unsegmented XLIFF 1.2 units")
struct UnitSplittingTests {
    static func xliff(_ units: [String], language: String = "en") -> Data {
        var xml =
            #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="\#(language)" target-language="fr" datatype="x" original="o"><body>"#
        for (i, unit) in units.enumerated() {
            xml += #"<trans-unit id="u\#(i + 1)"><source>\#(unit)</source></trans-unit>"#
        }
        return Data((xml + "</body></file></xliff>").utf8)
    }

    func read(_ units: [String], language: String = "en", split: Bool = true) throws -> SourceDocument {
        try DocumentReader.read(
            Self.xliff(units, language: language), name: "u.xlf", options: DocumentReader.Options(splitsUnits: split))
    }

    @Test("Two sentences become two segments; a single sentence keeps its unit id")
    func sentences() throws {
        let doc = try read(["Save the file. Close the window.", "Stop."])
        #expect(doc.segments.map(\.id) == ["u1/1", "u1/2", "u2"])
        #expect(
            doc.segments.map { $0.plainText.trimmingCharacters(in: .whitespaces) } == [
                "Save the file.", "Close the window.", "Stop.",
            ])
    }

    @Test("Whole units (splitsUnits false) keep one segment per unit")
    func wholeUnits() throws {
        let doc = try read(["Save the file. Close the window."], split: false)
        #expect(doc.segments.map(\.id) == ["u1"])
    }

    @Test("--whole-units through the runner counts one segment instead of two")
    func wholeUnitsOption() throws {
        let file = try temporaryFile("w.xlf", Self.xliff(["Save the file. Close the window."]))
        let split = AnalyzeRunner.run(AnalyzeRequest(files: [file], format: .csv))
        let whole = AnalyzeRunner.run(AnalyzeRequest(files: [file], format: .csv, wholeUnits: true))
        #expect(split.stdout.contains("TOTAL,new,2,6,"), "\(split.stdout)")
        #expect(whole.stdout.contains("TOTAL,new,1,6,"), "\(whole.stdout)")
    }

    @Test("PO entries are split too, with ids line/1, line/2")
    func po() throws {
        let po =
            "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Open the file. Then save it.\"\nmsgstr \"\"\n"
        let doc = try DocumentReader.read(
            Data(po.utf8), name: "m.po", options: DocumentReader.Options(sourceLanguage: try LanguageTag("en")))
        #expect(doc.segments.map(\.id) == ["4/1", "4/2"])
    }

    @Test(
        "Abbreviations of the source language do not end a sentence",
        arguments: [
            ("Ask Dr. Smith. Then leave.", "en", 2), ("Voir M. Dupont. Puis partir.", "fr", 2),
            ("Call e.g. support now.", "en", 1),
        ])
    func abbreviations(text: String, language: String, sentences: Int) throws {
        #expect(try read([text], language: language).segments.count == sentences)
    }

    @Test("Codes stay with their text; a closing code at a boundary ends the sentence before it")
    func codes() throws {
        let doc = try read([#"Press <g id="1">Start</g>. Then <x id="2"/>go."#, #"<g id="3">One.</g> Two."#])
        #expect(doc.segments.count == 4)
        #expect(doc.segments[0].content == [.text("Press "), .code(.open), .text("Start"), .code(.close), .text(".")])
        #expect(doc.segments[1].content == [.text(" Then "), .code(.standalone), .text("go.")])
        #expect(doc.segments[2].content == [.code(.open), .text("One."), .code(.close)])
        #expect(doc.segments[3].content == [.text(" Two.")])
    }

    @Test("Full-width terminators split without a space")
    func fullWidth() throws {
        #expect(try read(["ファイルを保存します。ウィンドウを閉じます。"], language: "ja").segments.count == 2)
    }

    @Test("A sentence repeated inside a longer unit is a repetition, as a CAT tool counts it")
    func repetitions() throws {
        let doc = try read(["Save the file. Close the window.", "Close the window."])
        let result = Analyzer.analyze(
            [doc], memory: nil,
            settings: AnalysisSettings(sourceLanguage: try LanguageTag("en"), targetLanguage: try LanguageTag("fr")))
        #expect(result.total.bands[.repetition].segments == 1)
        #expect(result.total.segments == 3)
    }

    @Test("Segments marked in seg-source are never split again")
    func segSourceWins() throws {
        let data = Data(
            #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" datatype="x" original="o"><body><trans-unit id="a"><source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One. Two.</mrk></seg-source></trans-unit></body></file></xliff>"#
                .utf8)
        #expect(try DocumentReader.read(data, name: "s.xlf").segments.map(\.id) == ["a/1"])
    }

    @Test("The quick test never hides a break the rules would make", arguments: ["en", "fr", "de", "ja"])
    func prefilterIsSafe(language: String) throws {
        let segmenter = Segmenter(rules: .standard, language: try LanguageTag(language))
        var texts = [
            "One. Two.", "Stop.", "Wait… and see", "Really?! Yes.", "(See above.) Next", "a.b", "End:\nNext", "x; y",
            "“Quoted.” Then",
            "1. 2. 3.", "Mr. X", "。", "終わり。次", "Fin ! Suite", "Ende. \u{00A0}Nächste", "done.\tnext", "A.\u{2028}B",
        ]
        texts += try sampleTexts()
        #expect(texts.count > 100)
        // Breaks the quick test skips may exist (before trailing white space), but they must not
        // make a second sentence.
        for text in texts where !UnitSplitter.mayHoldSeveralSentences([.text(text)]) {
            #expect(
                UnitSplitter.split([.text(text)], at: segmenter.breaks(in: text)).count == 1, "\(text.debugDescription)"
            )
            // The plain-text and DOCX path skips the rules on the same test: same sentences.
            let sentences = UnitSplitter.split([.text(text)], at: segmenter.breaks(in: text))
                .map { SourceSegment(id: "", content: $0).plainText.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            #expect(segmenter.segment(text) == sentences, "\(text.debugDescription)")
        }
    }
}

/// Long texts are searched in one pass per rule (a zero-width match at each position where the
/// rule's "before" starts), short ones match by match from just after the previous match's
/// start. Both are compared with a plain reference of the match-by-match search on the samples'
/// texts, with Tandem's rules and Okapi's.
@Suite("SRX breaks: one pass per rule and match by match agree")
struct SegmenterBreaksTests {
    /// The replaced search (anchoring bounds off, so that `^` means the text's start, as it does now).
    static func reference(_ rules: SRXRules, _ language: LanguageTag?, _ text: String) -> [Int] {
        let compiled: [(Bool, NSRegularExpression)] = rules.rules(for: language).compactMap { rule in
            let before = rule.before.isEmpty ? "" : "(?:\(rule.before))"
            let after = rule.after.isEmpty ? "" : "(?=(?:\(rule.after)))"
            guard !(before.isEmpty && after.isEmpty), let regex = try? NSRegularExpression(pattern: before + after)
            else { return nil }
            return (rule.breaks, regex)
        }
        let length = (text as NSString).length
        var decision: [Int: Bool] = [:]
        for (breaks, regex) in compiled {
            var start = 0
            while start < length,
                let match = regex.firstMatch(
                    in: text, options: [.withoutAnchoringBounds, .withTransparentBounds],
                    range: NSRange(location: start, length: length - start))
            {
                let position = match.range.location + match.range.length
                if position > 0, position < length, decision[position] == nil { decision[position] = breaks }
                start = match.range.location + 1
            }
        }
        return decision.filter(\.value).keys.sorted()
    }

    @Test("Same breaks as the one-search-per-match reference")
    func sameBreaks() throws {
        var texts = [
            "One. Two.", "Ask Dr. Smith. Then leave.", "Wait... and see. Then GO!", "A. B. C. Done.", "終わり。次。",
            "Fin ! Suite ? Oui.",
            "(See above.) Next", "1. 2. 3. Four", "Ende. Nächste. 3. Mai", "“Quoted.” Then", "End:\nNext", "x; y\n z",
            // Texts with and without what each rule needs (the segmenter skips rules whose characters are absent).
            "No stop here", "Colon: then\nmore. Done", "Dots... lower. Upper", "Dots... Upper", "混在。 Mixed. 次！",
            "Semi;\nColon:\n", "e.g. this. And i.e. that. Etc.", "Mr. Smith... went. Out!",
        ]
        texts += try sampleTexts()
        let okapi = try SRXRules(data: Fixtures.data("srx/okapi-defaultSegmentation.srx"), fileName: "okapi.srx")
        var compared = 0
        for (rules, languages) in [(SRXRules.standard, ["en", "fr", "de", "ja"]), (okapi, ["en", "fr", "de"])] {
            for language in languages {
                let tag = try LanguageTag(language)
                let segmenter = Segmenter(rules: rules, language: tag)
                for text in texts {
                    let expected = Self.reference(rules, tag, text)
                    #expect(
                        segmenter.breaks(in: text, onePass: true) == expected,
                        "\(language), one pass: \(text.debugDescription)")
                    #expect(
                        segmenter.breaks(in: text, onePass: false) == expected,
                        "\(language), match by match: \(text.debugDescription)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }

    @Test("A unit of 20,000 sentences is split into 20,000 sentences")
    func longUnit() throws {
        // The replaced search took 11 s on this text in a debug build, and grew with its square.
        let text = String(repeating: "Hello world. ", count: 20_000)
        let segmenter = Segmenter(rules: .standard, language: try LanguageTag("en"))
        #expect(segmenter.breaks(in: text).count == 20_000)  // the last one before the trailing space
        #expect(segmenter.segment(text).count == 20_000)
    }
}

@Suite("What a rule needs before its regular expression runs")
struct RequiredTextTests {
    @Test("Read off simple leading classes and literals; nil where it cannot be vouched for")
    func extraction() {
        #expect(RequiredText.of(pattern: #"[\.\?!…]+['"\)\]\}’”»]*"#) == .anyOf(.init([".", "?", "!", "…"])))
        #expect(RequiredText.of(pattern: "[。！？]+[」』）]*") == .anyOf(.init(["。", "！", "？"])))
        #expect(RequiredText.of(pattern: "[:;]") == .anyOf(.init([":", ";"])))
        #expect(RequiredText.of(pattern: #"\.\.\."#) == .literal("..."))
        #expect(RequiredText.of(pattern: "etc\\.") == .literal("etc."))
        #expect(RequiredText.of(pattern: "ab?c") == .literal("a"))
        #expect(RequiredText.of(pattern: "ab+") == .literal("ab"))
        for pattern in [
            #"\b(?:Mr|Dr)\."#, #"(?:^|\s)\p{Lu}\."#, "[a-z]", "[^.]", "[.]*", "[.]?", "[.]{0,2}", "a|[.]", "(?i)[k]",
            "[:Lu:]", #"[\p{Lu}]"#, #"\d\."#, "^x", ".x", "", "[]", "[[.]]", "x*",
        ] {
            #expect(RequiredText.of(pattern: pattern) == nil, "\(pattern)")
        }
    }

    @Test("Presence in a text")
    func presence() {
        #expect(RequiredText.anyOf(.init([":", ";"])).isPresent(in: "a; b"))
        #expect(!RequiredText.anyOf(.init([":", ";"])).isPresent(in: "a, b. c"))
        #expect(RequiredText.anyOf(.init(["。"])).isPresent(in: "終わり。"))
        #expect(RequiredText.anyOf(.init([":"])).isPresent(in: "café: oui"))
        #expect(!RequiredText.anyOf(.init([":", "…"])).isPresent(in: "café; oui"))
        #expect(RequiredText.anyOf(.init([":", "…"])).isPresent(in: "café… oui"))
        #expect(RequiredText.literal("...").isPresent(in: "Wait... and"))
        #expect(!RequiredText.literal("...").isPresent(in: "Wait.. and."))
        #expect(RequiredText.literal("é.").isPresent(in: "café. Next"))
        #expect(!RequiredText.literal("long literal").isPresent(in: "short"))
    }
}
