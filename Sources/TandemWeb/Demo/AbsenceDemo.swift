import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v3.absence": a promise that turns at risk the way it does in real life. The
/// translator booked on the first current project whose translation is accepted but not started
/// calls in sick until two days after the promised delivery; the production watch (as the server
/// runs it on its timer) moves their due, the promise turns at risk, and its sales owner and PM
/// get the notice with the options the capacity engine checked: another English→target vendor
/// who finishes in time (docs/ledger.md). Deterministic: the first such project in id order.
enum AbsenceDemo {
    static let step = DemoSeed.Step(name: "demo.v3.absence", idBase: 0xD0_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let env = AppEnvironment(stores: stores, clock: { now }, ids: ids, passwords: QuoteDemo.NoHashing())
        let capacity = CapacityService(source: DatabaseCapacitySource(stores: stores, clock: { now }), clock: { now })
        guard let (vendor, promise) = try await bookedTranslator(stores, now: now) else { return }
        try await stores.vendorSchedule.addAbsence(
            VendorAbsence(
                id: ids(), vendorID: vendor, from: now, to: promise.deliveryDate.addingTimeInterval(2 * 86_400),
                reason: "Sick leave"))
        try await ProductionWatch(env, capacity: capacity).run()
    }

    /// The vendor of the first accepted, not started translation whose promise is on track and
    /// more than three days away.
    static func bookedTranslator(_ stores: Stores, now: Date) async throws -> (VendorProfile.ID, Promise)? {
        for project in try await stores.quoteStores.projects.list().sorted(by: { $0.id < $1.id }) {
            let jobs = try await stores.production.jobs(of: project.id)
            let promises = try await stores.quoteStores.projects.promises(of: project.id)
            let assignments = try await stores.production.assignments(of: jobs.map(\.id))
            for job in jobs.sorted(by: { $0.id < $1.id }) where job.status == .accepted && job.step == .translation {
                guard
                    let promise = promises.first(where: {
                        $0.targetLanguage == job.targetLanguage && $0.status == .onTrack
                            && $0.deliveryDate > now.addingTimeInterval(3 * 86_400)
                    }),
                    let booked = assignments.first(where: {
                        $0.jobID == job.id && $0.state == .active && $0.bookingID != nil
                    })
                else { continue }
                return (booked.vendorID, promise)
            }
        }
        return nil
    }
}
