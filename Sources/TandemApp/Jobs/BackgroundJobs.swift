import Foundation
import TandemDomain

/// Runs one kind of background job. Throwing fails the attempt (retried until the job's limit).
public protocol JobHandler: Sendable {
    var kind: String { get }
    func run(_ job: BackgroundJob, env: AppEnvironment) async throws
}

/// The stored job queue (docs/quotes.md): jobs are rows, so they survive a restart; a worker
/// claims one for a lease and renews it while it runs; a job whose worker died is taken again
/// when its lease has expired; a failed attempt waits a little and is retried up to its limit.
public enum BackgroundJobs {
    /// Queues a job in `stores` (inside the caller's transaction, so that the job exists only if
    /// the work that asked for it was stored).
    @discardableResult
    public static func enqueue(
        kind: String, payload: String, maxAttempts: Int = 3, in stores: Stores, env: AppEnvironment
    ) async throws -> BackgroundJob {
        let job = BackgroundJob(
            id: env.ids(), kind: kind, payload: payload, maxAttempts: maxAttempts, runAfter: env.now,
            createdAt: env.now)
        try await stores.quoteStores.jobs.enqueue(job)
        return job
    }

    /// How long a failed attempt waits: 5 s, 20 s, 80 s, … at most 10 minutes.
    public static func retryDelay(afterAttempt attempt: Int) -> TimeInterval {
        min(600, 5 * pow(4, Double(max(0, attempt - 1))))
    }
}

/// Takes jobs from the queue and runs them, one at a time. `runOnce` is the whole cycle (claim,
/// run with a renewed lease, complete or fail); `start` repeats it until `stop`.
public actor JobWorker {
    public let name: String
    public let lease: TimeInterval
    public let pollInterval: Duration
    private let env: AppEnvironment
    private let handlers: [String: any JobHandler]
    private var loop: Task<Void, Never>?
    private var wakeUp: CheckedContinuation<Void, Never>?

    public init(
        name: String, env: AppEnvironment, handlers: [any JobHandler], lease: TimeInterval = 60,
        pollInterval: Duration = .seconds(1)
    ) {
        self.name = name
        self.env = env
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        self.lease = lease
        self.pollInterval = pollInterval
    }

    /// Claims and runs one due job; returns it (with its outcome stored), or nil when none was due.
    @discardableResult
    public func runOnce() async throws -> BackgroundJob? {
        let jobs = env.stores.quoteStores.jobs
        let now = env.now
        guard let job = try await jobs.claim(worker: name, now: now, leaseUntil: now + lease) else { return nil }
        let heartbeat = Task { [env, name, lease] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(max(1, lease / 3)))
                if Task.isCancelled { break }
                let at = env.now
                _ = try? await jobs.renew(job.id, worker: name, leaseUntil: at + lease, now: at)
            }
        }
        defer { heartbeat.cancel() }
        do {
            guard let handler = handlers[job.kind] else {
                throw JobError(message: "No handler for jobs of kind \(job.kind).")
            }
            try await handler.run(job, env: env)
            try await jobs.complete(job.id, worker: name, now: env.now)
        } catch {
            let at = env.now
            _ = try await jobs.fail(
                job.id, worker: name, error: String(describing: error),
                retryAt: at + BackgroundJobs.retryDelay(afterAttempt: job.attempts), now: at)
        }
        return try await jobs.find(id: job.id)
    }

    /// Runs jobs until `stop`: all that are due, then waits for `wake` or the poll interval.
    public func start() {
        guard loop == nil else { return }
        loop = Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                let ran = (try? await self.runOnce()) ?? nil
                if ran == nil { await self.idle() }
            }
        }
    }

    /// Stops taking jobs and waits for the one running (the app's database closes after this).
    public func stop() async {
        let running = loop
        loop = nil
        running?.cancel()
        wake()
        await running?.value
    }

    /// Looks at the queue now (a job was just queued).
    public func wake() {
        wakeUp?.resume()
        wakeUp = nil
    }

    private func idle() async {
        let interval = pollInterval
        let timer = Task { [weak self] in
            try? await Task.sleep(for: interval)
            await self?.wake()
        }
        await withCheckedContinuation { wakeUp = $0 }
        timer.cancel()
    }
}

struct JobError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
