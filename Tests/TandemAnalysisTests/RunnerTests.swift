import Foundation
import Testing

@testable import TandemAnalysis

@Suite("tandem analyze runner: output formats and errors")
struct RunnerTests {
    static let bandKeys: Set<String> = ["context", "repetition", "100", "95-99", "85-94", "75-84", "50-74", "new"]

    func fixture() throws -> (file: String, tm: String) {
        let text = "Open the file now.\nClose the window.\nOpen the file now.\nSomething new.\n"
        return (
            try temporaryFile("doc.txt", Data(text.utf8)),
            try temporaryFile(
                "tm.tmx",
                tmx([
                    ("Open the file now.", "Ouvrez le fichier maintenant."),
                    ("Close the windows.", "Fermez les fenêtres."),
                ]))
        )
    }

    @Test("JSON: files, total, weightedWords; exactly eight bands of segments/words/characters")
    func json() throws {
        let (file, tm) = try fixture()
        let outcome = AnalyzeRunner.run(
            AnalyzeRequest(
                files: [file], memories: [tm], sourceLanguage: "en-US", targetLanguage: "fr-FR", grid: "trados",
                format: .json))
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["files", "total", "weightedWords"])
        let total = try #require(object["total"] as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        for entry in files + [total] {
            #expect(entry["segments"] is Int && entry["words"] is NSNumber && entry["characters"] is Int)
            let bands = try #require(entry["bands"] as? [String: [String: Any]])
            #expect(Set(bands.keys) == Self.bandKeys)
            for band in bands.values { #expect(Set(band.keys) == ["segments", "words", "characters"]) }
        }
        let bands = try #require(total["bands"] as? [String: [String: Any]])
        #expect(bands["context"]?["segments"] as? Int == 0)
        #expect(bands["100"]?["segments"] as? Int == 1)  // "Open the file now." (its neighbours differ from the TM's)
        #expect(bands["95-99"]?["segments"] as? Int == 0)
        #expect(bands["75-84"]?["segments"] as? Int == 0)
        #expect(bands["50-74"]?["segments"] as? Int == 1)  // "Close the window." vs "windows": d=1, L=3 → 66
        #expect(bands["repetition"]?["segments"] as? Int == 1)
        #expect(bands["new"]?["segments"] as? Int == 1)
        // trados: 100% 4 words × 30% + 50-74 3 × 100% + repetition 4 × 30% + new 2 × 100% = 7.4
        #expect(object["weightedWords"] as? Double == 7.4)
    }

    @Test("Details: per-segment rows with band, score and TM unit")
    func details() throws {
        let (file, tm) = try fixture()
        let outcome = AnalyzeRunner.run(
            AnalyzeRequest(
                files: [file], memories: [tm], sourceLanguage: "en-US", targetLanguage: "fr-FR", format: .csv,
                details: true))
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first == "file,segment,band,score,words,characters,translatable,tm,tmUnit,tuid,repetitionOf")
        #expect(lines.count == 5)
        #expect(lines[1].hasSuffix(",1.1,100,100,4,15,yes,\(tm),1,t1,"))
        #expect(lines[3].hasSuffix(",3.1,repetition,100,4,15,yes,\(tm),1,t1,1.1"))
    }

    @Test("CSV and table summaries")
    func summaries() throws {
        let (file, _) = try fixture()
        let csv = AnalyzeRunner.run(AnalyzeRequest(files: [file], sourceLanguage: "en", format: .csv))
        #expect(csv.stdout.hasPrefix("file,band,segments,words,characters\n"))
        #expect(csv.stdout.contains("TOTAL,new,3,9,43\n"))
        #expect(csv.stdout.contains("TOTAL,repetition,1,4,15\n"))
        let table = AnalyzeRunner.run(AnalyzeRequest(files: [file], sourceLanguage: "en"))
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("Total (1 file)"))
    }

    @Test("A missing source language is a clear error")
    func noSourceLanguage() throws {
        let (file, _) = try fixture()
        let noSource = AnalyzeRunner.run(AnalyzeRequest(files: [file]))
        #expect(noSource.exitCode == 65)
        #expect(noSource.stderr.contains("--source-lang"))
    }

    @Test("A TM analysis without a target language is a clear error")
    func noTargetLanguage() throws {
        let (file, tm) = try fixture()
        let noTarget = AnalyzeRunner.run(AnalyzeRequest(files: [file], memories: [tm], sourceLanguage: "en"))
        #expect(noTarget.exitCode == 65)
        #expect(noTarget.stderr.contains("--target-lang"))
    }

    @Test("A malformed language tag exits 65 and prints nothing")
    func badLanguageTag() throws {
        let (file, _) = try fixture()
        let badTag = AnalyzeRunner.run(AnalyzeRequest(files: [file], sourceLanguage: "e n"))
        #expect(badTag.exitCode == 65 && badTag.stdout.isEmpty)
        #expect(badTag.stderr.hasPrefix("--source-lang:1:1: "), "\(badTag.stderr)")
    }

    @Test("A missing file exits 65 with its name")
    func missingFile() {
        let missing = AnalyzeRunner.run(AnalyzeRequest(files: ["/nonexistent/file.xlf"]))
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.hasPrefix("/nonexistent/file.xlf:1:1: "))
    }

    @Test("A bad grid exits 65 and names the option")
    func badGrid() {
        let grid = AnalyzeRunner.run(AnalyzeRequest(files: ["x"], grid: "nope"))
        #expect(grid.exitCode == 65)
        #expect(grid.stderr.hasPrefix("--grid:1:1: "))
    }
}
