import Foundation
import TandemDomain

extension ProductionWork {
    /// One job as its page shows it: the job, its project, every assignment (released ones too)
    /// and its status history, oldest first.
    public struct JobDetail: Sendable {
        public var job: Job
        public var project: Project
        public var assignments: [JobAssignment]
        public var events: [JobEvent]
    }

    /// The job for someone who may see projects; "not found" for everyone else.
    public func jobDetail(_ id: Job.ID, by user: User) async throws -> JobDetail {
        guard Policy.permits(user, .viewProjects), let job = try await env.stores.production.job(id),
            let project = try await env.stores.quoteStores.projects.find(id: job.projectID)
        else { throw DomainError.jobNotFound }
        return JobDetail(
            job: job, project: project, assignments: try await env.stores.production.assignments(of: [id]),
            events: try await env.stores.production.events(of: id).sorted { ($0.at, $0.id) < ($1.at, $1.id) })
    }
}
