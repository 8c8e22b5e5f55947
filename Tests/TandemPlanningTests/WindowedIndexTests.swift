import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

@Suite("Windowed index gives the same answers")
struct WindowedIndexTests {
    let window = TimeRange(
        start: Instant(minutes: RandomInstances.start - 1440), end: Instant(minutes: RandomInstances.start + 120 * 1440)
    )
    let options = PlanningOptions(confidenceSamples: 20, improvementRounds: 4)

    @Test func precomputedWindowMatchesCalendarsComputedPerCheck() throws {
        var random = RandomInstances(seed: 4)
        for _ in 0..<25 {
            let (vendors, request) = random.instance()
            let plain = try CapacityIndex(vendors: vendors).check(request, now: request.start, options: options)
            let windowed = try CapacityIndex(vendors: vendors, window: window).check(
                request, now: request.start, options: options)
            #expect(plain == windowed)
        }
    }

    @Test func incrementalBookingMatchesARebuild() throws {
        var random = RandomInstances(seed: 5)
        for i in 0..<25 {
            var (vendors, request) = random.instance()
            var index = try CapacityIndex(vendors: vendors, window: window)
            let v = random.int(0...vendors.count - 1)
            let s = RandomInstances.start + random.int(0...(5 * 24)) * 60
            let booking = Booking(
                id: BookingID("new-\(i)"),
                range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + random.int(1...20) * 60)))
            try index.book(booking, for: vendors[v].id)
            vendors[v].booked.append(booking)
            let rebuilt = try CapacityIndex(vendors: vendors, window: window)
            #expect(
                try index.check(request, now: request.start, options: options)
                    == rebuilt.check(request, now: request.start, options: options))
        }
    }

    @Test func releasingAnIncrementalBookingGivesTheOriginalAnswer() throws {
        var random = RandomInstances(seed: 6)
        for i in 0..<25 {
            let (vendors, request) = random.instance()
            var index = try CapacityIndex(vendors: vendors, window: window)
            let v = random.int(0...vendors.count - 1)
            let s = RandomInstances.start + random.int(0...(5 * 24)) * 60
            try index.book(
                Booking(
                    id: BookingID("new-\(i)"),
                    range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + random.int(1...20) * 60))),
                for: vendors[v].id)

            let released = index.release(BookingID("new-\(i)"), for: vendors[v].id)

            #expect(released)
            let original = try CapacityIndex(vendors: vendors).check(request, now: request.start, options: options)
            #expect(try index.check(request, now: request.start, options: options) == original)
        }
    }
}
