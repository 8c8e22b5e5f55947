import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// The vendor change counter (`vendor_change_counter`): every vendor write raises it and stamps
/// the vendors it touched with the new value (`vendors.change_seq`), in the write's transaction.
/// On PostgreSQL the counter row's lock orders concurrent writers, so versions commit in order.
struct VendorChangeLog: Sendable {
    let database: any Database

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Raises the counter and stamps `vendorIDs` with it.
    func record(_ vendorIDs: [UUID]) async throws {
        let version =
            try await sql.raw(
                "UPDATE vendor_change_counter SET version = version + 1 WHERE name = \(bind: "vendors") RETURNING version"
            ).first(decodingColumn: "version", as: Int64.self) ?? 0
        for chunk in Set(vendorIDs).sorted(by: { $0.uuidString < $1.uuidString }).chunks(of: 500) {
            try await VendorModel.query(on: database).filter(\.$id ~~ chunk).set(\.$changeSeq, to: version).update()
        }
    }

    func current() async throws -> Int64 {
        try await sql.raw("SELECT version FROM vendor_change_counter WHERE name = \(bind: "vendors")")
            .first(decodingColumn: "version", as: Int64.self) ?? 0
    }
}

extension Database {
    /// Runs `body` in a transaction, joining the current one if there is one.
    func atomically<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await body(self) }
        return try await transaction { try await body($0) }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements, for batched inserts and `IN` lists.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
