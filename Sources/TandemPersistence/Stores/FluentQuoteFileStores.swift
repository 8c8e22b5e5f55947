import FluentKit
import Foundation
import TandemDomain

final class QuoteFileModel: Model, @unchecked Sendable {
    static let schema = "quote_files"
    @ID(key: .id) var id: UUID?
    @Field(key: "quote_id") var quoteID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "size") var size: Int
    @Field(key: "excluded") var excluded: Bool
    @Field(key: "targets") var targets: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "uploaded_at") var uploadedAt: Date
    init() {}

    func toDomain() throws -> QuoteFile {
        QuoteFile(
            id: .init(try requireID()), quoteID: .init(quoteID), kind: QuoteFile.Kind(rawValue: kind) ?? .document,
            name: name, size: size, excluded: excluded, targets: try JSONText.decode([LanguageTag].self, targets),
            uploadedBy: .init(uploadedBy), uploadedAt: uploadedAt)
    }
}

final class QuoteAnalysisModel: Model, @unchecked Sendable {
    static let schema = "quote_analyses"
    @ID(key: .id) var id: UUID?
    @Field(key: "quote_id") var quoteID: UUID
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: Double
    @OptionalField(key: "error") var error: String?
    @Field(key: "files") var files: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    init() {}

    func toDomain() throws -> QuoteAnalysis {
        QuoteAnalysis(
            id: .init(try requireID()), quoteID: .init(quoteID),
            status: QuoteAnalysis.Status(rawValue: status) ?? .queued, progress: progress, error: error,
            files: try JSONText.decode([FileAnalysis].self, files), createdAt: createdAt, finishedAt: finishedAt)
    }
}

public struct FluentQuoteFileStore: QuoteFileStore {
    let database: any Database

    public func add(_ file: QuoteFile) async throws {
        let model = QuoteFileModel()
        model.id = file.id.rawValue
        model.quoteID = file.quoteID.rawValue
        model.kind = file.kind.rawValue
        model.name = file.name
        model.size = file.size
        model.excluded = file.excluded
        model.targets = JSONText.encode(file.targets)
        model.uploadedBy = file.uploadedBy.rawValue
        model.uploadedAt = file.uploadedAt
        try await model.create(on: database)
    }

    public func find(id: QuoteFile.ID) async throws -> QuoteFile? {
        try await QuoteFileModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func files(of quoteID: Quote.ID) async throws -> [QuoteFile] {
        try await QuoteFileModel.query(on: database).filter(\.$quoteID == quoteID.rawValue).sort(\.$uploadedAt)
            .sort(\.$name).all().map { try $0.toDomain() }
    }

    public func setExcluded(_ id: QuoteFile.ID, _ excluded: Bool) async throws {
        try await QuoteFileModel.query(on: database).filter(\.$id == id.rawValue).set(\.$excluded, to: excluded)
            .update()
    }

    public func setTargets(_ id: QuoteFile.ID, _ targets: [LanguageTag]) async throws {
        try await QuoteFileModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$targets, to: JSONText.encode(targets)).update()
    }
}

public struct FluentQuoteAnalysisStore: QuoteAnalysisStore {
    let database: any Database

    public func create(_ analysis: QuoteAnalysis) async throws {
        let model = QuoteAnalysisModel()
        model.id = analysis.id.rawValue
        model.quoteID = analysis.quoteID.rawValue
        model.status = analysis.status.rawValue
        model.progress = analysis.progress
        model.error = analysis.error
        model.files = JSONText.encode(analysis.files)
        model.createdAt = analysis.createdAt
        model.finishedAt = analysis.finishedAt
        try await model.create(on: database)
    }

    public func find(id: QuoteAnalysis.ID) async throws -> QuoteAnalysis? {
        try await QuoteAnalysisModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func latestDone(of quoteID: Quote.ID) async throws -> QuoteAnalysis? {
        try await QuoteAnalysisModel.query(on: database).filter(\.$quoteID == quoteID.rawValue)
            .filter(\.$status == QuoteAnalysis.Status.done.rawValue).sort(\.$createdAt, .descending)
            .sort(\.$finishedAt, .descending).first()?.toDomain()
    }

    /// Progress of an analysis still under way; a finished one (done or failed) is left as it is.
    public func setProgress(_ id: QuoteAnalysis.ID, status: QuoteAnalysis.Status, progress: Double) async throws {
        try await QuoteAnalysisModel.query(on: database).filter(\.$id == id.rawValue)
            .filter(\.$status != QuoteAnalysis.Status.done.rawValue)
            .filter(\.$status != QuoteAnalysis.Status.failed.rawValue)
            .set(\.$status, to: status.rawValue).set(\.$progress, to: progress).update()
    }

    public func finish(_ id: QuoteAnalysis.ID, files: [FileAnalysis], at: Date) async throws {
        try await QuoteAnalysisModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$status, to: QuoteAnalysis.Status.done.rawValue).set(\.$progress, to: 1)
            .set(\.$files, to: JSONText.encode(files)).set(\.$error, to: nil).set(\.$finishedAt, to: at).update()
    }

    public func fail(_ id: QuoteAnalysis.ID, error: String, at: Date) async throws {
        try await QuoteAnalysisModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$status, to: QuoteAnalysis.Status.failed.rawValue).set(\.$error, to: error)
            .set(\.$finishedAt, to: at).update()
    }
}
