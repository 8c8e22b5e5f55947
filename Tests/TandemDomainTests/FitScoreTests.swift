import Foundation
import Testing

@testable import TandemDomain

@Suite("Fit score")
struct FitScoreTests {
    let enJa = LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag("ja"))
    let enKo = LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag("ko"))

    @Test("each part adds up: bench 25, on time 35 × share, margin 20 × share, capacity 20 at 40 h")
    func parts() {
        let full = PairCapability(
            approvedVendors: 3, judged: 20, kept: 20, delivered: 20, atMargin: 20, freeHours4: 40, freeHours8: 80,
            freeHours12: 120)
        #expect(FitScore.pairScore(full) == 100)
        // 3 vendors (25) + 13 of 20 on time (22.75) + 18 of 20 at margin (18) + 20 h of 40 (10) = 75.75 → 76.
        let mixed = PairCapability(
            approvedVendors: 3, judged: 20, kept: 13, delivered: 20, atMargin: 18, freeHours4: 20, freeHours12: 60)
        #expect(FitScore.pairScore(mixed) == 76)
        let oneVendorNoHistory = PairCapability(approvedVendors: 1, freeHours4: 0, freeHours12: 10)
        #expect(FitScore.pairScore(oneVendorNoHistory) == 10 + 15 + 10 + 5)
    }

    @Test("a pair without an approved vendor scores 0, whatever its history")
    func noBench() {
        let c = PairCapability(approvedVendors: 0, judged: 20, kept: 20, delivered: 20, atMargin: 20, freeHours4: 99)
        #expect(FitScore.pairScore(c) == 0)
        let result = FitScore.score([(enKo, c)])
        #expect(result.score == 0)
        #expect(result.outsideCapability)
        #expect(result.reasons.first == .noVendor(pair: enKo))
    }

    @Test("the domain's vendors are the bench when a domain is asked")
    func domainBench() {
        let c = PairCapability(approvedVendors: 5, domainVendors: 0, domain: "medical", freeHours12: 10)
        #expect(FitScore.pairScore(c) == 5 + 15 + 10 + 5, "vendors for the pair, none for the domain: 5 for the bench")
        #expect(FitScore.reasons(enJa, c).first == .noDomainVendor(pair: enJa, domain: "medical", pairVendors: 5))
        #expect(!FitScore.score([(enJa, c)]).outsideCapability)
        let three = PairCapability(approvedVendors: 5, domainVendors: 3, domain: "medical", freeHours12: 10)
        #expect(FitScore.reasons(enJa, three).first == .bench(pair: enJa, domain: "medical", count: 3))
    }

    @Test("several pairs score their mean, concerns first, and no pair scores 0 with its reason")
    func severalPairs() {
        let good = PairCapability(
            approvedVendors: 3, judged: 20, kept: 20, delivered: 20, atMargin: 20, freeHours4: 40, freeHours12: 120)
        let none = PairCapability()
        let result = FitScore.score([(enJa, good), (enKo, none)])
        #expect(result.score == 50)
        #expect(result.reasons.first == .noVendor(pair: enKo))
        #expect(result.reasons.contains(.onTime(pair: enJa, kept: 20, judged: 20)))
        #expect(!result.reasons.contains { if case .freeCapacity(let p, _, _) = $0 { p == enKo } else { false } })
        #expect(FitScore.score([]) == FitScore.Result(score: 0, reasons: [.noPairs], outsideCapability: false))
    }

    @Test("the typical job kept at margin is told and does not change the score")
    func typicalJob() {
        var c = PairCapability(
            approvedVendors: 3, judged: 20, kept: 20, delivered: 20, atMargin: 20, freeHours4: 40, freeHours12: 120)
        let without = FitScore.pairScore(c)
        c.typicalWords = 2400
        c.typicalDays = 6
        #expect(FitScore.pairScore(c) == without)
        let result = FitScore.score([(enJa, c)])
        #expect(result.reasons.contains(.typicalJob(pair: enJa, words: 2400, days: 6)))
        #expect(!FitReason.typicalJob(pair: enJa, words: 2400, days: 6).isConcern)
    }

    @Test("a poor on-time record is a concern; fewer than 3 judged jobs are little history")
    func concerns() {
        #expect(FitReason.onTime(pair: enJa, kept: 12, judged: 20).isConcern)
        #expect(!FitReason.onTime(pair: enJa, kept: 17, judged: 20).isConcern)
        let c = PairCapability(approvedVendors: 2, judged: 2, kept: 2, freeHours4: 50, freeHours12: 100)
        #expect(FitScore.reasons(enJa, c).contains(.littleHistory(pair: enJa, judged: 2)))
        #expect(FitScore.pairScore(c) == 18 + 15 + 10 + 20)
    }
}
