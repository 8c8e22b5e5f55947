import Foundation

/// Where a job stands. `declined` and `rejected` are moves, not states: a declined offer goes
/// back to planned, rejected work back to its vendor (in progress) or to planned.
public enum JobStatus: String, CaseIterable, Codable, Sendable {
    case planned, offered, accepted
    case inProgress = "in-progress"
    case delivered, approved, cancelled

    /// Still to be done (open jobs count in the forecast and on `/today`).
    public var isOpen: Bool { self != .approved && self != .cancelled }
    /// The vendor holds the work: their time is booked.
    public var holdsBooking: Bool { self == .accepted || self == .inProgress || self == .delivered }
}

/// A move a PM (or, through the PM, the vendor) makes on a job.
public enum JobMove: String, CaseIterable, Codable, Sendable {
    case offered, accepted
    case inProgress = "in-progress"
    case delivered, approved, declined, rejected, cancelled
}

/// A file the vendor works on or reads: one of the quote's files, by its role.
public struct JobFile: Hashable, Codable, Sendable {
    public enum Role: String, Codable, Sendable { case source, reference }
    public var fileID: QuoteFile.ID
    public var name: String
    public var role: Role
    public init(fileID: QuoteFile.ID, name: String, role: Role) {
        self.fileID = fileID
        self.name = name
        self.role = role
    }
}

/// One workflow step for one target language of a project: translation into French, its
/// revision, the PM's QA. Vendor steps get assignments; internal steps (`isInternal`) never do.
public struct Job: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Job>

    public var id: ID
    public var projectID: Project.ID
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The quoted service this step belongs to (`translation`), and the step's own (`revision`).
    public var service: String
    public var step: LinguisticService
    /// Position of the step in its target's workflow, from 0.
    public var sequence: Int
    public var isInternal: Bool
    public var unit: PriceUnit
    public var effort: EffortBasis
    /// Words by match band (the quote line's analysis); empty for page, hour and internal steps.
    public var bands: BandCounts
    /// The amount assignments share, in the step's unit: words (all but context for revision),
    /// pages, or minutes for hour steps.
    public var words: Int
    /// The effort the planner counts (words weighted by the effort grid for translation).
    public var weightedWords: Decimal
    public var files: [JobFile]
    /// The part of the client brief the vendor needs (style, terminology, audience, quality).
    public var brief: String
    public var deliverables: [String]
    public var due: Date
    public var status: JobStatus
    /// Raised by every change; a stale write gets 409 on `version`.
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID, projectID: Project.ID, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, service: String,
        step: LinguisticService, sequence: Int, isInternal: Bool, unit: PriceUnit = .word,
        effort: EffortBasis = .weightedWords, bands: BandCounts = [:], words: Int, weightedWords: Decimal,
        files: [JobFile] = [], brief: String = "", deliverables: [String] = [], due: Date,
        status: JobStatus = .planned, version: Int = 1, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.projectID = projectID
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.service = service
        self.step = step
        self.sequence = sequence
        self.isInternal = isInternal
        self.unit = unit
        self.effort = effort
        self.bands = bands
        self.words = words
        self.weightedWords = weightedWords
        self.files = files
        self.brief = brief
        self.deliverables = deliverables
        self.due = due
        self.status = status
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Bands scaled to a share of the job's words (a split assignment's part), exact in decimal.
    public func bands(forWords share: Int) -> BandCounts {
        guard words > 0, share != words else { return bands }
        let ratio = Decimal(share) / Decimal(words)
        return bands.mapValues { BandCount(segments: $0.segments, words: ($0.words * ratio).rounded(scale: 2)) }
    }
}

/// A vendor's part of a job: the offer's terms (words, unit price, amount, due) and, once the
/// offer is accepted, the booking that holds the vendor's time. Released assignments (declined,
/// cancelled, reassigned) stay for the history.
public struct JobAssignment: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<JobAssignment>
    public enum State: String, Codable, Sendable { case active, released }

    public var id: ID
    public var jobID: Job.ID
    public var vendorID: VendorProfile.ID
    public var words: Int
    /// Unit price in the vendor's currency; nil when the vendor has no rate for the step.
    public var rate: Money?
    public var amount: Money
    public var start: Date
    public var due: Date
    public var bookingID: VendorBooking.ID?
    public var actualWords: Int?
    public var state: State
    public var createdAt: Date

    public init(
        id: ID, jobID: Job.ID, vendorID: VendorProfile.ID, words: Int, rate: Money?, amount: Money, start: Date,
        due: Date, bookingID: VendorBooking.ID? = nil, actualWords: Int? = nil, state: State = .active,
        createdAt: Date
    ) {
        self.id = id
        self.jobID = jobID
        self.vendorID = vendorID
        self.words = words
        self.rate = rate
        self.amount = amount
        self.start = start
        self.due = due
        self.bookingID = bookingID
        self.actualWords = actualWords
        self.state = state
        self.createdAt = createdAt
    }
}

/// One change of a job, timed and attributed: a move, an assignment, a hold.
public struct JobEvent: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<JobEvent>
    public var id: ID
    public var jobID: Job.ID
    /// A move's raw value (`accepted`), or `assigned`, `unassigned`, `created`.
    public var kind: String
    public var from: JobStatus?
    public var to: JobStatus?
    public var at: Date
    public var by: User.ID?
    public var note: String
    public init(
        id: ID, jobID: Job.ID, kind: String, from: JobStatus?, to: JobStatus?, at: Date, by: User.ID?, note: String = ""
    ) {
        self.id = id
        self.jobID = jobID
        self.kind = kind
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.note = note
    }
}

/// A project's production state beside the sales record: on hold or not, and since when.
public struct ProjectHold: Hashable, Codable, Sendable {
    public var projectID: Project.ID
    public var onHold: Bool
    public var reason: String
    public var by: User.ID?
    public var at: Date?
    public init(projectID: Project.ID, onHold: Bool = false, reason: String = "", by: User.ID? = nil, at: Date? = nil) {
        self.projectID = projectID
        self.onHold = onHold
        self.reason = reason
        self.by = by
        self.at = at
    }
}

extension DomainError {
    public static let jobNotFound = DomainError.notFound(
        entityKey: "production.entity.job", fallback: "The job was not found.")
    public static let purchaseOrderNotFound = DomainError.notFound(
        entityKey: "po.entity", fallback: "The purchase order was not found.")
}

extension RecordSubject.Kind {
    public static let job = RecordSubject.Kind(rawValue: "job")
}
