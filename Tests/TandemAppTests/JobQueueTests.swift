import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// The stored job queue (SQLite in memory, or PostgreSQL with TANDEM_TEST_DATABASE_URL, where
/// claims use `FOR UPDATE SKIP LOCKED`) and the quote analysis job on real files.
@Suite("Job queue: claims, leases, retries, the analysis job")
struct JobQueueTests {
    /// Counts runs; throws while `failures` is above zero.
    final class Handler: JobHandler, @unchecked Sendable {
        let kind = "test.job"
        private let lock = NSLock()
        private var runs: [BackgroundJob.ID] = []
        var failures = 0
        func run(_ job: BackgroundJob, env: AppEnvironment) async throws {
            try lock.withLock {
                runs.append(job.id)
                if failures > 0 {
                    failures -= 1
                    throw JobFailure()
                }
            }
        }
        var ran: [BackgroundJob.ID] { lock.withLock { runs } }
    }
    struct JobFailure: Error {}

    func enqueue(_ world: QuoteWorld, count: Int = 1) async throws -> [BackgroundJob] {
        var jobs: [BackgroundJob] = []
        for n in 0..<count {
            jobs.append(
                try await BackgroundJobs.enqueue(
                    kind: "test.job", payload: "{\"n\":\(n)}", in: world.env.stores, env: world.env))
        }
        return jobs
    }

    @Test func aClaimedJobIsNotTakenAgainWhileItsLeaseRuns() async throws {
        try await QuoteWorld.run { world in
            let queue = world.env.stores.quoteStores.jobs
            let job = try #require(try await enqueue(world).first)
            let now = world.env.now
            let claimed = try #require(try await queue.claim(worker: "a", now: now, leaseUntil: now + 60))
            #expect(claimed.id == job.id)
            #expect(claimed.status == .running)
            #expect(claimed.attempts == 1)
            #expect(claimed.worker == "a")
            #expect(try await queue.claim(worker: "b", now: now + 30, leaseUntil: now + 90) == nil)
        }
    }

    @Test func twoWorkersNeverTakeTheSameJob() async throws {
        try await QuoteWorld.run { world in
            let jobs = try await enqueue(world, count: 30)
            let queue = world.env.stores.quoteStores.jobs
            let now = world.env.now
            @Sendable func drain(_ worker: String) async throws -> [BackgroundJob.ID] {
                var taken: [BackgroundJob.ID] = []
                while let job = try await queue.claim(worker: worker, now: now, leaseUntil: now + 60) {
                    taken.append(job.id)
                }
                return taken
            }
            async let a = drain("a")
            async let b = drain("b")
            let (first, second) = try await (a, b)
            #expect(Set(first).isDisjoint(with: Set(second)))
            #expect(Set(first + second) == Set(jobs.map(\.id)))
            #expect(first.count + second.count == 30)
        }
    }

    @Test func aJobInterruptedByARestartRunsAgainAfterItsLease() async throws {
        try await QuoteWorld.run { world in
            let job = try #require(try await enqueue(world).first)
            let now = world.env.now
            // Worker "a" takes the job and the process dies before it finishes.
            _ = try await world.env.stores.quoteStores.jobs.claim(worker: "a", now: now, leaseUntil: now + 60)
            let handler = Handler()
            let worker = JobWorker(name: "b", env: world.env, handlers: [handler], lease: 60)
            #expect(try await worker.runOnce() == nil)
            world.clock.now += 61
            let done = try #require(try await worker.runOnce())
            #expect(done.id == job.id)
            #expect(done.status == .done)
            #expect(done.attempts == 2)
            #expect(handler.ran == [job.id])
        }
    }

    @Test func aFailingJobIsRetriedUntilItsLimit() async throws {
        try await QuoteWorld.run { world in
            let job = try #require(try await enqueue(world).first)
            let handler = Handler()
            handler.failures = 5
            let worker = JobWorker(name: "w", env: world.env, handlers: [handler])
            let first = try #require(try await worker.runOnce())
            #expect(first.status == .queued)
            #expect(first.lastError?.isEmpty == false)
            // Not before its retry time.
            #expect(try await worker.runOnce() == nil)
            world.clock.now += 600
            #expect(try await worker.runOnce()?.status == .queued)
            world.clock.now += 600
            let last = try #require(try await worker.runOnce())
            #expect(last.status == .failed)
            #expect(last.attempts == 3)
            world.clock.now += 600
            #expect(try await worker.runOnce() == nil)
            #expect(handler.ran == [job.id, job.id, job.id])
        }
    }

    @Test func theAnalysisJobBandsTheUploadedFilesAndPricesTheQuote() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            let files = MemoryFiles()
            let xliff = try Data(contentsOf: Self.fixture("omegat-match-stat-golden/golden-en-ca.xlf"))
            let tmx = try Data(contentsOf: Self.fixture("omegat-match-stat-golden/test-match-stat-en-ca.tmx"))
            await #expect(throws: QuoteFileTooLarge.self) {
                try await world.management.addFiles(
                    quote.id, [.init(role: .document, name: "big.xlf", data: xliff)], files: files, maximumSize: 100,
                    by: world.rep)
            }
            let analysis = try await world.management.addFiles(
                quote.id,
                [
                    .init(role: .document, name: "golden-en-ca.xlf", data: xliff),
                    .init(role: .memory, name: "tm.tmx", data: tmx),
                ],
                files: files, maximumSize: 10_000_000, by: world.rep)
            #expect(analysis.status == .queued)
            let job = QuoteAnalysisJob(files: files, capacity: world.capacity)
            let worker = JobWorker(name: "w", env: world.env, handlers: [job])
            #expect(try await worker.runOnce()?.status == .done)
            let done = try #require(try await world.env.stores.quoteStores.analyses.find(id: analysis.id))
            #expect(done.status == .done)
            #expect(done.progress == 1)
            #expect(done.files.map(\.targetLanguage.description) == ["fr", "de"])
            let version = try #require(try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1))
            let fr = try #require(version.lines.first { $0.targetLanguage?.description == "fr" })
            #expect(fr.bands.values.reduce(0) { $0 + $1.segments } > 50)
            #expect(fr.price.amount > 0)
            #expect(
                try await world.env.stores.quoteStores.files.files(of: quote.id).map(\.kind) == [.document, .memory])
        }
    }

    /// The progress writer may still be writing when the analysis finishes (seen in CI: an
    /// analysis left "running" for good); a late progress write must not undo the finish.
    @Test func aLateProgressWriteLeavesAFinishedAnalysisDone() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            let files = MemoryFiles()
            let xliff = try Data(contentsOf: Self.fixture("omegat-match-stat-golden/golden-en-ca.xlf"))
            let analysis = try await world.management.addFiles(
                quote.id, [.init(role: .document, name: "golden-en-ca.xlf", data: xliff)], files: files,
                maximumSize: 10_000_000, by: world.rep)
            let worker = JobWorker(name: "w", env: world.env, handlers: [QuoteAnalysisJob(files: files, capacity: nil)])
            #expect(try await worker.runOnce()?.status == .done)
            let analyses = world.env.stores.quoteStores.analyses
            try await analyses.setProgress(analysis.id, status: .running, progress: 0.5)
            let done = try #require(try await analyses.find(id: analysis.id))
            #expect(done.status == .done)
            #expect(done.progress == 1)

            let broken = try await world.management.addFiles(
                quote.id, [.init(role: .document, name: "broken.xlf", data: Data("<xliff><file>".utf8))], files: files,
                maximumSize: 1000, by: world.rep)
            _ = try await worker.runOnce()
            try await analyses.setProgress(broken.id, status: .running, progress: 0.5)
            #expect(try await analyses.find(id: broken.id)?.status == .failed)
        }
    }

    @Test func anUnreadableFileFailsTheAnalysisWithItsReason() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            let files = MemoryFiles()
            let analysis = try await world.management.addFiles(
                quote.id, [.init(role: .document, name: "broken.xlf", data: Data("<xliff><file>".utf8))], files: files,
                maximumSize: 1000, by: world.rep)
            let worker = JobWorker(name: "w", env: world.env, handlers: [QuoteAnalysisJob(files: files, capacity: nil)])
            _ = try await worker.runOnce()
            let failed = try #require(try await world.env.stores.quoteStores.analyses.find(id: analysis.id))
            #expect(failed.status == .failed)
            #expect(failed.error?.contains("broken.xlf") == true)
        }
    }

    static func fixture(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(path)
    }
}
