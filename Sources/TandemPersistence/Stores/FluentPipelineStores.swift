import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension PipelineStores {
    static func fluent(_ database: any Database) -> PipelineStores {
        PipelineStores(
            opportunities: FluentOpportunityStore(database: database), stages: FluentStageStore(database: database),
            lostReasons: FluentLostReasonStore(database: database),
            exchangeRates: FluentExchangeRateStore(database: database),
            settings: FluentPipelineSettingsStore(database: database),
            contactDirectory: FluentContactDirectory(database: database))
    }
}

public struct FluentStageStore: StageStore {
    let database: any Database

    public func list() async throws -> [Stage] {
        try await StageModel.query(on: database).sort(\.$order).sort(\.$name).all().map { try $0.toDomain() }
    }
    public func find(id: Stage.ID) async throws -> Stage? {
        try await StageModel.find(id.rawValue, on: database)?.toDomain()
    }
    public func create(_ stage: Stage) async throws {
        let model = StageModel()
        model.fill(stage)
        try await model.create(on: database)
    }
    public func update(_ stage: Stage) async throws {
        try await StageModel.query(on: database).filter(\.$id == stage.id.rawValue)
            .set(\.$name, to: stage.name).set(\.$order, to: stage.order).set(\.$probability, to: stage.probability)
            .set(\.$outcome, to: stage.outcome.rawValue).set(\.$milestone, to: stage.milestone?.rawValue).update()
    }
}

public struct FluentLostReasonStore: LostReasonStore {
    let database: any Database

    public func list() async throws -> [LostReason] {
        try await LostReasonModel.query(on: database).sort(\.$name).all().map { try $0.toDomain() }
    }
    public func find(id: LostReason.ID) async throws -> LostReason? {
        try await LostReasonModel.find(id.rawValue, on: database)?.toDomain()
    }
    public func create(_ reason: LostReason) async throws {
        let model = LostReasonModel()
        model.id = reason.id.rawValue
        model.name = reason.name
        model.isActive = reason.isActive
        try await model.create(on: database)
    }
    public func update(_ reason: LostReason) async throws {
        try await LostReasonModel.query(on: database).filter(\.$id == reason.id.rawValue)
            .set(\.$name, to: reason.name).set(\.$isActive, to: reason.isActive).update()
    }
}

public struct FluentExchangeRateStore: ExchangeRateStore {
    let database: any Database

    public func list() async throws -> [ExchangeRate] {
        try await ExchangeRateModel.query(on: database).sort(\.$currency).sort(\.$day).all().map { try $0.toDomain() }
    }
    public func find(id: ExchangeRate.ID) async throws -> ExchangeRate? {
        try await ExchangeRateModel.find(id.rawValue, on: database)?.toDomain()
    }
    public func create(_ rate: ExchangeRate) async throws {
        try await refuseClash(rate)
        let model = ExchangeRateModel()
        model.id = rate.id.rawValue
        model.currency = rate.currency.code
        model.day = rate.date.description
        model.rate = rate.rate.canonicalString
        do {
            try await model.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Self.clash(rate)
        }
    }
    public func update(_ rate: ExchangeRate) async throws {
        try await refuseClash(rate)
        do {
            try await ExchangeRateModel.query(on: database).filter(\.$id == rate.id.rawValue)
                .set(\.$currency, to: rate.currency.code).set(\.$day, to: rate.date.description)
                .set(\.$rate, to: rate.rate.canonicalString).update()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Self.clash(rate)
        }
    }

    private func refuseClash(_ rate: ExchangeRate) async throws {
        let same = try await ExchangeRateModel.query(on: database).filter(\.$currency == rate.currency.code)
            .filter(\.$day == rate.date.description).filter(\.$id != rate.id.rawValue).count()
        if same > 0 { throw Self.clash(rate) }
    }

    static func clash(_ rate: ExchangeRate) -> DomainError {
        .conflict(
            field: "date", key: "error.exchange_rate.taken",
            arguments: ["currency": rate.currency.code, "date": rate.date.description],
            fallback: "\(rate.currency) already has a rate on \(rate.date).")
    }
}

public struct FluentPipelineSettingsStore: PipelineSettingsStore {
    let database: any Database

    public func load() async throws -> PipelineSettings {
        guard let model = try await PipelineSettingsModel.query(on: database).first() else { return .initial }
        return PipelineSettings(solutionDesignThreshold: model.threshold.flatMap { Decimal(canonical: $0) })
    }
    public func save(_ settings: PipelineSettings) async throws {
        let model = try await PipelineSettingsModel.query(on: database).first() ?? PipelineSettingsModel()
        model.threshold = settings.solutionDesignThreshold?.canonicalString
        try await model.save(on: database)
    }
}

/// Searches the accounts side's `contacts` table by folded name or e-mail address.
public struct FluentContactDirectory: ContactDirectory {
    let database: any Database

    public func contacts(matching text: String, limit: Int) async throws -> [ContactMatch] {
        let sql = database as! any SQLDatabase
        let name = "%" + TextFolding.sortKey(text) + "%"
        let email = "%" + text.lowercased() + "%"
        let rows = try await sql.select().columns("id", "name", "email", "account_id").from("contacts")
            .where("erased_at", .is, SQLLiteral.null)
            .where { $0.where("name_key", .like, name).orWhere("email", .like, email) }
            .orderBy("name_key").limit(limit).all()
        return try rows.map {
            ContactMatch(
                id: try $0.decode(column: "id", as: UUID.self), name: try $0.decode(column: "name", as: String.self),
                email: try $0.decode(column: "email", as: String.self),
                accountID: Account.ID(try $0.decode(column: "account_id", as: UUID.self)))
        }
    }
}
