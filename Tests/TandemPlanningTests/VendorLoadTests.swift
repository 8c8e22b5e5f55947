import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// What the heatmap and the vendor timeline show: working, booked, tentative and free minutes.
@Suite("Vendor load per period")
struct VendorLoadTests {
    typealias F = Fixtures

    /// Monday 2027-03-01 to Monday 2027-03-08, day by day.
    static let days = (0...7).map { F.t("2027-03-01T00:00:00Z") + $0 * 1440 }

    @Test func bookingsTentativeWorkAndAbsencesShareTheWorkingDay() throws {
        let vendor = F.vendor(
            "ana", absent: [("2027-03-03", "2027-03-03")],
            booked: [
                ("2027-03-01T09:00:00Z", "2027-03-01T13:00:00Z"), ("2027-03-02T20:00:00Z", "2027-03-02T22:00:00Z"),
            ],
            tentative: [
                ("2027-03-01T13:00:00Z", "2027-03-01T17:00:00Z", 0.5),
                ("2027-03-04T09:00:00Z", "2027-03-04T13:00:00Z", 0.25),
            ],
            F.capability(wph: 300))
        let index = try CapacityIndex(vendors: [vendor])
        let load = try #require(index.load(of: "ana", bounds: Self.days))
        #expect(load.count == 7)
        // Monday: 8 h of work, 4 h booked, half of a 4 h tentative job (2 h), 2 h free.
        #expect(load[0] == VendorLoad(working: 480, booked: 240, tentative: 120))
        #expect(load[0].free == 120)
        // Tuesday: the booking is after hours, so it takes no working time.
        #expect(load[1] == VendorLoad(working: 480, booked: 0, tentative: 0))
        // Wednesday: absent.
        #expect(load[2] == VendorLoad())
        // Thursday: a quarter of 4 h.
        #expect(load[3] == VendorLoad(working: 480, booked: 0, tentative: 60))
        // The weekend has no working hours.
        #expect(load[5] == VendorLoad() && load[6] == VendorLoad())
        #expect(index.load(of: "nobody", bounds: Self.days) == nil)
    }

    @Test func tentativeWorkOverlappingABookingIsNotCountedTwice() throws {
        let vendor = F.vendor(
            "ben", booked: [("2027-03-01T09:00:00Z", "2027-03-01T17:00:00Z")],
            tentative: [("2027-03-01T09:00:00Z", "2027-03-01T17:00:00Z", 1.0)], F.capability(wph: 300))
        let index = try CapacityIndex(vendors: [vendor])
        let load = try #require(index.load(of: "ben", bounds: Array(Self.days[0...1])))
        #expect(load == [VendorLoad(working: 480, booked: 480, tentative: 0)])
    }

    @Test func theLoadFollowsBookingsAddedAndReleased() throws {
        var index = try CapacityIndex(vendors: [F.vendor("ana", F.capability(wph: 300))])
        let range = TimeRange(start: F.t("2027-03-02T09:00:00Z"), end: F.t("2027-03-02T12:00:00Z"))
        try index.book(Booking(id: "job-1", range: range), for: "ana")
        #expect(index.load(of: "ana", bounds: [Self.days[1], Self.days[2]]) == [VendorLoad(working: 480, booked: 180)])
        index.release("job-1", for: "ana")
        #expect(index.load(of: "ana", bounds: [Self.days[1], Self.days[2]]) == [VendorLoad(working: 480)])
    }

    @Test func aPlanFileWrittenOutReadsBackTheSame() throws {
        let file = PlanFile(
            vendors: [
                F.vendor(
                    "ana", zone: "Europe/Paris",
                    hours: [WorkingPeriod(days: [.mon, .tue], fromMinute: 480, toMinute: 1440)],
                    absent: [("2027-03-03", "2027-03-04")], booked: [("2027-03-01T09:00:00Z", "2027-03-01T13:00:00Z")],
                    tentative: [("2027-03-02T09:00:00Z", "2027-03-02T13:00:00Z", 0.35)],
                    F.capability(wph: 275, cost: "0.085"),
                    F.capability("en", "fr-CA", .revision, wph: 900, currency: .usd))
            ],
            request: FeasibilityRequest(
                start: F.t("2027-03-01T08:00:00Z"), deadline: F.t("2027-03-05T17:00:00Z"), maxVendorsPerStep: 2,
                targets: [F.target(steps: (.translation, 4000), (.revision, 4000))], preferredVendors: ["ana"],
                excludedVendors: ["zed"],
                exchangeRates: ExchangeRates(currency: .eur, rates: ["USD": Decimal(string: "0.92")!])))
        let again = try PlanFile.decode(file.encoded())
        #expect(again.vendors == file.vendors)
        #expect(again.request == file.request)
    }
}
