import Foundation
import TandemAnalysis
import TandemDomain

/// The background job that analyses a quote's files (kind `quote.analysis`): every document
/// not excluded is analysed for every target language of the quote's current version against
/// the quote's TMs; a client report's figures are taken as given. Progress is written while it
/// runs; when done, the quote's lines are built again from the result (`QuoteRepricing`).
public struct QuoteAnalysisJob: JobHandler {
    public static let kind = "quote.analysis"
    public var kind: String { Self.kind }

    struct Payload: Codable { var analysisId: QuoteAnalysis.ID }

    let files: any AssetFiles
    let capacity: CapacityService?

    /// The analysis is stored as done in the same transaction that re-prices and re-checks the
    /// quote, so a finished analysis always comes with its priced lines.
    public init(files: any AssetFiles, capacity: CapacityService?) {
        self.files = files
        self.capacity = capacity
    }

    static func payload(_ id: QuoteAnalysis.ID) -> String {
        String(decoding: (try? JSONEncoder().encode(Payload(analysisId: id))) ?? Data(), as: UTF8.self)
    }

    public func run(_ job: BackgroundJob, env: AppEnvironment) async throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        let stores = env.stores.quoteStores
        guard let analysis = try await stores.analyses.find(id: payload.analysisId) else { return }
        do {
            try await stores.analyses.setProgress(analysis.id, status: .running, progress: 0)
            let results = try await analyse(analysis.quoteID, analysisID: analysis.id, env: env)
            try await QuoteManagement(env, capacity: capacity).finishAnalysis(analysis.id, files: results)
        } catch {
            let message = (error as? AnalysisError)?.description ?? String(describing: error)
            // The last attempt records the failure; earlier ones leave the analysis running for the retry.
            if job.attempts >= job.maxAttempts || error is AnalysisError {
                try await stores.analyses.fail(analysis.id, error: message, at: env.now)
                if error is AnalysisError { return }
            }
            throw error
        }
    }

    func analyse(_ quoteID: Quote.ID, analysisID: QuoteAnalysis.ID, env: AppEnvironment) async throws
        -> [FileAnalysis]
    {
        let stores = env.stores.quoteStores
        guard let quote = try await stores.quotes.find(id: quoteID),
            let version = try await stores.quotes.version(quoteID, number: quote.currentVersion)
        else { throw DomainError.quoteNotFound }
        let all = try await stores.files.files(of: quoteID).filter { !$0.excluded }
        let documents = all.filter { $0.kind == .document }
        let memories = all.filter { $0.kind == .memory }
        let reports = all.filter { $0.kind == .report }
        var results: [FileAnalysis] = []
        for report in reports {
            let totals = try ClientReport.read(try await files.read(key: report.storageKey), name: report.name)
            let bands = totals.reduce(BandCounts()) { $0 + Self.bands($1.bands) }
            for target in version.targets.map(\.language) where report.applies(to: target) {
                results.append(FileAnalysis(fileID: report.id, name: report.name, targetLanguage: target, bands: bands))
            }
        }
        guard !documents.isEmpty else { return results }
        var documentData: [AnalysisInput] = []
        for file in documents {
            documentData.append(.data(try await files.read(key: file.storageKey), name: file.name))
        }
        var memoryData: [AnalysisInput] = []
        for file in memories { memoryData.append(.data(try await files.read(key: file.storageKey), name: file.name)) }
        let targets = version.targets.map(\.language)
        let progress = ProgressBox()
        for (index, target) in targets.enumerated() {
            let settings = AnalysisSettings(sourceLanguage: version.sourceLanguage, targetLanguage: target)
            let work = Task.detached { [documentData, memoryData] in
                try AnalysisEngine.analyze(
                    files: documentData, memories: memoryData, settings: settings,
                    progress: { progress.set(Self.overall($0, target: index, of: targets.count)) })
            }
            let result = try await Self.reporting(work, progress, to: analysisID, stores: stores)
            for (file, totals) in zip(documents, result.files) {
                results.append(
                    FileAnalysis(
                        fileID: file.id, name: file.name, targetLanguage: target, bands: Self.bands(totals.bands)))
            }
        }
        return results
    }

    /// Waits for `work`, writing its progress every quarter second. The writer is stopped and
    /// awaited before returning, so a late progress write cannot land after the analysis is done.
    static func reporting(
        _ work: Task<AnalysisResult, any Error>, _ progress: ProgressBox, to id: QuoteAnalysis.ID, stores: QuoteStores
    ) async throws -> AnalysisResult {
        let writer = Task {
            var last = -1.0
            while !Task.isCancelled {
                let now = progress.value
                if now != last {
                    last = now
                    try? await stores.analyses.setProgress(id, status: .running, progress: min(0.99, now))
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        let outcome: Result<AnalysisResult, any Error>
        do { outcome = .success(try await work.value) } catch { outcome = .failure(error) }
        writer.cancel()
        await writer.value
        return try outcome.get()
    }

    /// Reading, loading the TM and matching share each target's part of the bar.
    static func overall(_ p: AnalysisProgress, target: Int, of count: Int) -> Double {
        let phase: (Double, Double)
        switch p.phase {
        case .readingFiles: phase = (0, 0.3)
        case .loadingMemory, .indexingMemory: phase = (0.3, 0.6)
        case .matching: phase = (0.6, 1)
        case .done: phase = (1, 1)
        }
        let within = phase.0 + (phase.1 - phase.0) * p.fraction
        return (Double(target) + within) / Double(max(1, count))
    }

    /// The engine's counts with words as exact decimals (two places: CJK counts may be fractional).
    static func bands(_ counts: TandemAnalysis.BandCounts) -> TandemDomain.BandCounts {
        var out: TandemDomain.BandCounts = [:]
        for band in Band.allCases {
            let c = counts[band]
            out[band.rawValue] = BandCount(segments: c.segments, words: Decimal(c.words).rounded(scale: 2))
        }
        return out
    }
}

/// The latest progress fraction, written from the engine's threads and read by the writer task.
final class ProgressBox: @unchecked Sendable {
    // Guarded by the lock: the engine reports progress synchronously from its own threads.
    private let lock = NSLock()
    private var fraction = 0.0
    var value: Double { lock.withLock { fraction } }
    func set(_ value: Double) { lock.withLock { fraction = max(fraction, value) } }
}
