import Foundation
import NIOPosix
import Vapor

/// Turns a print page's HTML into a PDF with WeasyPrint (from PyPI, installed into the
/// repository's `.venv` by `scripts/test` and the README's set-up), run as a child process on
/// Vapor's thread pool. When it is missing, callers fall back to the print page.
struct PDFRenderer: Sendable {
    /// The executable, or nil when none was found (or `TANDEM_PDF_RENDERER=none`).
    let executable: String?
    /// Longest a rendering may take before it is stopped.
    var timeout: TimeInterval = 30

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    var isAvailable: Bool { executable != nil }

    /// The configured path, or `.venv/bin/weasyprint` beside the resources folder, or
    /// `weasyprint` on `PATH`.
    static func locate(configured: String?, resourcesDirectory: String, environment: [String: String]) -> PDFRenderer {
        let files = FileManager.default
        if let configured {
            if configured.lowercased() == "none" { return PDFRenderer(executable: nil) }
            return PDFRenderer(executable: files.isExecutableFile(atPath: configured) ? configured : nil)
        }
        let root = URL(fileURLWithPath: resourcesDirectory).standardizedFileURL.deletingLastPathComponent()
        var candidates = [root.appendingPathComponent(".venv/bin/weasyprint").path]
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint").path)
        }
        return PDFRenderer(executable: candidates.first { files.isExecutableFile(atPath: $0) })
    }

    /// The PDF of `html` (a whole document with its styles inline; nothing is fetched).
    func render(html: String, on pool: NIOThreadPool) async throws -> Data {
        guard let executable else { throw Failed(description: "no PDF renderer") }
        let timeout = self.timeout
        return try await pool.runIfActive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-pdf-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("quote.html")
            let output = folder.appendingPathComponent("quote.pdf")
            try Data(html.utf8).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--quiet", "--encoding", "utf-8", input.path, output.path]
            let errorFile = folder.appendingPathComponent("errors.txt")
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            let errors = try FileHandle(forWritingTo: errorFile)
            defer { try? errors.close() }
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline {
                    process.terminate()
                    throw Failed(description: "WeasyPrint took longer than \(Int(timeout)) s")
                }
                usleep(20_000)
            }
            guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output),
                pdf.starts(with: Array("%PDF".utf8))
            else {
                let message = String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
                throw Failed(description: "WeasyPrint exited with \(process.terminationStatus): \(message.prefix(500))")
            }
            return pdf
        }
    }
}

struct PDFRendererKey: StorageKey { typealias Value = PDFRenderer }

extension Application {
    /// The quote PDF renderer, located once at start-up (`installPDFRenderer`).
    var pdfRenderer: PDFRenderer { storage[PDFRendererKey.self] ?? PDFRenderer(executable: nil) }

    func installPDFRenderer() {
        storage[PDFRendererKey.self] = PDFRenderer.locate(
            configured: tandem.config.pdfRenderer, resourcesDirectory: tandem.config.resourcesDirectory,
            environment: ProcessInfo.processInfo.environment)
    }
}
