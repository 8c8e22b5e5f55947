import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The ledger's filters from a query string, for the API and the `/ledger` page alike:
/// `status` (one or several, comma-separated), `projectId`, `accountId`, `ownerId`, `pmId`,
/// `from` and `to` (days, `to` included, in `zone`).
enum LedgerQuery {
    static func read(_ req: Request, zone: TimeZone, problems: inout [FieldError]) -> LedgerFilter {
        var filter = LedgerFilter()
        let fields = QueryFields(request: req)
        func value(_ name: String) -> String? { fields.value(name) }
        func id<T>(_ name: String) -> Identifier<T>? { fields.id(name, problems: &problems) }
        func day(_ name: String) -> LocalDate? { fields.day(name, problems: &problems) }
        if let raw = value("status") {
            var statuses: Set<PromiseStatus> = []
            for part in raw.split(separator: ",") {
                guard let status = PromiseStatus(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                    problems.append(FieldError(field: "status", code: "unknown", key: "error.field.unknown"))
                    break
                }
                statuses.insert(status)
            }
            filter.statuses = statuses.isEmpty ? nil : statuses
        }
        filter.projectID = id("projectId")
        filter.accountID = id("accountId")
        filter.salesOwnerID = id("ownerId")
        filter.pmID = id("pmId")
        filter.from = day("from").map { startOfDay($0, zone) }
        filter.to = day("to").map { startOfDay($0.adding(days: 1), zone) }
        return filter
    }

    static func startOfDay(_ day: LocalDate, _ zone: TimeZone) -> Date {
        PromiseTerms.endOfDay(day.adding(days: -1), in: zone)
    }
}

/// The ledger's list order as an opaque cursor: delivery instant newest first, then id.
struct LedgerKey: Codable, Comparable {
    var deliveryDate: Date
    var id: UUID
    static func < (a: Self, b: Self) -> Bool {
        (a.deliveryDate, a.id.uuidString) < (b.deliveryDate, b.id.uuidString)
    }
    var cursor: LedgerCursor { LedgerCursor(deliveryDate: deliveryDate, id: id) }
    init(_ cursor: LedgerCursor) {
        deliveryDate = cursor.deliveryDate
        id = cursor.id
    }
}
