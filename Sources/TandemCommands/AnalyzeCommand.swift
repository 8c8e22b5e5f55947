import ArgumentParser
import Foundation
import TandemAnalysis

/// `tandem analyze`: word counts, repetitions and TM leverage of files (see docs/analysis.md).
public struct AnalyzeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Count words, repetitions and translation-memory matches of files (XLIFF 1.2/2, TMX, PO, TXT, DOCX).",
        discussion: "Exit status 65 with FILE:LINE:COL: message on stderr for malformed, unsafe or unsupported input."
    )

    @Option(name: .customLong("tm"), help: "A TMX translation memory (repeatable).")
    public var memories: [String] = []

    @Option(name: .customLong("source-lang"), help: "Source language (BCP 47), if the files do not declare it.")
    public var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Target language (BCP 47), if the files do not declare it.")
    public var targetLanguage: String?

    @Option(
        name: .customLong("grid"),
        help: "Weighting grid: trados, agency, memoq, full, or BAND=PERCENT,… (e.g. context=0,repetition=30,100=30).")
    public var grid: String?

    @Option(name: .customLong("bands"), help: "Lower bounds of the fuzzy bands, default 95,85,75,50.")
    public var bands: String?

    @Option(name: .customLong("format"), help: "table, json or csv.")
    public var format: String = "table"

    @Flag(name: .customLong("details"), help: "Add one row per segment (band, score, matched TM unit).")
    public var details = false

    @Flag(
        name: .customLong("whole-units"),
        help:
            "Count each PO entry and XLIFF 1.2 unit without <seg-source> as one segment instead of splitting it into sentences."
    )
    public var wholeUnits = false

    @Argument(help: "Files to analyse.")
    public var files: [String] = []

    public init() {}

    public func run() throws {
        guard let format = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be table, json or csv.")
        }
        let outcome = AnalyzeRunner.run(
            AnalyzeRequest(
                files: files, memories: memories, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                grid: grid, format: format, details: details, bands: bands, wholeUnits: wholeUnits))
        if !outcome.stderr.isEmpty { FileHandle.standardError.write(Data(outcome.stderr.utf8)) }
        if !outcome.stdout.isEmpty { FileHandle.standardOutput.write(Data(outcome.stdout.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
