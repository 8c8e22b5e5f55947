import Foundation

/// A file kept with a quote (in the data directory): a document to analyse, a translation
/// memory, or a client's analysis report (Trados, memoQ, Phrase). Kept so that the quote can be
/// analysed again and the project gets the files.
public struct QuoteFile: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<QuoteFile>
    public enum Kind: String, Codable, Sendable, CaseIterable { case document, memory, report }

    public var id: ID
    public var quoteID: Quote.ID
    public var kind: Kind
    /// The uploaded name, made safe (`ClientAsset.safeFileName`).
    public var name: String
    public var size: Int
    public var excluded: Bool
    /// The target languages this file is for; empty: every target of the quote.
    public var targets: [LanguageTag]
    public var uploadedBy: User.ID
    public var uploadedAt: Date

    public init(
        id: ID, quoteID: Quote.ID, kind: Kind, name: String, size: Int, excluded: Bool = false,
        targets: [LanguageTag] = [], uploadedBy: User.ID, uploadedAt: Date
    ) {
        self.id = id
        self.quoteID = quoteID
        self.kind = kind
        self.name = name
        self.size = size
        self.excluded = excluded
        self.targets = targets
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    /// Where the bytes are, under the data directory.
    public var storageKey: String { "quotes/\(quoteID)/\(id)-\(name)" }

    public func applies(to target: LanguageTag) -> Bool { !excluded && (targets.isEmpty || targets.contains(target)) }
}

/// One run of the analysis of a quote's files, done in the background.
public struct QuoteAnalysis: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<QuoteAnalysis>
    public enum Status: String, Codable, Sendable { case queued, running, done, failed }

    public var id: ID
    public var quoteID: Quote.ID
    public var status: Status
    /// 0…1.
    public var progress: Double
    public var error: String?
    /// Counts per file and target language when done.
    public var files: [FileAnalysis]
    public var createdAt: Date
    public var finishedAt: Date?

    public init(
        id: ID, quoteID: Quote.ID, status: Status = .queued, progress: Double = 0, error: String? = nil,
        files: [FileAnalysis] = [], createdAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.quoteID = quoteID
        self.status = status
        self.progress = progress
        self.error = error
        self.files = files
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

/// The bands of one file for one target language (documents are analysed against the TMs of
/// that language; a client report's figures are taken as given).
public struct FileAnalysis: Hashable, Codable, Sendable {
    public var fileID: QuoteFile.ID
    public var name: String
    public var targetLanguage: LanguageTag
    public var bands: BandCounts
    public init(fileID: QuoteFile.ID, name: String, targetLanguage: LanguageTag, bands: BandCounts) {
        self.fileID = fileID
        self.name = name
        self.targetLanguage = targetLanguage
        self.bands = bands
    }
}
