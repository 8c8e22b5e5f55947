/// Size caps applied to every input. Defaults suit a quoting server; raise them deliberately.
public struct AnalysisLimits: Sendable, Codable, Equatable {
    /// Largest file accepted (bytes), for XML, text and the DOCX container itself.
    public var maxFileBytes: Int
    /// Largest uncompressed size of one DOCX part that is read.
    public var maxDocxPartBytes: Int
    /// Largest compression ratio (uncompressed / compressed) of a DOCX part: above it, a zip bomb.
    public var maxCompressionRatio: Int
    /// Most entries a DOCX may hold.
    public var maxZipEntries: Int

    public init(
        maxFileBytes: Int = 1 << 30, maxDocxPartBytes: Int = 256 << 20, maxCompressionRatio: Int = 200,
        maxZipEntries: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDocxPartBytes = maxDocxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxZipEntries = maxZipEntries
    }

    public static let `default` = AnalysisLimits()
}
