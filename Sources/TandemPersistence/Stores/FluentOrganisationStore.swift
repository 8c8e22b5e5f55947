import FluentKit
import Foundation
import TandemDomain

public struct FluentOrganisationStore: OrganisationStore {
    let database: any Database
    let clock: @Sendable () -> Date
    public init(database: any Database, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

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
            model.updatedAt = clock()
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
    /// The live stores on one Fluent database. The clock stamps `updated_at`; the generator makes
    /// the IDs the stores choose themselves (attempt rows, one-time claims). Tests pin both.
    public static func fluent(
        _ database: any Database, clock: @escaping @Sendable () -> Date, ids: IdentifierGenerator
    ) -> Stores {
        Stores(
            users: FluentUserStore(database: database, clock: clock), sessions: FluentSessionStore(database: database),
            apiTokens: FluentAPITokenStore(database: database),
            organisation: FluentOrganisationStore(database: database, clock: clock),
            setupTokens: FluentSetupTokenStore(database: database, ids: ids),
            loginAttempts: FluentLoginAttemptStore(database: database, ids: ids),
            invitations: FluentInvitationStore(database: database, ids: ids),
            transactions: FluentTransactionRunner(database: database, clock: clock, ids: ids),
            accounts: FluentAccountStore(database: database), contacts: FluentContactStore(database: database),
            activities: FluentActivityStore(database: database), briefs: FluentBriefStore(database: database),
            clientAssets: FluentClientAssetStore(database: database),
            vendors: FluentVendorStore(database: database),
            vendorSchedule: FluentVendorScheduleStore(database: database),
            vendorPreferences: FluentVendorPreferenceStore(database: database, ids: ids),
            pipeline: .fluent(database), pricing: .fluent(database, clock: clock, ids: ids),
            quoteStores: .fluent(database, ids: ids), notifications: FluentNotificationStore(database: database),
            production: FluentProductionStore(database: database),
            ledger: FluentLedgerStore(database: database), threads: .fluent(database, ids: ids),
            together: .fluent(database, ids: ids), goals: .fluent(database))
    }
}

/// Fluent's transaction; inside one, a nested `transaction` joins the outer one. An outermost
/// transaction that SQLite refuses as busy runs again (`SQLiteContention`).
public struct FluentTransactionRunner: TransactionRunner {
    let database: any Database
    let clock: @Sendable () -> Date
    let ids: IdentifierGenerator

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (Stores) async throws -> T) async throws -> T {
        if database.inTransaction { return try await body(.fluent(database, clock: clock, ids: ids)) }
        return try await SQLiteContention.retrying {
            try await database.transaction { tx in try await body(.fluent(tx, clock: clock, ids: ids)) }
        }
    }
}
