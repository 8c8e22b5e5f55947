import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

extension RateCardFormPages {
    static func render(
        _ req: Request, input: RateCardInput, id: RateCard.ID?, version: Int, errors: FormErrors,
        storedName: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let l = req.localizer
        func field(_ name: String, _ value: String) -> Field {
            Field(id: name, name: name, value: value, error: errors.messages[name])
        }
        func decimal(_ text: String) -> String {
            // Stored values are canonical ("0.12"); show them as the user writes numbers ("0,12" in French).
            Decimal(canonical: text).map { l.format($0, maximumFractionDigits: 6) } ?? text
        }
        let grid = MatchBand.allCases.map {
            GridCell(
                label: RateCardPages.bandLabel($0, .standard, l),
                field: field("grid_\($0.rawValue)", input.grid[$0.rawValue].map(decimal) ?? ""))
        }
        let boundaries = boundaryKeys.map {
            GridCell(
                label: l.t("rate_cards.boundary.\($0)"),
                field: field("bound_\($0)", input.boundaries?[$0].map(String.init) ?? ""))
        }
        let units = PriceUnit.allCases
        let blankPrice = RateCardInput.Price(source: "", target: "", service: "", unit: "word", price: "")
        let prices = (input.prices + Array(repeating: blankPrice, count: extraPriceRows)).enumerated().map {
            row, price in
            PriceRow(
                source: field("price_\(row)_source", price.source), target: field("price_\(row)_target", price.target),
                service: field("price_\(row)_service", price.service),
                unit: Choice(
                    id: "price_\(row)_unit", name: "price_\(row)_unit",
                    options: units.map {
                        SelectOption(
                            value: $0.rawValue, label: l.t("price_unit.\($0.rawValue)"),
                            selected: $0.rawValue == price.unit)
                    }, error: errors.messages["price_\(row)_unit"]),
                price: field("price_\(row)_price", price.price.isEmpty ? "" : decimal(price.price)))
        }
        let blankTier = RateCardInput.Tier(kind: "compression", maxPercentOfStandard: nil, surchargePercent: "")
        let tiers = (input.rushTiers + Array(repeating: blankTier, count: extraTierRows)).enumerated().map {
            row, tier in
            TierRow(
                kind: Choice(
                    id: "tier_\(row)_kind", name: "tier_\(row)_kind",
                    options: RushTier.Kind.allCases.map {
                        SelectOption(
                            value: $0.rawValue, label: l.t("rush.kind.\($0.rawValue)"),
                            selected: $0.rawValue == tier.kind)
                    }, error: errors.messages["tier_\(row)_kind"]),
                limit: field("tier_\(row)_limit", tier.maxPercentOfStandard.map(decimal) ?? ""),
                surcharge: field(
                    "tier_\(row)_surcharge", tier.surchargePercent.isEmpty ? "" : decimal(tier.surchargePercent)))
        }
        var account: Choice?
        if id == nil {
            let accounts = try await req.stores.accounts.list(AccountFilter(), after: nil, limit: 500)
            let chosen = input.accountID ?? ""
            account = Choice(
                id: "account", name: "account",
                options: [SelectOption(value: "", label: l.t("rate_cards.default_option"), selected: chosen.isEmpty)]
                    + accounts.map {
                        SelectOption(value: $0.id.description, label: $0.name, selected: $0.id.description == chosen)
                    }, error: errors.messages["account"])
        }
        let title =
            id == nil ? l.t("rate_cards.new") : l.t("rate_cards.edit_title", ["name": .text(storedName ?? input.name)])
        let context = Context(
            shell: try await req.shell(title: title, area: .settings),
            action: id.map { SiteRoute.rateCardEdit($0).path } ?? SiteRoute.rateCards.path, isNew: id == nil,
            version: version, nextVersion: version + 1, summary: errors.summary, name: field("name", input.name),
            account: account,
            currency: field("currency", input.currency), grid: grid, boundaries: boundaries, prices: prices,
            services: LinguisticService.known.map(\.rawValue), minimum: field("minimum", decimal(input.minimumCharge)),
            pmFee: field("pm_fee", decimal(input.pmFeePercent)), tiers: tiers,
            wordsPerDay: field("words_per_day", input.wordsPerDay.map(String.init) ?? ""),
            leadTimeDays: field("lead_time_days", input.leadTimeDays.map(String.init) ?? ""),
            backHref: id.map { SiteRoute.rateCard($0).path } ?? SiteRoute.rateCards.path)
        return try await req.renderPage("pricing/rate-card-form", context, status: status)
    }
}
