import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

@Suite("Capacity index: incremental updates")
struct CapacityIndexTests {
    @Test func bookingAndReleasingMoveTheDelivery() throws {
        var index = try CapacityIndex(vendors: [Fixtures.vendor("ana", Fixtures.capability(wph: 300))])
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 2400)))
        #expect(try index.check(request, now: request.start).earliestDelivery == Fixtures.t("2027-03-01T17:00:00Z"))

        try index.book(
            Booking(
                id: "job-1",
                range: TimeRange(start: Fixtures.t("2027-03-01T09:00:00Z"), end: Fixtures.t("2027-03-01T12:00:00Z"))),
            for: "ana")
        #expect(try index.check(request, now: request.start).earliestDelivery == Fixtures.t("2027-03-02T12:00:00Z"))

        let released = index.release("job-1", for: "ana")
        #expect(released)
        #expect(try index.check(request, now: request.start).earliestDelivery == Fixtures.t("2027-03-01T17:00:00Z"))
    }

    @Test func upsertReplacesAndRemoveForgets() throws {
        var index = try CapacityIndex(vendors: [Fixtures.vendor("ana", Fixtures.capability(wph: 300))])
        try index.upsert(Fixtures.vendor("ana", Fixtures.capability(wph: 600)))
        let request = Fixtures.request(Fixtures.target(steps: (.translation, 2400)))
        #expect(try index.check(request, now: request.start).earliestDelivery == Fixtures.t("2027-03-01T13:00:00Z"))
        #expect(index.vendorCount == 1)

        index.remove("ana")
        #expect(try index.check(request, now: request.start).verdict == .red)
    }

    @Test func unknownTimeZoneIsRejected() {
        #expect(
            throws: PlanningInputError(
                field: "vendors[0].timeZone",
                message: "unknown time zone “Mars/Olympus”; use an IANA name such as Europe/Paris")
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

    @Test func spansStayNormalized() {
        var spans: [Span] = []
        for span in [Span(10, 20), Span(30, 40), Span(15, 32), Span(50, 60), Span(60, 61)] {
            spans = Spans.inserting(span, into: spans)
        }
        #expect(spans == [Span(10, 40), Span(50, 61)])
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
