import FluentKit
import Foundation
import SQLKit
import TandemDomain

public struct FluentAccountStore: AccountStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func create(_ account: Account) async throws {
        try await AccountModel(account).create(on: database)
    }

    public func find(id: Account.ID) async throws -> Account? {
        try await AccountModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(_ filter: AccountFilter, after: AccountSortKey?, limit: Int) async throws -> [Account] {
        let query = filtered(filter).sort(\.$nameKey).sort(\.$id).limit(limit)
        if let after, let afterID = UUID(uuidString: after.id) {
            query.group(.or) { or in
                or.filter(\.$nameKey > after.name)
                or.group(.and) { $0.filter(\.$nameKey == after.name).filter(\.$id > afterID) }
            }
        }
        return try await query.all().map { try $0.toDomain() }
    }

    public func count(_ filter: AccountFilter) async throws -> Int { try await filtered(filter).count() }

    private func filtered(_ filter: AccountFilter) -> QueryBuilder<AccountModel> {
        let query = AccountModel.query(on: database)
        if let text = filter.text.map(TextFolding.fold), !text.isEmpty {
            // Folded on both sides, so LIKE behaves the same on SQLite and PostgreSQL.
            for word in text.split(separator: " ") { query.filter(\.$searchText ~~ String(word)) }
        }
        if let owner = filter.ownerId { query.filter(\.$ownerId == owner.rawValue) }
        if let pm = filter.partnerPmId { query.filter(\.$partnerPmId == pm.rawValue) }
        if let status = filter.status { query.filter(\.$status == status.rawValue) }
        if let tier = filter.tier { query.filter(\.$tier == tier.rawValue) }
        if let parent = filter.parentId { query.filter(\.$parentId == parent.rawValue) }
        return query
    }

    public func update(_ id: Account.ID, _ changes: [AccountField], expectedVersion: Int?, at now: Date)
        async throws -> Account
    {
        try await claimVersion(id, expected: expectedVersion)
        let query = AccountModel.query(on: database).filter(\.$id == id.rawValue).set(\.$updatedAt, to: now)
        for change in changes { Self.set(change, on: query) }
        try await query.update()
        guard let model = try await AccountModel.find(id.rawValue, on: database) else {
            throw DomainError.accountNotFound
        }
        let search = AccountModel.searchText(name: model.name, legalName: model.legalName, website: model.website)
        if search != model.searchText {
            try await AccountModel.query(on: database).filter(\.$id == id.rawValue).set(\.$searchText, to: search)
                .update()
        }
        return try model.toDomain()
    }

    /// Raises the version in one statement that also checks it: of two writers that read the same
    /// version, exactly one gets a row back.
    private func claimVersion(_ id: Account.ID, expected: Int?) async throws {
        let sql = database as! any SQLDatabase
        let raise = SQLBinaryExpression(SQLColumn("version"), .add, SQLLiteral.numeric("1"))
        var update = sql.update(AccountModel.schema).set("version", to: raise).where("id", .equal, id.rawValue)
        if let expected { update = update.where("version", .equal, expected) }
        guard try await update.returning("version").all().isEmpty else { return }
        guard let current = try await AccountModel.find(id.rawValue, on: database) else {
            throw DomainError.accountNotFound
        }
        throw DomainError.staleVersion(current: current.version)
    }

    private static func set(_ change: AccountField, on query: QueryBuilder<AccountModel>) {
        switch change {
        case .name(let v): query.set(\.$name, to: v).set(\.$nameKey, to: TextFolding.sortKey(v))
        case .legalName(let v): query.set(\.$legalName, to: v)
        case .vatNumber(let v): query.set(\.$vatNumber, to: v)
        case .billingAddress(let v): query.set(\.$billingAddress, to: v)
        case .country(let v): query.set(\.$country, to: v)
        case .website(let v): query.set(\.$website, to: v)
        case .currency(let v): query.set(\.$currency, to: v.code)
        case .industry(let v): query.set(\.$industry, to: v)
        case .subjectDomains(let v): query.set(\.$subjectDomains, to: JSONText.encode(v))
        case .languagePairs(let v): query.set(\.$languagePairs, to: JSONText.encode(v))
        case .tier(let v): query.set(\.$tier, to: v?.rawValue)
        case .status(let v): query.set(\.$status, to: v.rawValue)
        case .ownerId(let v): query.set(\.$ownerId, to: v?.rawValue)
        case .partnerPmId(let v): query.set(\.$partnerPmId, to: v?.rawValue)
        case .tags(let v): query.set(\.$tags, to: JSONText.encode(v))
        case .notes(let v): query.set(\.$notes, to: v)
        case .parentId(let v): query.set(\.$parentId, to: v?.rawValue)
        case .paymentTermsDays(let v): query.set(\.$paymentTermsDays, to: v)
        case .purchaseOrderRequired(let v): query.set(\.$purchaseOrderRequired, to: v)
        case .framework(let v): query.set(\.$framework, to: v.map(JSONText.encode))
        case .ndaDate(let v): query.set(\.$ndaDate, to: v?.description)
        case .inCountryReview(let v):
            query.set(\.$reviewRequired, to: v.isRequired).set(\.$reviewDays, to: v.workingDays)
        }
    }

    public func names(for ids: [Account.ID]) async throws -> [Account.ID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await AccountModel.query(on: database).filter(\.$id ~~ ids.map(\.rawValue))
            .field(\.$id).field(\.$name).all()
        return Dictionary(uniqueKeysWithValues: try rows.map { (Account.ID(try $0.requireID()), $0.name) })
    }

    public func children(of id: Account.ID) async throws -> [Account] {
        try await AccountModel.query(on: database).filter(\.$parentId == id.rawValue).sort(\.$nameKey).all()
            .map { try $0.toDomain() }
    }

    public func summaries() async throws -> [AccountSummary] {
        try await AccountModel.query(on: database).field(\.$id).field(\.$name).field(\.$website).field(\.$status)
            .field(\.$ownerId).all().map {
                AccountSummary(
                    id: Account.ID(try $0.requireID()), name: $0.name, website: $0.website,
                    status: Account.Status(rawValue: $0.status) ?? .prospect, ownerId: $0.ownerId.map(User.ID.init))
            }
    }
}
