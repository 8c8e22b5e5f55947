import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The app's background worker: it runs the stored jobs (the analysis of quote files) while the
/// server runs, starting when the app boots and stopping at shutdown. Every instance of Tandem
/// runs one; the queue gives each job to one of them (docs/quotes.md).
struct JobWorkerKey: StorageKey { typealias Value = JobWorker }
struct QuoteExpiryKey: StorageKey { typealias Value = PeriodicWork }
struct ProductionWatchKey: StorageKey { typealias Value = PeriodicWork }
struct MetricsRollupKey: StorageKey { typealias Value = PeriodicWork }

extension Application {
    var jobWorker: JobWorker {
        get {
            guard let worker = storage[JobWorkerKey.self] else { fatalError("configure(_:context:) was not called") }
            return worker
        }
        set { storage[JobWorkerKey.self] = newValue }
    }

    /// Quote expiry on a timer (`TandemConfig.quoteExpirySeconds`), started and stopped with the app.
    var quoteExpiry: PeriodicWork {
        get {
            guard let timer = storage[QuoteExpiryKey.self] else { fatalError("configure(_:context:) was not called") }
            return timer
        }
        set { storage[QuoteExpiryKey.self] = newValue }
    }

    /// The production watch on a timer (`TandemConfig.productionWatchSeconds`), started and stopped with the app.
    var productionWatch: PeriodicWork {
        get {
            guard let timer = storage[ProductionWatchKey.self] else {
                fatalError("configure(_:context:) was not called")
            }
            return timer
        }
        set { storage[ProductionWatchKey.self] = newValue }
    }

    /// The scorecards' roll-up refreshed on a timer (`TandemConfig.metricsRollupSeconds`).
    var metricsRollup: PeriodicWork {
        get {
            guard let timer = storage[MetricsRollupKey.self] else { fatalError("configure(_:context:) was not called") }
            return timer
        }
        set { storage[MetricsRollupKey.self] = newValue }
    }

    /// Quote files under the data directory (as client assets are).
    var quoteFiles: DataDirectoryFiles { DataDirectoryFiles(root: tandem.config.dataDirectory) }

    /// Makes the worker with the app's job handlers and starts it with the app.
    func installJobWorker() {
        let analysis = QuoteAnalysisJob(files: quoteFiles, capacity: capacity)
        let name = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID())"
        jobWorker = JobWorker(name: name, env: appEnvironment, handlers: [analysis])
        let env = appEnvironment
        let logger = logger
        quoteExpiry = PeriodicWork(every: .seconds(tandem.config.quoteExpirySeconds)) {
            // Quotes past their validity expire and release their holds.
            do { _ = try await QuoteManagement(env).expireDue() } catch {
                logger.warning("expiring quotes failed: \(error)")
            }
        }
        let capacity = capacity
        productionWatch = PeriodicWork(every: .seconds(tandem.config.productionWatchSeconds)) {
            // Jobs past their due and vendors' new absences re-judge the promises they touch.
            let started = ContinuousClock.now
            do {
                let judged = try await ProductionWatch(env, capacity: capacity).run()
                logger.info("production watch: \(judged.count) projects judged in \(ContinuousClock.now - started)")
            } catch {
                logger.warning("the production watch failed: \(error)")
            }
        }
        metricsRollup = PeriodicWork(every: .seconds(tandem.config.metricsRollupSeconds)) {
            // The days written since the last refresh, so that a scorecard rarely waits for them.
            let started = ContinuousClock.now
            do {
                let refresh = try await env.stores.goals.metrics.refreshRollup()
                if refresh.days > 0 {
                    logger.info("metrics roll-up: \(refresh.days) days in \(ContinuousClock.now - started)")
                }
            } catch {
                logger.warning("refreshing the metrics roll-up failed: \(error)")
            }
        }
        lifecycle.use(JobWorkerLifecycle())
    }
}

struct JobWorkerLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        await application.quoteExpiry.start()
        await application.productionWatch.start()
        await application.metricsRollup.start()
        await application.jobWorker.start()
    }
    /// All stop (and wait for a run in progress) before the app closes its database.
    func shutdownAsync(_ application: Application) async {
        await application.quoteExpiry.stop()
        await application.productionWatch.stop()
        await application.metricsRollup.stop()
        await application.jobWorker.stop()
    }
}

extension Request {
    /// Looks at the queue at once (a job was just queued).
    func wakeJobWorker() async { await application.jobWorker.wake() }
}
