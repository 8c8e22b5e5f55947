import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Settings → Pricing: the effort grid, the default cost rates, the margin floor and the standard
/// turnaround (admins edit; managers and PMs read), and the accounts' own margin floors
/// (managers and admins set them). Sales never sees this page: it holds cost rates.
enum PricingSettingsPages {
    struct Field: Encodable {
        var id: String
        var label: String
        var value: String
        var error: String?
    }
    struct FloorRow: Encodable {
        var account: String
        var floor: String
        var accountID: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var editable: Bool
        var action = SiteRoute.pricingSettings.path
        var version: Int
        var summary: String?
        var effort: [Field]
        var costs: [Field]
        var floor: Field
        var turnaround: [Field]
        var baseCurrency: String
        var floors: [FloorRow]
        var floorAction: String?
        var accounts: [SelectOption]
        var floorError: String?
        var organisationFloor: String
        var backHref = SiteRoute.area(.settings).path
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.pricingSettings, use: page)
        routes.post(.pricingSettings, use: save)
        routes.post(.pricingMarginFloors, use: setFloor)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try req.require { Policy.permits($0, .viewPricingSettings) }
        let settings = try await PricingAdministration(req.appEnvironment).settings()
        return try await render(req, input: .init(settings), version: settings.version, errors: FormErrors())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        try req.require { Policy.permits($0, .managePricingSettings) }
        let form = try req.content.decode([String: String].self)
        let l = req.localizer
        func number(_ key: String) -> String {
            let text = (form[key] ?? "").trimmingCharacters(in: .whitespaces)
            return (try? l.parseDecimal(text)).map(\.canonicalString) ?? text
        }
        var grid: [String: String] = [:]
        for band in MatchBand.allCases { grid[band.rawValue] = number("effort_\(band.rawValue)") }
        let input = PricingAdministration.SettingsInput(
            effortGrid: grid, costPerWord: number("costPerWord"), costPerPage: number("costPerPage"),
            costPerHour: number("costPerHour"), marginFloor: number("marginFloor"),
            wordsPerDay: (form["wordsPerDay"] ?? "").trimmingCharacters(in: .whitespaces),
            leadTimeDays: (form["leadTimeDays"] ?? "").trimmingCharacters(in: .whitespaces))
        let version = Int(form["version"] ?? "") ?? 0
        do {
            _ = try await PricingAdministration(req.appEnvironment).saveSettings(input, expectedVersion: version)
            let response = req.redirect(to: SiteRoute.pricingSettings.path)
            req.setFlash(response, "pricing.saved")
            return response
        } catch  where !error.domainErrors.isEmpty {
            var errors = FormErrors()
            errors.add(error, in: req)
            var renamed = FormErrors()
            for (field, message) in errors.messages {
                renamed.add(field.replacingOccurrences(of: "effortGrid.", with: "effort_"), message)
            }
            renamed.summary = errors.messages["version"] ?? l.t("pricing.not_saved")
            return try await render(
                req, input: input, version: version, errors: renamed,
                status: errors.messages["version"] == nil ? .unprocessableEntity : .conflict)
        }
    }

    @Sendable static func setFloor(req: Request) async throws -> Response {
        try req.require { Policy.permits($0, .setAccountMarginFloor) }
        let form = try req.content.decode([String: String].self)
        let admin = PricingAdministration(req.appEnvironment)
        let text = (form["marginFloor"] ?? "").trimmingCharacters(in: .whitespaces)
        let value = (try? req.localizer.parseDecimal(text)).map(\.canonicalString) ?? text
        do {
            guard let account = Account.ID(uuidString: form["account"] ?? "") else {
                throw ValidationErrors([
                    .invalid("accountId", "error.field.unknown", fallback: "Choose one of the listed values.")
                ])
            }
            try await admin.setAccountMarginFloor(account, value)
            let response = req.redirect(to: SiteRoute.pricingSettings.path + "#margin-floors")
            req.setFlash(response, "pricing.floor_saved")
            return response
        } catch  where !error.domainErrors.isEmpty {
            var errors = FormErrors()
            errors.add(error, in: req)
            let settings = try await admin.settings()
            return try await render(
                req, input: .init(settings), version: settings.version, errors: FormErrors(),
                floorError: errors.messages.values.first, status: .unprocessableEntity)
        }
    }

    static func render(
        _ req: Request, input: PricingAdministration.SettingsInput, version: Int, errors: FormErrors,
        floorError: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let l = req.localizer
        let user = try req.requireUser()
        let base = try await req.organisation().baseCurrency
        func show(_ text: String) -> String {
            Decimal(canonical: text).map { l.format($0, maximumFractionDigits: 6) } ?? text
        }
        func field(_ id: String, _ label: String, _ value: String) -> Field {
            Field(id: id, label: label, value: show(value), error: errors.messages[id])
        }
        let effort = MatchBand.allCases.map {
            field(
                "effort_\($0.rawValue)", RateCardPages.bandLabel($0, .standard, l), input.effortGrid[$0.rawValue] ?? "")
        }
        let currency = ["currency": MessageArgument.text(base.code)]
        let costs = [
            field("costPerWord", l.t("pricing.cost_per_word", currency), input.costPerWord),
            field("costPerPage", l.t("pricing.cost_per_page", currency), input.costPerPage),
            field("costPerHour", l.t("pricing.cost_per_hour", currency), input.costPerHour),
        ]
        let turnaround = [
            Field(
                id: "wordsPerDay", label: l.t("pricing.words_per_day"), value: input.wordsPerDay,
                error: errors.messages["wordsPerDay"]),
            Field(
                id: "leadTimeDays", label: l.t("pricing.lead_time_days"), value: input.leadTimeDays,
                error: errors.messages["leadTimeDays"]),
        ]
        let admin = PricingAdministration(req.appEnvironment)
        let floors = try await admin.accountMarginFloors()
        let names = try await req.stores.accounts.names(for: Array(floors.keys))
        let canSetFloors = Policy.permits(user, .setAccountMarginFloor)
        let accounts = canSetFloors ? try await req.stores.accounts.list(AccountFilter(), after: nil, limit: 500) : []
        let context = Context(
            shell: try await req.shell(title: l.t("settings.pricing"), area: .settings),
            editable: Policy.permits(user, .managePricingSettings), version: version, summary: errors.summary,
            effort: effort, costs: costs, floor: field("marginFloor", l.t("pricing.margin_floor"), input.marginFloor),
            turnaround: turnaround, baseCurrency: base.code,
            floors: floors.map {
                FloorRow(
                    account: names[$0.key] ?? "—", floor: RateCardPages.percent($0.value, l),
                    accountID: $0.key.description)
            }.sorted { $0.account < $1.account },
            floorAction: canSetFloors ? SiteRoute.pricingMarginFloors.path : nil,
            accounts: accounts.map { SelectOption(value: $0.id.description, label: $0.name, selected: false) },
            floorError: floorError,
            organisationFloor: Decimal(canonical: input.marginFloor).map { RateCardPages.percent($0, l) }
                ?? input.marginFloor)
        return try await req.renderPage("pricing/settings", context, status: status)
    }
}

/// The pricing cards of the Settings page, by role.
enum PricingSettingsLinks {
    static func cards(for user: User) -> [DashboardPages.Card] {
        var cards: [DashboardPages.Card] = []
        if Policy.permits(user, .viewRateCards) {
            cards.append(
                .init(
                    titleKey: "settings.rate_cards", bodyKey: "settings.rate_cards.intro",
                    href: SiteRoute.rateCards.path))
        }
        cards.append(
            .init(titleKey: "settings.workflows", bodyKey: "settings.workflows.intro", href: SiteRoute.workflows.path))
        if Policy.permits(user, .viewPricingSettings) {
            cards.append(
                .init(
                    titleKey: "settings.pricing", bodyKey: "settings.pricing.intro",
                    href: SiteRoute.pricingSettings.path))
        }
        return cards
    }
}
