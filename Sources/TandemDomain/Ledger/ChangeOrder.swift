import Foundation

/// Files or targets added or cancelled mid-project. Proposed, then agreed by the client (the
/// affected promises get a new version; an added target a new promise) or withdrawn.
public struct ChangeOrder: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ChangeOrder>

    public enum Status: String, CaseIterable, Codable, Sendable { case proposed, agreed, withdrawn }

    public struct Item: Hashable, Codable, Sendable {
        public enum Kind: String, CaseIterable, Codable, Sendable {
            case addTarget = "add_target"
            case cancelTarget = "cancel_target"
            case addFiles = "add_files"
            case cancelFiles = "cancel_files"
            public var adds: Bool { self == .addTarget || self == .addFiles }
        }
        public var kind: Kind
        public var targetLanguage: LanguageTag
        /// The promise changed (nil for an added target).
        public var promiseID: Promise.ID?
        /// Weighted words added or cancelled.
        public var words: Decimal
        /// The price of the work added or cancelled, in the project's currency.
        public var price: Money
        /// Of cancelled work, the share already done (0–100): billed as a cancellation fee.
        public var workDonePercent: Decimal
        /// The new delivery instant, when the change moves it (required for an added target).
        public var deliveryDate: Date?

        public init(
            kind: Kind, targetLanguage: LanguageTag, promiseID: Promise.ID?, words: Decimal, price: Money,
            workDonePercent: Decimal = 0, deliveryDate: Date? = nil
        ) {
            self.kind = kind
            self.targetLanguage = targetLanguage
            self.promiseID = promiseID
            self.words = words
            self.price = price
            self.workDonePercent = workDonePercent
            self.deliveryDate = deliveryDate
        }

        /// What cancelling costs the client: the done share of the cancelled price.
        public var cancellationFee: Money {
            kind.adds ? .zero(price.currency) : (price * (workDonePercent / 100)).rounded
        }

        /// How the item moves the price: + the added price; − the cancelled price + its fee.
        public var priceChange: Money {
            kind.adds ? price : Money(-price.amount + cancellationFee.amount, price.currency)
        }
    }

    public var id: ID
    public var projectID: Project.ID
    public var number: Int
    public var items: [Item]
    public var reason: String
    public var status: Status
    public var proposedBy: User.ID
    public var proposedAt: Date
    public var decidedBy: User.ID?
    public var decidedAt: Date?

    public init(
        id: ID, projectID: Project.ID, number: Int, items: [Item], reason: String, status: Status = .proposed,
        proposedBy: User.ID, proposedAt: Date, decidedBy: User.ID? = nil, decidedAt: Date? = nil
    ) {
        self.id = id
        self.projectID = projectID
        self.number = number
        self.items = items
        self.reason = reason
        self.status = status
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// The sum of the items' price changes (one currency: the project's).
    public var priceChange: Money? {
        guard let first = items.first else { return nil }
        return items.dropFirst().reduce(first.priceChange) { (try? $0 + $1.priceChange) ?? $0 }
    }

    public var cancellationFees: Money? {
        guard let first = items.first else { return nil }
        return items.dropFirst().reduce(first.cancellationFee) { (try? $0 + $1.cancellationFee) ?? $0 }
    }

    /// Only a proposed change order is agreed or withdrawn.
    public func decide(_ to: Status, by: User.ID, at: Date) throws -> ChangeOrder {
        guard status == .proposed, to != .proposed else {
            throw DomainError.conflict(
                field: "status", key: "promise.error.change_order_decided", arguments: ["status": status.rawValue],
                fallback: "This change order is already \(status.rawValue).")
        }
        var next = self
        next.status = to
        next.decidedBy = by
        next.decidedAt = at
        return next
    }

    /// The terms an agreed item gives its promise: the price moved by the item, the new date if any.
    public static func terms(after item: Item, from current: PromiseTerms) throws -> PromiseTerms {
        var terms = current
        terms.price = item.kind == .cancelTarget ? item.cancellationFee : try current.price + item.priceChange
        if let date = item.deliveryDate {
            terms.deliveryDate = date
            terms.deliveryDay = nil
        }
        return terms
    }
}

extension DomainError {
    public static let changeOrderNotFound = DomainError.notFound(
        entityKey: "promise.entity.change_order", fallback: "The change order was not found.")
}
