import Foundation

/// Which quotes a list shows; nil fields do not filter.
public struct QuoteFilter: Sendable, Equatable {
    public var accountID: Account.ID?
    public var opportunityID: Opportunity.ID?
    public var statuses: Set<QuoteStatus>?
    public var createdBy: User.ID?
    public init(
        accountID: Account.ID? = nil, opportunityID: Opportunity.ID? = nil, statuses: Set<QuoteStatus>? = nil,
        createdBy: User.ID? = nil
    ) {
        self.accountID = accountID
        self.opportunityID = opportunityID
        self.statuses = statuses
        self.createdBy = createdBy
    }
}

public protocol QuoteStore: Sendable {
    /// The next number of `year`, without gaps: call inside the transaction that creates the quote.
    func nextNumber(year: Int) async throws -> Int
    func create(_ quote: Quote, version: QuoteVersion) async throws
    func find(id: Quote.ID) async throws -> Quote?
    /// Newest first.
    func list(_ filter: QuoteFilter) async throws -> [Quote]
    /// Moves the quote from `from` to `to` (and to `version` when given); false when the stored
    /// status is no longer `from` (someone else moved it first).
    func move(_ id: Quote.ID, from: QuoteStatus, to: QuoteStatus, version: Int?, at: Date) async throws -> Bool
    func setLostReason(_ id: Quote.ID, _ reason: String) async throws
    func setManagerApproval(_ id: Quote.ID, _ approval: ManagerApproval) async throws
    func setValidUntil(_ id: Quote.ID, _ day: LocalDate, at: Date) async throws

    func version(_ quoteID: Quote.ID, number: Int) async throws -> QuoteVersion?
    /// Oldest first.
    func versions(of quoteID: Quote.ID) async throws -> [QuoteVersion]
    func addVersion(_ version: QuoteVersion) async throws
    /// Rewrites a draft version's content and lines; false when it was sent (sent versions are immutable).
    func updateDraft(_ version: QuoteVersion) async throws -> Bool
    func markSent(_ versionID: QuoteVersion.ID, at: Date) async throws
}

public protocol QuoteFileStore: Sendable {
    func add(_ file: QuoteFile) async throws
    func find(id: QuoteFile.ID) async throws -> QuoteFile?
    /// In upload order.
    func files(of quoteID: Quote.ID) async throws -> [QuoteFile]
    func setExcluded(_ id: QuoteFile.ID, _ excluded: Bool) async throws
    func setTargets(_ id: QuoteFile.ID, _ targets: [LanguageTag]) async throws
}

public protocol QuoteAnalysisStore: Sendable {
    func create(_ analysis: QuoteAnalysis) async throws
    func find(id: QuoteAnalysis.ID) async throws -> QuoteAnalysis?
    /// The newest analysis of a quote that finished.
    func latestDone(of quoteID: Quote.ID) async throws -> QuoteAnalysis?
    func setProgress(_ id: QuoteAnalysis.ID, status: QuoteAnalysis.Status, progress: Double) async throws
    func finish(_ id: QuoteAnalysis.ID, files: [FileAnalysis], at: Date) async throws
    func fail(_ id: QuoteAnalysis.ID, error: String, at: Date) async throws
}

public protocol QuoteReviewSettingsStore: Sendable {
    func load() async throws -> QuoteReviewSettings
    func save(_ settings: QuoteReviewSettings) async throws
}

public protocol ProjectStore: Sendable {
    /// Throws `DomainError.conflict` on `quoteId` when the quote already has a project.
    func create(_ project: Project, promises: [Promise], reservations: [Reservation]) async throws
    func find(id: Project.ID) async throws -> Project?
    func find(quoteID: Quote.ID) async throws -> Project?
    func find(opportunityID: Opportunity.ID) async throws -> Project?
    /// Newest first.
    func list() async throws -> [Project]
    func promises(of projectID: Project.ID) async throws -> [Promise]
    func reservations(of projectID: Project.ID) async throws -> [Reservation]
    func setBrief(_ id: Project.ID, status: BriefStatus, comment: String, by: User.ID, at: Date) async throws
}

/// The stores of quotes, projects and the background queue (a member of `Stores`).
public struct QuoteStores: Sendable {
    public var quotes: any QuoteStore
    public var files: any QuoteFileStore
    public var analyses: any QuoteAnalysisStore
    public var reviewSettings: any QuoteReviewSettingsStore
    public var projects: any ProjectStore
    public var jobs: any JobQueueStore

    public init(
        quotes: any QuoteStore, files: any QuoteFileStore, analyses: any QuoteAnalysisStore,
        reviewSettings: any QuoteReviewSettingsStore, projects: any ProjectStore, jobs: any JobQueueStore
    ) {
        self.quotes = quotes
        self.files = files
        self.analyses = analyses
        self.reviewSettings = reviewSettings
        self.projects = projects
        self.jobs = jobs
    }
}
