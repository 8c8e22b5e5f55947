import Foundation
import TandemDomain
import TandemLocalization
import Testing

@testable import TandemPlanning
@testable import TandemPlanningText

/// Reasons are codes with typed arguments; words come from the catalogs at the edge.
@Suite("Reasons as codes, rendered in the user's language")
struct ReasonTextTests {
    static let fr = Fixtures.tag("fr")

    /// One reason of every code, for checks that must cover them all.
    static let everyCode: [FeasibilityReason] = {
        let at = Fixtures.t("2027-03-03T12:00:00Z")
        let later = Fixtures.t("2027-03-04T17:00:00Z")
        return [
            .deadlinePassed(deadline: at), .late(delivery: later, deadline: at, lateBy: 1740),
            .tightSlack(delivery: at, deadline: later, slack: 300, windowPercent: 6, amberPercent: 10),
            .needsTentativeTime(delivery: at, deadline: later),
            .onTime(delivery: at, deadline: later, slack: 1740, windowPercent: 29), .noPlan,
            .tentativeDelay(delivery: later), .tentativeDelayPastDeadline(delivery: later),
            .tentativeOverlap(vendor: "ana", minutes: 480, probability: 80, from: at),
            .widerSplit(vendors: 2, delivery: later), .widerSplitInTime(vendors: 2, delivery: at),
            .deliveredLast(target: fr, othersBy: at),
            .vendorBooked(target: fr, service: .revision, vendor: "chloe", until: at, start: at, eligible: 1),
            .vendorBusy(
                target: fr, service: .revision, vendor: "dan", until: at, start: at, eligible: 2,
                otherTarget: Fixtures.tag("fr-CA"), otherService: .translation),
            .vendorAbsent(
                target: fr, service: .translation, vendor: "ben", until: Fixtures.day("2027-03-02"), start: at,
                eligible: 3),
            .fourEyesExcluded(target: fr, service: .revision, vendors: ["ana", "ben"]),
            .noCapableVendor(target: Fixtures.tag("ja"), source: Fixtures.tag("en"), service: .translation),
            .allRuledOut(target: fr, source: Fixtures.tag("en"), service: .revision, fourEyes: 1, excluded: 1),
            .beyondHorizon(target: fr, service: .translation, days: 366),
            .vendorAbsentUntil(target: fr, service: .translation, vendor: "ben", until: at, start: at, eligible: 2),
            .qualityExcluded(target: fr, service: .translation, minimum: 80, vendors: ["ben"]),
            .betterQualitySkipped(
                target: fr, service: .translation, vendor: "chloe", quality: 95, chosen: ["ana"], chosenQuality: 80),
            .betterQualityChosen(
                target: fr, service: .translation, vendor: "ana", quality: 90, other: "ben", otherQuality: 70),
            .allBelowQuality(
                target: fr, source: Fixtures.tag("en"), service: .revision, minimum: 60, count: 2),
        ]
    }()

    @Test func codesAreStableSnakeCaseAndDistinct() {
        let codes = Self.everyCode.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
        #expect(Self.everyCode[12].code == "vendor_booked")
    }

    @Test func argumentsAreTypedValues() {
        let reason = FeasibilityReason.vendorAbsent(
            target: Self.fr, service: .translation, vendor: "ben", until: Fixtures.day("2027-03-02"),
            start: Fixtures.t("2027-03-03T09:00:00Z"), eligible: 2)

        #expect(reason.arguments["vendor"] == .vendor("ben"))
        #expect(reason.arguments["until"] == .day(Fixtures.day("2027-03-02")))
        #expect(reason.arguments["start"] == .instant(Fixtures.t("2027-03-03T09:00:00Z")))
        #expect(reason.arguments["count"] == .count(2))
    }

    @Test func everyCodeHasAnEnglishAndAFrenchMessageWithAllItsArguments() throws {
        let english = try Fixtures.localizer("en")
        let french = try Fixtures.localizer("fr")
        for reason in Self.everyCode {
            #expect(french.isTranslated("plan.reason.\(reason.code)"), "\(reason.code)")
            for localizer in [english, french] {
                let text = PlanningText.text(for: reason, localizer: localizer)
                #expect(!text.contains("{") && !text.hasPrefix("plan."), "\(localizer.locale) \(reason.code): \(text)")
            }
        }
    }

    @Test func bookedReviserInFrench() throws {
        let reason = FeasibilityReason.vendorBooked(
            target: Self.fr, service: .revision, vendor: "chloe", until: Fixtures.t("2027-03-03T12:00:00Z"),
            start: Fixtures.t("2027-03-03T12:00:00Z"), eligible: 1)

        let text = PlanningText.text(for: reason, localizer: try Fixtures.localizer("fr"))

        #expect(
            text
                == "fr, révision\u{00A0}: chloe, seul prestataire possible, a des travaux confirmés jusqu’au mer. 03/03/2027 12:00 UTC."
        )
    }

    @Test func lateInFrenchFormatsTheDuration() throws {
        let reason = FeasibilityReason.late(
            delivery: Fixtures.t("2027-03-03T17:00:00Z"), deadline: Fixtures.t("2027-03-02T12:00:00Z"), lateBy: 1770)

        let text = PlanningText.text(for: reason, localizer: try Fixtures.localizer("fr"))

        #expect(
            text
                == "Livraison au plus tôt le mer. 03/03/2027 17:00 UTC, soit 1 j 5 h 30 min après l’échéance du mar. 02/03/2027 12:00 UTC."
        )
    }

    @Test func jsonReasonsCarryCodeArgsAndFrenchText() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../docs/examples/booked-reviser.json")

        let outcome = PlanRunner.run(
            fileContents: try Data(contentsOf: url), format: .json, localizer: try Fixtures.localizer("fr"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let reasons = try #require(json["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["code"] as? String } == ["tight_slack", "vendor_booked"])
        let booked = reasons[1]
        let args = try #require(booked["args"] as? [String: Any])
        #expect(
            args.compactMapValues { $0 as? String } == [
                "target": "fr", "service": "revision", "vendor": "chloe", "until": "2027-03-03T12:00:00Z",
                "start": "2027-03-03T12:00:00Z",
            ])
        #expect(args["count"] as? Int == 1)
        #expect(
            (booked["text"] as? String)?.hasPrefix("fr, révision\u{00A0}: chloe, seul prestataire possible") == true)
    }

    @Test func tableInFrenchUsesFrenchLabels() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../docs/examples/worked-example.json")

        let outcome = PlanRunner.run(
            fileContents: try Data(contentsOf: url), format: .table, localizer: try Fixtures.localizer("fr"))

        #expect(outcome.standardOutput.hasPrefix("Verdict\u{00A0}: ✔ VERT   confiance 94\u{202F}%"))
        #expect(outcome.standardOutput.contains("Coût des prestataires\u{00A0}: 848,00\u{00A0}€"))
        #expect(
            outcome.standardOutput.contains("Pourquoi\u{00A0}:\n- Livraison au plus tôt le mer. 03/03/2027 17:00 UTC"))
    }

    @Test func reasonsRoundTripThroughJSONWithoutText() throws {
        let data = try JSONEncoder().encode(Self.everyCode)

        let decoded = try JSONDecoder().decode([FeasibilityReason].self, from: data)

        #expect(decoded == Self.everyCode)
        #expect(!String(decoding: data, as: UTF8.self).contains("\"text\""))
    }

    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], "fr-FR"), (["LANG": "en_US.UTF-8", "LC_ALL": "fr_CA.UTF-8"], "fr-CA"),
        (["LANG": "fr_FR.UTF-8", "LC_MESSAGES": "de_DE"], "de-DE"), (["LANG": "C"], "en"), ([:], "en"),
        (["LC_ALL": "", "LANG": "fr_BE.UTF-8@euro"], "fr-BE"),
    ])
    func commandLineLanguageFollowsPOSIXPrecedence(environment: [String: String], expected: String) {
        #expect(PlanningText.requestedLocale(environment: environment) == expected)
    }
}
