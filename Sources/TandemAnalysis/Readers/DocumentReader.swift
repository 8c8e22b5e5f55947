import Foundation
import TandemDomain

/// Reads any supported file into a `SourceDocument`, choosing the reader from the content
/// (ZIP signature, XML root element) and the file extension.
public enum DocumentReader {
    public struct Options: Sendable {
        public var sourceLanguage: LanguageTag?
        public var targetLanguage: LanguageTag?
        public var segmentation: SRXRules
        /// Split XLIFF 1.2 units that have no `<seg-source>`, and PO entries, into sentences with `segmentation`,
        /// as CAT tools do when they open such files; false keeps one segment per unit.
        public var splitsUnits: Bool
        public var limits: AnalysisLimits

        public init(
            sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil, segmentation: SRXRules = .standard,
            splitsUnits: Bool = true, limits: AnalysisLimits = .default
        ) {
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.segmentation = segmentation
            self.splitsUnits = splitsUnits
            self.limits = limits
        }
    }

    /// Reads `data` named `name` (the name is used for messages and to recognise `.po`, `.txt`).
    public static func read(
        _ data: Data, name: String, options: Options = Options(), progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> SourceDocument {
        guard data.count <= options.limits.maxFileBytes else {
            throw AnalysisError(
                file: name, kind: .tooLarge,
                message: "the file is \(data.count) bytes; the limit is \(options.limits.maxFileBytes) bytes.")
        }
        let ext = (name as NSString).pathExtension.lowercased()
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || ext == "docx" {
            return try DOCXReader.read(
                data, fileName: name, language: options.sourceLanguage, rules: options.segmentation,
                limits: options.limits)
        }
        if ext == "po" || ext == "pot" {
            var document = try POReader.read(data, fileName: name)
            if options.splitsUnits {
                document.segments = UnitSplitter(rules: options.segmentation).split(
                    document.segments, wholeUnits: Array(document.segments.indices), language: options.sourceLanguage)
            }
            return document
        }
        if looksLikeXML(data) && ext != "txt" {
            let reader = try XMLEventReader(
                data: data, fileName: name, limits: options.limits,
                progress: progress.map { p in { done, total in p(Double(done) / Double(max(total, 1))) } })
            let (root, empty) = try reader.root()
            switch root.name {
            case "xliff":
                let version = root.attribute("version") ?? ""
                if version.hasPrefix("2.") || root.namespace == XLIFF2Reader.core
                    || root.namespace.hasPrefix("urn:oasis:names:tc:xliff:document:2")
                {
                    return try XLIFF2Reader.read(reader, root: root, rootIsEmpty: empty)
                }
                if version.hasPrefix("1.") || root.namespace.hasPrefix("urn:oasis:names:tc:xliff:document:1") {
                    return try XLIFF12Reader.read(
                        reader, root: root, rootIsEmpty: empty,
                        splitter: options.splitsUnits ? UnitSplitter(rules: options.segmentation) : nil,
                        language: options.sourceLanguage)
                }
                throw AnalysisError(
                    file: name, line: root.line, column: root.column, kind: .unsupported,
                    message: "XLIFF version “\(version)” is not supported; use 1.2 or 2.x.")
            case "tmx":
                return try TMXReader.document(
                    reader, root: root, rootIsEmpty: empty, sourceLanguage: options.sourceLanguage,
                    targetLanguage: options.targetLanguage)
            default:
                throw AnalysisError(
                    file: name, line: root.line, column: root.column, kind: .unsupported,
                    message:
                        "<\(root.name)> documents are not supported; expected XLIFF 1.2, XLIFF 2, TMX, PO, DOCX or plain text."
                )
            }
        }
        if ext == "txt" || ext == "text" || ext.isEmpty {
            return try PlainTextReader.read(
                data, fileName: name, language: options.sourceLanguage, rules: options.segmentation)
        }
        throw AnalysisError(
            file: name, kind: .unsupported,
            message:
                "“.\(ext)” files are not supported; expected XLIFF 1.2, XLIFF 2, TMX, PO, DOCX or plain text (.txt).")
    }

    /// Reads the file at `url`.
    public static func read(
        contentsOf url: URL, options: Options = Options(), progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> SourceDocument {
        try read(try loadFile(url, limits: options.limits), name: url.path, options: options, progress: progress)
    }

    static func loadFile(_ url: URL, limits: AnalysisLimits) throws -> Data {
        let name = url.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: name) else {
            throw AnalysisError(file: name, kind: .usage, message: "the file does not exist or cannot be read.")
        }
        if let size = attributes[.size] as? Int, size > limits.maxFileBytes {
            throw AnalysisError(
                file: name, kind: .tooLarge,
                message: "the file is \(size) bytes; the limit is \(limits.maxFileBytes) bytes.")
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            throw AnalysisError(file: name, kind: .usage, message: "is a directory, not a file.")
        }
        do { return try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw AnalysisError(
                file: name, kind: .usage, message: "the file cannot be read (\(error.localizedDescription)).")
        }
    }

    static func looksLikeXML(_ data: Data) -> Bool {
        var bytes = data.prefix(64)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return false
        }
        return first == UInt8(ascii: "<")
    }
}
