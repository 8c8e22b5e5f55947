import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The rate card form: a new card, or an edit that saves the next version. Inputs have flat
/// names (`price_3_unit`, `tier_1_surcharge`); errors from the use case (`prices[k].price`) are
/// shown next to the row they came from.
enum RateCardFormPages {
    struct Field: Encodable {
        var id: String
        var name: String
        var value: String
        var error: String?
    }
    struct Choice: Encodable {
        var id: String
        var name: String
        var options: [SelectOption]
        var error: String?
    }
    struct PriceRow: Encodable {
        var source: Field
        var target: Field
        var service: Field
        var unit: Choice
        var price: Field
    }
    struct TierRow: Encodable {
        var kind: Choice
        var limit: Field
        var surcharge: Field
    }
    struct GridCell: Encodable {
        var label: String
        var field: Field
    }
    struct Context: Encodable {
        var shell: PageShell
        var action: String
        var isNew: Bool
        var version: Int
        var nextVersion: Int
        var summary: String?
        var name: Field
        var account: Choice?
        var currency: Field
        var grid: [GridCell]
        var boundaries: [GridCell]
        var prices: [PriceRow]
        var services: [String]
        var minimum: Field
        var pmFee: Field
        var tiers: [TierRow]
        var wordsPerDay: Field
        var leadTimeDays: Field
        var backHref: String
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.newRateCard, use: newForm)
        routes.post(.rateCards, use: create)
        routes.get(.rateCardEdit(":id"), use: editForm)
        routes.post(.rateCardEdit(":id"), use: update)
    }

    static let bandKeys = MatchBand.allCases.map(\.rawValue)
    static let boundaryKeys = ["high", "middle", "low", "lowest"]
    static let extraPriceRows = 3
    static let extraTierRows = 2

    @Sendable static func newForm(req: Request) async throws -> Response {
        try req.require(RateCardPages.canManage)
        let base = try await req.organisation().baseCurrency
        var input = RateCardInput(
            name: "", currency: base.code,
            grid: Dictionary(
                uniqueKeysWithValues: PriceGrid.standard.percents.map { ($0.key.rawValue, $0.value.canonicalString) }),
            prices: [])
        input.boundaries = ["high": 95, "middle": 85, "low": 75, "lowest": 50]
        return try await render(req, input: input, id: nil, version: 0, errors: FormErrors())
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        try req.require(RateCardPages.canManage)
        let card = try await RateCardManagement(req.appEnvironment).find(try req.pageID())
        return try await render(
            req, input: RateCardInput(card), id: card.id, version: card.version, errors: FormErrors())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(RateCardPages.canManage)
        let form = try req.content.decode([String: String].self)
        let (input, rows) = read(form, req.localizer)
        do {
            let card = try await RateCardManagement(req.appEnvironment).create(input, by: try req.requireUser().id)
            let response = req.redirect(to: SiteRoute.rateCard(card.id).path)
            req.setFlash(response, "rate_cards.created", ["name": card.name])
            return response
        } catch  where !error.domainErrors.isEmpty {
            return try await render(
                req, input: input, id: nil, version: 0, errors: errors(error, rows, req), status: .unprocessableEntity)
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(RateCardPages.canManage)
        let id: RateCard.ID = try req.pageID()
        let form = try req.content.decode([String: String].self)
        var (input, rows) = read(form, req.localizer)
        let version = Int(form["version"] ?? "") ?? 0
        let current = try await RateCardManagement(req.appEnvironment).find(id)
        input.accountID = current.accountID?.description
        do {
            let card = try await RateCardManagement(req.appEnvironment).update(
                id, expectedVersion: version, by: try req.requireUser().id
            ) { [input] in $0 = input }
            let response = req.redirect(to: SiteRoute.rateCard(card.id).path)
            req.setFlash(response, "rate_cards.saved", ["version": String(card.version)])
            return response
        } catch  where !error.domainErrors.isEmpty {
            return try await render(
                req, input: input, id: id, version: version, errors: errors(error, rows, req),
                storedName: current.name,
                status: error.domainErrors.contains { $0.field == "version" } ? .conflict : .unprocessableEntity)
        }
    }

    /// The use case's input from the form (blank rows are skipped), with the count of prices and
    /// tiers given; the form is shown again with the given rows first, so `prices[k]` is row k.
    static func read(_ form: [String: String], _ l: Localizer) -> (RateCardInput, (prices: [Int], tiers: [Int])) {
        func value(_ key: String) -> String { (form[key] ?? "").trimmingCharacters(in: .whitespaces) }
        func number(_ key: String) -> String {
            let text = value(key)
            return (try? l.parseDecimal(text)).map(\.canonicalString) ?? text
        }
        var grid: [String: String] = [:]
        for band in bandKeys where !value("grid_\(band)").isEmpty { grid[band] = number("grid_\(band)") }
        var boundaries: [String: Int] = [:]
        for key in boundaryKeys { boundaries[key] = Int(value("bound_\(key)")) ?? -1 }
        var prices: [RateCardInput.Price] = []
        var priceRows: [Int] = []
        for row in 0..<200 where form["price_\(row)_source"] != nil {
            let fields = ["source", "target", "service", "price"].map { value("price_\(row)_\($0)") }
            guard fields.contains(where: { !$0.isEmpty }) else { continue }
            prices.append(
                .init(
                    source: fields[0], target: fields[1], service: fields[2], unit: value("price_\(row)_unit"),
                    price: number("price_\(row)_price")))
            priceRows.append(row)
        }
        var tiers: [RateCardInput.Tier] = []
        var tierRows: [Int] = []
        for row in 0..<50 where form["tier_\(row)_kind"] != nil {
            guard !value("tier_\(row)_surcharge").isEmpty else { continue }
            let limit = value("tier_\(row)_limit")
            tiers.append(
                .init(
                    kind: value("tier_\(row)_kind"),
                    maxPercentOfStandard: limit.isEmpty ? nil : number("tier_\(row)_limit"),
                    surchargePercent: number("tier_\(row)_surcharge")))
            tierRows.append(row)
        }
        let pace = value("words_per_day")
        let lead = value("lead_time_days")
        var input = RateCardInput(
            name: value("name"), accountID: value("account"), currency: value("currency"), grid: grid,
            boundaries: boundaries, prices: prices, minimumCharge: number("minimum"), rushTiers: tiers,
            pmFeePercent: number("pm_fee"))
        if !pace.isEmpty || !lead.isEmpty {
            input.wordsPerDay = Int(pace) ?? 0
            input.leadTimeDays = Int(lead) ?? -1
        }
        return (input, (priceRows, tierRows))
    }

    /// Messages keyed by form input name.
    static func errors(_ error: any Error, _ rows: (prices: [Int], tiers: [Int]), _ req: Request) -> FormErrors {
        var described = FormErrors()
        described.add(error, in: req)
        var errors = FormErrors()
        errors.summary = described.summary
        for (field, message) in described.messages {
            errors.add(inputName(field, rows), message)
        }
        if let clash = errors.messages["version"] {
            errors.summary = clash
        } else if errors.summary == nil, !errors.messages.isEmpty {
            errors.summary = req.localizer.t("rate_cards.not_saved")
        }
        return errors
    }

    /// `prices[1].price` → `price_<row>_price`; `grid.95-99` → `grid_95-99`; `boundaries` → `bound_high`.
    static func inputName(_ field: String, _ rows: (prices: [Int], tiers: [Int])) -> String {
        let simple = [
            "minimumCharge": "minimum", "pmFeePercent": "pm_fee", "wordsPerDay": "words_per_day",
            "leadTimeDays": "lead_time_days", "accountId": "account", "grid.boundaries": "bound_high",
            "prices": "price_0_source",
        ]
        if let name = simple[field] { return name }
        if field.hasPrefix("grid.") { return "grid_" + field.dropFirst(5) }
        for (prefix, list, input) in [("prices[", rows.prices, "price"), ("rushTiers[", rows.tiers, "tier")]
        where field.hasPrefix(prefix) {
            let rest = field.dropFirst(prefix.count)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), index < list.count else {
                continue
            }
            let part = rest[rest.index(after: close)...].dropFirst()
            let renamed =
                ["maxPercentOfStandard": "limit", "surchargePercent": "surcharge"][String(part)] ?? String(part)
            return "\(input)_\(index)_\(renamed)"
        }
        return field
    }
}
