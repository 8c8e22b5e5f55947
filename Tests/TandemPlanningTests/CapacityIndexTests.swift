import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

@Suite("Capacity index: incremental updates")
struct CapacityIndexTests {
    /// ana alone, 2,400 words at 300 w/h: Monday 09:00–17:00.
    static let ana = Fixtures.vendor("ana", Fixtures.capability(wph: 300))
    static let request = Fixtures.request(Fixtures.target(steps: (.translation, 2400)))
    static let job = Booking(
        id: "job-1",
        range: TimeRange(start: Fixtures.t("2027-03-01T09:00:00Z"), end: Fixtures.t("2027-03-01T12:00:00Z")))

    @Test func bookingMovesTheDeliveryLater() throws {
        var index = try CapacityIndex(vendors: [Self.ana])

        try index.book(Self.job, for: "ana")

        #expect(
            try index.check(Self.request, now: Self.request.start).earliestDelivery
                == Fixtures.t("2027-03-02T12:00:00Z"))
    }

    @Test func releasingABookingRestoresTheDelivery() throws {
        var index = try CapacityIndex(vendors: [Self.ana])
        try index.book(Self.job, for: "ana")

        let released = index.release("job-1", for: "ana")

        #expect(released)
        #expect(
            try index.check(Self.request, now: Self.request.start).earliestDelivery
                == Fixtures.t("2027-03-01T17:00:00Z"))
        let releasedTwice = index.release("job-1", for: "ana")
        #expect(!releasedTwice)
    }

    @Test func upsertReplacesAVendor() throws {
        var index = try CapacityIndex(vendors: [Self.ana])

        try index.upsert(Fixtures.vendor("ana", Fixtures.capability(wph: 600)))

        #expect(
            try index.check(Self.request, now: Self.request.start).earliestDelivery
                == Fixtures.t("2027-03-01T13:00:00Z"))
        #expect(index.vendorCount == 1)
    }

    @Test func removeForgetsAVendor() throws {
        var index = try CapacityIndex(vendors: [Self.ana])

        index.remove("ana")

        let result = try index.check(Self.request, now: Self.request.start)
        #expect(result.verdict == .red)
        #expect(index.vendorCount == 0)
        #expect(
            result.reasons.contains(
                .noCapableVendor(target: Fixtures.tag("fr"), source: Fixtures.tag("en"), service: .translation)))
    }

    @Test func unknownTimeZoneIsRejected() {
        #expect(
            throws: PlanningInputError(field: "vendors[0].timeZone", .unknownTimeZone("Mars/Olympus"))
        ) {
            try CapacityIndex(vendors: [Fixtures.vendor("ana", zone: "Mars/Olympus", Fixtures.capability(wph: 300))])
        }
    }

    @Test func resultRoundTripsThroughCodable() throws {
        let request = Fixtures.request(maxVendors: 2, Fixtures.target(steps: (.translation, 8000), (.revision, 8000)))
        let result = try Fixtures.check(Fixtures.workedExampleVendors, request)

        let decoded = try JSONDecoder().decode(FeasibilityResult.self, from: JSONEncoder().encode(result))

        #expect(decoded == result)
    }

    @Test func insertingKeepsSpansNormalized() {
        var spans: [Span] = []

        for span in [Span(10, 20), Span(30, 40), Span(15, 32), Span(50, 60), Span(60, 61)] {
            spans = Spans.inserting(span, into: spans)
        }

        #expect(spans == [Span(10, 40), Span(50, 61)])
    }

    @Test func subtractingCutsBusyTimeOut() {
        #expect(
            Spans.subtracting([Span(12, 14), Span(35, 55)], from: [Span(10, 40), Span(50, 61)]) == [
                Span(10, 12), Span(14, 35), Span(55, 61),
            ])
    }
}

@Suite("Capacity store actor")
struct CapacityStoreTests {
    @Test func bookingThroughTheStoreMovesTheDelivery() async throws {
        let store = CapacityStore(try CapacityIndex(vendors: [Fixtures.vendor("ana", Fixtures.capability(wph: 300))]))
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 2400)))

        try await store.book(
            Booking(
                id: "job-1",
                range: TimeRange(start: Fixtures.t("2027-03-01T09:00:00Z"), end: Fixtures.t("2027-03-01T10:00:00Z"))),
            for: "ana")
        let result = try await store.check(request, now: request.start)

        #expect(result.earliestDelivery == Fixtures.t("2027-03-02T10:00:00Z"))
    }
}
