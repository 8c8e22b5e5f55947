import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The client's document: the print page in the client's language, the PDF (its text read back
/// with `pdftotext`), and the print page instead when no renderer is installed.
@Suite("Quote print page and PDF")
struct QuoteDocumentTests {
    static var pdftotext: String? {
        ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func text(ofPDF data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(pdftotext))
        process.arguments = ["-enc", "UTF-8", input.path, folder.appendingPathComponent("out.txt").path]
        try process.run()
        process.waitUntilExit()
        return try String(contentsOf: folder.appendingPathComponent("out.txt"), encoding: .utf8)
    }

    @Test func thePrintPageSpeaksTheClientsLanguageWhateverTheUsers() async throws {
        try await withTandem { app, _ in
            let f = try await QuoteWebFixture.make(app, country: "FR")
            var browser = Browser(app, language: "en")
            _ = try await browser.signIn("sofia@lumen.example")
            let page = try await browser.get("/quotes/\(f.id)/print")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"<html lang="fr">"#))
            #expect(html.contains("Devis") && html.contains(f.quote.number) && html.contains("Maison Lumière"))
            #expect(html.contains("12 rue des Lilas") && html.contains("Dates de livraison"))
            #expect(html.contains("Ce devis est valable jusqu’au"))
            let english = try await browser.get("/quotes/\(f.id)/print?lang=en")
            #expect(english.body.string.contains("This quote is valid until"))
            #expect(english.body.string.contains("Delivery dates"))
        }
    }

    @Test func theNoteAndTheDocumentAreForPeopleWhoSeeQuotes() async throws {
        try await withTandem { app, _ in
            let f = try await QuoteWebFixture.make(app)
            var vendorManager = Browser(app)
            _ = try await vendorManager.signIn("victor@lumen.example")
            #expect(try await vendorManager.get("/quotes/\(f.id)/print").status == .forbidden)
            #expect(try await vendorManager.get("/quotes/\(f.id)/quote.pdf").status == .forbidden)
            var rep = Browser(app)
            _ = try await rep.signIn("sofia@lumen.example")
            #expect(try await rep.get("/quotes/\(UUID())/print").status == .notFound)
            #expect(try await rep.get("/quotes/not-an-id/print").status == .notFound)
            var stranger = Browser(app)
            #expect(try await stranger.get("/quotes/\(f.id)/print").status == .seeOther)
        }
    }

    @Test(
        .enabled(
            if: pdftotext != nil
                && PDFRenderer.locate(
                    configured: nil, resourcesDirectory: repositoryRoot.appendingPathComponent("Resources").path,
                    environment: ProcessInfo.processInfo.environment
                ).isAvailable))
    func thePDFIsARealPDFInTheClientsLanguage() async throws {
        try await withTandem { app, _ in
            let f = try await QuoteWebFixture.make(app, country: "FR")
            let token = try await APITests().token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let response = try await client.request(
                .GET, "/api/v1/quotes/\(f.id)/pdf", headers: APITests().bearer(token))
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description == "application/pdf")
            let data = Data(response.body.readableBytesView)
            #expect(data.starts(with: Array("%PDF".utf8)))
            let text = try Self.text(ofPDF: data)
            #expect(text.contains(f.quote.number) && text.contains("Maison Lumière"))
            #expect(text.contains("Devis") && text.contains("Dates de livraison"))
            let english = try await client.request(
                .GET, "/api/v1/quotes/\(f.id)/pdf?lang=en", headers: APITests().bearer(token))
            #expect(try Self.text(ofPDF: Data(english.body.readableBytesView)).contains("Delivery dates"))
            var browser = Browser(app)
            _ = try await browser.signIn("sofia@lumen.example")
            let download = try await browser.get("/quotes/\(f.id)/quote.pdf")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.contains("\(f.quote.number)-fr.pdf") == true)
        }
    }

    @Test func withoutARendererThePageFallsBackToThePrintPageAndTheAPISays503() async throws {
        try await withTandem(configure: { $0.pdfRenderer = "none" }) { app, _ in
            let f = try await QuoteWebFixture.make(app)
            var browser = Browser(app)
            _ = try await browser.signIn("sofia@lumen.example")
            let download = try await browser.get("/quotes/\(f.id)/quote.pdf?lang=en")
            #expect(download.status == .seeOther)
            let target = try #require(download.location)
            #expect(target == "/quotes/\(f.id)/print?pdf=unavailable&lang=en")
            let page = try await browser.get(target)
            #expect(page.status == .ok && page.body.string.contains(#"id="pdf-unavailable""#))
            let token = try await APITests().token(app, for: "sofia@lumen.example")
            var client = Browser(app)
            let api = try await client.request(.GET, "/api/v1/quotes/\(f.id)/pdf", headers: APITests().bearer(token))
            #expect(api.status == .serviceUnavailable)
            #expect(api.errorCode == "pdf_unavailable")
            #expect(api.errorMessage?.contains("/quotes/\(f.id)/print") == true)
        }
    }
}
