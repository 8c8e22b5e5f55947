import Foundation
import TandemDomain

@testable import TandemAnalysis

/// Locates `shared/data`: `TANDEM_SHARED_DATA`, else the first ancestor of this file (symlinks
/// resolved) that has a `shared/data` child.
enum SharedData {
    static let root: URL? = {
        if let env = ProcessInfo.processInfo.environment["TANDEM_SHARED_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/data", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    static func url(_ relative: String) -> URL {
        guard let root else { fatalError("shared/data not found; set TANDEM_SHARED_DATA") }
        return root.appendingPathComponent(relative)
    }

    static func files(in relative: String, extensions: Set<String>) -> [URL] {
        guard let root else { return [] }
        let base = root.appendingPathComponent(relative)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension.lowercased()) }.sorted
        { $0.path < $1.path }
    }
}

func tag(_ s: String) -> LanguageTag { try! LanguageTag(s) }

func document(_ name: String, _ texts: [String], source: String = "en", target: String? = "fr") -> SourceDocument {
    SourceDocument(
        name: name, format: .text, sourceLanguage: tag(source), targetLanguage: target.map(tag),
        segments: texts.enumerated().map { SourceSegment(id: String($0.offset + 1), text: $0.element) })
}

/// A TMX with one `tu` per pair, languages as given.
func tmx(_ pairs: [(String, String)], source: String = "en-US", target: String = "fr-FR") -> Data {
    var xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"\(source)\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" datatype=\"plaintext\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\n"
    for (i, pair) in pairs.enumerated() {
        xml +=
            "<tu tuid=\"t\(i + 1)\"><tuv xml:lang=\"\(source)\"><seg>\(pair.0)</seg></tuv><tuv xml:lang=\"\(target)\"><seg>\(pair.1)</seg></tuv></tu>\n"
    }
    return Data((xml + "</body></tmx>\n").utf8)
}

func memory(
    _ pairs: [(String, String)], source: String = "en-US", target: String = "fr-FR",
    request: (String, String) = ("en-US", "fr-FR")
) throws -> TranslationMemory {
    try TranslationMemory(
        sources: [.init(name: "tm.tmx", data: tmx(pairs, source: source, target: target))],
        sourceLanguage: tag(request.0), targetLanguage: tag(request.1))
}

/// Writes `data` to a fresh temporary file and returns its path.
func temporaryFile(_ name: String, _ data: Data) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "tandem-analysis-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
}
