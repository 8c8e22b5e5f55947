import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension QuoteStores {
    static func fluent(_ database: any Database, ids: IdentifierGenerator) -> QuoteStores {
        QuoteStores(
            quotes: FluentQuoteStore(database: database, ids: ids), files: FluentQuoteFileStore(database: database),
            analyses: FluentQuoteAnalysisStore(database: database),
            reviewSettings: FluentQuoteReviewSettingsStore(database: database, ids: ids),
            projects: FluentProjectStore(database: database), jobs: FluentJobQueueStore(database: database))
    }
}

public struct FluentQuoteStore: QuoteStore {
    let database: any Database
    let ids: IdentifierGenerator
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public func nextNumber(year: Int) async throws -> Int {
        // One statement: the first quote of a year inserts the counter, later ones raise it; the
        // row stays locked until the transaction ends, so numbers have no gaps and no duplicates.
        let row = try await sql.raw(
            """
            INSERT INTO quote_numbers (year, last_number) VALUES (\(bind: year), 1)
            ON CONFLICT (year) DO UPDATE SET last_number = quote_numbers.last_number + 1
            RETURNING last_number
            """
        ).first()
        guard let row else { throw DomainError.invalid(nil, "error.quote.number", fallback: "No quote number.") }
        return try row.decode(column: "last_number", as: Int.self)
    }

    public func create(_ quote: Quote, version: QuoteVersion) async throws {
        do {
            try await QuoteModel(quote).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.conflict(
                field: "number", key: "error.quote.number_taken", arguments: ["number": quote.number],
                fallback: "The quote number \(quote.number) is taken.")
        }
        try await addVersion(version)
    }

    public func find(id: Quote.ID) async throws -> Quote? {
        try await QuoteModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(_ filter: QuoteFilter) async throws -> [Quote] {
        let query = QuoteModel.query(on: database)
        if let account = filter.accountID { query.filter(\.$accountID == account.rawValue) }
        if let opportunity = filter.opportunityID { query.filter(\.$opportunityID == opportunity.rawValue) }
        if let statuses = filter.statuses { query.filter(\.$status ~~ statuses.map(\.rawValue)) }
        if let creator = filter.createdBy { query.filter(\.$createdBy == creator.rawValue) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$number, .descending).all().map {
            try $0.toDomain()
        }
    }

    public func move(_ id: Quote.ID, from: QuoteStatus, to: QuoteStatus, version: Int?, at: Date) async throws -> Bool {
        var update = sql.update("quotes").set("status", to: SQLBind(to.rawValue))
            .set("status_changed_at", to: SQLBind(at)).set("updated_at", to: SQLBind(at))
        if let version { update = update.set("current_version", to: SQLBind(version)) }
        let rows = try await update.where("id", .equal, SQLBind(id.rawValue))
            .where("status", .equal, SQLBind(from.rawValue)).returning("id").all()
        return !rows.isEmpty
    }

    public func setLostReason(_ id: Quote.ID, _ reason: String) async throws {
        try await QuoteModel.query(on: database).filter(\.$id == id.rawValue).set(\.$lostReason, to: reason).update()
    }

    public func setManagerApproval(_ id: Quote.ID, _ approval: ManagerApproval) async throws {
        try await QuoteModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$managerApproval, to: JSONText.encode(approval)).update()
    }

    public func setValidUntil(_ id: Quote.ID, _ day: LocalDate, at: Date) async throws {
        try await QuoteModel.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$validUntil, to: day.description).set(\.$updatedAt, to: at).update()
    }

    public func version(_ quoteID: Quote.ID, number: Int) async throws -> QuoteVersion? {
        guard
            let model = try await QuoteVersionModel.query(on: database).filter(\.$quoteID == quoteID.rawValue)
                .filter(\.$number == number).first()
        else { return nil }
        return try model.toDomain(lines: try await lines(of: try model.requireID()))
    }

    public func versions(of quoteID: Quote.ID) async throws -> [QuoteVersion] {
        let models = try await QuoteVersionModel.query(on: database).filter(\.$quoteID == quoteID.rawValue)
            .sort(\.$number).all()
        var out: [QuoteVersion] = []
        for model in models { out.append(try model.toDomain(lines: try await lines(of: try model.requireID()))) }
        return out
    }

    public func addVersion(_ version: QuoteVersion) async throws {
        try await QuoteVersionModel(version).create(on: database)
        try await insertLines(version)
    }

    public func updateDraft(_ version: QuoteVersion) async throws -> Bool {
        let rows = try await sql.update("quote_versions")
            .set("content", to: SQLBind(JSONText.encode(QuoteVersionContent(version))))
            .where("id", .equal, SQLBind(version.id.rawValue)).where("sent_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !rows.isEmpty else { return false }
        try await QuoteLineModel.query(on: database).filter(\.$versionID == version.id.rawValue).delete()
        try await insertLines(version)
        return true
    }

    public func markSent(_ versionID: QuoteVersion.ID, at: Date) async throws {
        try await QuoteVersionModel.query(on: database).filter(\.$id == versionID.rawValue)
            .filter(\.$sentAt == nil).set(\.$sentAt, to: at).update()
    }

    private func lines(of versionID: UUID) async throws -> [QuoteLine] {
        try await QuoteLineModel.query(on: database).filter(\.$versionID == versionID).sort(\.$position).all()
            .map { try $0.toDomain() }
    }

    private func insertLines(_ version: QuoteVersion) async throws {
        let models = version.lines.enumerated().map { index, line in
            QuoteLineModel(line, rowID: ids.uuid(), version: version.id, position: index)
        }
        if !models.isEmpty { try await models.create(on: database) }
    }
}

public struct FluentQuoteReviewSettingsStore: QuoteReviewSettingsStore {
    let database: any Database
    let ids: IdentifierGenerator

    public func load() async throws -> QuoteReviewSettings {
        guard let model = try await QuoteReviewSettingsModel.query(on: database).first() else { return .initial }
        return (try? JSONText.decode(QuoteReviewSettings.self, model.settings)) ?? .initial
    }

    public func save(_ settings: QuoteReviewSettings) async throws {
        if let model = try await QuoteReviewSettingsModel.query(on: database).first() {
            try await QuoteReviewSettingsModel.query(on: database).filter(\.$id == (try model.requireID()))
                .set(\.$settings, to: JSONText.encode(settings)).update()
        } else {
            let model = QuoteReviewSettingsModel()
            model.id = ids.uuid()
            model.settings = JSONText.encode(settings)
            try await model.create(on: database)
        }
    }
}

final class QuoteReviewSettingsModel: Model, @unchecked Sendable {
    static let schema = "quote_review_settings"
    @ID(key: .id) var id: UUID?
    @Field(key: "settings") var settings: String
    init() {}
}
