import Foundation
import TandemDomain

@testable import TandemAnalysis

/// The sample files under `Tests/Fixtures` (provenance and licences in its `README.md`). A
/// missing file or folder is an error that names it: a test never passes on fewer samples.
enum Fixtures {
    /// `Tests/Fixtures`, found from this file's place in the repository.
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "missing fixture \(path) (see Tests/Fixtures/README.md)" }
    }

    /// The fixture at `relative`; throws `Missing` when it is not there.
    static func url(_ relative: String) throws -> URL {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The contents of the fixture at `relative`.
    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// The files below the folder `relative` whose extension is one of `extensions`, sorted.
    /// Empty when the folder is missing: each suite that takes its arguments from here has a
    /// test that checks their number and names the folder.
    static func files(in relative: String, extensions: Set<String>) -> [URL] {
        let base = root.appendingPathComponent(relative)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// The files of `files(in:extensions:)`, or `Missing` naming the folder when there are none.
    static func requiredFiles(in relative: String, extensions: Set<String>) throws -> [URL] {
        let found = files(in: relative, extensions: extensions)
        if found.isEmpty { throw Missing(path: root.appendingPathComponent(relative).path) }
        return found
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
