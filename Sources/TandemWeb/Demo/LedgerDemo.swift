import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.ledger" (after the quotes): two years of finished projects with their
/// promises and outcomes — most kept, some late (vendor or production slip), some over cost,
/// some renegotiated (client change or sales estimate) — with evaluations, a few complaints and
/// the vendors' pair scores; the current demo projects' promises get their standing (on track,
/// two at risk). Deterministic (a fixed generator) and written in batches.
enum LedgerDemo {
    static let step = DemoSeed.Step(name: "demo.v2.ledger", idBase: 0x50_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static let projectCount = 400

    /// A small linear congruential generator: the same story on every run.
    struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// What happens to one historic promise.
    enum Outcome: CaseIterable {
        case kept, lateVendor, lateProduction, overCost, clientChange, salesEstimate
        static func roll(_ dice: inout Dice) -> Outcome {
            switch dice.next(100) {
            case 0..<70: return .kept
            case 70..<79: return .lateVendor
            case 79..<84: return .lateProduction
            case 84..<90: return .overCost
            case 90..<96: return .clientChange
            default: return .salesEstimate
            }
        }
    }

    struct Batch {
        var promises: [Promise] = []
        var states: [(Promise.ID, PromiseStatus, PromiseState)] = []
        var versions: [PromiseVersion] = []
        var deliveries: [ClientDelivery] = []
        var evaluations: [QualityEvaluation] = []
        var complaints: [Complaint] = []
    }

    static let zones = ["US": "America/New_York", "DE": "Europe/Berlin", "JP": "Asia/Tokyo", "GB": "Europe/London"]

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let users = try await stores.users.list()
        let pms = users.filter { $0.roles.contains(.pm) }
        guard !pms.isEmpty else { return }
        let current = try await stores.quoteStores.projects.list()
        var clients: [(Account, Opportunity)] = []
        for account in try await stores.accounts.list(AccountFilter(), after: nil, limit: 500) {
            if let zone = zones[account.country] { try await stores.ledger.setTimeZone(zone, of: account.id) }
            let deals = try await stores.pipeline.opportunities.list(OpportunityFilter(accountID: account.id))
            if let deal = deals.sorted(by: { $0.id < $1.id }).first, account.ownerId != nil {
                clients.append((account, deal))
            }
        }
        guard !clients.isEmpty else { return }
        let vendors = try await vendorsByPair(stores)
        var dice = Dice(state: 0x1ED6_E5)
        var batch = Batch()
        for index in 0..<projectCount {
            let (account, deal) = clients[(index * 7 + dice.next(3)) % clients.count]
            let accepted = now.addingTimeInterval(-Double(730 - index * 715 / projectCount) * 86_400)
            try await project(
                index, account: account, deal: deal, accepted: accepted, pm: pms[index % pms.count], vendors: vendors,
                dice: &dice, batch: &batch, stores: stores, ids: ids)
        }
        try await stores.ledger.addPromises(batch.promises)
        try await stores.ledger.saveStates(batch.states)
        try await stores.ledger.addVersions(batch.versions)
        try await stores.ledger.addDeliveries(batch.deliveries)
        try await stores.ledger.addEvaluations(batch.evaluations)
        try await stores.ledger.addComplaints(batch.complaints)
        for key in Set(batch.evaluations.map { PairKey(vendor: $0.vendorID, pair: $0.pair) }).sorted(by: {
            $0.id < $1.id
        }) {
            try await QualityRecords.rescore(key.vendor, pair: key.pair, in: stores, now: now)
        }
        try await standings(of: current, stores: stores, ids: ids, now: now)
    }

    struct PairKey: Hashable {
        var vendor: VendorProfile.ID
        var pair: LanguagePair
        var id: String { "\(vendor.rawValue.uuidString)|\(pair.source)|\(pair.target)" }
    }

    static func vendorsByPair(_ stores: Stores) async throws -> [LanguagePair: [VendorProfile.ID]] {
        let vendors = try await stores.vendors.list(VendorFilter())
        var byPair: [LanguagePair: [VendorProfile.ID]] = [:]
        for capability in try await stores.vendors.capabilities(of: vendors.map(\.id))
        where capability.service == .translation {
            byPair[capability.pair, default: []].append(capability.vendorID)
        }
        return byPair.mapValues { Array(Set($0)).sorted { $0 < $1 } }
    }

    /// One finished project: its quote, the project and 1–3 promises with outcomes.
    static func project(
        _ index: Int, account: Account, deal: Opportunity, accepted: Date, pm: User,
        vendors: [LanguagePair: [VendorProfile.ID]], dice: inout Dice, batch: inout Batch, stores: Stores,
        ids: IdentifierGenerator
    ) async throws {
        let year = Calendar(identifier: .gregorian).component(.year, from: accepted)
        let quote = Quote(
            id: ids(), number: String(format: "Q-%d-9%03d", year, index), accountID: account.id,
            opportunityID: deal.id, status: .accepted,
            validUntil: LocalDate(accepted, in: TimeZone(identifier: "UTC")!).adding(days: 30),
            currency: account.currency, createdBy: account.ownerId!, createdAt: accepted.addingTimeInterval(-5 * 86_400)
        )
        let pairs =
            account.languagePairs.isEmpty
            ? [LanguagePair(source: try LanguageTag("en"), target: try LanguageTag("fr"))] : account.languagePairs
        let targets = Array(pairs.prefix(1 + dice.next(min(3, pairs.count))))
        try await stores.quoteStores.quotes.create(
            quote,
            version: QuoteVersion(
                id: ids(), quoteID: quote.id, number: 1, sourceLanguage: targets[0].source, targets: [],
                services: [.translation], totals: QuoteTotals(total: Money(0, account.currency)),
                createdBy: quote.createdBy, createdAt: quote.createdAt))
        let project = Project(
            id: ids(), quoteID: quote.id, accountID: account.id, opportunityID: deal.id,
            name: "\(deal.name) · \(LocalDate(accepted, in: TimeZone(identifier: "UTC")!))", brief: nil,
            briefStatus: .acknowledged,
            clientReference: "PO-\(10_000 + index)", acceptedAt: accepted, optionID: nil,
            salesOwnerID: account.ownerId!,
            pmID: account.partnerPmId ?? pm.id, createdAt: accepted)
        try await stores.quoteStores.projects.create(project, promises: [], reservations: [])
        for pair in targets {
            try promise(
                pair, project: project, vendors: vendors[pair] ?? [], dice: &dice, batch: &batch, ids: ids,
                currency: account.currency)
        }
    }
}
