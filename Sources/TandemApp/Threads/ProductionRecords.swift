import Foundation
import TandemDomain

/// Threads on the records production and the ledger keep: jobs and promises. They met threads only
/// at the merge, so their resolvers live here and `RecordDirectory.standard` adds them.
public enum ProductionRecords {
    public static let job = RecordResolver(
        kind: .job,
        find: { id, stores in
            guard let job = try await stores.production.job(Job.ID(id)),
                let project = try await stores.quoteStores.projects.find(id: job.projectID)
            else { return nil }
            return RecordInfo(
                subject: RecordSubject(kind: .job, id: id),
                label: "\(project.name) · \(job.targetLanguage) · \(job.step.rawValue)",
                owners: [project.pmID].compactMap { $0 })
        },
        canSee: { user, _ in Policy.permits(user, .viewProjects) })

    public static let promise = RecordResolver(
        kind: .promise,
        find: { id, stores in
            // Only its names and owners are read here, not its standing: any instant will do.
            guard let entry = try await stores.ledger.entry(Promise.ID(id), now: .distantPast) else { return nil }
            return RecordInfo(
                subject: RecordSubject(kind: .promise, id: id),
                label: "\(entry.projectName) · \(entry.promise.targetLanguage)",
                owners: [entry.promise.salesOwnerID] + [entry.promise.pmID].compactMap { $0 })
        },
        canSee: { user, _ in Policy.permits(user, .viewLedger) })
}
