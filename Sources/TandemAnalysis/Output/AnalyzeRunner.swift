import Foundation
import TandemDomain

/// What `tandem analyze` was asked to do, as plain values (the command only parses flags).
public struct AnalyzeRequest: Sendable, Equatable {
    public var files: [String]
    public var memories: [String]
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var grid: String?
    public var format: ReportFormat
    public var details: Bool
    public var bands: String?
    public var wholeUnits: Bool

    public init(
        files: [String], memories: [String] = [], sourceLanguage: String? = nil, targetLanguage: String? = nil,
        grid: String? = nil,
        format: ReportFormat = .table, details: Bool = false, bands: String? = nil, wholeUnits: Bool = false
    ) {
        self.files = files
        self.memories = memories
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.grid = grid
        self.format = format
        self.details = details
        self.bands = bands
        self.wholeUnits = wholeUnits
    }
}

/// Exit status and both output streams of one command run.
public struct CommandOutcome: Sendable, Equatable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `tandem analyze`: every `AnalysisError` becomes exit status 65 (EX_DATAERR) with
/// `FILE:LINE:COL: message` on stderr and nothing on stdout.
public enum AnalyzeRunner {
    public static let dataError: Int32 = 65

    public static func run(_ request: AnalyzeRequest, limits: AnalysisLimits = .default) -> CommandOutcome {
        do {
            let settings = try settings(for: request)
            let reports = try request.files.map { path in
                ClientReport.isReport(
                    try DocumentReader.loadFile(URL(fileURLWithPath: path), limits: limits), name: path)
            }
            if reports.contains(true) {
                guard !reports.contains(false) else {
                    throw AnalysisError(
                        file: request.files[reports.firstIndex(of: false)!], kind: .usage,
                        message:
                            "client reports (Trados XML, memoQ/Phrase CSV) and files to analyse cannot be mixed in one run."
                    )
                }
                let result = try ClientReport.result(
                    request.files.map { .file(URL(fileURLWithPath: $0)) }, grid: settings.grid,
                    boundaries: settings.boundaries, limits: limits)
                return CommandOutcome(
                    exitCode: 0, stdout: try ReportRenderer.render(result, format: request.format), stderr: "")
            }
            let result = try AnalysisEngine.analyze(
                files: request.files.map { .file(URL(fileURLWithPath: $0)) },
                memories: request.memories.map { .file(URL(fileURLWithPath: $0)) },
                settings: settings, limits: limits)
            return CommandOutcome(
                exitCode: 0, stdout: try ReportRenderer.render(result, format: request.format), stderr: "")
        } catch let error as AnalysisError {
            return CommandOutcome(exitCode: dataError, stdout: "", stderr: error.description + "\n")
        } catch {
            return CommandOutcome(exitCode: dataError, stdout: "", stderr: "analysis:1:1: \(error)\n")
        }
    }

    static func settings(for request: AnalyzeRequest) throws -> AnalysisSettings {
        func tag(_ value: String?, flag: String) throws -> LanguageTag? {
            guard let value else { return nil }
            do { return try LanguageTag(value) } catch {
                throw AnalysisError(
                    file: flag, kind: .usage, message: "“\(value)” is not a BCP 47 language tag such as en-US or fr-FR."
                )
            }
        }
        if request.files.isEmpty { throw AnalysisError(file: "analyze", kind: .usage, message: "no files to analyse.") }
        var boundaries = BandBoundaries.standard
        if let spec = request.bands {
            let values = spec.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 4 else {
                throw AnalysisError(
                    file: "--bands", kind: .usage, message: "give four lower bounds, e.g. --bands 95,85,75,50.")
            }
            boundaries = try BandBoundaries(high: values[0], middle: values[1], low: values[2], lowest: values[3])
        }
        return AnalysisSettings(
            sourceLanguage: try tag(request.sourceLanguage, flag: "--source-lang"),
            targetLanguage: try tag(request.targetLanguage, flag: "--target-lang"),
            boundaries: boundaries, grid: try request.grid.map(WeightingGrid.init(spec:)),
            includeDetails: request.details,
            splitsUnits: !request.wholeUnits)
    }
}
