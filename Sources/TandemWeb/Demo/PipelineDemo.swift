import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.pipeline": 120 opportunities of Lumen's sales team over every stage and
/// owner, on the accounts step's demo accounts; exchange rates for USD, GBP, CHF and JPY; some
/// deals flagged capability building, some above the Solution design threshold, lost ones with
/// their reasons, overdue next steps. Deterministic: a seeded generator and dates relative to the
/// demo's clock.
enum PipelineDemo {
    static let opportunityCount = 120

    static let step = DemoSeed.Step(name: "demo.v2.pipeline", idBase: 0x4_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    /// A small linear congruential generator: the same numbers on every platform and run.
    struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let dealNames = [
        "Website relaunch", "Product catalogue", "IFU update", "App strings", "Annual report", "Patent family",
        "E-learning modules", "Clinical trial documents", "Game localisation", "Press kit", "Tender documents",
        "Marketing campaign", "Terms and conditions", "User manuals", "Support knowledge base", "Packaging",
        "Investor presentation", "Safety data sheets", "Subtitles for training videos", "Legal contracts",
    ]
    static let targetSets = [
        ["fr"], ["de"], ["fr", "de"], ["es", "it"], ["fr", "de", "it", "es"], ["ja"], ["zh-Hans"],
        ["pl", "cs"], ["nl"], ["pt-BR"], ["sv", "da", "nb"], ["ko"],
    ]
    static let serviceSets: [[LanguageService]] = [
        [.translation], [.translation, .revision], [.mtpe], [.transcreation], [.translation, .dtp], [.subtitling],
        [.localizationTesting, .translation], [.interpreting], [.terminology, .translation],
    ]
    static let nextSteps = [
        "Send the NDA", "Call the buyer", "Sample translation", "Meet the marketing team", "Send the revised quote",
        "Ask for the reference files", "Follow up on the tender",
    ]
    static let solutionNotes =
        "Workflow: translation, revision by a second linguist, client review (5 working days).\n"
        + "Tools: client's TM and termbase in our CAT tool; QA before delivery.\n"
        + "Team: two senior linguists per language, one reviewer.\nRisks: late source files; terminology sign-off."

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(identifier: "UTC")!
        func day(_ offset: Int) throws -> LocalDate {
            let date = now.addingTimeInterval(Double(offset) * 86_400)
            let parts = calendar.dateComponents(in: utc, from: date)
            return try LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        // Rates: "1 unit = rate × EUR", three dates each.
        let rates: [(String, [String])] = [
            ("USD", ["0.9180", "0.9245", "0.9312"]), ("GBP", ["1.1650", "1.1702", "1.1688"]),
            ("CHF", ["1.0410", "1.0488", "1.0523"]), ("JPY", ["0.006120", "0.006045", "0.005987"]),
        ]
        for (code, values) in rates {
            for (index, value) in values.enumerated() {
                try await stores.pipeline.exchangeRates.create(
                    ExchangeRate(
                        id: ids(), currency: try CurrencyCode(code), date: try day(-180 + index * 75),
                        rate: Decimal(canonical: value)!))
            }
        }
        let users = try await stores.users.list()
        let byEmail = { (email: String) in users.first { $0.email.value == email }!.id }
        let pms = ["paula.project@lumen.example", "pierre.durand@lumen.example", "priya.natarajan@lumen.example"]
            .map(byEmail)
        let stages = StageList(try await stores.pipeline.stages.list())
        let reasons = try await stores.pipeline.lostReasons.list()
        // The accounts step's fixed IDs; each deal is owned by its account's rep (every fourth by
        // the sales manager) and partnered by its account's PM.
        var accounts: [Account] = []
        for id in DemoAccounts.accountIDs {
            if let account = try await stores.accounts.find(id: id) { accounts.append(account) }
        }
        guard !accounts.isEmpty else { return }
        let manager = byEmail("manager@lumen.example")
        let design = stages.milestone(.solutionDesign)
        var dice = Dice(state: 11)
        for index in 0..<opportunityCount {
            // Every stage gets deals; open stages get most.
            let slot = index % (stages.stages.count + 2)
            let stage = slot < stages.stages.count ? stages.stages[slot] : stages.open[index % stages.open.count]
            let closed = stage.outcome != .open
            let currency = [
                CurrencyCode.eur, .eur, .eur, .usd, .gbp, try CurrencyCode("CHF"), try CurrencyCode("JPY"),
            ][
                dice.next(7)]
            let base = [800, 2_500, 6_000, 12_000, 24_000, 48_000, 95_000, 160_000][dice.next(8)]
            let amount = Decimal(currency.code == "JPY" ? base * 160 : base) + Decimal(dice.next(100) * 10)
            let capability = dice.next(10) == 0
            let pastDesign = design.map { stage.order >= $0.order } ?? false
            let withPM = pastDesign || dice.next(3) == 0
            let closeOffset = closed ? -dice.next(150) - 5 : dice.next(200) - 20
            let hasNextStep = !closed && dice.next(2) == 0
            let created = now.addingTimeInterval(-Double(60 + dice.next(200)) * 86_400)
            let account = accounts[index % accounts.count]
            let opportunity = Opportunity(
                id: ids(), accountID: account.id,
                name: "\(dealNames[index % dealNames.count]) \(2026 + index % 2)",
                sourceLanguage: try LanguageTag("en"),
                targetLanguages: try dice.pick(targetSets).map(LanguageTag.init), services: dice.pick(serviceSets),
                estimatedWords: Int(truncating: NSDecimalNumber(decimal: amount)) * 8 / 2 + 300,
                expectedValue: Money(amount, currency), closeDate: try day(closeOffset),
                ownerID: index % 4 == 3 ? manager : account.ownerId ?? manager,
                partnerPmID: withPM ? account.partnerPmId ?? pms[index % pms.count] : nil, stageID: stage.id,
                probabilityOverride: !closed && dice.next(8) == 0 ? 5 * (2 + dice.next(17)) : nil,
                nextStep: hasNextStep ? dice.pick(nextSteps) : "",
                nextStepDue: hasNextStep ? try day(dice.next(30) - 15) : nil,
                lostReasonID: stage.outcome == .lost ? reasons[index % reasons.count].id : nil,
                lostNote: stage.outcome == .lost && index % 2 == 0
                    ? "Client chose a cheaper offer after the pilot." : "",
                capabilityBuilding: capability,
                capabilityReason: capability ? "First project in this language pair for the medical team" : "",
                solutionNotes: pastDesign && stage.outcome != .lost ? solutionNotes : "",
                solutionNotesBy: pastDesign && stage.outcome != .lost
                    ? account.partnerPmId ?? pms[index % pms.count] : nil,
                solutionNotesAt: pastDesign && stage.outcome != .lost ? created.addingTimeInterval(14 * 86_400) : nil,
                createdAt: created, updatedAt: created.addingTimeInterval(20 * 86_400))
            try await stores.pipeline.opportunities.create(opportunity)
        }
    }
}
