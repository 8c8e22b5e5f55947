import FluentKit
import Foundation
import TandemDomain

/// A row of a vendor's calendar: an absence, a booking or a hold.
protocol VendorCalendarRow: Model where IDValue == UUID {
    static var vendorKey: KeyPath<Self, FieldProperty<Self, UUID>> { get }
    static var startKey: KeyPath<Self, FieldProperty<Self, Date>> { get }
    static var endKey: KeyPath<Self, FieldProperty<Self, Date>> { get }
    var vendorID: UUID { get }
}

extension VendorAbsenceModel: VendorCalendarRow {
    static var vendorKey: KeyPath<VendorAbsenceModel, FieldProperty<VendorAbsenceModel, UUID>> { \.$vendorID }
    static var startKey: KeyPath<VendorAbsenceModel, FieldProperty<VendorAbsenceModel, Date>> { \.$startsAt }
    static var endKey: KeyPath<VendorAbsenceModel, FieldProperty<VendorAbsenceModel, Date>> { \.$endsAt }
}

extension VendorBookingModel: VendorCalendarRow {
    static var vendorKey: KeyPath<VendorBookingModel, FieldProperty<VendorBookingModel, UUID>> { \.$vendorID }
    static var startKey: KeyPath<VendorBookingModel, FieldProperty<VendorBookingModel, Date>> { \.$startsAt }
    static var endKey: KeyPath<VendorBookingModel, FieldProperty<VendorBookingModel, Date>> { \.$endsAt }
}

extension TentativeHoldModel: VendorCalendarRow {
    static var vendorKey: KeyPath<TentativeHoldModel, FieldProperty<TentativeHoldModel, UUID>> { \.$vendorID }
    static var startKey: KeyPath<TentativeHoldModel, FieldProperty<TentativeHoldModel, Date>> { \.$startsAt }
    static var endKey: KeyPath<TentativeHoldModel, FieldProperty<TentativeHoldModel, Date>> { \.$endsAt }
}

/// Absences, bookings and holds on Fluent. Every write records a change (`VendorChangeLog`).
public struct FluentVendorScheduleStore: VendorScheduleStore {
    let database: any Database
    public init(database: any Database) { self.database = database }

    public func absences(of vendorID: VendorProfile.ID?, overlapping interval: DateInterval?) async throws
        -> [VendorAbsence]
    {
        try await overlapping(VendorAbsenceModel.self, vendorID, interval).map { try $0.toDomain() }
    }

    public func addAbsence(_ absence: VendorAbsence) async throws { try await addAbsences([absence]) }

    public func addAbsences(_ absences: [VendorAbsence]) async throws {
        try await insert(absences.map(VendorAbsenceModel.init))
    }

    public func removeAbsence(_ id: VendorAbsence.ID, of vendorID: VendorProfile.ID) async throws -> Bool {
        try await remove(VendorAbsenceModel.self, id.rawValue, of: vendorID.rawValue)
    }

    public func bookings(of vendorID: VendorProfile.ID?, overlapping interval: DateInterval?) async throws
        -> [VendorBooking]
    {
        try await overlapping(VendorBookingModel.self, vendorID, interval).map { try $0.toDomain() }
    }

    public func findBooking(_ id: VendorBooking.ID) async throws -> VendorBooking? {
        try await VendorBookingModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func addBookings(_ bookings: [VendorBooking]) async throws {
        try await insert(bookings.map(VendorBookingModel.init))
    }

    public func removeBooking(_ id: VendorBooking.ID) async throws -> Bool {
        try await remove(VendorBookingModel.self, id.rawValue, of: nil)
    }

    public func holds(of vendorID: VendorProfile.ID?, overlapping interval: DateInterval?) async throws
        -> [TentativeHold]
    {
        try await overlapping(TentativeHoldModel.self, vendorID, interval).map { try $0.toDomain() }
    }

    public func findHold(_ id: TentativeHold.ID) async throws -> TentativeHold? {
        try await TentativeHoldModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func addHolds(_ holds: [TentativeHold]) async throws { try await insert(holds.map(TentativeHoldModel.init)) }

    public func removeHold(_ id: TentativeHold.ID) async throws -> Bool {
        try await remove(TentativeHoldModel.self, id.rawValue, of: nil)
    }

    // MARK: Shared

    /// Rows that overlap `interval` (start before its end, end after its start), by start.
    private func overlapping<M: VendorCalendarRow>(
        _ type: M.Type, _ vendorID: VendorProfile.ID?, _ interval: DateInterval?
    ) async throws -> [M] {
        let query = M.query(on: database)
        if let vendorID { query.filter(M.vendorKey == vendorID.rawValue) }
        if let interval { query.filter(M.startKey < interval.end).filter(M.endKey > interval.start) }
        return try await query.sort(M.startKey).sort(\._$id).all()
    }

    /// Rows of `vendorIDs` (all when nil) that end after `from` (all when nil), for snapshots.
    func entries<M: VendorCalendarRow>(_ type: M.Type, _ vendorIDs: [UUID]?, endingAfter from: Date?) async throws
        -> [M]
    {
        func query() -> QueryBuilder<M> {
            let query = M.query(on: database)
            if let from { query.filter(M.endKey > from) }
            return query.sort(M.startKey).sort(\._$id)
        }
        guard let vendorIDs else { return try await query().all() }
        var rows: [M] = []
        for chunk in vendorIDs.chunks(of: FluentVendorStore.batchSize) {
            rows += try await query().filter(M.vendorKey ~~ chunk).all()
        }
        return rows
    }

    private func insert<M: VendorCalendarRow>(_ rows: [M]) async throws {
        guard !rows.isEmpty else { return }
        try await database.atomically { db in
            for chunk in rows.chunks(of: FluentVendorStore.batchSize) { try await chunk.create(on: db) }
            try await VendorChangeLog(database: db).record(rows.map(\.vendorID))
        }
    }

    private func remove<M: VendorCalendarRow>(_ type: M.Type, _ id: UUID, of vendorID: UUID?) async throws -> Bool {
        try await database.atomically { db in
            guard let row = try await M.find(id, on: db), vendorID.map({ $0 == row.vendorID }) ?? true else {
                return false
            }
            try await row.delete(on: db)
            try await VendorChangeLog(database: db).record([row.vendorID])
            return true
        }
    }
}
