import Foundation

/// Why a file could not be analysed, with its position: rendered as `FILE:LINE:COL: message`.
/// The command line maps every `AnalysisError` to exit status 65 (EX_DATAERR); the web layer to 4xx.
public struct AnalysisError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// Not well-formed XML, truncated, wrong encoding, broken ZIP, …
        case malformed
        /// Well-formed but breaks the format's rules (e.g. invalid XLIFF 2).
        case invalid
        /// Refused for safety: entities, DTDs, zip bombs, path tricks.
        case unsafe
        /// Over a size limit.
        case tooLarge
        /// A format Tandem does not read.
        case unsupported
        /// A language neither declared by the file nor given by the caller.
        case missingLanguage
        /// Bad options (grid, boundaries, language tag, missing file).
        case usage
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var kind: Kind
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, kind: Kind, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
