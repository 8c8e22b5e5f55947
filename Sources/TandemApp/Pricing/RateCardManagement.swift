import Foundation
import TandemDomain

/// Client rate cards: create one (the default or an account's), read any version, and edit,
/// which stores a new version and keeps the old ones. Permissions are checked by the caller
/// (`Policy`: `.viewRateCards`, `.manageRateCards`).
public struct RateCardManagement: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public func create(_ input: RateCardInput, by user: User.ID?) async throws -> RateCard {
        let valid = try input.validated()
        let id: RateCard.ID = env.ids()
        let now = env.now
        return try await env.stores.transaction { stores in
            if let account = valid.accountID, try await stores.accounts.find(id: account) == nil {
                throw ValidationErrors([
                    .invalid("accountId", "error.field.unknown", fallback: "Choose one of the listed values.")
                ])
            }
            let card = Self.card(valid, id: id, version: 1, at: now, by: user)
            try await stores.pricing.rateCards.create(card)
            return card
        }
    }

    /// Applies `change` to the latest version and stores the result as the next version. With
    /// `expectedVersion`, an edit made from an older version is refused (someone saved first).
    public func update(
        _ id: RateCard.ID, expectedVersion: Int?, by user: User.ID?, _ change: (inout RateCardInput) -> Void
    ) async throws -> RateCard {
        guard let current = try await env.stores.pricing.rateCards.find(id: id, version: nil) else {
            throw RateCard.notFound
        }
        if let expectedVersion, expectedVersion != current.version { throw Self.editedMeanwhile }
        var input = RateCardInput(current)
        change(&input)
        // The account a card belongs to is fixed: another account gets its own card.
        input.accountID = current.accountID?.description
        let valid = try input.validated()
        let card = Self.card(valid, id: id, version: current.version + 1, at: env.now, by: user)
        let stored = try await env.stores.transaction { stores in try await stores.pricing.rateCards.addVersion(card) }
        guard stored else { throw Self.editedMeanwhile }
        return card
    }

    public func find(_ id: RateCard.ID, version: Int? = nil) async throws -> RateCard {
        guard let card = try await env.stores.pricing.rateCards.find(id: id, version: version) else {
            throw RateCard.notFound
        }
        return card
    }

    public func list() async throws -> [RateCardSummary] { try await env.stores.pricing.rateCards.list() }

    public func versions(of id: RateCard.ID) async throws -> [RateCard] {
        try await env.stores.pricing.rateCards.versions(of: id)
    }

    /// The card a quote for `accountID` is priced with: the account's own, else the default.
    public func current(for accountID: Account.ID?) async throws -> RateCard? {
        try await env.stores.pricing.rateCards.current(for: accountID)
    }

    static func card(_ valid: ValidRateCard, id: RateCard.ID, version: Int, at now: Date, by user: User.ID?)
        -> RateCard
    {
        RateCard(
            id: id, accountID: valid.accountID, name: valid.name, version: version, currency: valid.currency,
            grid: valid.grid, prices: valid.prices, minimumCharge: valid.minimumCharge, rushTiers: valid.rushTiers,
            pmFeePercent: valid.pmFeePercent, standardTurnaround: valid.standardTurnaround, createdAt: now,
            createdBy: user)
    }

    public static let editedMeanwhile = DomainError.conflict(
        field: "version", key: "error.rate_card.edited_meanwhile", arguments: [:],
        fallback: "Someone saved a newer version of this rate card meanwhile; reload it and edit again.")
}
