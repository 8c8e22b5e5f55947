import FluentKit
import Foundation
import TandemDomain

final class JobModel: Model, @unchecked Sendable {
    static let schema = "production_jobs"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "target_language") var targetLanguage: String
    @Field(key: "sequence") var sequence: Int
    @Field(key: "status") var status: String
    @Field(key: "due") var due: Date
    @Field(key: "version") var version: Int
    @Field(key: "content") var content: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    init(_ job: Job) {
        id = job.id.rawValue
        projectID = job.projectID.rawValue
        targetLanguage = job.targetLanguage.description
        sequence = job.sequence
        status = job.status.rawValue
        due = job.due
        version = job.version
        content = JSONText.encode(job)
        createdAt = job.createdAt
        updatedAt = job.updatedAt
    }

    /// The columns win over the JSON copy for what writes change.
    func toDomain() throws -> Job {
        var job = try JSONText.decode(Job.self, content)
        job.status = JobStatus(rawValue: status) ?? job.status
        job.due = due
        job.version = version
        job.updatedAt = updatedAt
        return job
    }
}

final class JobAssignmentModel: Model, @unchecked Sendable {
    static let schema = "job_assignments"
    @ID(key: .id) var id: UUID?
    @Field(key: "job_id") var jobID: UUID
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "state") var state: String
    @Field(key: "content") var content: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    init(_ a: JobAssignment) {
        id = a.id.rawValue
        jobID = a.jobID.rawValue
        vendorID = a.vendorID.rawValue
        state = a.state.rawValue
        content = JSONText.encode(a)
        createdAt = a.createdAt
    }

    func toDomain() throws -> JobAssignment { try JSONText.decode(JobAssignment.self, content) }
}

final class JobEventModel: Model, @unchecked Sendable {
    static let schema = "job_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "job_id") var jobID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "from_status") var from: String?
    @OptionalField(key: "to_status") var to: String?
    @Field(key: "at") var at: Date
    @OptionalField(key: "by_id") var by: UUID?
    @Field(key: "note") var note: String
    init() {}

    init(_ e: JobEvent) {
        id = e.id.rawValue
        jobID = e.jobID.rawValue
        kind = e.kind
        from = e.from?.rawValue
        to = e.to?.rawValue
        at = e.at
        by = e.by?.rawValue
        note = e.note
    }

    func toDomain() throws -> JobEvent {
        JobEvent(
            id: .init(try requireID()), jobID: .init(jobID), kind: kind, from: from.flatMap(JobStatus.init(rawValue:)),
            to: to.flatMap(JobStatus.init(rawValue:)), at: at, by: by.map { .init($0) }, note: note)
    }
}

final class ProjectHoldModel: Model, @unchecked Sendable {
    static let schema = "project_holds"
    @ID(custom: "project_id", generatedBy: .user) var id: UUID?
    @Field(key: "on_hold") var onHold: Bool
    @Field(key: "reason") var reason: String
    @OptionalField(key: "by_id") var by: UUID?
    @OptionalField(key: "at") var at: Date?
    init() {}
}

final class PurchaseOrderModel: Model, @unchecked Sendable {
    static let schema = "purchase_orders"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "version") var version: Int
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "content") var content: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    init(_ po: PurchaseOrder) {
        id = po.id.rawValue
        number = po.number
        version = po.version
        projectID = po.projectID.rawValue
        vendorID = po.vendorID.rawValue
        content = JSONText.encode(po)
        createdAt = po.createdAt
    }

    func toDomain() throws -> PurchaseOrder { try JSONText.decode(PurchaseOrder.self, content) }
}
