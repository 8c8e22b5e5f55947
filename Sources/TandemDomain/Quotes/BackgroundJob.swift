import Foundation

/// Work done in the background (the analysis of a quote's files), stored in the database so it
/// survives a restart: a worker claims a job for a lease; a job whose worker died is taken again
/// once the lease has expired; a failed attempt is retried until `maxAttempts`.
public struct BackgroundJob: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<BackgroundJob>
    public enum Status: String, Codable, Sendable { case queued, running, done, failed }

    public var id: ID
    /// What to run, e.g. `quote.analysis`.
    public var kind: String
    /// The job's input as JSON text (e.g. the analysis id).
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var maxAttempts: Int
    /// Not run before this instant (retries wait a little).
    public var runAfter: Date
    /// While running: the worker holding it and until when.
    public var worker: String?
    public var leaseUntil: Date?
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID, kind: String, payload: String, status: Status = .queued, attempts: Int = 0, maxAttempts: Int = 3,
        runAfter: Date, worker: String? = nil, leaseUntil: Date? = nil, lastError: String? = nil, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.runAfter = runAfter
        self.worker = worker
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// The stored queue. `claim` hands one job to one worker only: `FOR UPDATE SKIP LOCKED` on
/// PostgreSQL; SQLite has a single writer.
public protocol JobQueueStore: Sendable {
    func enqueue(_ job: BackgroundJob) async throws
    func find(id: BackgroundJob.ID) async throws -> BackgroundJob?
    /// The oldest job due at `now` (queued, or running with an expired lease and attempts left),
    /// marked running for `worker` until `leaseUntil`, its attempts counted; nil when none.
    func claim(worker: String, now: Date, leaseUntil: Date) async throws -> BackgroundJob?
    /// Keeps a long job: false when the worker no longer holds it.
    func renew(_ id: BackgroundJob.ID, worker: String, leaseUntil: Date, now: Date) async throws -> Bool
    func complete(_ id: BackgroundJob.ID, worker: String, now: Date) async throws
    /// A failed attempt: queued again after `retryAt`, or failed for good without attempts left.
    func fail(_ id: BackgroundJob.ID, worker: String, error: String, retryAt: Date, now: Date) async throws
        -> BackgroundJob.Status
}
