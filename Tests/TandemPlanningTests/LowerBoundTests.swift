import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// The search's lower bound (`Scheduler+LowerBound`) and the clipped free time a check plans on.
@Suite("Lower bound and clipped free time")
struct LowerBoundTests {
    /// Three vendors who all translate and revise en→fr, as on the demo data; a is the fastest
    /// at both, so four-eyes decides who does what.
    static let vendors = [
        Fixtures.vendor(
            "a", Fixtures.capability("en", "fr", .translation, wph: 500),
            Fixtures.capability("en", "fr", .revision, wph: 1000)),
        Fixtures.vendor(
            "b", Fixtures.capability("en", "fr", .translation, wph: 300),
            Fixtures.capability("en", "fr", .revision, wph: 900)),
        Fixtures.vendor(
            "c", Fixtures.capability("en", "fr", .translation, wph: 200),
            Fixtures.capability("en", "fr", .revision, wph: 800)),
    ]

    static func scheduler(_ request: FeasibilityRequest, vendors: [PlanningVendor] = vendors) throws -> Scheduler {
        let index = try CapacityIndex(vendors: vendors)
        let origin = request.start.minutes
        return Scheduler(
            index: index, request: request, origin: origin, horizon: origin + 28 * 1440, weighTentative: false)
    }

    @Test func theBoundKeepsTheWritersOffTheReview() throws {
        let request = Fixtures.request(
            maxVendors: 2, Fixtures.target(steps: (.translation, 6000), (.revision, 6000)))
        var scheduler = try Self.scheduler(request)
        let found = scheduler.deliveryLowerBound()
        let bound = try #require(found)
        // With the revisions done by others (same speeds, same hours), a and b could translate
        // and then also revise: what the bound used to assume. Four-eyes makes every plan later.
        let apart = [
            Fixtures.vendor("a", Fixtures.capability("en", "fr", .translation, wph: 500)),
            Fixtures.vendor("b", Fixtures.capability("en", "fr", .translation, wph: 300)),
            Fixtures.vendor("c", Fixtures.capability("en", "fr", .translation, wph: 200)),
            Fixtures.vendor("ra", Fixtures.capability("en", "fr", .revision, wph: 1000)),
            Fixtures.vendor("rb", Fixtures.capability("en", "fr", .revision, wph: 900)),
            Fixtures.vendor("rc", Fixtures.capability("en", "fr", .revision, wph: 800)),
        ]
        var relaxed = try Self.scheduler(request, vendors: apart)
        let relaxedFound = relaxed.deliveryLowerBound()
        let relaxedBound = try #require(relaxedFound)
        #expect(bound.delivery > relaxedBound.delivery)
        #expect(try Fixtures.check(apart, request).earliestDelivery?.minutes == relaxedBound.delivery)
        // The plan the engine makes delivers exactly at the bound: nothing to search.
        let result = try Fixtures.check(Self.vendors, request)
        #expect(result.earliestDelivery?.minutes == bound.delivery)
        let writers = try #require(bound.writers[0])
        #expect(writers.step == 0)
        #expect(!writers.slots.isEmpty && writers.slots.count <= 2)
    }

    @Test func theBoundIsNeverLaterThanThePlan() throws {
        // Random small instances (the property tests' generator): the bound is a bound.
        var random = RandomInstances(seed: 12)
        for n in 0..<60 {
            let (vendors, request) = random.instance(dualRole: true)
            guard let result = try? Fixtures.check(vendors, request), let delivery = result.earliestDelivery else {
                continue
            }
            var scheduler = try Self.scheduler(request, vendors: vendors)
            if let bound = scheduler.deliveryLowerBound() {
                #expect(bound.delivery <= delivery.minutes, "instance \(n)")
            }
        }
    }

    @Test func writerSetsAreEnumeratedUpToTheLimit() {
        #expect(Scheduler.subsets(of: 4, upTo: 2).count == 4 + 6)
        #expect(Scheduler.subsetCount(4, upTo: 2) == 10)
        #expect(Scheduler.subsetCount(9, upTo: 3) == 129)
        #expect(Scheduler.subsets(of: 3, upTo: 3) == [[0], [0, 1], [0, 1, 2], [0, 2], [1], [1, 2], [2]])
        // Too many sets: counting stops past the limit, and the step falls back to the plain bound.
        #expect(Scheduler.subsetCount(30, upTo: 3) > Scheduler.lowerBoundWriterSets)
    }

    @Test func clippedFreeTimeAnswersAsBeforeInsideItsSpan() {
        let free = FreeTime(spans: [Span(0, 100), Span(200, 300), Span(400, 500), Span(600, 700), Span(800, 900)])
        let clipped = free.clipped(from: 250, to: 650)
        // Whole pieces: a query about an instant inside the span never sees a cut.
        #expect(clipped.spans == [Span(200, 300), Span(400, 500), Span(600, 700)])
        for t in stride(from: 250, through: 650, by: 10) {
            #expect(
                clipped.minutes(before: t) - clipped.minutes(before: 250) == free.minutes(before: t)
                    - free.minutes(before: 250), "t = \(t)")
            #expect(clipped.pieceEnd(after: t) == free.pieceEnd(after: t))
            #expect(clipped.firstFree(atOrAfter: t) == free.firstFree(atOrAfter: t))
        }
        #expect(clipped.instant(afterMinutes: clipped.minutes(before: 250) + 120) == 470)
        #expect(free.instant(afterMinutes: free.minutes(before: 250) + 120) == 470)
        #expect(free.clipped(from: 910, to: 1000).spans.isEmpty)
        // Already inside: the same pieces, not a copy.
        #expect(clipped.clipped(from: 250, to: 650).spans == clipped.spans)
    }

    @Test func aWindowedIndexAnswersAsTheFileDoes() throws {
        // The server keeps a window of free time (a day back, 180 days ahead); `tandem plan`
        // computes it per check. Clipped to the check's span, both plan on the same time.
        let request = Fixtures.request(
            maxVendors: 2, Fixtures.target(steps: (.translation, 6000), (.revision, 6000)))
        let start = request.start
        let windowed = try CapacityIndex(
            vendors: Self.vendors, window: TimeRange(start: start + (-1440), end: start + 180 * 1440))
        let plain = try CapacityIndex(vendors: Self.vendors)
        #expect(try windowed.check(request, now: start) == plain.check(request, now: start))
    }
}
