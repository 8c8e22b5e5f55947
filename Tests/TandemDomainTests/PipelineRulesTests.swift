import Foundation
import Testing

@testable import TandemDomain

/// Stages, probabilities, the Solution design rules and currency totals, as pure rules.
@Suite("Pipeline rules")
struct PipelineRulesTests {
    static func id<T>(_ n: Int) -> Identifier<T> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", n))!)
    }
    static let stages = StageList([
        Stage(id: id(1), name: "Lead", order: 10, probability: 10, outcome: .open),
        Stage(id: id(2), name: "Qualified", order: 20, probability: 25, outcome: .open),
        Stage(
            id: id(3), name: "Solution design", order: 30, probability: 40, outcome: .open, milestone: .solutionDesign),
        Stage(id: id(4), name: "Proposal", order: 40, probability: 60, outcome: .open, milestone: .proposal),
        Stage(id: id(6), name: "Won", order: 60, probability: 100, outcome: .won),
        Stage(id: id(7), name: "Lost", order: 70, probability: 0, outcome: .lost),
        Stage(id: id(5), name: "Negotiation", order: 50, probability: 80, outcome: .open),
    ])
    static func stage(_ name: String) -> Stage { stages.stages.first { $0.name == name }! }

    static func deal(
        _ amount: Decimal, _ currency: String = "EUR", close: String = "2027-02-15", pm: Bool = false,
        notes: String = "", capability: Bool = false
    ) -> Opportunity {
        Opportunity(
            id: id(100), accountID: id(200), name: "Deal", sourceLanguage: try! LanguageTag("en"),
            targetLanguages: [try! LanguageTag("fr"), try! LanguageTag("de")], services: [.translation],
            expectedValue: Money(amount, try! CurrencyCode(currency)), closeDate: try! LocalDate(iso: close),
            ownerID: id(300), partnerPmID: pm ? id(301) : nil, stageID: stage("Lead").id,
            capabilityBuilding: capability, solutionNotes: notes, createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func stagesAreInBoardOrderAndANewDealStartsInTheFirstOpenOne() {
        #expect(
            Self.stages.stages.map(\.name) == [
                "Lead", "Qualified", "Solution design", "Proposal", "Negotiation", "Won", "Lost",
            ])
        #expect(Self.stages.firstOpen?.name == "Lead")
        #expect(Self.stages.open.count == 5)
        #expect(Self.stages.milestone(.proposal)?.name == "Proposal")
    }

    @Test func theProbabilityFollowsTheStageUnlessOverridden() {
        var deal = Self.deal(1000)
        #expect(deal.probability(in: Self.stage("Proposal")) == 60)
        deal.probabilityOverride = 35
        #expect(deal.probability(in: Self.stage("Proposal")) == 35)
        #expect(Probability.check(101, field: "probability")?.field == "probability")
        #expect(Probability.check(-1, field: "probability") != nil)
        #expect(Probability.check(0, field: "probability") == nil)
    }

    @Test func stageValuesAreCheckedAllAtOnce() {
        let error = #expect(throws: ValidationErrors.self) {
            _ = try Stage.validate(name: " ", order: -5, probability: 140)
        }
        #expect(error?.errors.map(\.field) == ["name", "order", "probability"])
    }

    @Test func enteringSolutionDesignNeedsAPMPartner() throws {
        let error = #expect(throws: ValidationErrors.self) {
            try PipelineRules.checkMove(
                Self.deal(1000), to: Self.stage("Solution design"), stages: Self.stages, needsSolutionDesign: false,
                lostReasonID: nil, lostReason: nil)
        }
        #expect(error?.errors.map(\.field) == ["partnerPmId"])
        try PipelineRules.checkMove(
            Self.deal(1000, pm: true), to: Self.stage("Solution design"), stages: Self.stages,
            needsSolutionDesign: false, lostReasonID: nil, lostReason: nil)
    }

    @Test func aDealThatNeedsSolutionDesignCannotPassItWithoutNotes() throws {
        for later in ["Proposal", "Negotiation", "Won"] {
            let error = #expect(throws: ValidationErrors.self) {
                try PipelineRules.checkMove(
                    Self.deal(1000, pm: true), to: Self.stage(later), stages: Self.stages, needsSolutionDesign: true,
                    lostReasonID: nil, lostReason: nil)
            }
            #expect(error?.errors.map(\.field) == ["solutionNotes"])
        }
        // Earlier stages, Solution design itself and losing stay open; notes lift the rule.
        for allowed in ["Qualified", "Solution design"] {
            try PipelineRules.checkMove(
                Self.deal(1000, pm: true), to: Self.stage(allowed), stages: Self.stages, needsSolutionDesign: true,
                lostReasonID: nil, lostReason: nil)
        }
        try PipelineRules.checkMove(
            Self.deal(1000, pm: true, notes: "Two linguists, TM from the client"), to: Self.stage("Won"),
            stages: Self.stages, needsSolutionDesign: true, lostReasonID: nil, lostReason: nil)
        // A deal that does not need it may skip it.
        try PipelineRules.checkMove(
            Self.deal(1000), to: Self.stage("Proposal"), stages: Self.stages, needsSolutionDesign: false,
            lostReasonID: nil, lostReason: nil)
    }

    @Test func losingNeedsAKnownActiveReason() throws {
        let reason = LostReason(id: Self.id(9), name: "Price")
        let none = #expect(throws: ValidationErrors.self) {
            try PipelineRules.checkMove(
                Self.deal(1000), to: Self.stage("Lost"), stages: Self.stages, needsSolutionDesign: true,
                lostReasonID: nil, lostReason: nil)
        }
        #expect(none?.errors.map(\.key) == ["error.opportunity.lost_reason_required"])
        let unknown = #expect(throws: ValidationErrors.self) {
            try PipelineRules.checkMove(
                Self.deal(1000), to: Self.stage("Lost"), stages: Self.stages, needsSolutionDesign: false,
                lostReasonID: Self.id(10), lostReason: nil)
        }
        #expect(unknown?.errors.map(\.field) == ["lostReasonId"])
        try PipelineRules.checkMove(
            Self.deal(1000), to: Self.stage("Lost"), stages: Self.stages, needsSolutionDesign: true,
            lostReasonID: reason.id, lostReason: reason)
    }

    @Test func whatMakesADealNeedSolutionDesign() throws {
        let en = try LanguageTag("en")
        let known = DeliveryHistory(
            languagePairs: [
                LanguagePair(source: en, target: try LanguageTag("fr")),
                LanguagePair(source: en, target: try LanguageTag("de")),
            ],
            domains: ["legal"])
        let settings = PipelineSettings(solutionDesignThreshold: 50_000)
        func reasons(
            _ deal: Opportunity, value: Decimal?, domains: Set<String> = ["legal"], history: DeliveryHistory = known
        )
            -> [SolutionDesignReason]
        {
            PipelineRules.solutionDesignReasons(
                for: deal, domains: domains, valueInBase: value.map { Money($0, .eur) }, settings: settings,
                history: history)
        }
        #expect(reasons(Self.deal(50_000), value: 50_000).isEmpty)
        #expect(reasons(Self.deal(50_001), value: 50_001) == [.aboveThreshold])
        #expect(reasons(Self.deal(10, "USD"), value: nil) == [.valueUnknown])
        #expect(reasons(Self.deal(10), value: 10, domains: ["medical"]) == [.newDomain])
        #expect(reasons(Self.deal(10), value: 10, history: DeliveryHistory(domains: ["legal"])) == [.newLanguagePair])
        #expect(reasons(Self.deal(10, capability: true), value: 10) == [.capabilityBuilding])
    }

    @Test func ratesAreTheLatestOnOrBeforeTheDay() throws {
        let usd = try CurrencyCode("USD")
        let table = ExchangeRateTable(
            base: .eur,
            rates: [
                ExchangeRate(
                    id: Self.id(1), currency: usd, date: try LocalDate(iso: "2026-11-01"),
                    rate: Decimal(string: "0.92")!),
                ExchangeRate(
                    id: Self.id(2), currency: usd, date: try LocalDate(iso: "2026-12-01"),
                    rate: Decimal(string: "0.95")!),
            ])
        #expect(table.rate(for: usd, on: try LocalDate(iso: "2026-10-31")) == nil)
        #expect(table.rate(for: usd, on: try LocalDate(iso: "2026-11-30"))?.id == Self.id(1))
        #expect(table.rate(for: usd, on: try LocalDate(iso: "2026-12-01"))?.id == Self.id(2))
        let converted = table.convert(Money(1000, usd), on: try LocalDate(iso: "2027-06-01"))
        #expect(converted?.value == Money(950, .eur))
        #expect(converted?.rate?.id == Self.id(2))
        #expect(table.convert(Money(7, .eur), on: try LocalDate(iso: "2000-01-01"))?.rate == nil)
    }

    @Test func columnTotalsAreInTheBaseCurrencyAndNameTheirRates() throws {
        let usd = try CurrencyCode("USD")
        let gbp = try CurrencyCode("GBP")
        let rate = ExchangeRate(
            id: Self.id(1), currency: usd, date: try LocalDate(iso: "2026-11-01"), rate: Decimal(string: "0.9215")!)
        let table = ExchangeRateTable(base: .eur, rates: [rate])
        let deals: [(opportunity: Opportunity, probability: Int)] = [
            (Self.deal(Decimal(string: "1000.10")!), 60),
            (Self.deal(Decimal(string: "333.33")!, "USD"), 25),
            (Self.deal(500, "GBP"), 40),
            (Self.deal(200, "GBP"), 40),
        ]
        let total = PipelineTotals.total(deals, rates: table)
        #expect(total.count == 4)
        // 1000.10 + 333.33 × 0.9215 = 1000.10 + 307.163595 = 1307.263595 → 1307.26
        #expect(total.total == Money(Decimal(string: "1307.26")!, .eur))
        // 600.06 + 76.79089875 = 676.85089875 → 676.85
        #expect(total.weighted == Money(Decimal(string: "676.85")!, .eur))
        #expect(total.ratesUsed == [rate])
        #expect(total.missing == [PipelineTotal.Missing(currency: gbp, count: 2, amount: Money(700, gbp))])
    }

    @Test func anEmptyColumnTotalsZero() {
        let total = PipelineTotals.total([], rates: ExchangeRateTable(base: .eur, rates: []))
        #expect(total.count == 0 && total.total == Money(0, .eur) && total.missing.isEmpty)
    }

    @Test func ratesAreCheckedAsEntered() {
        let error = #expect(throws: ValidationErrors.self) {
            _ = try ExchangeRate.validate(currency: "EUR", date: "2026-13-01", rate: "-1", base: .eur)
        }
        #expect(error?.errors.map(\.field) == ["currency", "date", "rate"])
        #expect(throws: Never.self) {
            _ = try ExchangeRate.validate(currency: "usd", date: "2026-11-01", rate: "1.08", base: .eur)
        }
    }
}
