import FluentKit
import Foundation
import SQLKit
import TandemDomain

extension PricingStores {
    static func fluent(_ database: any Database, clock: @escaping @Sendable () -> Date, ids: IdentifierGenerator)
        -> PricingStores
    {
        PricingStores(
            rateCards: FluentRateCardStore(database: database, ids: ids),
            workflows: FluentWorkflowStore(database: database, ids: ids),
            settings: FluentPricingSettingsStore(database: database, ids: ids))
    }
}

/// Rate cards: a header row per card (`rate_cards`, one per account and one default) and one
/// immutable row per version (`rate_card_versions`).
public struct FluentRateCardStore: RateCardStore {
    let database: any Database
    let ids: IdentifierGenerator

    public func current(for accountID: Account.ID?) async throws -> RateCard? {
        if let accountID, let card = try await header(scope: RateCardModel.scope(of: accountID)) {
            return try await version(of: card, number: card.latestVersion)
        }
        guard let card = try await header(scope: RateCardModel.scope(of: nil)) else { return nil }
        return try await version(of: card, number: card.latestVersion)
    }

    public func find(id: RateCard.ID, version number: Int?) async throws -> RateCard? {
        guard let card = try await RateCardModel.find(id.rawValue, on: database) else { return nil }
        return try await version(of: card, number: number ?? card.latestVersion)
    }

    public func list() async throws -> [RateCardSummary] {
        try await RateCardModel.query(on: database).sort(\.$name).sort(\.$id).all().map { try $0.toSummary() }
            .sorted { ($0.accountID == nil ? 0 : 1) < ($1.accountID == nil ? 0 : 1) }
    }

    public func versions(of id: RateCard.ID) async throws -> [RateCard] {
        guard let card = try await RateCardModel.find(id.rawValue, on: database) else { return [] }
        return try await RateCardVersionModel.query(on: database).filter(\.$cardID == id.rawValue)
            .sort(\.$version, .descending).all().map { try $0.toDomain(accountID: card.accountID) }
    }

    public func create(_ card: RateCard) async throws {
        let scope = RateCardModel.scope(of: card.accountID)
        if try await header(scope: scope) != nil { throw Self.taken(card.accountID) }
        let header = RateCardModel()
        header.id = card.id.rawValue
        header.scope = scope
        header.accountID = card.accountID?.rawValue
        header.name = card.name
        header.currency = card.currency.code
        header.latestVersion = card.version
        header.createdAt = card.createdAt
        header.updatedAt = card.createdAt
        do {
            try await header.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Self.taken(card.accountID)
        }
        let row = RateCardVersionModel()
        row.fill(card, rowID: ids.uuid())
        try await row.create(on: database)
    }

    public func addVersion(_ card: RateCard) async throws -> Bool {
        let sql = database as! any SQLDatabase
        // Moving the header from the previous version is the claim: of two editors of the same
        // version, only one moves it; the other gets false and stores nothing.
        let claimed = try await sql.update(RateCardModel.schema)
            .set("latest_version", to: card.version).set("name", to: card.name)
            .set("currency", to: card.currency.code).set("updated_at", to: card.createdAt)
            .where("id", .equal, SQLBind(card.id.rawValue)).where("latest_version", .equal, SQLBind(card.version - 1))
            .returning(SQLIdentifier("id")).all()
        guard !claimed.isEmpty else { return false }
        let row = RateCardVersionModel()
        row.fill(card, rowID: ids.uuid())
        do {
            try await row.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
        return true
    }

    private func header(scope: String) async throws -> RateCardModel? {
        try await RateCardModel.query(on: database).filter(\.$scope == scope).first()
    }

    private func version(of card: RateCardModel, number: Int) async throws -> RateCard? {
        try await RateCardVersionModel.query(on: database).filter(\.$cardID == card.requireID())
            .filter(\.$version == number).first()?.toDomain(accountID: card.accountID)
    }

    static func taken(_ accountID: Account.ID?) -> DomainError {
        accountID == nil
            ? .conflict(
                field: "accountId", key: "error.rate_card.default.taken", arguments: [:],
                fallback: "There is already a default rate card; edit it to make a new version.")
            : .conflict(
                field: "accountId", key: "error.rate_card.account.taken", arguments: [:],
                fallback: "This account already has a rate card; edit it to make a new version.")
    }
}

public struct FluentWorkflowStore: WorkflowStore {
    let database: any Database
    let ids: IdentifierGenerator

    public func template(for service: LinguisticService) async throws -> WorkflowTemplate {
        if let stored = try await WorkflowTemplateModel.query(on: database).filter(\.$service == service.rawValue)
            .first()
        {
            return try stored.toDomain()
        }
        return WorkflowTemplate.template(for: service, in: WorkflowTemplate.defaults)
    }

    public func list() async throws -> [WorkflowTemplate] {
        let stored = try await WorkflowTemplateModel.query(on: database).all().map { try $0.toDomain() }
        let services = Set(stored.map(\.service))
        return (stored + WorkflowTemplate.defaults.filter { !services.contains($0.service) })
            .sorted { $0.service < $1.service }
    }

    public func save(_ template: WorkflowTemplate, expectedVersion: Int, at now: Date) async throws
        -> WorkflowTemplate?
    {
        let steps = JSONText.encode(template.steps.map(StoredStep.init))
        let existing = try await WorkflowTemplateModel.query(on: database)
            .filter(\.$service == template.service.rawValue).first()
        guard existing != nil else {
            // A default never stored counts as version 1.
            guard expectedVersion == 1 else { return nil }
            let model = WorkflowTemplateModel()
            model.id = ids.uuid()
            model.service = template.service.rawValue
            model.steps = steps
            model.version = 2
            model.updatedAt = now
            do {
                try await model.create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                return nil
            }
            return try model.toDomain()
        }
        let sql = database as! any SQLDatabase
        let rows = try await sql.update(WorkflowTemplateModel.schema)
            .set("steps", to: steps).set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("updated_at", to: now)
            .where("service", .equal, SQLBind(template.service.rawValue))
            .where("version", .equal, SQLBind(expectedVersion))
            .returning(SQLIdentifier("version")).all()
        guard let row = rows.first else { return nil }
        var saved = template
        saved.version = try row.decode(column: "version", as: Int.self)
        saved.updatedAt = now
        return saved
    }
}

public struct FluentPricingSettingsStore: PricingSettingsStore {
    let database: any Database
    let ids: IdentifierGenerator

    public func load() async throws -> PricingSettings {
        try await PricingSettingsModel.query(on: database).first()?.toDomain() ?? .standard
    }

    public func save(_ settings: PricingSettings, expectedVersion: Int) async throws -> PricingSettings? {
        let sql = database as! any SQLDatabase
        let columns = PricingSettingsModel.columns(settings)
        var saved = settings
        saved.version = expectedVersion + 1
        guard try await PricingSettingsModel.query(on: database).first() != nil else {
            // Never saved: the defaults count as version 1.
            guard expectedVersion == 1 else { return nil }
            let insert = sql.insert(into: PricingSettingsModel.schema)
                .columns(["id", "version"] + columns.keys.sorted())
                .values(
                    [SQLBind(ids.uuid()), SQLBind(saved.version)] + columns.keys.sorted().map { SQLBind(columns[$0]!) })
            try await insert.run()
            return saved
        }
        let update = sql.update(PricingSettingsModel.schema)
        for (column, value) in columns.sorted(by: { $0.key < $1.key }) { update.set(column, to: value) }
        let rows = try await update.set("version", to: saved.version).where("version", .equal, SQLBind(expectedVersion))
            .returning(SQLIdentifier("version")).all()
        return rows.isEmpty ? nil : saved
    }

    public func accountMarginFloors() async throws -> [Account.ID: Decimal] {
        var result: [Account.ID: Decimal] = [:]
        for row in try await AccountMarginFloorModel.query(on: database).all() {
            result[Account.ID(row.accountID)] = try decimal(row.percent)
        }
        return result
    }

    public func setMarginFloor(_ percent: Decimal?, for accountID: Account.ID, at now: Date) async throws {
        let existing = try await AccountMarginFloorModel.query(on: database)
            .filter(\.$accountID == accountID.rawValue).first()
        guard let percent else {
            try await existing?.delete(on: database)
            return
        }
        let model = existing ?? AccountMarginFloorModel()
        if existing == nil {
            model.id = ids.uuid()
            model.accountID = accountID.rawValue
        }
        model.percent = percent.canonicalString
        model.updatedAt = now
        try await model.save(on: database)
    }

    public func marginFloor(for accountID: Account.ID?) async throws -> MarginFloor {
        let organisation = try await load().marginFloorPercent
        guard let accountID,
            let own = try await AccountMarginFloorModel.query(on: database).filter(\.$accountID == accountID.rawValue)
                .first()
        else { return MarginFloor(percent: organisation) }
        return MarginFloor.resolve(organisation: organisation, account: try decimal(own.percent))
    }
}
