import Foundation
import Testing

@testable import TandemAnalysis

@Suite("Every sample in shared/data")
struct SampleDataTests {
    static let documents = SharedData.files(in: "", extensions: ["xlf", "sdlxliff", "tmx", "po"])
        .filter {
            !$0.path.contains("xliff2-oasis-test-suite/core/invalid")
                && !$0.path.contains("xliff2-oasis-test-suite/modules/invalid")
        }

    @Test("Sample files parse", arguments: documents)
    func parses(url: URL) throws {
        if url.lastPathComponent == "invalid_xml_entity.xlf" {
            // Documented as invalid XML (a control character): refused with its position.
            #expect(throws: AnalysisError.self) { _ = try DocumentReader.read(contentsOf: url) }
            return
        }
        let doc = try DocumentReader.read(contentsOf: url)
        #expect(!doc.segments.isEmpty || url.path.contains("xliff2-oasis"))
    }

    @Test("TMX samples load as translation memories")
    func memories() throws {
        let url = SharedData.url("omegat-match-stat-golden/test-match-stat-en-ca.tmx")
        let tm = try TranslationMemory(
            sources: [.init(name: "tm", data: Data(contentsOf: url))], sourceLanguage: tag("en"),
            targetLanguage: tag("ca"))
        #expect(tm.count == 259)  // 259 tu, each with en and ca
    }

    @Test("OmegaT golden set: PO and its XLIFF conversion analyse identically")
    func golden() throws {
        let base = "omegat-match-stat-golden/"
        let settings = AnalysisSettings(sourceLanguage: tag("en"), targetLanguage: tag("ca"))
        let tm: [AnalysisInput] = [.file(SharedData.url(base + "test-match-stat-en-ca.tmx"))]
        var whole = settings
        whole.splitsUnits = false
        for settings in [settings, whole] {
            let po = try AnalysisEngine.analyze(
                files: [.file(SharedData.url(base + "file-POFilter-match-stat-en-ca.po"))], memories: tm,
                settings: settings)
            let xlf = try AnalysisEngine.analyze(
                files: [.file(SharedData.url(base + "golden-en-ca.xlf"))], memories: tm, settings: settings)
            // 107 entries; split into sentences, some of them hold two or more.
            #expect(settings.splitsUnits ? po.total.segments > 107 : po.total.segments == 107)
            #expect(po.total.bands == xlf.total.bands)
        }
    }
}
