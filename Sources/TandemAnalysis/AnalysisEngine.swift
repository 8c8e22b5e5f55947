import Foundation
import TandemDomain

/// A file to analyse or a TM to load: bytes with a name (an upload) or a file on disk.
public enum AnalysisInput: Sendable {
    case data(Data, name: String)
    case file(URL)

    public var name: String {
        switch self {
        case .data(_, let name): return name
        case .file(let url): return url.path
        }
    }

    func load(limits: AnalysisLimits) throws -> Data {
        switch self {
        case .data(let data, let name):
            guard data.count <= limits.maxFileBytes else {
                throw AnalysisError(
                    file: name, kind: .tooLarge,
                    message: "the file is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes.")
            }
            return data
        case .file(let url): return try DocumentReader.loadFile(url, limits: limits)
        }
    }
}

/// The entry point for the command line and the web layer: read files, load TMs, analyse.
public enum AnalysisEngine {
    /// Reads `files`, builds a TM index from `memories` (TMX) and analyses.
    /// Throws `AnalysisError` for unreadable, unsafe or unsupported input and for missing languages.
    public static func analyze(
        files: [AnalysisInput], memories: [AnalysisInput] = [], settings: AnalysisSettings = AnalysisSettings(),
        segmentation: SRXRules = .standard, limits: AnalysisLimits = .default,
        progress: ProgressHandler? = nil
    ) throws -> AnalysisResult {
        let documents = try readDocuments(
            files, settings: settings, segmentation: segmentation, limits: limits, progress: progress)
        let (source, target) = try languages(of: documents, settings: settings, needTarget: !memories.isEmpty)
        var memory: TranslationMemory?
        if !memories.isEmpty, let target {
            memory = try TranslationMemory(
                sources: try memories.map {
                    TranslationMemory.Source(name: $0.name, data: try $0.load(limits: limits))
                },
                sourceLanguage: source, targetLanguage: target, minimumScore: settings.boundaries.lowest,
                limits: limits, progress: progress)
        }
        return Analyzer.analyze(documents, memory: memory, settings: settings, progress: progress)
    }

    /// Reads every input into a document (languages from the settings override the files').
    public static func readDocuments(
        _ files: [AnalysisInput], settings: AnalysisSettings = AnalysisSettings(), segmentation: SRXRules = .standard,
        limits: AnalysisLimits = .default, progress: ProgressHandler? = nil
    ) throws -> [SourceDocument] {
        let options = DocumentReader.Options(
            sourceLanguage: settings.sourceLanguage, targetLanguage: settings.targetLanguage,
            segmentation: segmentation,
            splitsUnits: settings.splitsUnits, limits: limits)
        return try files.map { input in
            let name = input.name
            return try DocumentReader.read(
                try input.load(limits: limits), name: name, options: options,
                progress: progress.map { p in
                    { @Sendable fraction in
                        p(
                            AnalysisProgress(
                                phase: .readingFiles, completed: Int(fraction * 1000), total: 1000, item: name))
                    }
                })
        }
    }

    /// The language pair of an analysis: settings first, then what the files declare.
    public static func languages(of documents: [SourceDocument], settings: AnalysisSettings, needTarget: Bool) throws
        -> (LanguageTag, LanguageTag?)
    {
        var source = settings.sourceLanguage
        for document in documents where settings.sourceLanguage == nil {
            guard let declared = document.sourceLanguage else {
                throw AnalysisError(
                    file: document.name, kind: .missingLanguage,
                    message:
                        "the file does not declare its source language (\(document.format.rawValue) files may not); pass --source-lang, e.g. --source-lang en-US."
                )
            }
            if let s = source, s.language != declared.language {
                throw AnalysisError(
                    file: document.name, kind: .invalid,
                    message:
                        "the source language \(declared) differs from \(s) of the other files; analyse them separately or pass --source-lang."
                )
            }
            if source == nil { source = declared }
        }
        guard let source else {
            throw AnalysisError(
                file: "analysis", kind: .missingLanguage,
                message: "no files to analyse, so no source language; pass files and --source-lang.")
        }
        var target = settings.targetLanguage
        if target == nil { target = documents.lazy.compactMap(\.targetLanguage).first }
        if needTarget, target == nil {
            throw AnalysisError(
                file: documents.first?.name ?? "analysis", kind: .missingLanguage,
                message:
                    "the files do not declare a target language, needed to match against the TM; pass --target-lang, e.g. --target-lang fr-FR."
            )
        }
        return (source, target)
    }
}
