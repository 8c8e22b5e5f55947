import Foundation
import Testing

@testable import TandemAnalysis

@Suite("Hostile input: exit 65 and a clear message")
struct HostileInputTests {
    func run(_ name: String, _ data: Data) throws -> CommandOutcome {
        AnalyzeRunner.run(AnalyzeRequest(files: [try temporaryFile(name, data)], sourceLanguage: "en"))
    }

    func expectRefused(
        _ outcome: CommandOutcome, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(outcome.exitCode == 65, sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(
            outcome.stderr.range(of: #"^\S+:\d+:\d+: "#, options: .regularExpression) != nil,
            "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        for word in words {
            #expect(
                outcome.stderr.localizedCaseInsensitiveContains(word), "stderr: \(outcome.stderr)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("External entity (XXE) is refused, never resolved")
    func externalEntity() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xliff version="1.2"><file source-language="en"><body><trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>
            """
        let outcome = try run("xxe.xlf", Data(xml.utf8))
        expectRefused(outcome, mentioning: ["entit"])
        #expect(outcome.stderr.contains("xxe.xlf:2:"))
        #expect(!outcome.stderr.contains("root:"))
    }

    @Test("Entity-expansion bomb is refused")
    func billionLaughs() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        xml +=
            "]>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n"
        expectRefused(try run("bomb.tmx", Data(xml.utf8)), mentioning: ["entit"])
    }

    @Test("An external DTD reference is not loaded; the document is read")
    func externalDTD() throws {
        let xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"http://127.0.0.1:9/tmx14.dtd\">\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Hello</seg></tuv></tu></body></tmx>\n"
        let path = try temporaryFile("dtd.tmx", Data(xml.utf8))
        let outcome = AnalyzeRunner.run(AnalyzeRequest(files: [path], sourceLanguage: "en", format: .csv))
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("TOTAL,new,1,1,5\n"), "\(outcome.stdout)")
    }

    @Test("Truncated XML: line and column of the end")
    func truncated() throws {
        let xml =
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Cut he"
        let outcome = try run("cut.xlf", Data(xml.utf8))
        expectRefused(outcome, mentioning: [])
        #expect(
            outcome.stderr.hasPrefix(FileManager.default.temporaryDirectory.path)
                && outcome.stderr.contains("cut.xlf:3:"))
    }

    @Test("Wrong encoding: Latin-1 bytes in a UTF-8 XML document")
    func wrongEncoding() throws {
        var data = Data(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"><file source-language=\"en\"><body><trans-unit id=\"1\"><source>caf"
                .utf8)
        data.append(0xE9)
        data.append(Data("</source></trans-unit></body></file></xliff>".utf8))
        expectRefused(try run("latin1.xlf", data), mentioning: ["UTF-8"])
    }

    @Test("Wrong encoding: Latin-1 bytes in a plain-text file")
    func wrongTextEncoding() throws {
        expectRefused(try run("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x0A])), mentioning: ["UTF-8"])
    }

    @Test("Zip bomb DOCX is refused")
    func zipBomb() throws {
        expectRefused(try run("bomb.docx", DOCXFixtures.bomb), mentioning: ["zip bomb"])
    }

    @Test("DOCX with a path-traversal entry is refused")
    func pathTrick() throws {
        expectRefused(try run("trick.docx", DOCXFixtures.pathTrick), mentioning: ["unsafe path"])
    }

    @Test("Size cap")
    func sizeCap() throws {
        let path = try temporaryFile("big.txt", Data(String(repeating: "word ", count: 1000).utf8))
        let outcome = AnalyzeRunner.run(
            AnalyzeRequest(files: [path], sourceLanguage: "en"), limits: AnalysisLimits(maxFileBytes: 100))
        expectRefused(outcome, mentioning: ["limit"])
    }

    @Test("An XML document of another format exits 65")
    func unsupportedXML() throws {
        expectRefused(try run("x.html", Data("<html><body>Hi</body></html>".utf8)), mentioning: ["not supported"])
    }

    @Test("A binary file exits 65")
    func unsupportedBinary() throws {
        expectRefused(try run("x.bin", Data([0, 1, 2])), mentioning: ["not supported"])
    }

    @Test("Invalid XLIFF 2 (a file without units) exits 65")
    func invalidXLIFF2() throws {
        let bad =
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\"><file id=\"f\"/></xliff>"
        expectRefused(try run("bad.xlf", Data(bad.utf8)), mentioning: ["invalid XLIFF 2"])
    }
}
