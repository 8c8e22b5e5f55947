import Foundation
import MultipartKit
import TandemApp
import TandemDomain
import Vapor

/// A quote's files and their analysis: `POST /api/v1/quotes/{id}/files` (multipart: `file` parts
/// are documents or client analysis reports, `tm` parts translation memories) answers 202 with
/// the analysis queued; `GET /api/v1/analyses/{id}` reports its status and progress.
enum QuoteFilesAPI {
    static func register(_ api: any RoutesBuilder, maxUpload: Int) {
        // Several files a request: the body may hold a few at the limit; each is checked apart.
        let body = ByteCount(value: maxUpload * 4 + 1024 * 1024)
        api.on(.POST, APIRoute.quoteFiles(":id").pathComponents, body: .collect(maxSize: body)) { req in
            try await upload(req: req, maxUpload: maxUpload)
        }
        api.on(.GET, APIRoute.quoteFiles(":id"), use: files)
        api.on(.PATCH, APIRoute.quoteFile(":id", ":fileId"), use: changeFile)
        api.on(.POST, APIRoute.quoteAnalyses(":id"), use: reanalyse)
        api.on(.GET, APIRoute.analysis(":id"), use: analysis)
    }

    struct AnalysisRef: Content { var analysisId: String }

    static func upload(req: Request, maxUpload: Int) async throws -> Response {
        let id: Quote.ID = try req.apiID()
        let uploads = try parts(req)
        let analysis = try await QuotesAPI.management(req).addFiles(
            id, uploads, files: req.application.quoteFiles, maximumSize: maxUpload, by: try req.requireUser())
        await req.wakeJobWorker()
        let response = try await AnalysisRef(analysisId: analysis.id.description)
            .encodeResponse(status: .accepted, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIRoute.analysis(analysis.id).path)
        return response
    }

    /// The `file` and `tm` parts of a multipart body, in order (other parts are ignored).
    static func parts(_ req: Request) throws -> [QuoteManagement.Upload] {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"]
        else {
            throw APIError.badRequest(code: "unsupported_media_type", messageKey: "error.quote.multipart", field: nil)
        }
        guard let body = req.body.data else { return [] }
        final class Collector {
            var uploads: [QuoteManagement.Upload] = []
            var headers: [String: String] = [:]
            var data = Data()
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.headers[name.lowercased()] = value }
        parser.onBody = { buffer in collector.data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = collector.headers["content-disposition"] ?? ""
            let name = Self.parameter("name", in: disposition)
            let fileName = Self.parameter("filename", in: disposition) ?? "file"
            if name == "file" || name == "tm" {
                collector.uploads.append(
                    .init(role: name == "tm" ? .memory : .document, name: fileName, data: collector.data))
            }
            collector.headers = [:]
            collector.data = Data()
        }
        do { try parser.execute(body) } catch {
            throw APIError.badRequest(code: "invalid", messageKey: "error.quote.multipart", field: "file")
        }
        return collector.uploads
    }

    /// `name="file"` → file; quoted or plain.
    static func parameter(_ key: String, in disposition: String) -> String? {
        for part in disposition.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard part.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(part.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    @Sendable static func files(req: Request) async throws -> ListEnvelope<QuoteFileBody> {
        try req.authorize(.viewQuotes)
        let id: Quote.ID = try req.apiID()
        guard try await req.stores.quoteStores.quotes.find(id: id) != nil else { throw DomainError.quoteNotFound }
        return ListEnvelope(
            items: try await req.stores.quoteStores.files.files(of: id).map(QuoteFileBody.init), nextCursor: nil)
    }

    struct FileChangeBody: Decodable {
        var excluded: Bool?
        var targets: [String]?
    }

    @Sendable static func changeFile(req: Request) async throws -> QuoteBody {
        let id: Quote.ID = try req.apiID()
        let fileID: QuoteFile.ID = try req.apiID("fileId")
        guard let file = try await req.stores.quoteStores.files.find(id: fileID), file.quoteID == id else {
            throw DomainError.notFound(entityKey: "entity.file", fallback: "The file was not found.")
        }
        let body = try req.decodeJSON(FileChangeBody.self)
        let user = try req.requireUser()
        let management = QuotesAPI.management(req)
        if let excluded = body.excluded { _ = try await management.setExcluded(fileID, excluded, by: user) }
        if let targets = body.targets { _ = try await management.setTargets(fileID, targets, by: user) }
        return try await QuotesAPI.sheet(req, id)
    }

    @Sendable static func reanalyse(req: Request) async throws -> Response {
        let analysis = try await QuotesAPI.management(req).reanalyse(try req.apiID(), by: try req.requireUser())
        await req.wakeJobWorker()
        return try await AnalysisRef(analysisId: analysis.id.description).encodeResponse(status: .accepted, for: req)
    }

    struct AnalysisBody: Content {
        var id: String
        var quoteId: String
        var status: String
        var progress: Double
        @NullWhenAbsent var error: String?
    }

    @Sendable static func analysis(req: Request) async throws -> AnalysisBody {
        try req.authorize(.viewQuotes)
        let id: QuoteAnalysis.ID = try req.apiID()
        guard let analysis = try await req.stores.quoteStores.analyses.find(id: id) else {
            throw DomainError.notFound(entityKey: "entity.analysis", fallback: "The analysis was not found.")
        }
        return AnalysisBody(
            id: analysis.id.description, quoteId: analysis.quoteID.description, status: analysis.status.rawValue,
            progress: analysis.status == .done ? 1 : min(1, max(0, analysis.progress)), error: analysis.error)
    }
}
