import Foundation
import TandemDomain

/// Demo step "demo.v3.crunch": a realistic tight spot for the quote pages (issue #13's amber
/// verdict). Polaris Diagnostics is about to award a large IFU roll-out into Finnish; its quote's
/// plan holds every English→Finnish linguist for the next two weeks at 80 %. A new English→Finnish
/// quote due within those two weeks can still be planned on the vendors' free time, but only on
/// time that roll-out is likely to take: the capacity engine answers **amber** (docs/planning.md,
/// "Verdict"), with a low confidence. A deadline after the two weeks is green again.
///
/// Deterministic: the holds start at the seed's day (UTC) and cover 14 days, one per worker
/// (agencies get one per parallel worker, since a hold occupies one worker).
enum CrunchDemo {
    static let step = DemoSeed.Step(name: "demo.v3.crunch", idBase: 0xA0_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static let pair = (source: "en", target: "fi")
    static let days = 14
    static let probability = Decimal(string: "0.8")!
    /// The roll-out's quote, as production knows it (free text: the quote is not in the demo's list).
    static let reference = "Q-2026-0900 Polaris Diagnostics IFU roll-out"

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let vendors = try await stores.vendors.list(
            VendorFilter(source: try LanguageTag(pair.source), target: try LanguageTag(pair.target), status: .approved))
        let start = Calendar.utc.startOfDay(for: now)
        let end = start.addingTimeInterval(Double(days) * 86_400)
        var holds: [TentativeHold] = []
        for vendor in vendors.sorted(by: { $0.id < $1.id }) {
            // Ten working days of eight hours, at most: what the roll-out's plan would ask of each.
            for _ in 0..<max(1, vendor.parallelWorkers) {
                holds.append(
                    TentativeHold(
                        id: ids(), vendorID: vendor.id, from: start, to: end, minutes: 10 * 8 * 60,
                        probability: probability, quoteReference: reference))
            }
        }
        try await stores.vendorSchedule.addHolds(holds)
    }
}
