import Foundation
import Testing

@testable import TandemPlanning
@testable import TandemPlanningText

@Suite("Input validation: exit 65 with the field named")
struct ValidationTests {
    static let valid = """
        {"vendors": [{"id": "v1", "timeZone": "Europe/Paris",
           "workingHours": {"days": ["mon","tue","wed","thu","fri"], "from": "09:00", "to": "17:00"},
           "absences": [{"from": "2027-03-01", "to": "2027-03-01"}],
           "booked": [{"from": "2027-03-03T09:00:00Z", "to": "2027-03-03T13:00:00Z"}],
           "tentative": [{"from": "2027-03-04T09:00:00Z", "to": "2027-03-04T17:00:00Z", "probability": 0.4}],
           "capabilities": [{"source": "en", "target": "fr", "service": "translation",
                             "wordsPerHour": 300, "costPerWord": "0.08", "currency": "EUR"}]}],
         "request": {"start": "2027-03-01T08:00:00Z", "deadline": "2027-03-04T17:00:00Z",
           "maxVendorsPerStep": 2,
           "targets": [{"source": "en", "target": "fr", "steps": [
             {"service": "translation", "words": 800}, {"service": "revision", "words": 800}]}]}}
        """

    func run(_ text: String) -> PlanRunOutcome {
        PlanRunner.run(fileContents: Data(text.utf8), format: .json, localizer: try! Fixtures.localizer("en"))
    }

    @Test func theIssueExampleIsAccepted() {
        let outcome = run(Self.valid)
        #expect(outcome.exitCode == 0)
        // No reviser in this file: red, with the reason.
        #expect(outcome.standardOutput.contains("fr revision: no vendor offers en → fr revision."))
    }

    @Test(arguments: [
        ("\"Europe/Paris\"", "\"Europe/Pariss\"", "vendors[0].timeZone: unknown time zone “Europe/Pariss”"),
        (
            "\"words\": 800}, {", "\"words\": -5}, {",
            "request.targets[0].steps[0].words: must be a positive whole number, got -5"
        ),
        (
            "\"to\": \"2027-03-03T13:00:00Z\"", "\"to\": \"2027-03-03T08:00:00Z\"",
            "vendors[0].booked[0].to: 2027-03-03T08:00:00Z is not after “from”"
        ),
        (
            "\"probability\": 0.4", "\"probability\": 1.4",
            "vendors[0].tentative[0].probability: must be between 0 and 1"
        ),
        (
            "\"wordsPerHour\": 300", "\"wordsPerHour\": 0",
            "vendors[0].capabilities[0].wordsPerHour: must be a positive whole number"
        ),
        (
            "\"wordsPerHour\": 300", "\"wordsPerHour\": \"fast\"",
            "vendors[0].capabilities[0].wordsPerHour: expected a whole number"
        ),
        (
            "\"costPerWord\": \"0.08\"", "\"costPerWord\": \"0,08\"",
            "vendors[0].capabilities[0].costPerWord: “0,08” is not an amount"
        ),
        ("\"currency\": \"EUR\"", "\"currency\": \"EURO\"", "vendors[0].capabilities[0].currency:"),
        ("\"from\": \"09:00\"", "\"from\": \"9am\"", "vendors[0].workingHours.from: “9am” is not a time"),
        ("\"mon\",", "\"monday\", \"funday\",", "vendors[0].workingHours.days[1]: “funday” is not a weekday"),
        ("\"to\": \"2027-03-01\"", "\"to\": \"2027-02-28\"", "vendors[0].absences[0].to: 2027-02-28 is before"),
        (
            "\"deadline\": \"2027-03-04T17:00:00Z\"", "\"deadline\": \"2027-02-04T17:00:00Z\"",
            "request.deadline: 2027-02-04T17:00:00Z is not after the start"
        ),
        (
            "\"deadline\": \"2027-03-04T17:00:00Z\"", "\"deadline\": \"next week\"",
            "request.deadline: “next week” is not a time"
        ),
        ("\"maxVendorsPerStep\": 2", "\"maxVendorsPerStep\": 0", "request.maxVendorsPerStep: must be at least 1"),
        ("\"target\": \"fr\", \"steps\"", "\"target\": \"f r\", \"steps\"", "request.targets[0].target:"),
        ("\"id\": \"v1\", ", "", "vendors[0].id: is required"),
    ])
    func badFieldIsNamed(original: String, replacement: String, expected: String) {
        #expect(Self.valid.contains(original))
        let outcome = run(Self.valid.replacingOccurrences(of: original, with: replacement))

        #expect(outcome.exitCode == 65)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
    }

    @Test func duplicateVendorIDs() {
        let doubled = Self.valid.replacingOccurrences(
            of: "{\"vendors\": [{", with: "{\"vendors\": [{\"id\": \"v1\", \"timeZone\": \"UTC\"}, {")
        let outcome = run(doubled)
        #expect(outcome.exitCode == 65)
        #expect(outcome.standardError.contains("vendors[1].id: “v1” is already used by vendors[0]"))
    }

    @Test func unknownExcludedVendor() {
        let outcome = run(
            Self.valid.replacingOccurrences(
                of: "\"maxVendorsPerStep\": 2", with: "\"maxVendorsPerStep\": 2, \"excludedVendors\": [\"v9\"]"))
        #expect(outcome.exitCode == 65)
        #expect(outcome.standardError.contains("request.excludedVendors[0]: unknown vendor “v9”"))
    }

    @Test func notJSON() {
        let outcome = run("{\"vendors\": [")
        #expect(outcome.exitCode == 65)
        #expect(outcome.standardError.hasPrefix("error: file: is not valid JSON"))
    }

    @Test func libraryValidatesRequestsToo() throws {
        let index = try CapacityIndex(vendors: Fixtures.workedExampleVendors)
        var request = Fixtures.request(Fixtures.target(steps: (.translation, 100)))
        request.targets[0].steps[0].words = 0

        #expect(
            throws: PlanningInputError(field: "request.targets[0].steps[0].words", .notAPositiveWholeNumber(got: "0"))
        ) {
            try index.check(request, now: request.start)
        }
    }
}
