import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

@Suite("Calendars: absences, bookings, time zones, DST, holidays")
struct CalendarTests {
    let oneStep = Fixtures.target(steps: (.translation, 4800))  // 16 h at 300 w/h

    @Test func absenceSkipsTheDay() throws {
        let v = Fixtures.vendor("ana", absent: [("2027-03-01", "2027-03-01")], Fixtures.capability(wph: 300))

        let result = try Fixtures.check([v], Fixtures.request(oneStep))

        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-03-02T09:00:00Z"))
        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T17:00:00Z"))
    }

    @Test func bookedWorkIsWorkedAround() throws {
        let v = Fixtures.vendor(
            "ana", booked: [("2027-03-01T09:00:00Z", "2027-03-01T13:00:00Z")], Fixtures.capability(wph: 300))

        let result = try Fixtures.check([v], Fixtures.request(Fixtures.target(steps: (.translation, 2400))))

        // 8 h of work: Mon 13:00–17:00, then Tue 09:00–13:00.
        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-03-01T13:00:00Z"))
        #expect(result.earliestDelivery == Fixtures.t("2027-03-02T13:00:00Z"))
        #expect(
            result.reasons.contains(
                .vendorBooked(
                    target: Fixtures.tag("fr"), service: .translation, vendor: "ana",
                    until: Fixtures.t("2027-03-01T13:00:00Z"), start: Fixtures.t("2027-03-01T13:00:00Z"), eligible: 1)))
    }

    @Test func bookingInTheMiddleOfTheWorkPausesIt() throws {
        let v = Fixtures.vendor(
            "ana", booked: [("2027-03-01T11:00:00Z", "2027-03-01T12:30:00Z")], Fixtures.capability(wph: 300))

        let result = try Fixtures.check([v], Fixtures.request(Fixtures.target(steps: (.translation, 1500))))  // 5 h

        #expect(result.earliestDelivery == Fixtures.t("2027-03-01T15:30:00Z"))
    }

    @Test func minutesAreExact() throws {
        let v = Fixtures.vendor("ana", Fixtures.capability(wph: 7))

        // 85.7 → 86 min
        let result = try Fixtures.check([v], Fixtures.request(Fixtures.target(steps: (.translation, 10))))

        #expect(result.earliestDelivery == Fixtures.t("2027-03-01T10:26:00Z"))
    }

    @Test func tokyoHoursAreEarlyUTC() throws {
        let v = Fixtures.vendor("kenji", zone: "Asia/Tokyo", Fixtures.capability(wph: 300))

        let result = try Fixtures.check(
            [v], Fixtures.request(start: "2027-03-01T00:00:00Z", Fixtures.target(steps: (.translation, 2400))))

        // Tokyo is UTC+9 all year: 09:00–17:00 local is 00:00–08:00 UTC.
        #expect(result.earliestDelivery == Fixtures.t("2027-03-01T08:00:00Z"))
    }

    @Test func localHolidayOnADifferentUTCDate() throws {
        // Tue 2 March local in Tokyo is Mon 1 March 15:00 UTC – Tue 2 March 15:00 UTC.
        let v = Fixtures.vendor(
            "kenji", zone: "Asia/Tokyo", absent: [("2027-03-02", "2027-03-02")], Fixtures.capability(wph: 300))

        let result = try Fixtures.check([v], Fixtures.request(start: "2027-03-01T00:00:00Z", oneStep))

        // Mon 00:00–08:00 UTC, Tue off, Wed 00:00–08:00 UTC.
        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T08:00:00Z"))
    }

    @Test func parisSpringForwardWeek() throws {
        // Europe/Paris moves to UTC+2 on Sunday 28 March 2027: 09:00 local is 08:00 UTC on Friday
        // 26 March but 07:00 UTC on Monday 29 March.
        let v = Fixtures.vendor("marie", zone: "Europe/Paris", Fixtures.capability(wph: 300))

        let result = try Fixtures.check(
            [v], Fixtures.request(start: "2027-03-26T00:00:00Z", deadline: "2027-04-02T00:00:00Z", oneStep))

        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-03-26T08:00:00Z"))
        #expect(result.earliestDelivery == Fixtures.t("2027-03-29T15:00:00Z"))
    }

    @Test func newYorkSpringForwardWeek() throws {
        // America/New_York moves to UTC−4 on Sunday 14 March 2027.
        let v = Fixtures.vendor("joe", zone: "America/New_York", Fixtures.capability(wph: 300))

        let result = try Fixtures.check(
            [v], Fixtures.request(start: "2027-03-12T00:00:00Z", deadline: "2027-03-20T00:00:00Z", oneStep))

        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-03-12T14:00:00Z"))
        #expect(result.earliestDelivery == Fixtures.t("2027-03-15T21:00:00Z"))
    }

    @Test func parisFallBackWeek() throws {
        // Back to UTC+1 on Sunday 31 October 2027.
        let v = Fixtures.vendor("marie", zone: "Europe/Paris", Fixtures.capability(wph: 300))

        let result = try Fixtures.check(
            [v], Fixtures.request(start: "2027-10-29T00:00:00Z", deadline: "2027-11-05T00:00:00Z", oneStep))

        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-10-29T07:00:00Z"))
        #expect(result.earliestDelivery == Fixtures.t("2027-11-01T16:00:00Z"))
    }

    @Test func easterMondayHolidayAcrossDST() throws {
        // Easter Monday 29 March 2027 off in Berlin, the day after the clocks change.
        let v = Fixtures.vendor(
            "lena", zone: "Europe/Berlin", absent: [("2027-03-29", "2027-03-29")], Fixtures.capability(wph: 300))

        let result = try Fixtures.check(
            [v], Fixtures.request(start: "2027-03-26T00:00:00Z", deadline: "2027-04-02T00:00:00Z", oneStep))

        #expect(result.earliestDelivery == Fixtures.t("2027-03-30T15:00:00Z"))
    }

    @Test func splitWorkingDayAndWeekendHours() throws {
        let hours = [
            WorkingPeriod(days: [.mon], fromMinute: 9 * 60, toMinute: 12 * 60),
            WorkingPeriod(days: [.mon], fromMinute: 14 * 60, toMinute: 18 * 60),
            WorkingPeriod(days: [.sat], fromMinute: 10 * 60, toMinute: 11 * 60),
        ]
        let v = Fixtures.vendor("ana", hours: hours, Fixtures.capability(wph: 60))

        let result = try Fixtures.check(
            [v], Fixtures.request(deadline: "2027-03-10T00:00:00Z", Fixtures.target(steps: (.translation, 480))))

        // Mon 3 h + 4 h = 7 h, Sat 6 March 10:00–11:00 the eighth.
        #expect(result.earliestDelivery == Fixtures.t("2027-03-06T11:00:00Z"))
    }

    @Test func zoneRulesConvertBothWays() throws {
        let paris = try #require(ZoneRules(identifier: "Europe/Paris"))
        let summer = Fixtures.t("2027-07-01T07:00:00Z").minutes
        #expect(paris.offset(atUTC: summer) == 120)
        let local = CivilCalendar.dayNumber(year: 2027, month: 7, day: 1) * 1440 + 9 * 60
        #expect(paris.utc(fromLocal: local) == summer)
        // 02:30 on 28 March 2027 does not exist in Paris: it moves forward to 03:30 (01:30 UTC).
        let gap = CivilCalendar.dayNumber(year: 2027, month: 3, day: 28) * 1440 + 150
        #expect(paris.utc(fromLocal: gap) == Fixtures.t("2027-03-28T01:30:00Z").minutes)
        #expect(ZoneRules(identifier: "Europe/Pariss") == nil)
    }
}
