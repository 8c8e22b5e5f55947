import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import TandemPlanning
import Testing

/// The capacity service's source read straight from the stores (the web app's is the same over
/// the app's database).
struct StoresCapacitySource: CapacitySource {
    let env: AppEnvironment

    func version() async throws -> Int64 { try await env.stores.vendors.changeVersion() }
    func changes(since version: Int64) async throws -> VendorChanges {
        try await env.stores.vendors.changes(since: version)
    }
    func allVendors() async throws -> (version: Int64, vendors: [PlanningVendor]) {
        let snapshot = try await env.stores.vendors.snapshot(of: nil, from: nil)
        return (snapshot.version, try await planning(snapshot))
    }
    func vendors(_ ids: [VendorProfile.ID]) async throws -> [PlanningVendor] {
        try await planning(try await env.stores.vendors.snapshot(of: ids, from: nil))
    }
    private func planning(_ snapshot: VendorSnapshot) async throws -> [PlanningVendor] {
        PlanningVendors.make(
            from: snapshot, on: LocalDate(env.now, in: TimeZone(identifier: "UTC")!),
            organisation: try await env.stores.organisation.load())
    }
}

/// Users, an account with an opportunity (en → fr, de), two vendors per target and a capacity
/// service, on a scratch database (SQLite in memory, or PostgreSQL with TANDEM_TEST_DATABASE_URL).
struct QuoteWorld {
    var env: AppEnvironment
    var clock: ClockBox
    var rep: User
    var otherRep: User
    var pm: User
    var manager: User
    var admin: User
    var accountID: Account.ID
    var opportunity: Opportunity
    var capacity: CapacityService

    var management: QuoteManagement { QuoteManagement(env, capacity: capacity) }
    var review: QuoteReview { QuoteReview(env, capacity: capacity) }
    var handOff: QuoteHandOff { QuoteHandOff(env) }

    /// Wed 2026-11-18 09:46 UTC.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    /// Fri 2026-11-27 17:00 UTC: a week and a half ahead.
    static let deadline = "2026-11-27T17:00:00Z"

    static func run(_ body: (QuoteWorld) async throws -> Void) async throws {
        try await withScratchEnvironment { env, clock in try await body(try await make(env, clock: clock)) }
    }

    static func make(_ env: AppEnvironment, clock: ClockBox) async throws -> QuoteWorld {
        func user(_ email: String, _ roles: Set<Role>) async throws -> User {
            try await env.stores.users.create(
                try NewUser(email: try EmailAddress(email), displayName: email, roles: roles, passwordHash: "plain:pw"),
                id: env.ids(), at: env.now)
        }
        let rep = try await user("rep@lumen.example", [.sales])
        let otherRep = try await user("other@lumen.example", [.sales])
        let pm = try await user("pm@lumen.example", [.pm])
        let manager = try await user("boss@lumen.example", [.manager])
        let admin = try await user("admin@lumen.example", [.admin])
        let accountID = try await PipelineTestAccounts.make(env, name: "Acme Medical", owner: rep, partnerPm: pm.id)
        let opportunity = try await OpportunityManagement(env).create(
            .init(
                accountID: accountID.description, name: "Website relaunch", sourceLanguage: "en",
                targetLanguages: ["fr", "de"], services: ["translation"], amount: "5000.00", currency: "EUR",
                closeDate: "2026-12-15"), by: rep)
        for (n, target) in [(1, "fr"), (2, "fr"), (3, "de"), (4, "de")] {
            try await vendor(n, target: target, env: env)
        }
        try await rateCard(env)
        let capacity = CapacityService(source: StoresCapacitySource(env: env), clock: env.clock)
        return QuoteWorld(
            env: env, clock: clock, rep: rep, otherRep: otherRep, pm: pm, manager: manager, admin: admin,
            accountID: accountID, opportunity: opportunity, capacity: capacity)
    }

    /// The default card: translation 0.30 and post-editing 0.20 a word into French and German.
    static func rateCard(_ env: AppEnvironment) async throws {
        let prices = try ["fr", "de"].flatMap { target in
            [
                RatePrice(
                    source: try LanguageTag("en"), target: try LanguageTag(target), service: .translation, unit: .word,
                    price: Decimal(string: "0.30")!),
                RatePrice(
                    source: try LanguageTag("en"), target: try LanguageTag(target), service: .postEditing, unit: .word,
                    price: Decimal(string: "0.20")!),
            ]
        }
        try await env.stores.pricing.rateCards.create(
            RateCard(id: env.ids(), name: "Standard", currency: .eur, prices: prices, createdAt: env.now))
    }

    static func vendorID(_ n: Int) -> VendorProfile.ID {
        VendorProfile.ID(UUID(uuidString: String(format: "00000000-0000-0000-00ff-%012x", n))!)
    }

    /// An approved freelancer translating and revising en → `target` at 400 words an hour.
    static func vendor(_ n: Int, target: String, env: AppEnvironment) async throws {
        let id = vendorID(n)
        try await env.stores.vendors.create(
            VendorProfile(id: id, name: "Vendor \(n)", timeZone: "UTC", createdAt: env.now))
        let pair = LanguagePair(source: try LanguageTag("en"), target: try LanguageTag(target))
        try await env.stores.vendors.addCapabilities(
            [LinguisticService.translation, .revision].enumerated().map { index, service in
                VendorCapability(
                    id: VendorCapability.ID(
                        UUID(uuidString: String(format: "00000000-0000-0000-00fe-%012x", n * 10 + index))!),
                    vendorID: id, pair: pair, service: service, throughput: .wordsPerHour(400),
                    approval: CapabilityApproval(approved: true))
            })
        try await env.stores.vendors.addRate(
            VendorRate(
                id: VendorRate.ID(UUID(uuidString: String(format: "00000000-0000-0000-00fd-%012x", n))!),
                vendorID: id, pair: pair, service: .translation, unit: .word,
                price: Money(Decimal(string: "0.08")!, .eur),
                validFrom: try LocalDate(iso: "2026-01-01")))
    }

    func quote(by user: User? = nil, deadline: String = QuoteWorld.deadline) async throws -> Quote {
        try await management.create(
            .init(opportunityID: opportunity.id.description, deadline: deadline, services: ["translation"]),
            by: user ?? rep
        ).0
    }

    /// A finished analysis of one file (the same bands for every target), then a re-price.
    @discardableResult
    func analysed(_ quote: Quote, new: Decimal = 2000, exact: Decimal = 1000, price: String = "0.12") async throws
        -> QuoteVersion
    {
        let file = QuoteFile(
            id: env.ids(), quoteID: quote.id, kind: .document, name: "site.xlf", size: 100, uploadedBy: rep.id,
            uploadedAt: env.now)
        try await env.stores.quoteStores.files.add(file)
        let bands: BandCounts = [
            "new": BandCount(segments: 200, words: new), "100": BandCount(segments: 100, words: exact),
        ]
        let analysis = QuoteAnalysis(
            id: env.ids(), quoteID: quote.id, status: .done, progress: 1,
            files: try ["fr", "de"].map {
                FileAnalysis(fileID: file.id, name: file.name, targetLanguage: try LanguageTag($0), bands: bands)
            }, createdAt: env.now, finishedAt: env.now)
        try await env.stores.quoteStores.analyses.create(analysis)
        return try await management.refresh(quote.id)
    }

    /// The quote's holds, of every option.
    func holds(of quote: Quote) async throws -> [TentativeHold] {
        try await QuoteFeasibility.holds(of: quote, in: env.stores)
    }

    /// The kinds of the user's notifications, oldest first.
    func notifications(of user: User) async throws -> [String] {
        try await env.stores.notifications.list(recipient: user.id, unreadOnly: false, after: nil, limit: 50)
            .reversed().map(\.kind.rawValue)
    }

    func stored(_ quote: Quote) async throws -> Quote { try await env.stores.quoteStores.quotes.find(id: quote.id)! }
}
