import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Settings → Rate cards: the list and one card version with its grid, prices, minimum, rush
/// tiers, PM fee and version history. Sales, PMs, managers and admins read; managers and admins edit.
enum RateCardPages {
    struct Row: Encodable {
        var href: String
        var name: String
        var account: String
        var currency: String
        var version: Int
        var updated: String
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var rows: [Row]
        var newHref: String?
        var backHref = SiteRoute.area(.settings).path
    }
    struct Cell: Encodable {
        var label: String
        var value: String
    }
    struct PriceRow: Encodable {
        var source: String
        var target: String
        var service: String
        var unit: String
        var price: String
    }
    struct VersionRow: Encodable {
        var version: Int
        var href: String
        var date: String
        var current: Bool
        var shown: Bool
    }
    struct ShowContext: Encodable {
        var shell: PageShell
        var name: String
        var version: Int
        var latestVersion: Int
        var isLatest: Bool
        var latestHref: String
        var facts: [Cell]
        var grid: [Cell]
        var boundaries: String
        var prices: [PriceRow]
        var tiers: [Cell]
        var versions: [VersionRow]
        var editHref: String?
        var backHref = SiteRoute.rateCards.path
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.rateCards, use: list)
        routes.get(.rateCard(":id"), use: show)
        RateCardFormPages.register(routes)
    }

    static func canView(_ user: User) -> Bool { Policy.permits(user, .viewRateCards) }
    static func canManage(_ user: User) -> Bool { Policy.permits(user, .manageRateCards) }

    @Sendable static func list(req: Request) async throws -> Response {
        try req.require(canView)
        let l = req.localizer
        let cards = try await RateCardManagement(req.appEnvironment).list()
        let names = try await req.stores.accounts.names(for: cards.compactMap(\.accountID))
        let rows = cards.map {
            Row(
                href: SiteRoute.rateCard($0.id).path, name: $0.name,
                account: $0.accountID.map { names[$0] ?? "—" } ?? l.t("rate_cards.default"), currency: $0.currency.code,
                version: $0.version, updated: l.formatDate($0.updatedAt))
        }
        let context = ListContext(
            shell: try await req.shell(title: l.t("settings.rate_cards"), area: .settings), rows: rows,
            newHref: canManage(try req.requireUser()) ? SiteRoute.newRateCard.path : nil)
        return try await req.renderPage("pricing/rate-cards", context)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.require(canView)
        let id: RateCard.ID = try req.pageID()
        let requested = req.query[String.self, at: "version"].flatMap { Int($0) }
        let management = RateCardManagement(req.appEnvironment)
        let versions = try await management.versions(of: id)
        guard let latest = versions.first,
            let card = requested.map({ number in versions.first { $0.version == number } }) ?? latest
        else { throw Abort(.notFound) }
        let l = req.localizer
        var account: String?
        if let accountID = card.accountID {
            account = try await req.stores.accounts.names(for: [accountID])[accountID] ?? "—"
        }
        let context = ShowContext(
            shell: try await req.shell(title: card.name, area: .settings), name: card.name, version: card.version,
            latestVersion: latest.version, isLatest: card.version == latest.version,
            latestHref: SiteRoute.rateCard(id).path,
            facts: facts(
                card, account: account,
                organisation: try await req.stores.pricing.settings.load().standardTurnaround, l),
            grid: MatchBand.allCases.map {
                Cell(label: bandLabel($0, card.grid.boundaries, l), value: percent(card.grid.percent(of: $0), l))
            },
            boundaries: l.t(
                "rate_cards.boundaries_value",
                [
                    "high": .integer(card.grid.boundaries.high), "middle": .integer(card.grid.boundaries.middle),
                    "low": .integer(card.grid.boundaries.low), "lowest": .integer(card.grid.boundaries.lowest),
                ]),
            prices: card.prices.map {
                PriceRow(
                    source: $0.source.description, target: $0.target.description,
                    service: serviceLabel($0.service, l), unit: l.t("price_unit.\($0.unit.rawValue)"),
                    price: unitPrice($0.price, card.currency, l))
            },
            tiers: card.rushTiers.map { tierCell($0, l) },
            versions: versions.map {
                VersionRow(
                    version: $0.version, href: SiteRoute.rateCard(id).path + "?version=\($0.version)",
                    date: l.formatDateTime($0.createdAt), current: $0.version == latest.version,
                    shown: $0.version == card.version)
            },
            editHref: canManage(try req.requireUser()) ? SiteRoute.rateCardEdit(id).path : nil)
        return try await req.renderPage("pricing/rate-card", context)
    }

    static func facts(_ card: RateCard, account: String?, organisation: StandardTurnaround, _ l: Localizer) -> [Cell] {
        var facts = [
            Cell(label: l.t("rate_cards.account"), value: account ?? l.t("rate_cards.default")),
            Cell(label: l.t("field.currency"), value: card.currency.code),
            Cell(label: l.t("rate_cards.minimum"), value: l.format(Money(card.minimumCharge, card.currency))),
            Cell(label: l.t("rate_cards.pm_fee"), value: percent(card.pmFeePercent, l)),
        ]
        facts.append(
            Cell(
                label: l.t("rate_cards.turnaround"),
                value: card.standardTurnaround.map {
                    l.t(
                        "rate_cards.turnaround_value",
                        ["words": .integer($0.wordsPerDay), "days": .integer($0.leadTimeDays)])
                }
                    ?? l.t(
                        "rate_cards.turnaround_organisation",
                        ["words": .integer(organisation.wordsPerDay), "days": .integer(organisation.leadTimeDays)])))
        return facts
    }

    static func bandLabel(_ band: MatchBand, _ bounds: BandBoundaries, _ l: Localizer) -> String {
        if let range = bounds.range(of: band) {
            return l.t("band.fuzzy", ["from": .integer(range.lowerBound), "to": .integer(range.upperBound)])
        }
        return l.t("band.\(band.rawValue)")
    }

    static func tierCell(_ tier: RushTier, _ l: Localizer) -> Cell {
        let label: String
        switch tier.kind {
        case .compression:
            label = l.t(
                "rush.compression", ["percent": .text(percent(tier.maxPercentOfStandard ?? 0, l))])
        case .sameDay: label = l.t("rush.same_day")
        case .weekend: label = l.t("rush.weekend")
        }
        return Cell(label: label, value: "+" + percent(tier.surchargePercent, l))
    }

    static func percent(_ value: Decimal, _ l: Localizer) -> String {
        l.formatPercent(value / 100, maximumFractionDigits: 2)
    }

    static func unitPrice(_ value: Decimal, _ currency: CurrencyCode, _ l: Localizer) -> String {
        l.format(value, minimumFractionDigits: currency.minorUnits, maximumFractionDigits: 4) + " " + currency.code
    }

    static func serviceLabel(_ service: LinguisticService, _ l: Localizer) -> String {
        let key = "service.\(service.rawValue)"
        let text = l.t(key)
        return text == key ? service.rawValue : text
    }
}

extension Request {
    /// The `:id` path parameter of a page; a malformed one is a 404.
    func pageID<Owner>(_ name: String = "id") throws -> Identifier<Owner> {
        guard let raw = parameters.get(name), let id = Identifier<Owner>(uuidString: raw) else {
            throw Abort(.notFound)
        }
        return id
    }
}
