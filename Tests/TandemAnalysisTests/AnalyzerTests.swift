import Foundation
import Testing

@testable import TandemAnalysis

@Suite("Analysis rules: repetitions, context, bands, grids")
struct AnalyzerTests {
    @Test("Repetitions within a file and across files; the first occurrence keeps its band")
    func repetitions() {
        let a = document("a.txt", ["Hello world.", "Goodbye.", "Hello  world."])
        let b = document("b.txt", ["Hello world.", "New text here."])
        let result = Analyzer.analyze([a, b], memory: nil)
        #expect(result.files[0].bands[.new] == Counts(segments: 2, words: 3, characters: 19))
        #expect(result.files[0].bands[.repetition] == Counts(segments: 1, words: 2, characters: 11))
        #expect(result.files[0].repetitions.withinFile.segments == 1)
        #expect(result.files[1].bands[.repetition].segments == 1)
        #expect(result.files[1].repetitions.crossFile.segments == 1)
        #expect(result.files[1].bands[.new].segments == 1)
        #expect(result.total.segments == 5)
        #expect(result.total.words == 10)
        #expect(result.total.bands[.repetition].segments == 2)
    }

    @Test("Context match: a 100% match whose previous and next segments match the TM's neighbours")
    func context() throws {
        let tm = try memory([("First one.", "Premier."), ("Second one.", "Deuxième."), ("Third one.", "Troisième.")])
        let doc = document("d.txt", ["First one.", "Second one.", "Other thing."])
        let result = Analyzer.analyze([doc], memory: tm, settings: AnalysisSettings(includeDetails: true))
        let bands = result.files[0].details!.map(\.band)
        #expect(bands == [.context, .exact, .new])
        #expect(result.files[0].details![1].match == TMReference(tm: "tm.tmx", unit: 2, tuid: "t2"))
    }

    @Test("A fuzzy score of 75 falls in 75-84 with the standard boundaries")
    func standardBoundaries() throws {
        let tm = try memory([("Open the file now", "Ouvrez le fichier maintenant")])
        let doc = document("d.txt", ["Open the file later"])  // scores 75
        #expect(Analyzer.analyze([doc], memory: tm).total.bands[.fuzzyLow].segments == 1)
    }

    @Test("Fuzzy bands follow configured boundaries: 75 falls in the lowest band when it starts at 60")
    func configuredBoundaries() throws {
        let tm = try memory([("Open the file now", "Ouvrez le fichier maintenant")])
        let doc = document("d.txt", ["Open the file later"])  // scores 75
        let strict = AnalysisSettings(boundaries: try BandBoundaries(high: 95, middle: 85, low: 80, lowest: 60))
        #expect(Analyzer.analyze([doc], memory: tm, settings: strict).total.bands[.fuzzyLowest].segments == 1)
    }

    @Test("Boundaries out of order are refused")
    func unorderedBoundaries() {
        #expect(throws: AnalysisError.self) { try BandBoundaries(high: 80, middle: 85, low: 75, lowest: 50) }
    }

    @Test(
        "Band of a score",
        arguments: [
            (100, Band.exact), (99, .fuzzyHigh), (95, .fuzzyHigh), (94, .fuzzyMiddle), (85, .fuzzyMiddle),
            (84, .fuzzyLow), (75, .fuzzyLow), (74, .fuzzyLowest), (50, .fuzzyLowest), (49, .new),
        ])
    func bandOfScore(score: Int, band: Band) {
        #expect(BandBoundaries.standard.band(for: score) == band)
    }

    @Test("Non-translatable segments are reported apart and not priced")
    func nonTranslatable() {
        var doc = document("d.txt", ["Translate me please.", "Do not touch."])
        doc.segments[1].translatable = false
        let result = Analyzer.analyze([doc], memory: nil, settings: AnalysisSettings(grid: .full))
        #expect(result.total.segments == 1)
        #expect(result.total.words == 3)
        #expect(result.total.nonTranslatable == Counts(segments: 1, words: 3, characters: 11))
        #expect(result.weightedWords == 3)
    }

    @Test("Weighted words with the Trados grid")
    func tradosGrid() {
        let doc = document("d.txt", ["One two three.", "One two three.", "Four five."])
        let result = Analyzer.analyze([doc], memory: nil, settings: AnalysisSettings(grid: .tradosGoldenRule))
        // new 5 words × 100% + repetition 3 words × 30% = 5.9
        #expect(result.weightedWords == 5.9)
    }

    @Test("A custom grid spec: named bands take their weight, the others 100%")
    func customGrid() throws {
        let custom = try WeightingGrid(spec: "repetition=50, new=80")
        #expect(custom.weight(.repetition) == 50 && custom.weight(.new) == 80 && custom.weight(.fuzzyHigh) == 100)
    }

    @Test("A preset name is a grid spec")
    func presetGrid() throws {
        #expect(try WeightingGrid(spec: "agency") == .agencyExample)
    }

    @Test("A grid spec with an unknown band is refused")
    func badGrid() {
        #expect(throws: AnalysisError.self) { try WeightingGrid(spec: "bogus=10") }
    }
}
