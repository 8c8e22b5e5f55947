import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.pricing": Lumen's rate cards, workflows and pricing settings. A default card
/// in EUR (edited once, so it has a version history) and cards for several demo accounts: USD for
/// Brightpath (an aggressive software grid) and Lumos, GBP for Quantix and Vantage Legal, a high
/// minimum and slower standard pace for Nordlicht Medical. Translation ends with a short QA by
/// the PM; the margin floor is 35 %, 40 % for Nordlicht Medical (regulated work, more rework).
enum PricingDemo {
    static let step = DemoSeed.Step(name: "demo.v2.pricing", idBase: 0x6_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static func d(_ text: String) -> Decimal { Decimal(string: text)! }

    /// The demo's manager (second of `DemoSeed.people`), who keeps the rate cards.
    static let manager = User.ID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", 0x2_0001))!)

    /// `"en>fr:translation:word:0.12"` → a price.
    static func prices(_ lines: [String]) throws -> [RatePrice] {
        try lines.map { line in
            let parts = line.split(separator: ":").map(String.init)
            let pair = parts[0].split(separator: ">").map(String.init)
            return RatePrice(
                source: try LanguageTag(pair[0]), target: try LanguageTag(pair[1]),
                service: LinguisticService(parts[1]),
                unit: PriceUnit(rawValue: parts[2])!, price: d(parts[3]))
        }
    }

    static let translationPrices = [
        "en>fr:translation:word:0.13", "en>de:translation:word:0.14", "en>es:translation:word:0.12",
        "en>it:translation:word:0.12", "en>nl:translation:word:0.14", "en>pt-BR:translation:word:0.11",
        "en>pl:translation:word:0.10", "en>sv:translation:word:0.15", "en>ja:translation:word:0.19",
        "en>zh-Hans:translation:word:0.15", "en>ko:translation:word:0.18", "fr>en:translation:word:0.13",
        "de>en:translation:word:0.14", "de>fr:translation:word:0.15", "fr>de:translation:word:0.15",
        "ja>en:translation:character:0.05", "zh-Hans>en:translation:character:0.045",
        "en>fr:post-editing:word:0.07", "en>de:post-editing:word:0.08", "en>es:post-editing:word:0.065",
        "en>fr:proofreading:word:0.04", "en>de:proofreading:word:0.045", "en>fr:transcreation:hour:65",
        "en>de:transcreation:hour:70", "en>fr:dtp:page:6.5", "en>de:dtp:page:6.5", "en>es:dtp:page:6.5",
        "en>da:translation:word:0.16", "en>nb:translation:word:0.16", "en>fi:translation:word:0.17",
        "en>cs:translation:word:0.11", "en>ar:translation:word:0.16", "en>he:translation:word:0.17",
        "en>tr:translation:word:0.12",
    ]
    static let defaultPrices = withRevision(translationPrices)

    /// Adds revision of every pair priced for translation by the word, at a third of its rate
    /// (to a tenth of a cent): the default workflow is translation then revision.
    static func withRevision(_ lines: [String]) -> [String] {
        lines
            + lines.compactMap { line -> String? in
                let parts = line.split(separator: ":")
                guard parts[1] == "translation", parts[2] == "word", let rate = Decimal(string: String(parts[3]))
                else { return nil }
                return "\(parts[0]):revision:word:\((rate / 3).rounded(scale: 3).canonicalString)"
            }
    }

    struct AccountCard {
        var account: Int
        var name: String
        var currency: CurrencyCode
        var grid: PriceGrid
        var prices: [String]
        var minimum: String
        var pmFee: String
        var turnaround: StandardTurnaround? = nil
    }

    static let aggressiveGrid = PriceGrid(percents: [
        .context: 0, .repetition: 0, .exact: 0, .fuzzyHigh: 25, .fuzzyMiddle: 50, .fuzzyLow: 75, .fuzzyLowest: 100,
        .new: 100,
    ])

    static let accountCards: [AccountCard] = [
        AccountCard(
            account: 0, name: "Brightpath Software (USD, software grid)", currency: .usd, grid: aggressiveGrid,
            prices: [
                "en>fr-FR:translation:word:0.15", "en>de-DE:translation:word:0.16", "en>ja-JP:translation:word:0.21",
            ],
            minimum: "60", pmFee: "0"),
        AccountCard(
            account: 1, name: "Nordlicht Medical (regulated)", currency: .eur, grid: .standard,
            prices: ["de>en:translation:word:0.17", "de>fr:translation:word:0.18", "de>it:translation:word:0.18"],
            minimum: "150", pmFee: "8", turnaround: StandardTurnaround(wordsPerDay: 1_500, leadTimeDays: 2)),
        AccountCard(
            account: 11, name: "Quantix Analytics (GBP)", currency: .gbp, grid: .standard,
            prices: ["en>fr:translation:word:0.10", "en>de:translation:word:0.11", "en>es:translation:word:0.095"],
            minimum: "40", pmFee: "5"),
        AccountCard(
            account: 17, name: "Vantage Legal (GBP, legal)", currency: .gbp, grid: .standard,
            prices: ["en>fr:translation:word:0.16", "en>de:translation:word:0.17", "en>fr:proofreading:word:0.05"],
            minimum: "75", pmFee: "5"),
        AccountCard(
            account: 22, name: "Lumos Learning (USD)", currency: .usd, grid: .standard,
            prices: ["en>fr:translation:word:0.13", "en>es:translation:word:0.12", "en>fr:dtp:page:7"], minimum: "50",
            pmFee: "5"),
        AccountCard(
            account: 15, name: "Solea Pharma", currency: .eur, grid: .standard,
            prices: [
                "en>es:translation:word:0.15", "en>fr:translation:word:0.15", "en>de:translation:word:0.16",
                "en>it:translation:word:0.15",
            ], minimum: "90", pmFee: "6"),
    ]

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let day = 86_400.0
        let cards = stores.pricing.rateCards
        var standard = RateCard(
            id: ids(), name: "Lumen standard (EUR)", currency: .eur, grid: .standard, prices: try prices(defaultPrices),
            minimumCharge: 45, rushTiers: RushTier.standard, pmFeePercent: 5, createdAt: now - 200 * day,
            createdBy: manager)
        try await cards.create(standard)
        // A price review in the autumn: the second version is the current one.
        standard.version = 2
        standard.prices = try prices(
            defaultPrices.map {
                $0.replacingOccurrences(of: "en>de:translation:word:0.14", with: "en>de:translation:word:0.145")
            })
        standard.minimumCharge = 50
        standard.createdAt = now - 60 * day
        _ = try await cards.addVersion(standard)

        for (index, entry) in accountCards.enumerated() {
            try await cards.create(
                RateCard(
                    id: ids(), accountID: DemoAccounts.accountID(entry.account), name: entry.name,
                    currency: entry.currency, grid: entry.grid, prices: try prices(withRevision(entry.prices)),
                    minimumCharge: d(entry.minimum), rushTiers: RushTier.standard, pmFeePercent: d(entry.pmFee),
                    standardTurnaround: entry.turnaround, createdAt: now - Double(150 - index * 10) * day,
                    createdBy: manager))
        }

        let workflows = stores.pricing.workflows
        _ = try await workflows.save(
            WorkflowTemplate(
                service: .translation,
                steps: [
                    .vendor(.translation, .weightedWords), .vendor(.revision, .wordsExceptContext),
                    .internalStep(.qa, hours: d("0.5")),
                ]), expectedVersion: 1, at: now - 120 * day)
        _ = try await workflows.save(
            WorkflowTemplate(
                service: .dtp, steps: [.vendor(.dtp, .quantity, unit: .page), .internalStep(.qa, hours: 1)]),
            expectedVersion: 1, at: now - 120 * day)

        var settings = PricingSettings.standard
        settings.marginFloorPercent = 35
        _ = try await stores.pricing.settings.save(settings, expectedVersion: 1)
        try await stores.pricing.settings.setMarginFloor(40, for: DemoAccounts.accountID(1), at: now - 90 * day)
    }
}
