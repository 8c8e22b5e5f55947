import Foundation

/// What PMs must learn from sales about a client. On an account every part is the client's
/// general brief; on an opportunity a part that is nil follows the account's brief, so an
/// opportunity starts from it and overrides only what differs.
public struct ClientBrief: Hashable, Codable, Sendable {
    public struct BuyingCriterion: Hashable, Codable, Sendable {
        public var name: String
        /// Weight in percent of the decision (criteria are listed by rank).
        public var weight: Int
        public init(name: String, weight: Int) {
            self.name = name
            self.weight = weight
        }
    }

    /// The parts of a brief, in the order the form and the history show them.
    public enum Part: String, CaseIterable, Codable, Sendable {
        case problems, objectives, buyingCriteria, stakeholders, audience, qualityExpectations
        case styleAndTerminology, fileFormatsAndTools, risks, priceAndTurnaround, productionNotes

        /// The client's statements, changed by the sales side; production notes are the PMs'.
        public var isStatement: Bool { self != .productionNotes }
        /// Parts that must be filled for the brief to be complete.
        public static let required: [Part] = [.problems, .objectives, .buyingCriteria, .qualityExpectations]
    }

    public var problems: String?
    public var objectives: String?
    public var buyingCriteria: [BuyingCriterion]?
    public var stakeholders: String?
    public var audience: String?
    /// E.g. ISO 17100, a second linguist, terminology sign-off.
    public var qualityExpectations: String?
    public var styleAndTerminology: String?
    public var fileFormatsAndTools: String?
    public var risks: String?
    /// What the client said about price and turnaround.
    public var priceAndTurnaround: String?
    /// The PMs' production notes.
    public var productionNotes: String?

    public init() {}

    /// A part as lines of text (buying criteria as "1. Name — 40 %"), nil when not set.
    public func text(of part: Part) -> String? {
        switch part {
        case .problems: return problems
        case .objectives: return objectives
        case .buyingCriteria:
            return buyingCriteria.map { criteria in
                criteria.enumerated().map { "\($0.offset + 1). \($0.element.name) — \($0.element.weight) %" }
                    .joined(separator: "\n")
            }
        case .stakeholders: return stakeholders
        case .audience: return audience
        case .qualityExpectations: return qualityExpectations
        case .styleAndTerminology: return styleAndTerminology
        case .fileFormatsAndTools: return fileFormatsAndTools
        case .risks: return risks
        case .priceAndTurnaround: return priceAndTurnaround
        case .productionNotes: return productionNotes
        }
    }

    public func isFilled(_ part: Part) -> Bool {
        if part == .buyingCriteria { return !(buyingCriteria ?? []).isEmpty }
        return !(text(of: part) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Problems, objectives, buying criteria and quality expectations are filled.
    public var isComplete: Bool { Part.required.allSatisfy(isFilled) }
    public var missingParts: [Part] { Part.required.filter { !isFilled($0) } }

    /// Takes `part` from `other`.
    public mutating func copy(_ part: Part, from other: ClientBrief) {
        switch part {
        case .problems: problems = other.problems
        case .objectives: objectives = other.objectives
        case .buyingCriteria: buyingCriteria = other.buyingCriteria
        case .stakeholders: stakeholders = other.stakeholders
        case .audience: audience = other.audience
        case .qualityExpectations: qualityExpectations = other.qualityExpectations
        case .styleAndTerminology: styleAndTerminology = other.styleAndTerminology
        case .fileFormatsAndTools: fileFormatsAndTools = other.fileFormatsAndTools
        case .risks: risks = other.risks
        case .priceAndTurnaround: priceAndTurnaround = other.priceAndTurnaround
        case .productionNotes: productionNotes = other.productionNotes
        }
    }

    /// The parts whose value differs between the two briefs.
    public func changedParts(from other: ClientBrief) -> [Part] {
        Part.allCases.filter { text(of: $0) != other.text(of: $0) }
    }

    /// An opportunity's brief: the account's, with every part the opportunity sets instead.
    public static func effective(account: ClientBrief, overrides: ClientBrief) -> ClientBrief {
        var result = account
        for part in Part.allCases where overrides.text(of: part) != nil { result.copy(part, from: overrides) }
        return result
    }
}

/// One stored state of a brief: every change stores the whole content with who and when.
public struct BriefVersion: Hashable, Codable, Sendable {
    public var subject: RecordSubject
    /// 1, 2, 3, … per subject.
    public var number: Int
    public var content: ClientBrief
    public var authorId: User.ID
    public var createdAt: Date
    public init(subject: RecordSubject, number: Int, content: ClientBrief, authorId: User.ID, createdAt: Date) {
        self.subject = subject
        self.number = number
        self.content = content
        self.authorId = authorId
        self.createdAt = createdAt
    }
}

public protocol BriefStore: Sendable {
    /// The newest version of the subject's brief.
    func latest(of subject: RecordSubject) async throws -> BriefVersion?
    /// Every version, oldest first.
    func versions(of subject: RecordSubject) async throws -> [BriefVersion]
    func version(_ number: Int, of subject: RecordSubject) async throws -> BriefVersion?
    /// Stores `version`; throws `DomainError.conflict(field: "version")` when its number is taken
    /// (someone saved meanwhile).
    func append(_ version: BriefVersion) async throws
    /// The newest version of each given subject (for completeness badges in lists).
    func latest(of subjects: [RecordSubject]) async throws -> [RecordSubject: BriefVersion]
}
