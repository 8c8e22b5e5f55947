import Foundation
import Testing

@testable import TandemAnalysis

@Suite("Translation memory")
struct TranslationMemoryTests {
    @Test("BCP 47 fallback: fr-FR prefers fr over fr-CA; other languages are not loaded")
    func languageFallback() throws {
        let xml = """
            <?xml version="1.0"?><tmx version="1.4"><header srclang="en-US"/><body>
            <tu tuid="a"><tuv xml:lang="en-US"><seg>Open the file</seg></tuv><tuv xml:lang="fr-CA"><seg>Ouvrir le fichier</seg></tuv></tu>
            <tu tuid="b"><tuv xml:lang="en"><seg>Open the file</seg></tuv><tuv xml:lang="fr"><seg>Ouvrez le fichier</seg></tuv></tu>
            <tu tuid="c"><tuv xml:lang="en-US"><seg>Open the file</seg></tuv><tuv xml:lang="de-DE"><seg>Datei öffnen</seg></tuv></tu>
            </body></tmx>
            """
        let tm = try TranslationMemory(
            sources: [.init(name: "tm.tmx", data: Data(xml.utf8))], sourceLanguage: tag("en-US"),
            targetLanguage: tag("fr-FR"))
        #expect(tm.count == 2)
        let match = tm.bestMatch(for: MatchText(text: "Open the file"), minimum: 50, scratch: tm.makeScratch())
        #expect(match?.score == 100)
        #expect(match?.reference.tuid == "b")
    }

    @Test("Best fuzzy match and the minimum score")
    func fuzzy() throws {
        let tm = try memory([
            ("Open the file now", "Ouvrez le fichier maintenant"), ("Close the window", "Fermez la fenêtre"),
        ])
        let scratch = tm.makeScratch()
        let match = tm.bestMatch(for: MatchText(text: "Open the file later"), minimum: 50, scratch: scratch)
        #expect(match?.score == 75)
        #expect(match?.reference.unit == 1)
        #expect(tm.bestMatch(for: MatchText(text: "Something else entirely"), minimum: 50, scratch: scratch) == nil)
    }

    @Test("UTF-16 TMX files load")
    func utf16() throws {
        let url = try Fixtures.url("tmx/lisa-compkit-via-okapi/ImportTest2A.tmx")
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0xFF, 0xFE]))
        var units: [TMXUnit] = []
        let reader = try XMLEventReader(data: data, fileName: url.lastPathComponent, limits: .default)
        let (root, empty) = try reader.root()
        _ = try TMXReader.read(reader, root: root, rootIsEmpty: empty) { units.append($0) }
        #expect(units.count == 7)
        #expect(units.first?.variants.map(\.language) == [tag("en-us"), tag("fr-ca")])
    }

    @Test("Property: adding a TM unit never lowers a segment's best score")
    func monotonic() throws {
        let sentences = FuzzyScoreTests.sentences(count: 160, seed: 11)
        let queries = Array(sentences.prefix(40))
        let pool = Array(sentences.dropFirst(40))
        var previous = [Int](repeating: 0, count: queries.count)
        for size in stride(from: 10, through: pool.count, by: 30) {
            let tm = try memory(pool.prefix(size).map { ($0.replacingOccurrences(of: "&", with: ""), "x") })
            let scratch = tm.makeScratch()
            for (i, q) in queries.enumerated() {
                let s = tm.bestMatch(for: MatchText(text: q), minimum: 1, scratch: scratch)?.score ?? 0
                #expect(s >= previous[i], "query \(q) at TM size \(size)")
                previous[i] = s
            }
        }
    }

    @Test("The index finds what brute force finds")
    func exhaustive() throws {
        let sentences = FuzzyScoreTests.sentences(count: 200, seed: 3)
        let queries = Array(sentences.prefix(50))
        let units = Array(sentences.dropFirst(50))
        let tm = try memory(units.map { ($0, "x") })
        let scratch = tm.makeScratch()
        for q in queries {
            let brute = units.map { FuzzyScore.score(MatchText(text: q), MatchText(text: $0)) }.filter { $0 >= 50 }
                .max()
            #expect(tm.bestMatch(for: MatchText(text: q), minimum: 50, scratch: scratch)?.score == brute)
        }
    }
}
