import FluentKit
import Foundation
import TandemDomain

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisation_settings"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "base_currency") var baseCurrency: String
    @Field(key: "time_zone") var timeZone: String
    /// Comma-separated weekday codes, "mon,tue,wed,thu,fri".
    @Field(key: "working_days") var workingDays: String
    @Field(key: "default_locale") var defaultLocale: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

final class PublicHolidayModel: Model, @unchecked Sendable {
    static let schema = "public_holidays"
    @ID(key: .id) var id: UUID?
    /// ISO date "2026-12-25": a local calendar day, deliberately not a timestamp.
    @Field(key: "day") var day: String
    @Field(key: "name") var name: String
    init() {}
}

final class SeedRunModel: Model, @unchecked Sendable {
    static let schema = "seed_runs"
    @ID(key: .id) var id: UUID?
    @Field(key: "step") var step: String
    @Field(key: "ran_at") var ranAt: Date
    init() {}
}

/// Records which demo-seeding steps have run; each step runs once per database.
public struct FluentSeedLedger: Sendable {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func hasRun(_ step: String) async throws -> Bool {
        try await SeedRunModel.query(on: database).filter(\.$step == step).first() != nil
    }

    public func markRun(_ step: String, at now: Date) async throws {
        let model = SeedRunModel()
        model.step = step
        model.ranAt = now
        try await model.create(on: database)
    }
}
