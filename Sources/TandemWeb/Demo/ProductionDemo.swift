import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.production" (after the quotes step): the demo's current projects get
/// their proposals assigned through the same use cases the pages call, and the first step of
/// each target is offered and accepted, so the demo vendors carry real bookings (the heatmap is
/// busy) and purchase orders exist; every other project's first translation is under way.
enum ProductionDemo {
    static let step = DemoSeed.Step(name: "demo.v2.production", idBase: 0x40_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let users = try await stores.users.list()
        guard let fallbackPM = users.first(where: { $0.roles.contains(.pm) }) else { return }
        let env = AppEnvironment(stores: stores, clock: { now }, ids: ids, passwords: QuoteDemo.NoHashing())
        let capacity = CapacityService(source: DatabaseCapacitySource(stores: stores, clock: { now }), clock: { now })
        let work = ProductionWork(env, capacity: capacity)
        for (index, project) in try await stores.quoteStores.projects.list().sorted(by: { $0.id < $1.id }).enumerated()
        {
            let pm = users.first { $0.id == project.pmID } ?? fallbackPM
            _ = try await work.assignProposals(project.id, by: pm)
            let state = try await work.state(project.id, by: pm)
            let firsts = Dictionary(grouping: state.jobs.filter { !$0.isInternal }, by: \.targetLanguage).values
                .compactMap {
                    $0.min { $0.sequence < $1.sequence }
                }.sorted { $0.id < $1.id }
            for job in firsts where !state.active(job.id).isEmpty {
                _ = try await work.transition(job.id, .init(to: "offered"), by: pm)
                // Most vendors said yes; one in five offers is still waiting on /today.
                guard (index + job.sequence) % 5 != 4 else { continue }
                _ = try await work.transition(job.id, .init(to: "accepted"), by: pm)
                if index % 2 == 0 { _ = try await work.transition(job.id, .init(to: "in-progress"), by: pm) }
            }
        }
    }
}
