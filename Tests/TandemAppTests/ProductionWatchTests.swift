import Foundation
import TandemApp
import TandemDomain
import Testing

/// The production watch: what time and vendors' calendars change without a production write
/// turns a promise at risk, with the notice the capacity engine checked (SQLite, and PostgreSQL
/// in scripts/test).
@Suite("Production watch")
struct ProductionWatchTests {
    func work(_ world: QuoteWorld) -> ProductionWork { ProductionWork(world.env, capacity: world.capacity) }

    func frenchPromise(_ world: QuoteWorld, _ project: Project) async throws -> LedgerPromise {
        let state = try await work(world).state(project.id, by: world.pm)
        let promise = try #require(state.promises.first { $0.targetLanguage.description == "fr" })
        return try await PromiseLedger(world.env).entry(promise.id, for: world.manager)
    }

    /// The watch asks for every open job's assignments: tens of thousands on a large set, more
    /// values than one SQL statement takes (32,766 on SQLite, 65,535 on PostgreSQL).
    @Test func assignmentsOfTensOfThousandsOfJobsAreReadInSlices() async throws {
        try await QuoteWorld.run { world in
            try await QuoteWorld.vendor(5, target: "fr", env: world.env)
            let project = try await ProductionTests.accepted(world)
            let translation = try #require(
                try await work(world).state(project.id, by: world.pm).jobs.first {
                    $0.targetLanguage.description == "fr"
                })
            _ = try await work(world).assign(
                translation.id, vendorID: QuoteWorld.vendorID(1).description, words: nil, by: world.pm)
            let others = (0..<70_000).map { _ in Job.ID(UUID()) }
            let found = try await world.env.stores.production.assignments(of: others + [translation.id])
            #expect(found.map(\.jobID) == [translation.id])
        }
    }

    @Test func anAbsenceEnteredForABookedVendorTurnsThePromiseAtRisk() async throws {
        try await QuoteWorld.run { world in
            try await QuoteWorld.vendor(5, target: "fr", env: world.env)
            let project = try await ProductionTests.accepted(world)
            let translation = try #require(
                try await work(world).state(project.id, by: world.pm).jobs.first {
                    $0.targetLanguage.description == "fr"
                })
            _ = try await work(world).assign(
                translation.id, vendorID: QuoteWorld.vendorID(1).description, words: nil, by: world.pm)
            _ = try await work(world).transition(translation.id, .init(to: "offered"), by: world.pm)
            _ = try await work(world).transition(translation.id, .init(to: "accepted"), by: world.pm)
            let before = try await frenchPromise(world, project)
            #expect(before.promise.status == .onTrack)
            #expect(try await ProductionWatch(world.env, capacity: world.capacity).run().isEmpty)

            try await world.env.stores.vendorSchedule.addAbsence(
                VendorAbsence(
                    id: world.env.ids(), vendorID: QuoteWorld.vendorID(1), from: world.env.now,
                    to: before.promise.deliveryDate.addingTimeInterval(2 * 86_400), reason: "Sick leave"))
            #expect(try await ProductionWatch(world.env, capacity: world.capacity).run() == [project.id])
            let assignment = try #require(
                try await work(world).state(project.id, by: world.pm).active(translation.id).first)
            #expect(assignment.due > before.promise.deliveryDate)
            #expect(try await frenchPromise(world, project).promise.status == .atRisk)
            let notes = try await world.env.stores.notifications.list(
                recipient: world.pm.id, unreadOnly: false, after: nil, limit: 20
            ).filter { $0.kind == .promiseAtRisk }
            #expect(notes.count == 1)
            let notice = try #require(notes.first.flatMap { AtRiskNotice(decoding: $0.note) })
            #expect(notice.checked && notice.options.contains(.anotherVendor))
            // Run again: nothing new to tell.
            _ = try await ProductionWatch(world.env, capacity: world.capacity).run()
            #expect(
                try await world.env.stores.notifications.list(
                    recipient: world.pm.id, unreadOnly: false, after: nil, limit: 20
                ).filter { $0.kind == .promiseAtRisk }.count == 1)
        }
    }

    @Test func aJobRunningPastItsDueTurnsThePromiseAtRiskBeforeItBreaks() async throws {
        try await QuoteWorld.run { world in
            let project = try await ProductionTests.accepted(world)
            _ = try await work(world).assignProposals(project.id, by: world.pm)
            let translation = try #require(
                try await work(world).state(project.id, by: world.pm).jobs.first {
                    $0.targetLanguage.description == "fr"
                })
            _ = try await work(world).transition(translation.id, .init(to: "offered"), by: world.pm)
            let promise = try await frenchPromise(world, project)
            #expect(promise.promise.status == .onTrack)
            // An hour before the promise, the translation is long past its due and not delivered.
            world.clock.now = promise.promise.deliveryDate.addingTimeInterval(-3600)
            #expect(translation.due < world.env.now)
            #expect(try await ProductionWatch(world.env, capacity: world.capacity).run().contains(project.id))
            let judged = try await frenchPromise(world, project)
            #expect(judged.promise.status == .atRisk)
            #expect((judged.state.forecast?.expectedFinish ?? .distantPast) > promise.promise.deliveryDate)
        }
    }
}
