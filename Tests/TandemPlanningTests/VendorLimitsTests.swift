import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// What the vendor database adds to a vendor's time: part-day absences as instants, a maximum
/// booked share per day, and agencies' parallel workers. All UTC, Monday to Friday 09:00–17:00;
/// 2027-03-01 is a Monday.
@Suite("Vendor limits: part-day absences, booked share, agencies")
struct VendorLimitsTests {
    static func ana(
        absentFrom: [(String, String)] = [], booked: [(String, String)] = [], share: Decimal? = nil, workers: Int = 1,
        targets: [String] = ["fr"]
    ) -> PlanningVendor {
        var vendor = Fixtures.vendor("ana", booked: booked)
        vendor.capabilities = targets.map { Fixtures.capability("en", $0, .translation, wph: 300) }
        vendor.absentPeriods = absentFrom.map { TimeRange(start: Fixtures.t($0.0), end: Fixtures.t($0.1)) }
        vendor.maxBookedShare = share
        vendor.workers = workers
        return vendor
    }

    /// 2,400 words at 300 words per hour: one full working day.
    static let oneDay = Fixtures.request(Fixtures.target(steps: (.translation, 2400)))

    @Test func anAbsenceFrom13hMovesTheFinish() throws {
        let plain = try Fixtures.check([Self.ana()], Self.oneDay)
        let away = try Fixtures.check(
            [Self.ana(absentFrom: [("2027-03-01T13:00:00Z", "2027-03-01T15:00:00Z")])], Self.oneDay)

        #expect(plain.earliestDelivery == Fixtures.t("2027-03-01T17:00:00Z"))
        // 09:00–13:00 and 15:00–17:00 on Monday (6 h), the last 2 h on Tuesday.
        #expect(away.earliestDelivery == Fixtures.t("2027-03-02T11:00:00Z"))
        // `to` is exclusive: work resumes at 15:00 sharp.
        let spans = try CapacityIndex(vendors: [
            Self.ana(absentFrom: [("2027-03-01T13:00:00Z", "2027-03-01T15:00:00Z")])
        ]).check(
            Fixtures.request(Fixtures.target(steps: (.translation, 1500))), now: Fixtures.t("2027-03-01T08:00:00Z"))
        // 1,500 words = 5 h: 09:00–13:00, then 15:00–16:00.
        #expect(spans.earliestDelivery == Fixtures.t("2027-03-01T16:00:00Z"))
    }

    @Test func aMorningAbsenceIsTheReasonTheStepWaits() throws {
        let result = try Fixtures.check(
            [Self.ana(absentFrom: [("2027-03-01T07:00:00Z", "2027-03-01T11:00:00Z")])], Self.oneDay)

        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-03-01T11:00:00Z"))
        #expect(
            result.reasons.contains(
                .vendorAbsentUntil(
                    target: Fixtures.tag("fr"), service: .translation, vendor: "ana",
                    until: Fixtures.t("2027-03-01T11:00:00Z"), start: Fixtures.t("2027-03-01T11:00:00Z"), eligible: 1)))
    }

    @Test func aShareOfOneHalfHalvesTheDailyMinutes() throws {
        let result = try Fixtures.check([Self.ana(share: 0.5)], Self.oneDay)

        // 4 h a day: Monday and Tuesday 09:00–13:00.
        let assignment = result.targets[0].steps[0].assignments[0]
        #expect(result.earliestDelivery == Fixtures.t("2027-03-02T13:00:00Z"))
        #expect(assignment.start == Fixtures.t("2027-03-01T09:00:00Z"))
    }

    @Test func confirmedWorkCountsTowardsTheShare() throws {
        // 0.5 of 8 h is 4 h; 2 h are booked on Monday, so 2 h are left that day.
        let result = try Fixtures.check(
            [Self.ana(booked: [("2027-03-01T09:00:00Z", "2027-03-01T11:00:00Z")], share: 0.5)], Self.oneDay)

        #expect(result.targets[0].steps[0].start == Fixtures.t("2027-03-01T11:00:00Z"))
        // Monday 11:00–13:00, Tuesday 09:00–13:00, Wednesday 09:00–11:00.
        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T11:00:00Z"))
    }

    @Test func aCheckStartingWithinTheDayKeepsTheDaysAllowance() throws {
        let noon = Fixtures.request(start: "2027-03-01T12:00:00Z", Fixtures.target(steps: (.translation, 2400)))
        let window = TimeRange(start: Fixtures.t("2027-02-28T00:00:00Z"), end: Fixtures.t("2027-06-30T00:00:00Z"))

        let computed = try Fixtures.check([Self.ana(share: 0.5)], noon)
        let windowed = try CapacityIndex(vendors: [Self.ana(share: 0.5)], window: window).check(noon, now: noon.start)

        // Monday's 4 h from noon (12:00–16:00), then Tuesday 09:00–13:00.
        #expect(computed.earliestDelivery == Fixtures.t("2027-03-02T13:00:00Z"))
        #expect(windowed.earliestDelivery == computed.earliestDelivery)
        #expect(windowed.targets[0].steps[0].assignments[0].start == Fixtures.t("2027-03-01T12:00:00Z"))
    }

    @Test func bookingIntoAWindowedIndexHonoursTheShare() throws {
        let window = TimeRange(start: Fixtures.t("2027-02-28T00:00:00Z"), end: Fixtures.t("2027-06-30T00:00:00Z"))
        var index = try CapacityIndex(vendors: [Self.ana(share: 0.5)], window: window)
        // A booking after Monday's bookable hours still takes from Monday's allowance.
        try index.book(
            Booking(
                id: "late",
                range: TimeRange(start: Fixtures.t("2027-03-01T15:00:00Z"), end: Fixtures.t("2027-03-01T17:00:00Z"))),
            for: "ana")

        let result = try index.check(Self.oneDay, now: Self.oneDay.start)

        // Monday 09:00–11:00 only, Tuesday 09:00–13:00, Wednesday 09:00–11:00.
        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T11:00:00Z"))
        let released = index.release("late", for: "ana")
        #expect(released)
        #expect(
            try index.check(Self.oneDay, now: Self.oneDay.start).earliestDelivery == Fixtures.t("2027-03-02T13:00:00Z"))
    }

    @Test func anAgencyWithThreeWorkersFinishesThreeParallelJobsInTheTimeOfOne() throws {
        let targets = ["fr", "de", "es"]
        let request = Fixtures.request(
            deadline: "2027-03-08T17:00:00Z", Fixtures.target("en", "fr", steps: (.translation, 2400)),
            Fixtures.target("en", "de", steps: (.translation, 2400)),
            Fixtures.target("en", "es", steps: (.translation, 2400)))

        let person = try Fixtures.check([Self.ana(targets: targets)], request)
        let agency = try Fixtures.check([Self.ana(workers: 3, targets: targets)], request)

        #expect(person.earliestDelivery == Fixtures.t("2027-03-03T17:00:00Z"))
        // One job alone takes a person Monday; the agency does all three by Monday 17:00.
        #expect(agency.earliestDelivery == Fixtures.t("2027-03-01T17:00:00Z"))
        let deliveries = agency.targets.compactMap(\.delivery)
        #expect(deliveries.count == 3 && deliveries.allSatisfy { $0 <= Fixtures.t("2027-03-01T17:00:00Z") })
    }

    @Test func anAgencysBookingTakesOneWorkerNotTheAgency() throws {
        // All Monday booked for one of three workers: two are free, 600 words an hour.
        let result = try Fixtures.check(
            [Self.ana(booked: [("2027-03-01T09:00:00Z", "2027-03-01T17:00:00Z")], workers: 3)], Self.oneDay)

        #expect(result.earliestDelivery == Fixtures.t("2027-03-01T13:00:00Z"))
        let person = try Fixtures.check(
            [Self.ana(booked: [("2027-03-01T09:00:00Z", "2027-03-01T17:00:00Z")])], Self.oneDay)
        #expect(person.earliestDelivery == Fixtures.t("2027-03-02T17:00:00Z"))
    }

    @Test func anAgencysShareIsOfAllItsWorkersMinutes() throws {
        // 2 workers × 8 h × 0.75 = 12 worker-hours a day = 3,600 words.
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 4800)))
        let result = try Fixtures.check([Self.ana(share: 0.75, workers: 2)], request)

        // Monday 09:00–15:00 (12 worker-hours), Tuesday 09:00–11:00 (4 more).
        #expect(result.earliestDelivery == Fixtures.t("2027-03-02T11:00:00Z"))
    }

    @Test func libraryValidatesTheNewVendorFields() throws {
        var vendor = Self.ana(share: 0)
        #expect(throws: PlanningInputError(field: "vendors[0].maxBookedShare", .notAShare(got: "0"))) {
            _ = try CapacityIndex(vendors: [vendor])
        }
        vendor = Self.ana(workers: 0)
        #expect(throws: PlanningInputError(field: "vendors[0].workers", .tooSmall(got: "0", minimum: "1"))) {
            _ = try CapacityIndex(vendors: [vendor])
        }
        vendor = Self.ana()
        vendor.quality = 101
        #expect(throws: PlanningInputError(field: "vendors[0].quality", .notAQualityScore(got: "101"))) {
            _ = try CapacityIndex(vendors: [vendor])
        }
    }
}
