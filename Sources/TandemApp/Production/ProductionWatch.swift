import Foundation
import TandemDomain
import TandemPlanning

/// What time and calendars change without a production write: a job running past its due, an
/// absence or a booking entered for a vendor already assigned. Run on a timer while the server
/// runs; it re-judges the promises of the projects concerned, which tells their sales owner and PM
/// when one turns at risk (docs/ledger.md).
public struct ProductionWatch: Sendable {
    let env: AppEnvironment
    let capacity: CapacityService

    public init(_ env: AppEnvironment, capacity: CapacityService) {
        self.env = env
        self.capacity = capacity
    }

    /// Checks every open, not yet started assignment on its vendor's calendar (its own booking
    /// taken out): one that can no longer finish by its due is due when it can. The projects with
    /// such an assignment or with a job past its due are judged again; returns them.
    @discardableResult
    public func run() async throws -> [Project.ID] {
        let now = env.now
        let open = try await env.stores.production.openJobs()
        guard !open.isEmpty else { return [] }
        let jobs = Dictionary(open.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let snapshot = try await capacity.snapshot()
        var later: [JobAssignment.ID: Date] = [:]
        var projects: Set<Project.ID> = []
        var indexes: [Project.ID: CapacityIndex] = [:]
        for assignment in try await env.stores.production.assignments(of: open.map(\.id))
        where assignment.state == .active {
            guard let job = jobs[assignment.jobID], job.status == .offered || job.status == .accepted else { continue }
            if indexes[job.projectID] == nil {
                // The project's quote holds stand for this very work, as when it was assigned.
                let holds = try await env.stores.quoteStores.projects.reservations(of: job.projectID)
                indexes[job.projectID] = JobPlanning.index(snapshot, releasing: holds)
            }
            guard let holdsFree = indexes[job.projectID] else { continue }
            let own = JobPlanning.index(holdsFree, releasing: [assignment])
            let check = JobPlanning.check(
                job, vendor: assignment.vendorID, words: assignment.words, index: own, now: max(now, assignment.start))
            if let finish = check.finish, finish > assignment.due {
                later[assignment.id] = finish
                projects.insert(job.projectID)
            }
        }
        for job in open where job.status != .delivered && job.due < now { projects.insert(job.projectID) }
        for project in projects.sorted(by: { $0.description < $1.description }) {
            try await judge(project, later: later)
        }
        return projects.sorted { $0.description < $1.description }
    }

    /// Moves the assignments' dues (read again: one released or changed meanwhile is left alone)
    /// and judges the project's promises, in one transaction ordered with production's writes.
    func judge(_ project: Project.ID, later: [JobAssignment.ID: Date]) async throws {
        let env = env
        let capacity = capacity
        try await ProductionWork.lock.withLock {
            try await env.stores.transaction { tx in
                let jobs = try await tx.production.jobs(of: project)
                for var assignment in try await tx.production.assignments(of: jobs.map(\.id))
                where assignment.state == .active {
                    guard let due = later[assignment.id], due > assignment.due else { continue }
                    assignment.due = due
                    try await tx.production.updateAssignment(assignment)
                }
                try await ProductionChanges.didChange(project: project, stores: tx, env: env, capacity: capacity)
            }
        }
    }
}
