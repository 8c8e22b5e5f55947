import Foundation
import TandemDomain

/// Client-fit guidance and "where to sell" (docs/guidance.md): each account's and opportunity's
/// fit with what production can do, from the ledger's record per pair, the approved bench and
/// the free capacity of the coming 12 weeks (the capacity heatmap, which the caller passes in).
public struct ClientGuidance: Sendable {
    let env: AppEnvironment
    let store: any GuidanceStore

    public init(_ env: AppEnvironment, store: any GuidanceStore) {
        self.env = env
        self.store = store
    }

    static let forbidden = DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")

    /// Free hours of the heatmap's rows matching `pair` on its languages (`fr` for `fr-FR`): the
    /// largest of them, since one vendor may count in several rows (`en→fr` and `en→fr-FR`).
    static func freeHours(_ pair: LanguagePair, in free: [LanguagePair: (Int, Int, Int)]) -> (Int, Int, Int) {
        free.filter { $0.key.source.language == pair.source.language && $0.key.target.language == pair.target.language }
            .values.max { $0.0 != $1.0 ? $0.0 < $1.0 : $0.2 < $1.2 } ?? (0, 0, 0)
    }

    /// The first of `subjects` that some approved vendor capability names as its domain (lower
    /// case): a subject the bench does not record is no qualification to look for.
    func domain(_ subjects: [String]) async throws -> String? {
        let known = try await store.vendorDomains()
        return subjects.map { $0.lowercased() }.first { known.contains($0) }
    }

    /// Free hours per pair in the first 4, 8 and 12 weeks of `capacity`.
    public static func freeHours(_ capacity: CapacityHeatmap) -> [LanguagePair: (Int, Int, Int)] {
        var out: [LanguagePair: (Int, Int, Int)] = [:]
        for row in capacity.rows {
            guard let source = try? LanguageTag(row.source), let target = try? LanguageTag(row.target) else { continue }
            func hours(_ weeks: Int) -> Int { row.weeks.prefix(weeks).reduce(0) { $0 + $1.free } / 60 }
            out[LanguagePair(source: source, target: target)] = (hours(4), hours(8), hours(12))
        }
        return out
    }

    /// Each pair's capability: its bench (for `domain` when given), record and free hours.
    func capabilities(_ pairs: [LanguagePair], domain: String?, capacity: CapacityHeatmap) async throws
        -> [(LanguagePair, PairCapability)]
    {
        let unique = pairs.reduce(into: [LanguagePair]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else { return [] }
        let bench = try await store.bench(unique, domain: domain)
        let records = try await store.pairRecords(unique, recent: FitScore.recentJobs, now: env.now)
        let free = Self.freeHours(capacity)
        return unique.map { pair in
            let b = bench.first { $0.pair == pair }
            let r = records.first { $0.pair == pair }
            let f = Self.freeHours(pair, in: free)
            return (
                pair,
                PairCapability(
                    approvedVendors: b?.vendors ?? 0, domainVendors: domain == nil ? nil : (b?.domainVendors ?? 0),
                    domain: domain, judged: r?.judged ?? 0, kept: r?.kept ?? 0, delivered: r?.delivered ?? 0,
                    atMargin: r?.atMargin ?? 0, freeHours4: f.0, freeHours8: f.1, freeHours12: f.2,
                    typicalWords: r?.typicalWords, typicalDays: r?.typicalDays)
            )
        }
    }

    /// The account's fit over its language pairs, in its first subject domain that vendors record.
    public func account(_ id: Account.ID, by user: User, capacity: CapacityHeatmap) async throws -> FitScore.Result {
        guard Policy.permitsGuidance(user, .clientFit) else { throw Self.forbidden }
        guard let account = try await env.stores.accounts.find(id: id) else {
            throw DomainError.notFound(entityKey: "entity.account", fallback: "The account was not found.")
        }
        let domain = try await domain(account.subjectDomains)
        return FitScore.score(try await capabilities(account.languagePairs, domain: domain, capacity: capacity))
    }

    /// The opportunity's fit over its pairs, in its account's first subject domain that vendors record.
    public func opportunity(_ id: Opportunity.ID, by user: User, capacity: CapacityHeatmap) async throws
        -> FitScore.Result
    {
        guard Policy.permitsGuidance(user, .clientFit) else { throw Self.forbidden }
        guard let opportunity = try await env.stores.pipeline.opportunities.find(id: id) else {
            throw DomainError.notFound(entityKey: "entity.opportunity", fallback: "The opportunity was not found.")
        }
        let account = try await env.stores.accounts.find(id: opportunity.accountID)
        let domain = try await domain(account?.subjectDomains ?? [])
        return FitScore.score(try await capabilities(opportunity.languagePairs, domain: domain, capacity: capacity))
    }

    /// One pair where sales can sell: its bench, what it covers, its record, its free hours and
    /// the pair's fit score (no domain).
    public struct SellingPoint: Sendable, Equatable {
        public var pair: LanguagePair
        public var capability: PairCapability
        public var services: [String]
        public var domains: [String]
        public var score: Int
    }

    /// Every pair with an approved vendor, best first (score, then free hours in 4 weeks, then
    /// the pair), then by pair.
    public func whereToSell(by user: User, capacity: CapacityHeatmap) async throws -> [SellingPoint] {
        guard Policy.permitsGuidance(user, .whereToSell) else { throw Self.forbidden }
        let bench = try await store.bench(nil, domain: nil)
        let records = try await store.pairRecords(nil, recent: FitScore.recentJobs, now: env.now)
        let free = Self.freeHours(capacity)
        return bench.map { b in
            let r = records.first { $0.pair == b.pair }
            let f = free[b.pair] ?? (0, 0, 0)
            let capability = PairCapability(
                approvedVendors: b.vendors, judged: r?.judged ?? 0, kept: r?.kept ?? 0, delivered: r?.delivered ?? 0,
                atMargin: r?.atMargin ?? 0, freeHours4: f.0, freeHours8: f.1, freeHours12: f.2,
                typicalWords: r?.typicalWords, typicalDays: r?.typicalDays)
            return SellingPoint(
                pair: b.pair, capability: capability, services: b.services, domains: b.domains,
                score: FitScore.pairScore(capability))
        }.sorted {
            ($0.score, $0.capability.freeHours4) != ($1.score, $1.capability.freeHours4)
                ? ($0.score, $0.capability.freeHours4) > ($1.score, $1.capability.freeHours4)
                : $0.pair.description < $1.pair.description
        }
    }

    /// The parity dashboard over the last `months` calendar months (this one included) in `zone`.
    public func parity(months: Int, zone: TimeZone, by user: User) async throws -> [ParityPeriod] {
        guard Policy.permitsGuidance(user, .parity) else { throw Self.forbidden }
        let periods = try await store.parity(
            bounds: Self.monthBounds(months: months, until: env.now, zone: zone), now: env.now)
        return try await convertLeakage(periods, zone: zone)
    }

    /// Each period's leaked sums in the base currency, at the rate in force on its last day
    /// (docs/metrics.md, "Money"); a currency without a rate is left out and listed.
    func convertLeakage(_ periods: [ParityPeriod], zone: TimeZone) async throws -> [ParityPeriod] {
        let base = try await env.stores.organisation.load().baseCurrency
        let rates = ExchangeRateTable(base: base, rates: try await env.stores.pipeline.exchangeRates.list())
        return periods.map { period in
            var period = period
            let last = LocalDate(period.end.addingTimeInterval(-1), in: zone)
            var total = Decimal(0)
            var missing: [CurrencyCode] = []
            for (currency, amount) in period.leakedSums.sorted(by: { $0.key.code < $1.key.code }) {
                if let value = rates.convert(Money(amount, currency), on: last)?.value {
                    total += value.amount
                } else {
                    missing.append(currency)
                }
            }
            period.marginLeakage = Money(total, base).rounded
            period.unconverted = missing
            return period
        }
    }

    /// The starts of the last `months` months up to the one holding `date`, and the end of that one.
    public static func monthBounds(months: Int, until date: Date, zone: TimeZone) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.dateInterval(of: .month, for: date)?.start ?? date
        return (0...max(1, months)).compactMap {
            calendar.date(byAdding: .month, value: $0 - max(1, months) + 1, to: start)
        }
    }
}
