import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// Vendors, capabilities and rates on Fluent. Every write records a change (`VendorChangeLog`).
public struct FluentVendorStore: VendorStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    /// Rows per multi-row INSERT: well under both databases' limits on bound values.
    static let batchSize = 500

    public func create(_ vendor: VendorProfile) async throws {
        try await createMany([vendor], capabilities: [], rates: [])
    }

    public func createMany(_ vendors: [VendorProfile], capabilities: [VendorCapability], rates: [VendorRate])
        async throws
    {
        try await database.atomically { db in
            for chunk in vendors.map({ VendorModel($0, changeSeq: 0) }).chunks(of: Self.batchSize) {
                try await chunk.create(on: db)
            }
            try await Self.insertCapabilities(capabilities, on: db)
            for chunk in rates.map(VendorRateModel.init).chunks(of: Self.batchSize) { try await chunk.create(on: db) }
            try await VendorChangeLog(database: db).record(
                vendors.map(\.id.rawValue) + capabilities.map(\.vendorID.rawValue) + rates.map(\.vendorID.rawValue))
        }
    }

    public func find(id: VendorProfile.ID) async throws -> VendorProfile? {
        try await VendorModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func list(_ filter: VendorFilter) async throws -> [VendorProfile] {
        let query = VendorModel.query(on: database)
        if let status = filter.status { query.filter(\.$status == status.rawValue) }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            query.filter(\.$nameKey ~~ text)
        }
        var vendors = try await query.sort(\.$nameKey).sort(\.$id).all().map { try $0.toDomain() }
        let byCapability = filter.source != nil || filter.target != nil || filter.service != nil
        guard byCapability || filter.domain != nil else { return vendors }
        let capabilities = VendorCapabilityModel.query(on: database)
        if let source = filter.source { capabilities.filter(\.$source == source.description) }
        if let target = filter.target { capabilities.filter(\.$target == target.description) }
        if let service = filter.service { capabilities.filter(\.$service == service.rawValue) }
        let matching = try await capabilities.all()
        let capable = Set(matching.map(\.vendorID))
        if byCapability { vendors = vendors.filter { capable.contains($0.id.rawValue) } }
        if let domain = filter.domain?.trimmingCharacters(in: .whitespaces).lowercased(), !domain.isEmpty {
            let covering = Set(
                matching.filter { (try? JSONText.decode([String].self, $0.domains))?.contains(domain) == true }
                    .map(\.vendorID))
            vendors = vendors.filter { vendor in
                covering.contains(vendor.id.rawValue) || vendor.domains.contains { $0.name == domain }
            }
        }
        return vendors
    }

    public func count() async throws -> Int { try await VendorModel.query(on: database).count() }

    public func update(
        _ id: VendorProfile.ID, _ change: VendorProfileChange, expectedVersion: Int?, at now: Date
    ) async throws -> VendorProfile {
        try await database.atomically { db in
            let sql = db as! any SQLDatabase
            let update = sql.update(VendorModel.schema).where("id", .equal, SQLBind(id.rawValue))
            if let expectedVersion { update.where("version", .equal, SQLBind(expectedVersion)) }
            Self.assign(change, to: update)
            update.set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("updated_at", to: now)
            let rows = try await update.returning(SQLIdentifier("version")).all()
            guard !rows.isEmpty else {
                guard try await VendorModel.find(id.rawValue, on: db) != nil else { throw VendorProfile.notFound }
                throw DomainError.conflict(
                    field: "version", key: "error.vendor.edited_meanwhile", arguments: [:],
                    fallback: "Someone else changed this vendor meanwhile; reload it and make your change again.")
            }
            try await VendorChangeLog(database: db).record([id.rawValue])
            guard let vendor = try await VendorModel.find(id.rawValue, on: db) else { throw VendorProfile.notFound }
            return try vendor.toDomain()
        }
    }

    /// The SET clauses of the fields `change` names; nothing else is written.
    private static func assign(_ change: VendorProfileChange, to update: SQLUpdateBuilder) {
        if let name = change.name { update.set("name", to: name).set("name_key", to: name.lowercased()) }
        if let kind = change.kind { update.set("kind", to: kind.rawValue) }
        if let email = change.email { update.set("email", to: email?.value) }
        if let phone = change.phone { update.set("phone", to: phone) }
        if let country = change.country { update.set("country", to: country) }
        if let zone = change.timeZone { update.set("time_zone", to: zone) }
        if let status = change.status { update.set("status", to: status.rawValue) }
        if let hours = change.workingHours { update.set("working_hours", to: JSONText.encode(hours)) }
        if let domains = change.domains { update.set("domains", to: JSONText.encode(domains)) }
        if let tools = change.tools { update.set("tools", to: JSONText.encode(tools)) }
        if let nda = change.ndaSignedOn { update.set("nda_signed_on", to: nda?.description) }
        if let share = change.maxBookedShare { update.set("max_booked_share", to: share?.canonicalString) }
        if let score = change.qualityScore { update.set("quality_score", to: score) }
        if let workers = change.parallelWorkers { update.set("parallel_workers", to: workers) }
        if let cost = change.hourlyCost {
            update.set("hourly_cost_amount", to: cost?.amount.canonicalString)
                .set("hourly_cost_currency", to: cost?.currency.code)
        }
        if let currency = change.currency { update.set("currency", to: currency.code) }
        if let grid = change.weightingGrid { update.set("weighting_grid", to: grid.map(JSONText.encode)) }
    }

    // MARK: Capabilities

    public func capabilities(of vendorID: VendorProfile.ID) async throws -> [VendorCapability] {
        try await capabilities(of: [vendorID])
    }

    public func capabilities(of vendorIDs: [VendorProfile.ID]) async throws -> [VendorCapability] {
        var found: [VendorCapability] = []
        for chunk in vendorIDs.map(\.rawValue).chunks(of: Self.batchSize) {
            found += try await VendorCapabilityModel.query(on: database).filter(\.$vendorID ~~ chunk).all()
                .map { try $0.toDomain() }
        }
        return found.sorted(by: Self.capabilityOrder)
    }

    public func addCapabilities(_ capabilities: [VendorCapability]) async throws {
        try await database.atomically { db in
            try await Self.insertCapabilities(capabilities, on: db)
            try await VendorChangeLog(database: db).record(capabilities.map(\.vendorID.rawValue))
        }
    }

    public func updateCapability(_ capability: VendorCapability) async throws {
        try await database.atomically { db in
            guard
                let model = try await VendorCapabilityModel.query(on: db).filter(\.$id == capability.id.rawValue)
                    .filter(\.$vendorID == capability.vendorID.rawValue).first()
            else { throw Self.capabilityNotFound }
            model.update(from: capability)
            try await model.update(on: db)
            try await VendorChangeLog(database: db).record([capability.vendorID.rawValue])
        }
    }

    public func removeCapability(_ id: VendorCapability.ID, of vendorID: VendorProfile.ID) async throws -> Bool {
        try await database.atomically { db in
            let query = VendorCapabilityModel.query(on: db).filter(\.$id == id.rawValue)
                .filter(\.$vendorID == vendorID.rawValue)
            guard try await query.count() > 0 else { return false }
            try await query.delete()
            try await VendorChangeLog(database: db).record([vendorID.rawValue])
            return true
        }
    }

    private static func insertCapabilities(_ capabilities: [VendorCapability], on db: any Database) async throws {
        do {
            for chunk in capabilities.map(VendorCapabilityModel.init).chunks(of: batchSize) {
                try await chunk.create(on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.conflict(
                field: "pairs", key: "error.vendor.capability_repeated", arguments: [:],
                fallback: "The vendor already has this language pair and service.")
        }
    }

    static let capabilityNotFound = DomainError.notFound(
        entityKey: "entity.capability", fallback: "The capability was not found.")

    static func capabilityOrder(_ a: VendorCapability, _ b: VendorCapability) -> Bool {
        (a.pair.source.description, a.pair.target.description, a.service.rawValue)
            < (b.pair.source.description, b.pair.target.description, b.service.rawValue)
    }

    // MARK: Rates

    public func rates(of vendorID: VendorProfile.ID) async throws -> [VendorRate] {
        try await VendorRateModel.query(on: database).filter(\.$vendorID == vendorID.rawValue).all()
            .map { try $0.toDomain() }.sorted(by: Self.rateOrder)
    }

    public func addRate(_ rate: VendorRate) async throws {
        try await database.atomically { db in
            // The current rate of the same key ends where the new one starts; its price stays.
            try await VendorRateModel.query(on: db).filter(\.$vendorID == rate.vendorID.rawValue)
                .filter(\.$source == rate.pair.source.description).filter(\.$target == rate.pair.target.description)
                .filter(\.$service == rate.service.rawValue).filter(\.$unit == rate.unit.rawValue)
                .filter(\.$validTo == nil).filter(\.$validFrom < rate.validFrom.description)
                .set(\.$validTo, to: rate.validFrom.description).update()
            try await VendorRateModel(rate).create(on: db)
            try await VendorChangeLog(database: db).record([rate.vendorID.rawValue])
        }
    }

    static func rateOrder(_ a: VendorRate, _ b: VendorRate) -> Bool {
        (a.pair.source.description, a.pair.target.description, a.service.rawValue, a.unit.rawValue, a.validFrom)
            < (b.pair.source.description, b.pair.target.description, b.service.rawValue, b.unit.rawValue, b.validFrom)
    }

    // MARK: Changes

    public func changeVersion() async throws -> Int64 { try await VendorChangeLog(database: database).current() }

    public func changes(since version: Int64) async throws -> VendorChanges {
        let current = try await changeVersion()
        let ids = try await VendorModel.query(on: database).filter(\.$changeSeq > version).all(\.$id)
        return VendorChanges(version: current, vendorIDs: ids.map(VendorProfile.ID.init).sorted())
    }

    public func snapshot(of vendorIDs: [VendorProfile.ID]?, from: Date?) async throws -> VendorSnapshot {
        let version = try await changeVersion()
        let ids = vendorIDs?.map(\.rawValue)
        var vendorRows: [VendorModel] = []
        if let ids {
            for chunk in ids.chunks(of: Self.batchSize) {
                vendorRows += try await VendorModel.query(on: database).filter(\.$id ~~ chunk).all()
            }
        } else {
            vendorRows = try await VendorModel.query(on: database).all()
        }
        let vendors = try vendorRows.map { try $0.toDomain() }
        let capabilities = try await Self.rows(VendorCapabilityModel.self, \.$vendorID, ids, on: database)
            .map { try $0.toDomain() }
        let rates = try await Self.rows(VendorRateModel.self, \.$vendorID, ids, on: database).map { try $0.toDomain() }
        let schedule = FluentVendorScheduleStore(database: database)
        return VendorSnapshot(
            version: version, vendors: vendors.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) },
            capabilities: capabilities.sorted(by: Self.capabilityOrder), rates: rates.sorted(by: Self.rateOrder),
            absences: try await schedule.entries(VendorAbsenceModel.self, ids, endingAfter: from).map {
                try $0.toDomain()
            },
            bookings: try await schedule.entries(VendorBookingModel.self, ids, endingAfter: from).map {
                try $0.toDomain()
            },
            holds: try await schedule.entries(TentativeHoldModel.self, ids, endingAfter: from).map { try $0.toDomain() }
        )
    }

    /// All rows, or those whose `key` is one of `ids` (in chunks).
    static func rows<M: Model>(
        _ type: M.Type, _ key: KeyPath<M, FieldProperty<M, UUID>>, _ ids: [UUID]?, on database: any Database
    ) async throws -> [M] {
        guard let ids else { return try await M.query(on: database).all() }
        var rows: [M] = []
        for chunk in ids.chunks(of: batchSize) { rows += try await M.query(on: database).filter(key ~~ chunk).all() }
        return rows
    }
}
