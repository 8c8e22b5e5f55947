import Foundation
import TandemDomain

/// Purchase orders: one per accepted assignment, numbered per year from a locked counter row;
/// actual words that differ make a new version under the same number.
public enum PurchaseOrders {
    /// The payment terms written on every order (shown in the reader's language).
    public static let paymentTerms = "net-30"

    static func issue(_ job: Job, in tx: Stores, by user: User.ID?, env: AppEnvironment) async throws {
        let existing = Set(try await tx.production.purchaseOrders(of: job.projectID).map(\.assignmentID))
        for assignment in try await tx.production.assignments(of: [job.id])
        where assignment.state == .active && !existing.contains(assignment.id) {
            guard let vendor = try await tx.vendors.find(id: assignment.vendorID) else { continue }
            let terms = try await ProductionWork.terms(
                job, vendor: vendor, words: assignment.words, in: tx, now: env.now)
            let year = Calendar.utc.component(.year, from: env.now)
            let sequence = try await tx.production.nextPurchaseOrderNumber(year: year)
            try await tx.production.addPurchaseOrder(
                PurchaseOrder(
                    id: env.ids(), number: PurchaseOrder.number(year: year, sequence: sequence), year: year,
                    sequence: sequence, version: 1, assignmentID: assignment.id, jobID: job.id,
                    projectID: job.projectID, vendorID: vendor.id, terms: terms, paymentTerms: paymentTerms,
                    due: assignment.due, reason: "accepted", createdAt: env.now, createdBy: user))
        }
    }

    /// Shares the job's actual words over its active assignments (in proportion, the last
    /// takes the remainder) and writes a new version of each order whose words changed.
    static func actualWords(_ total: Int, job: Job, in tx: Stores, by user: User.ID?, env: AppEnvironment) async throws
    {
        let active = try await tx.production.assignments(of: [job.id]).filter { $0.state == .active }
        let planned = max(1, active.reduce(0) { $0 + $1.words })
        var left = total
        let orders = try await tx.production.purchaseOrders(of: job.projectID)
        for (i, var assignment) in active.enumerated() {
            let words = i == active.count - 1 ? left : total * assignment.words / planned
            left -= words
            assignment.actualWords = words
            try await tx.production.updateAssignment(assignment)
            guard let latest = orders.filter({ $0.assignmentID == assignment.id }).max(by: { $0.version < $1.version }),
                latest.terms.words != words, let vendor = try await tx.vendors.find(id: assignment.vendorID)
            else { continue }
            var scaled = job
            if job.words > 0 && words != job.words {
                // Bands in proportion to the actual words.
                scaled.bands = job.bands.mapValues {
                    BandCount(
                        segments: $0.segments, words: ($0.words * Decimal(words) / Decimal(job.words)).rounded(scale: 2)
                    )
                }
                scaled.words = words
            }
            let terms = PurchaseOrderTerms.price(
                scaled, words: words, rate: latest.terms.rate, grid: latest.terms.grid ?? vendor.weightingGrid,
                minimumFee: latest.terms.minimumFee, currency: vendor.currency)
            var next = latest
            next.id = env.ids()
            next.version = latest.version + 1
            next.terms = terms
            next.reason = "actual-words"
            next.createdAt = env.now
            next.createdBy = user
            try await tx.production.addPurchaseOrder(next)
        }
    }

    /// One version of an order with every version under its number (for its page and PDF).
    public static func find(_ id: PurchaseOrder.ID, in stores: Stores, by user: User) async throws
        -> (order: PurchaseOrder, versions: [PurchaseOrder])
    {
        guard Policy.permits(user, .manageProduction) else { throw ProductionWork.forbidden }
        guard let order = try await stores.production.purchaseOrder(id) else { throw DomainError.purchaseOrderNotFound }
        return (order, try await stores.production.purchaseOrderVersions(number: order.number))
    }
}
