import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The app's background worker: it runs the stored jobs (the analysis of quote files) while the
/// server runs, starting when the app boots and stopping at shutdown. Every instance of Tandem
/// runs one; the queue gives each job to one of them (docs/quotes.md).
struct JobWorkerKey: StorageKey { typealias Value = JobWorker }

extension Application {
    var jobWorker: JobWorker {
        get {
            guard let worker = storage[JobWorkerKey.self] else { fatalError("configure(_:context:) was not called") }
            return worker
        }
        set { storage[JobWorkerKey.self] = newValue }
    }

    /// Quote files under the data directory (as client assets are).
    var quoteFiles: DataDirectoryFiles { DataDirectoryFiles(root: tandem.config.dataDirectory) }

    /// Makes the worker with the app's job handlers and starts it with the app.
    func installJobWorker() {
        let analysis = QuoteAnalysisJob(files: quoteFiles, capacity: capacity)
        let name = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID())"
        jobWorker = JobWorker(name: name, env: appEnvironment, handlers: [analysis])
        lifecycle.use(JobWorkerLifecycle())
    }
}

struct JobWorkerLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        // Quotes past their validity expire and release their holds (at every start).
        do { try await QuoteManagement(application.appEnvironment).expireDue() } catch {
            application.logger.warning("expiring quotes failed: \(error)")
        }
        await application.jobWorker.start()
    }
    func shutdownAsync(_ application: Application) async { await application.jobWorker.stop() }
}

extension Request {
    /// Looks at the queue at once (a job was just queued).
    func wakeJobWorker() async { await application.jobWorker.wake() }
}
