import Foundation

/// Where a quote stands (docs/quotes.md). Sales drafts and submits; the review gate or a PM
/// approves; sales sends; the client accepts, or the deal is lost or the quote expires.
public enum QuoteStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case inReview = "in-review"
    case approved, rejected, sent, accepted, lost, expired

    /// The statuses a quote may move to from this one. Editing an approved, rejected or sent
    /// quote starts a new draft version, so `draft` is reachable from them.
    public var next: Set<QuoteStatus> {
        switch self {
        case .draft: return [.inReview, .approved, .lost, .expired]
        case .inReview: return [.approved, .rejected, .draft, .lost, .expired]
        case .approved: return [.sent, .draft, .lost, .expired]
        case .rejected: return [.draft, .lost, .expired]
        case .sent: return [.accepted, .draft, .lost, .expired]
        case .accepted, .lost, .expired: return []
        }
    }

    public func canMove(to status: QuoteStatus) -> Bool { next.contains(status) }

    /// Open quotes hold vendor time tentatively; closed ones release it or turned it into bookings.
    public var isOpen: Bool { ![.accepted, .lost, .expired].contains(self) }
}

/// A quote: the commercial answer to an opportunity, in versions (`QuoteVersion`).
public struct Quote: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Quote>

    public var id: ID
    /// "Q-2026-0001": per year, without gaps.
    public var number: String
    public var accountID: Account.ID
    public var opportunityID: Opportunity.ID
    public var status: QuoteStatus
    /// The number of the version in force (1, 2, …).
    public var currentVersion: Int
    /// After this day the quote is `expired`.
    public var validUntil: LocalDate
    /// The client's currency.
    public var currency: CurrencyCode
    public var createdBy: User.ID
    public var createdAt: Date
    public var updatedAt: Date
    /// When the status last changed (how long a review has waited).
    public var statusChangedAt: Date
    public var lostReason: String
    /// A capability-building deal below the margin floor: the manager who approved it and why.
    public var managerApproval: ManagerApproval?

    public init(
        id: ID, number: String, accountID: Account.ID, opportunityID: Opportunity.ID, status: QuoteStatus = .draft,
        currentVersion: Int = 1, validUntil: LocalDate, currency: CurrencyCode, createdBy: User.ID, createdAt: Date,
        updatedAt: Date? = nil, statusChangedAt: Date? = nil, lostReason: String = "",
        managerApproval: ManagerApproval? = nil
    ) {
        self.id = id
        self.number = number
        self.accountID = accountID
        self.opportunityID = opportunityID
        self.status = status
        self.currentVersion = currentVersion
        self.validUntil = validUntil
        self.currency = currency
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.statusChangedAt = statusChangedAt ?? createdAt
        self.lostReason = lostReason
        self.managerApproval = managerApproval
    }

    /// "Q-2026-0042".
    public static func number(year: Int, sequence: Int) -> String {
        "Q-\(year)-" + String(format: "%04d", sequence)
    }

    /// The reference its tentative holds carry (`TentativeHold.quoteReference`).
    public var holdReference: String { "quote:\(id)" }
    /// The reference of the holds placed for one option (`quote:<id>#<option>`), the quote's own
    /// without options.
    public func holdReference(option: QuoteOption.ID?) -> String {
        option.map { "\(holdReference)#\($0)" } ?? holdReference
    }
}

public struct ManagerApproval: Hashable, Codable, Sendable {
    public var by: User.ID
    public var at: Date
    public var reason: String
    public init(by: User.ID, at: Date, reason: String) {
        self.by = by
        self.at = at
        self.reason = reason
    }
}

/// Why a quote needs a PM's review before it is sent (codes, as the API lists them).
public enum ReviewReason: String, CaseIterable, Codable, Sendable {
    case notGreen = "not_green"
    case belowMarginFloor = "below_margin_floor"
    case newClient = "new_client"
    case newPair = "new_pair"
    case highValue = "high_value"
    case incompleteBrief = "incomplete_brief"
}

extension DomainError {
    public static let quoteNotFound = DomainError.notFound(
        entityKey: "entity.quote", fallback: "The quote was not found.")

    public static func quoteTransition(from: QuoteStatus, to: QuoteStatus) -> DomainError {
        .conflict(
            field: "status", key: "error.quote.transition", arguments: ["from": from.rawValue, "to": to.rawValue],
            fallback: "A quote that is \(from.rawValue) cannot become \(to.rawValue).")
    }
}
