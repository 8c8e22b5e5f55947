import FluentKit
import Foundation
import SQLKit
import TandemDomain

final class BackgroundJobModel: Model, @unchecked Sendable {
    static let schema = "background_jobs"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    @Field(key: "run_after") var runAfter: Date
    @OptionalField(key: "worker") var worker: String?
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func toDomain() throws -> BackgroundJob {
        BackgroundJob(
            id: .init(try requireID()), kind: kind, payload: payload,
            status: BackgroundJob.Status(rawValue: status) ?? .queued, attempts: attempts, maxAttempts: maxAttempts,
            runAfter: runAfter, worker: worker, leaseUntil: leaseUntil, lastError: lastError, createdAt: createdAt,
            updatedAt: updatedAt)
    }
}

/// The queue in the database. A claim is one statement: on PostgreSQL the candidate row is
/// locked with `FOR UPDATE SKIP LOCKED`, so two workers never take the same job and neither
/// waits for the other; SQLite runs one writer at a time, which gives the same guarantee.
public struct FluentJobQueueStore: JobQueueStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    public func enqueue(_ job: BackgroundJob) async throws {
        let model = BackgroundJobModel()
        model.id = job.id.rawValue
        model.kind = job.kind
        model.payload = job.payload
        model.status = job.status.rawValue
        model.attempts = job.attempts
        model.maxAttempts = job.maxAttempts
        model.runAfter = job.runAfter
        model.createdAt = job.createdAt
        model.updatedAt = job.updatedAt
        try await model.create(on: database)
    }

    public func find(id: BackgroundJob.ID) async throws -> BackgroundJob? {
        try await BackgroundJobModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func claim(worker: String, now: Date, leaseUntil: Date) async throws -> BackgroundJob? {
        // A job whose worker died with no attempts left has failed for good.
        try await sql.raw(
            """
            UPDATE background_jobs SET status = 'failed', worker = NULL, updated_at = \(bind: now),
            last_error = COALESCE(last_error, 'The worker stopped before the job finished.')
            WHERE status = 'running' AND lease_until < \(bind: now) AND attempts >= max_attempts
            """
        ).run()
        let lock: SQLQueryString = isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE background_jobs SET status = 'running', worker = \(bind: worker), lease_until = \(bind: leaseUntil),
            attempts = attempts + 1, updated_at = \(bind: now)
            WHERE id = (SELECT id FROM background_jobs
              WHERE (status = 'queued' AND run_after <= \(bind: now))
                 OR (status = 'running' AND lease_until < \(bind: now) AND attempts < max_attempts)
              ORDER BY run_after, created_at, id LIMIT 1\(lock))
            RETURNING id
            """
        ).all()
        guard let row = rows.first else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        return try await BackgroundJobModel.find(id, on: database)?.toDomain()
    }

    public func renew(_ id: BackgroundJob.ID, worker: String, leaseUntil: Date, now: Date) async throws -> Bool {
        let rows = try await sql.update("background_jobs").set("lease_until", to: SQLBind(leaseUntil))
            .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id.rawValue))
            .where("worker", .equal, SQLBind(worker)).where("status", .equal, SQLBind("running")).returning("id").all()
        return !rows.isEmpty
    }

    public func complete(_ id: BackgroundJob.ID, worker: String, now: Date) async throws {
        try await sql.update("background_jobs").set("status", to: SQLBind("done")).set(
            "lease_until", to: SQLLiteral.null
        )
        .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id.rawValue))
        .where("worker", .equal, SQLBind(worker)).run()
    }

    public func fail(_ id: BackgroundJob.ID, worker: String, error: String, retryAt: Date, now: Date) async throws
        -> BackgroundJob.Status
    {
        guard let job = try await BackgroundJobModel.find(id.rawValue, on: database) else { return .failed }
        let status: BackgroundJob.Status = job.attempts < job.maxAttempts ? .queued : .failed
        try await sql.update("background_jobs").set("status", to: SQLBind(status.rawValue))
            .set("worker", to: SQLLiteral.null).set("lease_until", to: SQLLiteral.null)
            .set("run_after", to: SQLBind(retryAt)).set("last_error", to: SQLBind(String(error.prefix(2000))))
            .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id.rawValue))
            .where("worker", .equal, SQLBind(worker)).run()
        return status
    }
}
