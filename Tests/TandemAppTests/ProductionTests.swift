import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Testing

/// Production from an accepted quote: jobs at hand-off, proposals, assignments, the state
/// machine's moves with their bookings and purchase orders (SQLite, and PostgreSQL in scripts/test).
@Suite("Production")
struct ProductionTests {
    /// A sent quote (en → fr, de; 2,000 new and 1,000 exact words) accepted with the capacity service.
    static func accepted(_ world: QuoteWorld) async throws -> Project {
        let quote = try await world.quote()
        try await world.analysed(quote)
        _ = try await world.management.submit(quote.id, by: world.rep)
        _ = try await world.management.send(quote.id, by: world.rep)
        return try await QuoteHandOff(world.env, capacity: world.capacity).accept(
            quote.id, .init(clientReference: "PO-1"), by: world.rep
        ).project
    }

    func work(_ world: QuoteWorld) -> ProductionWork { ProductionWork(world.env, capacity: world.capacity) }

    func bookings(_ world: QuoteWorld, _ job: Job) async throws -> [VendorBooking] {
        try await world.env.stores.vendorSchedule.bookings(of: nil, overlapping: nil).filter {
            $0.jobReference == "job:\(job.id)"
        }
    }

    @Test func acceptanceMakesOneJobPerTargetAndStepDueBeforeThePromise() async throws {
        try await QuoteWorld.run { world in
            let project = try await Self.accepted(world)
            let state = try await work(world).state(project.id, by: world.pm)
            #expect(
                state.jobs.map { "\($0.targetLanguage)/\($0.step.rawValue)" } == [
                    "de/translation", "de/revision", "fr/translation", "fr/revision",
                ])
            for promise in state.promises {
                let own = state.jobs.filter { $0.targetLanguage == promise.targetLanguage }
                #expect(own.allSatisfy { $0.due <= promise.deliveryDate && $0.due > project.acceptedAt })
                #expect(own[0].due < own[1].due)
                #expect(own[0].words == 3000 && own[0].bands["new"]?.words == 2000)
                #expect(own[0].files.map(\.name) == ["site.xlf"])
            }
            let events = try await world.env.stores.production.events(of: state.jobs[0].id)
            #expect(events.map(\.kind) == ["created"])
            #expect(events[0].by == world.rep.id)
        }
    }

    @Test func proposalsKeepFourEyesAndAssignAllTheWords() async throws {
        try await QuoteWorld.run { world in
            let project = try await Self.accepted(world)
            let proposals = try await work(world).proposals(project.id, by: world.pm)
            let state = try await work(world).state(project.id, by: world.pm)
            #expect(Set(proposals.map(\.jobID)) == Set(state.jobs.map(\.id)))
            for target in ["fr", "de"] {
                let own = state.jobs.filter { $0.targetLanguage.description == target }
                let translators = Set(proposals.filter { $0.jobID == own[0].id }.map(\.vendorID))
                let revisers = Set(proposals.filter { $0.jobID == own[1].id }.map(\.vendorID))
                #expect(translators.isDisjoint(with: revisers))
                #expect(proposals.filter { $0.jobID == own[0].id }.reduce(0) { $0 + $1.words } == own[0].words)
            }
            await #expect(throws: DomainError.self) { try await work(world).proposals(project.id, by: world.rep) }
        }
    }

    @Test func aHandAssignmentIsCheckedAtOnceAndFourEyesHoldsAgainstIt() async throws {
        try await QuoteWorld.run { world in
            let project = try await Self.accepted(world)
            let jobs = try await work(world).state(project.id, by: world.pm).jobs.filter {
                $0.targetLanguage.description == "fr"
            }
            let vendor = QuoteWorld.vendorID(1)
            let done = try await work(world).assign(jobs[0].id, vendorID: vendor.description, words: 1000, by: world.pm)
            #expect(done.assignment.words == 1000)
            #expect(done.check?.finish != nil)
            #expect(done.assignment.rate == Money(Decimal(string: "0.08")!, .eur))
            let proposals = try await work(world).proposals(project.id, by: world.pm)
            #expect(proposals.filter { $0.jobID == jobs[0].id }.isEmpty)  // assigned: no proposal
            #expect(!proposals.filter { $0.jobID == jobs[1].id }.contains { $0.vendorID == vendor })
            // The rest of the words, and no more.
            await #expect(throws: ValidationErrors.self) {
                try await work(world).assign(jobs[0].id, vendorID: vendor.description, words: 2001, by: world.pm)
            }
            let rest = try await work(world).assign(
                jobs[0].id, vendorID: QuoteWorld.vendorID(2).description, words: nil, by: world.pm)
            #expect(rest.assignment.words == 2000)
        }
    }

    @Test func acceptingBooksTheVendorReplacingTheReservationAndDeclineOrCancelFreesIt() async throws {
        try await QuoteWorld.run { world in
            let project = try await Self.accepted(world)
            let reserved = try await world.env.stores.quoteStores.projects.reservations(of: project.id)
            #expect(!reserved.isEmpty)
            _ = try await work(world).assignProposals(project.id, by: world.pm)
            var state = try await work(world).state(project.id, by: world.pm)
            let fr = state.jobs.filter { $0.targetLanguage.description == "fr" }
            let vendor = state.active(fr[0].id)[0].vendorID
            _ = try await work(world).transition(fr[0].id, .init(to: "offered"), by: world.pm)
            let versionBefore = try await world.env.stores.vendors.changeVersion()
            _ = try await work(world).transition(fr[0].id, .init(to: "accepted"), by: world.pm)
            // Created: one booking per assignment, seen by the change counter.
            let booked = try await bookings(world, fr[0])
            #expect(booked.count == state.active(fr[0].id).count)
            #expect(booked.contains { $0.vendorID == vendor })
            #expect(try await world.env.stores.vendors.changeVersion() > versionBefore)
            // Replaced: the vendor's quote reservation is gone with its booking.
            let left = try await world.env.stores.quoteStores.projects.reservations(of: project.id)
            #expect(left.count < reserved.count)
            #expect(left.count + booked.count <= reserved.count + booked.count)
            for gone in reserved where !left.contains(gone) {
                #expect(try await world.env.stores.vendorSchedule.findBooking(gone.bookingID) == nil)
            }
            let index = try await world.capacity.snapshot()
            #expect(
                index.vendor(VendorID(vendor.description))?.booked.contains {
                    $0.id?.rawValue == booked[0].id.description
                } == true)
            // Freed by cancel.
            _ = try await work(world).transition(fr[0].id, .init(to: "cancelled"), by: world.pm)
            #expect(try await bookings(world, fr[0]).isEmpty)
            state = try await work(world).state(project.id, by: world.pm)
            #expect(state.active(fr[0].id).isEmpty)
            // Decline: back to planned, assignments released.
            let de = state.jobs.filter { $0.targetLanguage.description == "de" }
            _ = try await work(world).transition(de[0].id, .init(to: "offered"), by: world.pm)
            let declined = try await work(world).transition(de[0].id, .init(to: "declined"), by: world.pm)
            #expect(declined.status == .planned)
            #expect(try await work(world).state(project.id, by: world.pm).active(de[0].id).isEmpty)
        }
    }

    @Test func rejectToReassignFreesTheBookingAndActualWordsMakeANewPurchaseOrderVersion() async throws {
        try await QuoteWorld.run { world in
            let project = try await Self.accepted(world)
            _ = try await work(world).assignProposals(project.id, by: world.pm)
            let jobs = try await work(world).state(project.id, by: world.pm).jobs
            let fr = jobs.filter { $0.targetLanguage.description == "fr" }[0]
            let de = jobs.filter { $0.targetLanguage.description == "de" }[0]
            for job in [fr, de] {
                for move in ["offered", "accepted", "in-progress"] {
                    _ = try await work(world).transition(job.id, .init(to: move), by: world.pm)
                }
            }
            let orders = try await world.env.stores.production.purchaseOrders(of: project.id)
            #expect(orders.count >= 2)
            #expect(orders.allSatisfy { $0.version == 1 && $0.number.hasPrefix("PO-2026-") })
            #expect(Set(orders.map(\.sequence)) == Set(1...orders.count))
            // Delivered with different actual words: a new version under the same number.
            _ = try await work(world).transition(fr.id, .init(to: "delivered", actualWords: 2400), by: world.pm)
            let frOrders = try await world.env.stores.production.purchaseOrders(of: project.id).filter {
                $0.jobID == fr.id
            }
            let first = try #require(frOrders.first { $0.version == 1 })
            let second = try #require(frOrders.first { $0.version == 2 && $0.number == first.number })
            #expect(second.reason == "actual-words")
            #expect(frOrders.filter { $0.version == 2 }.reduce(0) { $0 + $1.terms.words } == 2400)
            #expect(try await world.env.stores.production.purchaseOrder(first.id)?.terms == first.terms)
            // Rejected for reassignment: the booking is freed and the job is planned again.
            _ = try await work(world).transition(de.id, .init(to: "delivered"), by: world.pm)
            #expect(!(try await bookings(world, de).isEmpty))
            let back = try await work(world).transition(de.id, .init(to: "rejected", reassign: true), by: world.pm)
            #expect(back.status == .planned)
            #expect(try await bookings(world, de).isEmpty)
            let events = try await world.env.stores.production.events(of: de.id).map(\.kind)
            #expect(events.suffix(5) == ["offered", "accepted", "in-progress", "delivered", "rejected"])
        }
    }

    @Test func aProjectOnHoldRefusesTheOfferAndForbiddenMovesAreRefused() async throws {
        try await QuoteWorld.run { world in
            let project = try await Self.accepted(world)
            _ = try await work(world).assignProposals(project.id, by: world.pm)
            let job = try await work(world).state(project.id, by: world.pm).jobs[0]
            _ = try await work(world).setHold(project.id, onHold: true, reason: "Client paused", by: world.pm)
            do {
                _ = try await work(world).transition(job.id, .init(to: "offered"), by: world.pm)
                Issue.record("a held project must refuse the offer")
            } catch {
                #expect(JobStateMachine.isRefusal(error))
            }
            _ = try await work(world).setHold(project.id, onHold: false, reason: nil, by: world.pm)
            _ = try await work(world).transition(job.id, .init(to: "offered"), by: world.pm)
            do {
                _ = try await work(world).transition(job.id, .init(to: "approved"), by: world.pm)
                Issue.record("offered → approved must be refused")
            } catch {
                #expect(JobStateMachine.isRefusal(error))
            }
            await #expect(throws: ValidationErrors.self) {
                try await work(world).transition(job.id, .init(to: "finished"), by: world.pm)
            }
        }
    }

    @Test func sixteenConcurrentWritersGetPurchaseOrderNumbersWithoutGaps() async throws {
        try await QuoteWorld.run { world in
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await world.env.stores.transaction { tx in
                            try await tx.production.nextPurchaseOrderNumber(year: 2026)
                        }
                    }
                }
                var all: [Int] = []
                for try await n in group { all.append(n) }
                return all
            }
            #expect(numbers.sorted() == Array(1...16))
            let next = try await world.env.stores.transaction { tx in
                try await tx.production.nextPurchaseOrderNumber(year: 2027)
            }
            #expect(next == 1)
        }
    }
}
