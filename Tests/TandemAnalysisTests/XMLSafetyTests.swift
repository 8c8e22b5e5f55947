import Foundation
import Testing

@testable import TandemAnalysis

/// The prolog scan must find an entity declaration however the prolog is dressed up.
@Suite("XML safety: the prolog scan is exact")
struct XMLSafetyTests {
    static let bomb = #"<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>"#
    static let body =
        #"<xliff version="1.2"><file source-language="en" datatype="plaintext" original="x"><body/></file></xliff>"#

    func isRefused(_ data: Data) -> Bool {
        do {
            try XMLSafety.checkProlog(data, fileName: "f.xlf")
            return false
        } catch let error as AnalysisError {
            return error.kind == .unsafe
        } catch {
            return false
        }
    }

    func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> Data {
        var data = Data(mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : [])
        for unit in text.utf16 {
            let bytes = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            data.append(contentsOf: bigEndian ? bytes : bytes.reversed())
        }
        return data
    }

    @Test func aProcessingInstructionWithAnAngleBracketBeforeTheDoctype() {
        let xml = "<?xml version=\"1.0\"?>\n<?tool run <fast> ?>\n" + Self.bomb + Self.body
        #expect(isRefused(Data(xml.utf8)))
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func utf16WithAndWithoutAByteOrderMark(bigEndian: Bool, mark: Bool) {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + Self.bomb + Self.body
        #expect(isRefused(utf16(xml, bigEndian: bigEndian, mark: mark)))
    }

    @Test func aDeclarationAfterTheFirstMebibyte() {
        let padding = "<!--" + String(repeating: "x", count: 1_200_000) + "-->\n"
        #expect(isRefused(Data(("<?xml version=\"1.0\"?>\n" + padding + Self.bomb + Self.body).utf8)))
    }

    @Test func aQuotedBracketDoesNotEndTheInternalSubset() {
        let xml = #"<!DOCTYPE xliff [<!ATTLIST xliff note CDATA "]>"><!ENTITY a "x">]>"# + Self.body
        #expect(isRefused(Data(xml.utf8)))
    }

    @Test func utf32IsRefused() {
        #expect(isRefused(Data([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x3C])))
    }

    @Test func theErrorPointsAtTheDeclaration() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n  <!ENTITY a \"x\">]>" + Self.body
        let error = try #require(throws: AnalysisError.self) {
            try XMLSafety.checkProlog(Data(xml.utf8), fileName: "f")
        }
        #expect(error.line == 3 && error.column == 3)
    }

    @Test(arguments: [
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff>\n",
        "<!-- <!ENTITY in a comment> -->\n<!DOCTYPE xliff [<!-- <!ENTITY a \"x\"> -->]>",
        "\u{FEFF}<?xml version=\"1.0\"?><?pi <!ENTITY ?>",
        "",
    ])
    func documentsWithoutDeclarationsPass(_ prolog: String) {
        #expect(!isRefused(Data((prolog + Self.body).utf8)))
    }

    @Test func theScanStopsAtTheRootElement() {
        // Text after the root start is the parser's business (it refuses entity references).
        #expect(!isRefused(Data((Self.body + "<!ENTITY a \"x\">").utf8)))
    }
}
