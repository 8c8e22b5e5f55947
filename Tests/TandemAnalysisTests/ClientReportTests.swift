import Foundation
import Testing

@testable import TandemAnalysis

@Suite("Client analysis reports")
struct ClientReportTests {
    @Test("Trados Studio Analyze Files XML")
    func trados() throws {
        let url = try Fixtures.url("trados-analysis-reports/Analyze Files en-US_en-GB.xml")
        let result = try ClientReport.result([.file(url)])
        #expect(result.files.map(\.name) == ["Test5.docx.sdlxliff"])
        #expect(result.total.bands[.new] == Counts(segments: 2, words: 27, characters: 98))
        #expect(result.total.segments == 2)
    }

    @Test("Trados bands: perfect and in-context exact → context, locked apart, fuzzy by its minimum")
    func tradosMapping() throws {
        let xml = """
            <task name="analyse"><file name="a.sdlxliff"><analyse>
            <perfect segments="1" words="10" characters="50"/><inContextExact segments="2" words="5" characters="20"/>
            <exact segments="3" words="6" characters="30"/><locked segments="1" words="4" characters="16"/>
            <crossFileRepeated segments="1" words="2" characters="8"/><repeated segments="2" words="3" characters="12"/>
            <total segments="99" words="999" characters="9999"/><new segments="4" words="40" characters="200"/>
            <fuzzy min="50" max="74" segments="1" words="7" characters="35"/><fuzzy min="95" max="99" segments="1" words="9" characters="45"/>
            </analyse></file></task>
            """
        let files = try ClientReport.read(Data(xml.utf8), name: "r.xml")
        let f = try #require(files.first)
        #expect(f.bands[.context] == Counts(segments: 3, words: 15, characters: 70))
        #expect(f.bands[.exact].words == 6)
        #expect(f.bands[.repetition] == Counts(segments: 3, words: 5, characters: 20))
        #expect(f.repetitions.crossFile.segments == 1 && f.repetitions.withinFile.segments == 2)
        #expect(f.bands[.fuzzyLowest].words == 7 && f.bands[.fuzzyHigh].words == 9)
        #expect(f.nonTranslatable.words == 4)
        #expect(f.words == 15 + 6 + 5 + 40 + 7 + 9)
    }

    static func memoQ(_ rows: [[String]]) -> Data {
        let bands = [
            "X-translated", "101%", "Repetitions", "100%", "95% - 99%", "85% - 94%", "75% - 84%", "50% - 74%",
            "No match", "Fragments", "Total",
        ]
        let fields = [
            "Segments", "Words", "Characters", "Asian characters", "Tags", "Reserved1", "Reserved2", "Reserved3",
        ]
        var lines = ["\t\t" + bands.map { $0 + String(repeating: "\t", count: 7) }.joined(separator: "\t")]
        lines.append("File\tChar/Word\t" + bands.map { _ in fields.joined(separator: "\t") }.joined(separator: "\t"))
        lines += rows.map { $0.joined(separator: "\t") }
        var data = Data([0xFF, 0xFE])
        data.append((lines.joined(separator: "\r\n") + "\r\n").data(using: .utf16LittleEndian)!)
        return data
    }

    @Test("memoQ statistics CSV: UTF-16, tabs, two header rows")
    func memoQ() throws {
        func band(_ s: Int, _ w: Int, _ c: Int) -> [String] { ["\(s)", "\(w)", "\(c)", "0", "0", "0", "0", "0"] }
        let zero = band(0, 0, 0)
        let row =
            ["a.docx", "0"] + band(1, 4, 20) + band(1, 5, 25) + band(2, 10, 50) + zero + zero + zero + zero
            + band(1, 3, 15) + band(3, 20, 100) + band(1, 2, 10) + band(9, 44, 220)
        let total = ["Total", "0"] + Array(repeating: "7", count: 88)
        let files = try ClientReport.read(Self.memoQ([row, total]), name: "stats.csv")
        #expect(files.count == 1)
        let f = files[0]
        #expect(f.name == "a.docx")
        #expect(f.bands[.context] == Counts(segments: 2, words: 9, characters: 45))  // X-translated + 101%
        #expect(f.bands[.repetition].words == 10)
        #expect(f.bands[.fuzzyLowest].words == 3)
        #expect(f.bands[.new] == Counts(segments: 4, words: 22, characters: 110))  // No match + Fragments
        #expect(f.words == 44)
    }

    @Test("The memoQ template (all zero) reads as one file row of zeros in every band")
    func memoQTemplate() throws {
        let template = try ClientReport.read(try Fixtures.data("memoq-statistics/Analysis-Template.csv"), name: "t.csv")
        #expect(!template.isEmpty)
        #expect(template.allSatisfy { $0.segments == 0 && $0.words == 0 && $0.characters == 0 })
    }

    @Test("Phrase-style CSV with one header row")
    func phrase() throws {
        let csv = """
            "File";"Context match Segments";"Context match Words";"Repetitions Segments";"Repetitions Words";"100% Words";"95%-99% Words";"No match Segments";"No match Words"
            "guide.docx";"1";"12";"2";"8";"30";"4";"5";"100"
            "Total";"1";"12";"2";"8";"30";"4";"5";"100"
            """
        let files = try ClientReport.read(Data(csv.utf8), name: "phrase.csv")
        #expect(files.count == 1)
        #expect(files[0].bands[.context] == Counts(segments: 1, words: 12))
        #expect(files[0].bands[.fuzzyHigh].words == 4)
        #expect(files[0].words == 154)
    }

    @Test("A report through the runner, with a grid")
    func runner() throws {
        let url = try Fixtures.url("trados-analysis-reports/Analyze Files en-US_en-GB.xml")
        let outcome = AnalyzeRunner.run(AnalyzeRequest(files: [url.path], grid: "trados", format: .json))
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"weightedWords\" : 27"))
    }

    @Test("A CSV without band columns is refused through the runner")
    func runnerRefusesCSVWithoutBands() throws {
        let bad = AnalyzeRunner.run(AnalyzeRequest(files: [try temporaryFile("x.csv", Data("a,b\n1,2\n".utf8))]))
        #expect(bad.exitCode == 65 && bad.stderr.contains("no band columns"))
    }
}
