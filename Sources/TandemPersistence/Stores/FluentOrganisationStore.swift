import FluentKit
import Foundation
import TandemDomain

public struct FluentOrganisationStore: OrganisationStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func load() async throws -> OrganisationSettings {
        guard let model = try await OrganisationModel.query(on: database).first() else { return .initial }
        let holidays = try await PublicHolidayModel.query(on: database).sort(\.$day).all().map {
            PublicHoliday(date: try LocalDate(iso: $0.day), name: $0.name)
        }
        let days = Set(model.workingDays.split(separator: ",").compactMap { Weekday(rawValue: String($0)) })
        return try OrganisationSettings(
            name: model.name, baseCurrency: try CurrencyCode(model.baseCurrency), timeZone: model.timeZone,
            workingDays: days, defaultLocale: model.defaultLocale, holidays: holidays)
    }

    public func save(_ settings: OrganisationSettings) async throws {
        try await database.transaction { db in
            let model = try await OrganisationModel.query(on: db).first() ?? OrganisationModel()
            model.name = settings.name
            model.baseCurrency = settings.baseCurrency.code
            model.timeZone = settings.timeZone
            model.workingDays = settings.workingDays.sorted().map(\.rawValue).joined(separator: ",")
            model.defaultLocale = settings.defaultLocale
            model.updatedAt = Date()
            try await model.save(on: db)
            try await PublicHolidayModel.query(on: db).delete()
            for holiday in settings.holidays {
                let row = PublicHolidayModel()
                row.day = holiday.date.description
                row.name = holiday.name
                try await row.create(on: db)
            }
        }
    }
}

extension Stores {
    /// The live stores on one Fluent database.
    public static func fluent(_ database: any Database) -> Stores {
        Stores(
            users: FluentUserStore(database: database), sessions: FluentSessionStore(database: database),
            apiTokens: FluentAPITokenStore(database: database),
            organisation: FluentOrganisationStore(database: database),
            setupTokens: FluentSetupTokenStore(database: database),
            loginAttempts: FluentLoginAttemptStore(database: database),
            invitations: FluentInvitationStore(database: database),
            transactions: FluentTransactionRunner(database: database))
    }
}

/// Fluent's transaction; inside one, a nested `transaction` joins the outer one.
public struct FluentTransactionRunner: TransactionRunner {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (Stores) async throws -> T) async throws -> T {
        if database.inTransaction { return try await body(.fluent(database)) }
        return try await database.transaction { tx in try await body(.fluent(tx)) }
    }
}
