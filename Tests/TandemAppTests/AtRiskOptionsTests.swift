import Foundation
import TandemApp
import TandemDomain
import Testing

/// A hand assignment to a vendor who cannot finish by the job's due turns the promise at risk;
/// the notice, sent once the change is committed, lists only the options the capacity engine
/// can make work on the live index (SQLite, and PostgreSQL in scripts/test).
@Suite("At-risk options checked by the capacity engine")
struct AtRiskOptionsTests {
    func work(_ world: QuoteWorld) -> ProductionWork { ProductionWork(world.env, capacity: world.capacity) }

    /// `vendor` away from now until two days after the French promise.
    func away(_ world: QuoteWorld, _ vendor: Int, until promised: Date) async throws {
        try await world.env.stores.vendorSchedule.addAbsence(
            VendorAbsence(
                id: world.env.ids(), vendorID: QuoteWorld.vendorID(vendor), from: world.env.now,
                to: promised.addingTimeInterval(2 * 86_400), reason: "Leave"))
    }

    /// Assigns the French translation to vendor 1 and returns the notice the rep received.
    func assignLateVendor(_ world: QuoteWorld) async throws -> (AtRiskNotice, promised: Date, due: Date) {
        let project = try await ProductionTests.accepted(world)
        let state = try await work(world).state(project.id, by: world.pm)
        let promise = try #require(state.promises.first { $0.targetLanguage.description == "fr" })
        try await away(world, 1, until: promise.deliveryDate)
        let translation = try #require(state.jobs.first { $0.targetLanguage.description == "fr" })
        let done = try await work(world).assign(
            translation.id, vendorID: QuoteWorld.vendorID(1).description, words: nil, by: world.pm)
        #expect(done.assignment.due > promise.deliveryDate)
        let entry = try await PromiseLedger(world.env).entry(promise.id, for: world.manager)
        #expect(entry.promise.status == .atRisk)
        let notes = try await world.env.stores.notifications.list(
            recipient: world.rep.id, unreadOnly: false, after: nil, limit: 20
        ).filter { $0.kind == .promiseAtRisk }
        #expect(notes.count == 1)
        let notice = try #require(notes.first.flatMap { AtRiskNotice(decoding: $0.note) })
        #expect(notice.checked)
        #expect(!notes[0].note.contains("Vendor "))  // no vendor names: sales reads it too
        return (notice, promise.deliveryDate, done.assignment.due)
    }

    @Test func anotherFreeVendorIsOfferedWithItsFinishAndNoNewDate() async throws {
        try await QuoteWorld.run { world in
            try await QuoteWorld.vendor(5, target: "fr", env: world.env)
            let (notice, promised, _) = try await assignLateVendor(world)
            #expect(notice.options.contains(.anotherVendor))
            let finish = try #require(notice.anotherVendorFinish)
            #expect(finish <= promised && finish > world.env.now)
            #expect(!notice.options.contains(.newDate))
            #expect(notice.newDate == nil)
        }
    }

    @Test func withEveryVendorAwayOnlyANewDateAfterThePromiseIsOffered() async throws {
        try await QuoteWorld.run { world in
            let project = try await ProductionTests.accepted(world)
            let state = try await work(world).state(project.id, by: world.pm)
            let promise = try #require(state.promises.first { $0.targetLanguage.description == "fr" })
            try await away(world, 1, until: promise.deliveryDate)
            try await away(world, 2, until: promise.deliveryDate)
            let translation = try #require(state.jobs.first { $0.targetLanguage.description == "fr" })
            _ = try await work(world).assign(
                translation.id, vendorID: QuoteWorld.vendorID(1).description, words: nil, by: world.pm)
            let note = try await world.env.stores.notifications.list(
                recipient: world.pm.id, unreadOnly: false, after: nil, limit: 20
            ).first { $0.kind == .promiseAtRisk }?.note
            let notice = try #require(note.flatMap(AtRiskNotice.init(decoding:)))
            #expect(notice.checked)
            #expect(notice.options == [.newDate])
            let newDate = try #require(notice.newDate)
            #expect(newDate > promise.deliveryDate.addingTimeInterval(2 * 86_400))
            #expect(notice.anotherVendorFinish == nil && notice.splitFinish == nil)
        }
    }

    @Test func theNoticeCodesRoundTrip() throws {
        var notice = AtRiskNotice(
            reason: .forecastAfterPromise, expectedFinish: Date(timeIntervalSince1970: 1_800_000_000),
            newDate: nil, options: [.anotherVendor, .split])
        notice.anotherVendorFinish = Date(timeIntervalSince1970: 1_799_000_000)
        notice.splitFinish = Date(timeIntervalSince1970: 1_798_000_000)
        notice.checked = true
        #expect(AtRiskNotice(decoding: notice.encoded) == notice)
        // A notice written before the options were checked still reads, with every option.
        let old = AtRiskNotice(decoding: "reason=forecast_after_promise;new_date=2026-12-10T17:00:00Z")
        #expect(old?.options == [.anotherVendor, .split, .newDate])
        #expect(old?.checked == false)
    }
}
