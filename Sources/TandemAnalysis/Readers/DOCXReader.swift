import Foundation
import TandemDomain
import ZIPFoundation

/// DOCX: the paragraphs of `word/document.xml` (body text, tables), text of `w:t` runs, split into
/// sentences by SRX. Guards: entry count, path tricks, declared and actual uncompressed sizes,
/// compression ratio.
enum DOCXReader {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func read(_ data: Data, fileName: String, language: LanguageTag?, rules: SRXRules, limits: AnalysisLimits)
        throws -> SourceDocument
    {
        guard data.count <= limits.maxFileBytes else {
            throw AnalysisError(
                file: fileName, kind: .tooLarge,
                message: "the file is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes.")
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw AnalysisError(
                file: fileName, kind: .malformed, message: "not a readable ZIP/DOCX container (\(error)).")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxZipEntries {
                throw AnalysisError(
                    file: fileName, kind: .unsafe, message: "the DOCX holds more than \(limits.maxZipEntries) entries.")
            }
            let path = entry.path
            if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\\")
                || path.split(separator: "/").contains("..") || path.contains("\0") || path.contains(":")
            {
                throw AnalysisError(
                    file: fileName, kind: .unsafe,
                    message: "the DOCX contains an entry with an unsafe path “\(path)” (absolute or with “..”).")
            }
        }
        guard archive["word/document.xml"] != nil else {
            throw AnalysisError(
                file: fileName, kind: .unsupported,
                message: "a ZIP file without word/document.xml is not a DOCX document.")
        }
        var sourceLanguage = language
        if sourceLanguage == nil,
            let styles = try part("word/styles.xml", of: archive, fileName: fileName, limits: limits)
        {
            sourceLanguage = try defaultLanguage(styles, fileName: fileName, limits: limits)
        }
        let document = try part("word/document.xml", of: archive, fileName: fileName, limits: limits)!
        let reader = try XMLEventReader(data: document, fileName: fileName + "#word/document.xml", limits: limits)
        let segmenter = Segmenter(rules: rules, language: sourceLanguage)
        var segments: [SourceSegment] = []
        var paragraph = 0
        reader.collectRecords(["p"])
        while let event = try reader.next() {
            guard case .start(let e, let isEmpty) = event, e.name == "p", e.namespace == w else { continue }
            let p = try reader.readElement(e, isEmpty: isEmpty)
            paragraph += 1
            for (i, sentence) in segmenter.segment(text(of: p)).enumerated() {
                segments.append(SourceSegment(id: "p\(paragraph).\(i + 1)", text: sentence))
            }
        }
        return SourceDocument(name: fileName, format: .docx, sourceLanguage: sourceLanguage, segments: segments)
    }

    static func text(of element: XMLElement) -> String {
        var out = ""
        for child in element.children {
            guard case .element(let e) = child else { continue }
            switch e.name {
            case "t": out += e.text
            case "tab": out += "\t"
            case "br", "cr": out += " "
            case "delText", "instrText", "rPr", "pPr": break
            default: out += text(of: e)
            }
        }
        return out
    }

    static func part(_ path: String, of archive: Archive, fileName: String, limits: AnalysisLimits) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let declared = entry.uncompressedSize
        if declared > UInt64(limits.maxDocxPartBytes) {
            throw AnalysisError(
                file: fileName, kind: .unsafe,
                message: "\(path) would uncompress to \(declared) bytes; the limit is \(limits.maxDocxPartBytes) bytes."
            )
        }
        let ratioLimit = UInt64(limits.maxCompressionRatio) * max(entry.compressedSize, 1)
        if declared > ratioLimit && declared > 1 << 20 {
            throw AnalysisError(
                file: fileName, kind: .unsafe,
                message:
                    "\(path) is compressed more than \(limits.maxCompressionRatio):1 — refused as a possible zip bomb.")
        }
        var out = Data()
        let cap = min(UInt64(limits.maxDocxPartBytes), max(ratioLimit, 1 << 20))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                if UInt64(out.count) > cap { throw ZipBomb() }
            }
        } catch is ZipBomb {
            throw AnalysisError(
                file: fileName, kind: .unsafe,
                message:
                    "\(path) uncompresses beyond its declared size or the ratio limit — refused as a possible zip bomb."
            )
        } catch {
            throw AnalysisError(file: fileName, kind: .malformed, message: "\(path) cannot be uncompressed (\(error)).")
        }
        return out
    }

    private struct ZipBomb: Error {}

    static func defaultLanguage(_ styles: Data, fileName: String, limits: AnalysisLimits) throws -> LanguageTag? {
        let reader = try XMLEventReader(data: styles, fileName: fileName + "#word/styles.xml", limits: limits)
        while let event = try reader.next() {
            if case .start(let e, let isEmpty) = event, e.name == "docDefaults" {
                let defaults = try reader.readElement(e, isEmpty: isEmpty)
                var found: String?
                defaults.forEachDescendant {
                    if found == nil, $0.name == "lang" { found = $0.attribute("val", namespace: w) }
                }
                return try? parseLanguage(found, file: fileName, what: "w:lang")
            }
        }
        return nil
    }
}
