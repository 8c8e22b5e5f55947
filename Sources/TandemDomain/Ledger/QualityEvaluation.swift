import Foundation

/// How bad an error is, with its penalty points (an MQM-like weighting).
public enum ErrorSeverity: String, CaseIterable, Codable, Sendable {
    case minor, major, critical
    public var weight: Decimal {
        switch self {
        case .minor: return 1
        case .major: return 5
        case .critical: return 10
        }
    }
}

/// The reviser's error categories.
public enum ErrorCategory: String, CaseIterable, Codable, Sendable {
    case accuracy, fluency, terminology, style, locale, design
}

/// Errors of one category and severity found in the sample.
public struct ErrorCount: Hashable, Codable, Sendable {
    public var category: ErrorCategory
    public var severity: ErrorSeverity
    public var count: Int
    public init(category: ErrorCategory, severity: ErrorSeverity, count: Int) {
        self.category = category
        self.severity = severity
        self.count = count
    }
}

/// An evaluation at approval: the reviser's assessment of a sample (errors by category and
/// severity), the PM's timeliness and communication marks (1–5), and comments. It names the
/// vendor, pair and project, and the job by its UUID when there is one.
public struct QualityEvaluation: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<QualityEvaluation>

    public var id: ID
    public var vendorID: VendorProfile.ID
    public var pair: LanguagePair
    public var projectID: Project.ID
    public var promiseID: Promise.ID?
    public var jobID: UUID?
    public var sampleWords: Int
    public var errors: [ErrorCount]
    public var timeliness: Int
    public var communication: Int
    public var comments: String
    public var evaluatedBy: User.ID
    public var evaluatedAt: Date

    public init(
        id: ID, vendorID: VendorProfile.ID, pair: LanguagePair, projectID: Project.ID, promiseID: Promise.ID? = nil,
        jobID: UUID? = nil, sampleWords: Int, errors: [ErrorCount], timeliness: Int, communication: Int,
        comments: String = "", evaluatedBy: User.ID, evaluatedAt: Date
    ) {
        self.id = id
        self.vendorID = vendorID
        self.pair = pair
        self.projectID = projectID
        self.promiseID = promiseID
        self.jobID = jobID
        self.sampleWords = sampleWords
        self.errors = errors
        self.timeliness = timeliness
        self.communication = communication
        self.comments = comments
        self.evaluatedBy = evaluatedBy
        self.evaluatedAt = evaluatedAt
    }

    /// Penalty points per 1,000 words of the sample: Σ count × weight × 1000 / sample words.
    public var penaltyPer1000: Decimal {
        guard sampleWords > 0 else { return 0 }
        let points = errors.reduce(Decimal(0)) { $0 + Decimal($1.count) * $1.severity.weight }
        return (points * 1000 / Decimal(sampleWords)).rounded(scale: 2)
    }

    /// 0–100: 80 % the translation (100 − 2 × penalty per 1,000 words, at least 0) and 20 % the
    /// PM's marks (1 → 0, 5 → 100).
    public var score: Decimal {
        let translation = max(0, 100 - 2 * penaltyPer1000)
        let marks = (Decimal(timeliness + communication) / 2 - 1) * 25
        return (translation * Decimal(string: "0.8")! + marks * Decimal(string: "0.2")!).rounded(scale: 2)
    }
}

/// A vendor's recency-weighted quality score: each evaluation counts 0.5^(age in days / 180),
/// so an evaluation half a year old counts half as much as today's.
public enum QualityScore {
    public static let halfLifeDays: Double = 180

    public static func weight(of evaluatedAt: Date, now: Date) -> Decimal {
        let days = max(0, now.timeIntervalSince(evaluatedAt) / 86_400)
        return Decimal(pow(0.5, days / halfLifeDays)).rounded(scale: 6)
    }

    /// Σ weightᵢ × scoreᵢ / Σ weightᵢ, rounded to a whole number; nil without evaluations.
    public static func recencyWeighted(_ evaluations: [QualityEvaluation], now: Date) -> Int? {
        var total: Decimal = 0
        var weights: Decimal = 0
        for evaluation in evaluations {
            let w = weight(of: evaluation.evaluatedAt, now: now)
            total += w * evaluation.score
            weights += w
        }
        guard weights > 0 else { return nil }
        return NSDecimalNumber(decimal: (total / weights).rounded(scale: 0)).intValue
    }
}

/// A client's complaint against a delivery and its promise, with the root cause and the
/// corrective action ISO 17100 expects.
public struct Complaint: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Complaint>
    public enum Severity: String, CaseIterable, Codable, Sendable { case minor, major, critical }

    public var id: ID
    public var promiseID: Promise.ID
    public var deliveryID: ClientDelivery.ID?
    public var receivedAt: Date
    public var description: String
    public var severity: Severity
    /// After investigation: the complaint was founded.
    public var justified: Bool
    public var rootCause: String
    public var correctiveAction: String
    public var recordedBy: User.ID
    public var recordedAt: Date

    public init(
        id: ID, promiseID: Promise.ID, deliveryID: ClientDelivery.ID?, receivedAt: Date, description: String,
        severity: Severity, justified: Bool, rootCause: String, correctiveAction: String, recordedBy: User.ID,
        recordedAt: Date
    ) {
        self.id = id
        self.promiseID = promiseID
        self.deliveryID = deliveryID
        self.receivedAt = receivedAt
        self.description = description
        self.severity = severity
        self.justified = justified
        self.rootCause = rootCause
        self.correctiveAction = correctiveAction
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Whether a promise's quality level was met, judged on its complaints.
public enum QualityVerdict: String, Codable, Sendable {
    /// No justified complaint.
    case met
    /// Only justified minor complaints.
    case metWithRemarks = "met-with-remarks"
    /// A justified major or critical complaint.
    case notMet = "not-met"

    public static func judge(_ complaints: [Complaint]) -> QualityVerdict {
        let justified = complaints.filter(\.justified)
        if justified.contains(where: { $0.severity != .minor }) { return .notMet }
        return justified.isEmpty ? .met : .metWithRemarks
    }
}
