import Foundation
import Testing

@testable import TandemAnalysis

@Suite("The real-world samples in Tests/Fixtures")
struct SampleDataTests {
    /// Every XLIFF 1.2, SDLXLIFF, TMX and PO sample outside the OASIS suite (which
    /// `OASISSuiteTests` covers), with what it reads to: its format and number of segments
    /// (sentences of unsegmented units included).
    static let expected: [String: (format: DocumentFormat, segments: Int)] = [
        "omegat-match-stat-golden/file-POFilter-match-stat-en-ca.po": (.po, 126),
        "omegat-match-stat-golden/golden-en-ca.xlf": (.xliff12, 126),
        "omegat-match-stat-golden/test-match-stat-en-ca.tmx": (.tmx, 259),
        "quotes/catalogue-printemps.xlf": (.xliff12, 24),
        "quotes/lumiere-en-fr.tmx": (.tmx, 9),
        "sdlxliff/okapi-TS09-12-Test01.sdlxliff": (.xliff12, 41),
        "tmx/lisa-compkit-via-okapi/ExportTest1A.tmx": (.tmx, 4),
        "tmx/lisa-compkit-via-okapi/ExportTest1B.tmx": (.tmx, 2),
        "tmx/lisa-compkit-via-okapi/ExportTest2A.tmx": (.tmx, 6),
        "tmx/lisa-compkit-via-okapi/ImportTest1A.tmx": (.tmx, 2),
        "tmx/lisa-compkit-via-okapi/ImportTest1B.tmx": (.tmx, 1),
        "tmx/lisa-compkit-via-okapi/ImportTest1C.tmx": (.tmx, 3),
        "tmx/lisa-compkit-via-okapi/ImportTest1D.tmx": (.tmx, 3),
        "tmx/lisa-compkit-via-okapi/ImportTest1H.tmx": (.tmx, 3),
        "tmx/lisa-compkit-via-okapi/ImportTest1I.tmx": (.tmx, 1),
        "tmx/lisa-compkit-via-okapi/ImportTest1L.tmx": (.tmx, 1),
        "tmx/lisa-compkit-via-okapi/ImportTest2A.tmx": (.tmx, 7),
        "tmx/lisa-compkit-via-okapi/ImportTest2B.tmx": (.tmx, 7),
        "tmx/okapi-Paragraph_TM.tmx": (.tmx, 7),
        "xliff12/okapi/MQ-12-Test01.xlf": (.xliff12, 121),
        "xliff12/okapi/RB-12-Test02.xlf": (.xliff12, 11),
        "xliff12/okapi/altTrans-100.xlf": (.xliff12, 1),
        "xliff12/okapi/alttrans.xlf": (.xliff12, 1),
        "xliff12/okapi/lqiTest.xlf": (.xliff12, 4),
        "xliff12/okapi/segmented.xlf": (.xliff12, 3),
        "xliff12/ttk-odf2xliff-inline.xlf": (.xliff12, 6),
        "xliff12/ttk-states.xlf": (.xliff12, 8),
    ]

    static let samples = expected.keys.sorted()

    @Test("Each sample is in Tests/Fixtures, and no sample there is left out of this table")
    func inventory() throws {
        let found = Set(
            Fixtures.files(in: "", extensions: ["xlf", "sdlxliff", "tmx", "po"]).map {
                String($0.path.dropFirst(Fixtures.root.path.count + 1))
            }.filter { !$0.hasPrefix("xliff2-oasis-test-suite/") && $0 != "xliff12/okapi/invalid_xml_entity.xlf" })
        for sample in Self.samples { _ = try Fixtures.url(sample) }
        #expect(found == Set(Self.samples))
    }

    @Test("Each sample reads to its format and number of segments", arguments: samples)
    func reads(sample: String) throws {
        let doc = try DocumentReader.read(contentsOf: Fixtures.url(sample))
        let expected = try #require(Self.expected[sample])
        #expect(doc.format == expected.format)
        #expect(doc.segments.count == expected.segments)
    }

    @Test("The sample documented as invalid XML (a control character) is refused with its position")
    func invalidSample() throws {
        let url = try Fixtures.url("xliff12/okapi/invalid_xml_entity.xlf")
        let error = try #require(throws: AnalysisError.self) { try DocumentReader.read(contentsOf: url) }
        #expect(error.kind == .malformed)
        #expect(error.description.hasPrefix(url.path + ":"))
    }

    @Test("TMX samples load as translation memories")
    func memories() throws {
        let url = try Fixtures.url("omegat-match-stat-golden/test-match-stat-en-ca.tmx")
        let tm = try TranslationMemory(
            sources: [.init(name: "tm", data: Data(contentsOf: url))], sourceLanguage: tag("en"),
            targetLanguage: tag("ca"))
        #expect(tm.count == 259)  // 259 tu, each with en and ca
    }

    static func golden(splitsUnits: Bool) throws -> (po: AnalysisResult, xlf: AnalysisResult) {
        let base = "omegat-match-stat-golden/"
        var settings = AnalysisSettings(sourceLanguage: tag("en"), targetLanguage: tag("ca"))
        settings.splitsUnits = splitsUnits
        let tm: [AnalysisInput] = [.file(try Fixtures.url(base + "test-match-stat-en-ca.tmx"))]
        let po = try AnalysisEngine.analyze(
            files: [.file(try Fixtures.url(base + "file-POFilter-match-stat-en-ca.po"))], memories: tm,
            settings: settings)
        let xlf = try AnalysisEngine.analyze(
            files: [.file(try Fixtures.url(base + "golden-en-ca.xlf"))], memories: tm, settings: settings)
        return (po, xlf)
    }

    @Test("OmegaT golden set, whole units: PO and its XLIFF conversion give the same 107 segments and bands")
    func goldenWholeUnits() throws {
        let (po, xlf) = try Self.golden(splitsUnits: false)
        #expect(po.total.segments == 107)
        #expect(po.total.bands == xlf.total.bands)
    }

    @Test("OmegaT golden set, split into sentences: PO and its XLIFF conversion agree")
    func goldenSentences() throws {
        let (po, xlf) = try Self.golden(splitsUnits: true)
        // 107 entries; split into sentences, some of them hold two or more.
        #expect(po.total.segments > 107)
        #expect(po.total.bands == xlf.total.bands)
    }
}
