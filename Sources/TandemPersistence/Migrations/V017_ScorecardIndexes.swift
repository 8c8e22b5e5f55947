import FluentKit
import SQLKit

/// V017 — indexes for what the scorecards still read from the records (docs/metrics.md, "Speed"):
/// the open promises past their instant judged at read time (`status`, `delivery_date`), and a
/// rep's or a PM's promises in order of making for their drill-downs, and each pair's latest
/// judged promises for client fit and where to sell (`FluentGuidanceStore.pairRecords`).
enum V017 {
    static var all: [any Migration] { [CreateScorecardIndexes()] }

    static let indexes: [(name: String, columns: [String])] = [
        ("promises_status_due", ["status", "delivery_date"]),
        ("promises_owner_created", ["sales_owner_id", "created_at"]),
        ("promises_pm_created", ["pm_id", "created_at"]),
        ("promises_target_due", ["target_language", "delivery_date"]),
        ("promises_target_status_due", ["target_language", "status", "delivery_date"]),
    ]

    struct CreateScorecardIndexes: AsyncMigration {
        var name: String { "V017.CreateScorecardIndexes" }

        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for index in V017.indexes {
                var create = sql.create(index: index.name).on("promises")
                for column in index.columns { create = create.column(column) }
                try await create.run()
            }
        }

        func revert(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            for index in V017.indexes.reversed() { try await sql.drop(index: index.name).run() }
        }
    }
}
