import Foundation
import Testing
@testable import TandemAnalysis

@Suite("OASIS XLIFF 2 conformance suite")
struct OASISSuiteTests {
    static let valid = SharedData.files(in: "xliff2-oasis-test-suite/core/valid", extensions: ["xlf"])
        + SharedData.files(in: "xliff2-oasis-test-suite/modules/valid", extensions: ["xlf"])
    static let invalid = SharedData.files(in: "xliff2-oasis-test-suite/core/invalid", extensions: ["xlf"])

    @Test("The suite is there")
    func present() {
        #expect(Self.valid.count >= 25)
        #expect(Self.invalid.count == 119)
    }

    @Test("core/valid and modules/valid documents are accepted", arguments: valid)
    func accepts(url: URL) throws {
        let doc = try DocumentReader.read(contentsOf: url)
        #expect(doc.format == .xliff2)
    }

    @Test("core/invalid documents are refused with a position and a reason", arguments: invalid)
    func refuses(url: URL) {
        do {
            _ = try DocumentReader.read(contentsOf: url)
            Issue.record("accepted \(url.lastPathComponent)")
        } catch let error as AnalysisError {
            #expect(error.kind == .invalid || error.kind == .malformed)
            #expect(error.description.hasPrefix(url.path + ":"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("in-out documents are readable")
    func inOut() throws {
        for url in SharedData.files(in: "xliff2-oasis-test-suite/core/in-out", extensions: ["xlf"]) {
            _ = try DocumentReader.read(contentsOf: url)
        }
    }
}
