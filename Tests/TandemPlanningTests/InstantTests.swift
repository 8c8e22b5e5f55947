import Foundation
import Testing

@testable import TandemPlanning

@Suite("Instants and local days")
struct InstantTests {
    @Test(arguments: [
        ("2027-03-01T08:00:00Z", "2027-03-01T08:00:00Z"),
        ("2027-03-01T08:00Z", "2027-03-01T08:00:00Z"),
        ("2027-03-01T08:00:59.999Z", "2027-03-01T08:00:00Z"),
        ("2027-03-01T09:30:00+01:00", "2027-03-01T08:30:00Z"),
        ("2027-03-01T03:00:00-05:00", "2027-03-01T08:00:00Z"),
        ("2027-03-01T00:30:00+0100", "2027-02-28T23:30:00Z"),
        ("2028-02-29T12:00:00Z", "2028-02-29T12:00:00Z"),
    ])
    func parsesAndPrintsUTC(text: String, expected: String) throws {
        let instant = try #require(Instant(iso8601: text))
        #expect(instant.iso8601 == expected)
        #expect(Instant(instant.date) == instant)
    }

    @Test(arguments: [
        "2027-02-29T08:00:00Z", "2027-03-01T24:00:00Z", "2027-03-01 08:00", "2027-03-01T08:00:00", "next week", "",
    ])
    func rejectsNonsense(text: String) {
        #expect(Instant(iso8601: text) == nil)
    }

    @Test func localDaysKnowTheirWeekday() {
        #expect(LocalDay(iso: "2027-03-29")?.weekday == .mon)
        #expect(LocalDay(iso: "1969-12-31")?.weekday == .wed)
        #expect(LocalDay(iso: "2027-13-01") == nil)
    }
}
