import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

@Suite("Splitting, chains, four-eyes, sharing, verdicts")
struct PlanningRulesTests {
    @Test func oneVendorPerStepUsesTheFastest() throws {
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 8000)))

        let result = try Fixtures.check(Fixtures.workedExampleVendors, request)

        // 8,000 words at 300 w/h = 26 h 40 min: Mon, Tue, Wed and Thu 09:00–11:40.
        #expect(result.targets[0].steps[0].assignments.map(\.vendor) == ["ana"])
        #expect(result.earliestDelivery == Fixtures.t("2027-03-04T11:40:00Z"))
        #expect(result.verdict == .amber)  // 5 h 20 min of an 81 h window is under 10%
    }

    @Test func chainOfThreeSteps() throws {
        let vendors =
            Fixtures.workedExampleVendors + [
                Fixtures.vendor("dora", Fixtures.capability(service: .proofreading, wph: 2000))
            ]
        let request = Fixtures.request(
            deadline: "2027-03-08T17:00:00Z", maxVendors: 2,
            Fixtures.target(steps: (.translation, 8000), (.revision, 8000), (.proofreading, 8000)))

        let result = try Fixtures.check(vendors, request)

        let steps = result.targets[0].steps
        #expect(
            steps.map(\.end) == [
                Fixtures.t("2027-03-02T17:00:00Z"), Fixtures.t("2027-03-03T17:00:00Z"),
                Fixtures.t("2027-03-04T13:00:00Z"),
            ])
        #expect(steps[2].start == Fixtures.t("2027-03-04T09:00:00Z"))
    }

    @Test func fourEyesKeepsTheTranslatorOffRevision() throws {
        let vendors = [
            Fixtures.vendor("ana", Fixtures.capability(wph: 300), Fixtures.capability(service: .revision, wph: 2000)),
            Fixtures.vendor("chloe", Fixtures.capability(service: .revision, wph: 600)),
        ]
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 2400), (.revision, 2400)))

        let result = try Fixtures.check(vendors, request)

        // ana translates Mon 09–17; chloe (not ana) revises Tue 09:00–13:00.
        #expect(result.targets[0].steps[0].assignments.map(\.vendor) == ["ana"])
        #expect(result.targets[0].steps[1].assignments.map(\.vendor) == ["chloe"])
        #expect(result.earliestDelivery == Fixtures.t("2027-03-02T13:00:00Z"))
    }

    @Test func fourEyesWithNoOtherReviserIsRed() throws {
        let vendors = [
            Fixtures.vendor("ana", Fixtures.capability(wph: 300), Fixtures.capability(service: .revision, wph: 2000))
        ]
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 2400), (.revision, 2400)))

        let result = try Fixtures.check(vendors, request)

        #expect(result.verdict == .red)
        #expect(result.earliestDelivery == nil)
        #expect(
            result.reasons.contains(
                .allRuledOut(
                    target: Fixtures.tag("fr"), source: Fixtures.tag("en"), service: .revision, fourEyes: 1, excluded: 0
                )))
    }

    @Test func targetsShareAVendorsTime() throws {
        let vendors = [
            Fixtures.vendor("max", Fixtures.capability("en", "fr", wph: 300), Fixtures.capability("en", "de", wph: 300))
        ]
        let request = Fixtures.request(
            Fixtures.target("en", "fr", steps: (.translation, 2400)),
            Fixtures.target("en", "de", steps: (.translation, 2400)))

        let result = try Fixtures.check(vendors, request)

        let deliveries = result.targets.compactMap(\.delivery).sorted()
        #expect(deliveries == [Fixtures.t("2027-03-01T17:00:00Z"), Fixtures.t("2027-03-02T17:00:00Z")])
    }

    @Test func regionalTargetAcceptsLanguageOnlyCapability() throws {
        let vendors = [
            Fixtures.vendor("ana", Fixtures.capability("en", "fr", wph: 300)),
            Fixtures.vendor("luc", Fixtures.capability("en", "fr-CA", wph: 900)),
        ]

        let result = try Fixtures.check(
            vendors, Fixtures.request(Fixtures.target("en-US", "fr-FR", steps: (.translation, 2400))))

        // fr serves fr-FR; fr-CA does not.
        #expect(result.targets[0].steps[0].assignments.map(\.vendor) == ["ana"])
    }

    @Test func noVendorForThePairIsRedWithAReason() throws {
        let result = try Fixtures.check(
            Fixtures.workedExampleVendors, Fixtures.request(Fixtures.target("en", "ja", steps: (.translation, 100))))

        #expect(result.verdict == .red)
        #expect(
            result.reasons.contains(
                .noCapableVendor(target: Fixtures.tag("ja"), source: Fixtures.tag("en"), service: .translation)))
    }

    @Test func excludedVendorIsNotPlanned() throws {
        let request = Fixtures.request(
            deadline: "2027-03-10T17:00:00Z", excluded: ["ana"], Fixtures.target(steps: (.translation, 1600)))

        let excluded = try Fixtures.check(Fixtures.workedExampleVendors, request)

        #expect(excluded.targets[0].steps[0].assignments.map(\.vendor) == ["ben"])
    }

    /// ana and ben are equally fast and cost the same; the preferred one gets the work.
    @Test func preferredVendorIsChosenOnATie() throws {
        let vendors = [
            Fixtures.vendor("ana", Fixtures.capability(wph: 300)),
            Fixtures.vendor("ben", Fixtures.capability(wph: 300)),
        ]

        let preferred = try Fixtures.check(
            vendors, Fixtures.request(preferred: ["ben"], Fixtures.target(steps: (.translation, 1600))))

        #expect(preferred.targets[0].steps[0].assignments.map(\.vendor) == ["ben"])
    }

    @Test func redWhenLate() throws {
        let request = Fixtures.request(
            deadline: "2027-03-02T12:00:00Z", maxVendors: 2,
            Fixtures.target(steps: (.translation, 8000), (.revision, 8000)))

        let result = try Fixtures.check(Fixtures.workedExampleVendors, request)

        #expect(result.verdict == .red)
        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T17:00:00Z"))
        #expect(
            result.reasons.first
                == .late(
                    delivery: Fixtures.t("2027-03-03T17:00:00Z"), deadline: Fixtures.t("2027-03-02T12:00:00Z"),
                    lateBy: 29 * 60))
    }

    @Test func lateWithOneVendorPerStepSuggestsASplit() throws {
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 8000), (.revision, 8000)))

        let result = try Fixtures.check(Fixtures.workedExampleVendors, request)

        // ana alone until Thu 11:40, then chloe 8 h: Thu 11:40–17:00 and Fri 09:00–11:40.
        #expect(result.verdict == .red)
        #expect(result.earliestDelivery == Fixtures.t("2027-03-05T11:40:00Z"))
        #expect(result.reasons[1] == .widerSplitInTime(vendors: 2, delivery: Fixtures.t("2027-03-03T17:00:00Z")))
    }

    @Test func amberWhenSlackUnderTenPercent() throws {
        // Window Mon 08:00 → Wed 20:00 is 60 h; delivery Wed 17:00 leaves 3 h = 5%.
        let request = Fixtures.request(
            deadline: "2027-03-03T20:00:00Z", maxVendors: 2,
            Fixtures.target(steps: (.translation, 8000), (.revision, 8000)))

        let result = try Fixtures.check(Fixtures.workedExampleVendors, request)

        #expect(result.verdict == .amber)
        #expect(
            result.reasons.first
                == .tightSlack(
                    delivery: Fixtures.t("2027-03-03T17:00:00Z"), deadline: Fixtures.t("2027-03-03T20:00:00Z"),
                    slack: 180, windowPercent: 5, amberPercent: 10))
    }

    /// ana has a 90% tentative job on Tuesday 09:00–17:00; weighted, it blocks 7 h 12 min.
    static let likelyTentative = [
        Fixtures.vendor(
            "ana", tentative: [("2027-03-02T09:00:00Z", "2027-03-02T17:00:00Z", 0.9)], Fixtures.capability(wph: 300))
    ]
    /// 4,000 words (13 h 20 min, into Tuesday) by Tuesday 20:00.
    static let tightRequest = Fixtures.request(
        deadline: "2027-03-02T20:00:00Z", Fixtures.target(steps: (.translation, 4000)))

    @Test func likelyTentativeWorkWithRoomToSlideStaysGreen() throws {
        // ana alone: 16 h, Mon–Tue; weighted, it ends Wed 16:12, still before Thu 17:00.
        let request = Fixtures.request(deadline: "2027-03-04T17:00:00Z", Fixtures.target(steps: (.translation, 4800)))

        let result = try Fixtures.check(Self.likelyTentative, request)

        #expect(result.earliestDelivery == Fixtures.t("2027-03-02T17:00:00Z"))
        #expect(result.verdict == .green)
    }

    @Test func amberWhenLikelyTentativeWorkIsNeeded() throws {
        let amber = try Fixtures.check(Self.likelyTentative, Self.tightRequest)

        #expect(amber.earliestDelivery == Fixtures.t("2027-03-02T14:20:00Z"))
        #expect(amber.verdict == .amber)
        #expect(
            amber.reasons.contains(
                .tentativeOverlap(
                    vendor: "ana", minutes: 320, probability: 90, from: Fixtures.t("2027-03-02T09:00:00Z"))
            ))
        #expect(amber.confidence < 0.5)
    }

    @Test func unlikelyTentativeWorkStaysGreen() throws {
        let unlikely = [
            Fixtures.vendor(
                "ana", tentative: [("2027-03-02T09:00:00Z", "2027-03-02T17:00:00Z", 0.05)],
                Fixtures.capability(wph: 300))
        ]

        let green = try Fixtures.check(unlikely, Self.tightRequest)

        #expect(green.verdict == .green)
        #expect(green.confidence > 0.7)
    }

    @Test func planningStartsNoEarlierThanNow() throws {
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 300)))

        let result = try Fixtures.check(Fixtures.workedExampleVendors, request, now: "2027-03-01T12:30:00Z")

        #expect(result.earliestDelivery == Fixtures.t("2027-03-01T13:30:00Z"))
    }

    @Test func confidenceIsDeterministic() throws {
        let request = Fixtures.request(
            deadline: "2027-03-03T18:00:00Z", maxVendors: 2,
            Fixtures.target(steps: (.translation, 8000), (.revision, 8000)))

        let a = try Fixtures.check(Fixtures.workedExampleVendors, request)
        let b = try Fixtures.check(Fixtures.workedExampleVendors, request)

        #expect(a.confidence == b.confidence)
        // Seeded: the same figure in every process, on every machine.
        #expect(a.confidence == 0.23)
    }
}
