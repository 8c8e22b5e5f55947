import Foundation
import Testing

@testable import TandemAnalysis

@Suite("AnalysisEngine: in-memory uploads, as the web layer calls it")
struct EngineTests {
    @Test("Data inputs: files and TMs from memory, languages from the file, JSON round trip")
    func inMemory() throws {
        let xliff = """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en-US" target-language="fr-FR" datatype="x" original="o"><body>
            <trans-unit id="a"><source>Open the file now</source></trans-unit>
            <trans-unit id="b"><source>Open the file later</source></trans-unit>
            </body></file></xliff>
            """
        let result = try AnalysisEngine.analyze(
            files: [.data(Data(xliff.utf8), name: "upload.xlf")],
            memories: [.data(tmx([("Open the file now", "Ouvrez le fichier maintenant")]), name: "client.tmx")],
            settings: AnalysisSettings(grid: .agencyExample, includeDetails: true))
        #expect(result.files[0].sourceLanguage == tag("en-US"))
        #expect(result.files[0].details?.map(\.score) == [100, 75])
        // Not a context match: the next segment differs from what follows the unit in the TM (its end).
        #expect(result.total.bands[.exact].segments == 1)
        #expect(result.total.bands[.fuzzyLow].segments == 1)
        // agency grid: 100% band 0% × 4 + 75-84 70% × 4 = 2.8
        #expect(result.weightedWords == 2.8)
        let decoded = try JSONDecoder().decode(AnalysisResult.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
    }

    @Test("Progress fraction")
    func progress() {
        #expect(AnalysisProgress(phase: .matching, completed: 50, total: 200).fraction == 0.25)
        #expect(AnalysisProgress(phase: .matching, completed: 5, total: 0).fraction == 0)
        #expect(AnalysisProgress(phase: .done, completed: 300, total: 200).fraction == 1)
    }
}
