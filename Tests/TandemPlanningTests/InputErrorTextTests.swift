import Foundation
import TandemLocalization
import Testing

@testable import TandemPlanning
@testable import TandemPlanningText

/// Input errors are codes with arguments too; words come from the catalogs at the edge.
@Suite("Input errors as codes, rendered in the user's language")
struct InputErrorTextTests {
    /// One problem of every code, for checks that must cover them all.
    static let everyCode: [PlanningInputError.Problem] = [
        .required, .null(expected: .wholeNumber), .wrongType(expected: .list), .notJSON(detail: "unexpected end"),
        .unreadable(detail: "bad value"), .empty, .duplicateVendor(id: "v1", earlier: "vendors[0]"),
        .unknownVendor(id: "v9"), .unknownTimeZone("Europe/Pariss"), .notAWeekday("funday"),
        .notAClockTime("9am", example: "09:00"), .notADate("2027-02-30x"),
        .notAnInstant("next week", example: "2027-03-04T17:00:00Z"),
        .notAfter("2027-03-03T08:00:00Z", from: "2027-03-03T09:00:00Z"), .before("2027-02-28", from: "2027-03-01"),
        .notAfterStart("2027-02-04T17:00:00Z", start: "2027-03-01T08:00:00Z"), .hoursOutsideDay,
        .notAProbability(got: "1.4"), .notALanguageTag("f r"), .notACurrency("EURO", example: "EUR"), .noService,
        .notAPositiveWholeNumber(got: "-5"), .tooSmall(got: "0", minimum: "1"), .notAnAmount("0,08"),
        .notAPositiveRate("-1"), .noTargets, .noSteps, .missingRate("USD", base: "EUR"), .notAShare(got: "1.4"),
        .notAQualityScore(got: "120"), .oneAmount, .notWholeMinutes(got: "0.001"), .oneThroughput, .onePrice,
        .priceUnit("page", unit: "word"), .bandsSum(got: "7000", words: "8000"), .notABand("99"),
    ]

    static func error(_ problem: PlanningInputError.Problem) -> PlanningInputError {
        PlanningInputError(field: "vendors[2].timeZone", problem)
    }

    @Test func codesAreStableSnakeCaseAndDistinct() {
        let codes = Self.everyCode.map { Self.error($0).code }
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
        #expect(Self.error(.unknownTimeZone("x")).code == "unknown_time_zone")
    }

    /// The English catalog says exactly what `message` (and so `description`) says.
    @Test func theEnglishCatalogMatchesTheMessage() throws {
        let en = try Fixtures.localizer("en")
        for problem in Self.everyCode {
            let error = Self.error(problem)
            #expect(en.has("plan.input.\(error.code)"), "\(error.code)")
            #expect(PlanningText.text(for: error, localizer: en) == error.message, "\(error.code)")
        }
        for kind in PlanningInputError.ValueKind.allCases { #expect(en.has("plan.kind.\(kind.rawValue)")) }
    }

    @Test func everyCodeHasAFrenchTextWithItsValues() throws {
        let fr = try Fixtures.localizer("fr")
        for problem in Self.everyCode {
            let error = Self.error(problem)
            let text = PlanningText.text(for: error, localizer: fr)
            #expect(!text.contains("{") || error.code == "no_steps", "\(error.code): \(text)")
            #expect(text != error.message, "\(error.code) is not translated")
            for value in error.arguments.values where error.arguments["expected"] == nil {
                #expect(text.contains(value), "\(error.code): \(text)")
            }
        }
    }

    @Test func frenchInputErrors() throws {
        let fr = try Fixtures.localizer("fr")
        let nbsp = "\u{00A0}"
        #expect(
            PlanningText.text(for: Self.error(.unknownTimeZone("Europe/Pariss")), localizer: fr)
                == "fuseau horaire inconnu «\(nbsp)Europe/Pariss\(nbsp)»\(nbsp); utilisez un nom IANA comme Europe/Paris"
        )
        #expect(
            PlanningText.text(for: Self.error(.notAPositiveWholeNumber(got: "-5")), localizer: fr)
                == "doit être un nombre entier positif, et non -5")
        #expect(PlanningText.text(for: Self.error(.required), localizer: fr) == "est obligatoire")
        #expect(
            PlanningText.text(for: Self.error(.wrongType(expected: .wholeNumber)), localizer: fr)
                == "valeur attendue\(nbsp): un nombre entier")
        #expect(
            PlanningText.line(
                for: Self.error(.notAfter("2027-03-03T08:00:00Z", from: "2027-03-03T09:00:00Z")), localizer: fr)
                == "vendors[2].timeZone: 2027-03-03T08:00:00Z n’est pas postérieur à «\(nbsp)from\(nbsp)» (2027-03-03T09:00:00Z)"
        )
    }

    @Test func tandemPlanWritesTheErrorInTheUsersLanguage() throws {
        let text = ValidationTests.valid.replacingOccurrences(of: "\"Europe/Paris\"", with: "\"Europe/Pariss\"")
        let outcome = PlanRunner.run(
            fileContents: Data(text.utf8), format: .table, localizer: try Fixtures.localizer("fr"))
        #expect(outcome.exitCode == 65)
        #expect(outcome.standardOutput.isEmpty)
        #expect(
            outcome.standardError
                == "error: vendors[0].timeZone: fuseau horaire inconnu «\u{00A0}Europe/Pariss\u{00A0}»\u{00A0}; utilisez un nom IANA comme Europe/Paris\n"
        )
        let english = PlanRunner.run(
            fileContents: Data(text.utf8), format: .table, localizer: try Fixtures.localizer("en"))
        #expect(
            english.standardError
                == "error: vendors[0].timeZone: unknown time zone “Europe/Pariss”; use an IANA name such as Europe/Paris\n"
        )
    }
}
