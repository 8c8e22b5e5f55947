import Foundation
import TandemDomain
import Vapor

/// Organisation settings: name, base currency, time zone, working week, public holidays.
enum OrganisationPages {
    struct DayOption: Encodable {
        var value: String
        var labelKey: String
        var checked: Bool
    }
    struct Context: Encodable {
        var shell: PageShell
        var canEdit: Bool
        var name: String
        var currency: String
        var timeZones: [SelectOption]
        var locales: [SelectOption]
        var days: [DayOption]
        /// One holiday per line, "2026-12-25 Christmas Day".
        var holidays: String
        var errors: FormErrors
        var action = SiteRoute.organisation.path
    }
    struct Form: Content {
        var name: String?
        var baseCurrency: String?
        var timeZone: String?
        var defaultLocale: String?
        var workingDays: [String]?
        var holidays: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.organisation, use: show)
        routes.post(.organisation, use: save)
    }

    static func context(
        _ req: Request, name: String, currency: String, timeZone: String, locale: String, days: Set<String>,
        holidays: String, errors: FormErrors
    ) async throws -> Context {
        let user = try req.requireUser()
        return Context(
            shell: try await req.shell(title: req.localizer.t("settings.organisation"), area: .settings),
            canEdit: Policy.permits(user, .editOrganisation), name: name, currency: currency,
            timeZones: SelectOption.timeZones(selected: timeZone),
            locales: SelectOption.locales(req.application.localization.availableLocales, selected: locale),
            days: Weekday.allCases.map {
                DayOption(
                    value: $0.rawValue, labelKey: "weekday.long.\($0.rawValue)", checked: days.contains($0.rawValue))
            },
            holidays: holidays, errors: errors)
    }

    static func holidayLines(_ holidays: [PublicHoliday]) -> String {
        holidays.map { "\($0.date) \($0.name)" }.joined(separator: "\n")
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.authorize(.viewOrganisation)
        let settings = try await req.organisation()
        return try await req.renderPage(
            "settings/organisation",
            try await context(
                req, name: settings.name, currency: settings.baseCurrency.code, timeZone: settings.timeZone,
                locale: settings.defaultLocale,
                days: Set(settings.workingDays.map(\.rawValue)), holidays: holidayLines(settings.holidays),
                errors: FormErrors()))
    }

    /// Parses "2026-12-25 Christmas Day" lines; errors name the line.
    static func parseHolidays(_ text: String, in req: Request, errors: inout FormErrors) -> [PublicHoliday] {
        var holidays: [PublicHoliday] = []
        var seen = Set<LocalDate>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            // The user's own date format (29/11/2026 in French, 11/29/2026 in English) or ISO.
            let date: LocalDate
            do {
                let day = try req.localizer.parseDate(parts[0], field: "holidays")
                date = try LocalDate(year: day.year, month: day.month, day: day.day)
            } catch {
                let reason = (error as? DomainError)?.localized { req.localizer.t($0, $1) } ?? ""
                errors.add(
                    "holidays", req.localizer.t("error.holidays.line", ["line": String(index + 1), "reason": reason]))
                continue
            }
            guard seen.insert(date).inserted else {
                errors.add(
                    "holidays",
                    req.localizer.t("error.holidays.duplicate", ["line": String(index + 1), "date": date.description]))
                continue
            }
            holidays.append(PublicHoliday(date: date, name: parts.count > 1 ? String(parts[1].prefix(120)) : ""))
        }
        return holidays
    }

    @Sendable static func save(req: Request) async throws -> Response {
        try req.authorize(.editOrganisation)
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        let holidays = parseHolidays(form.holidays ?? "", in: req, errors: &errors)
        var currency: CurrencyCode?
        do { currency = try CurrencyCode(form.baseCurrency ?? "") } catch {
            errors.add("baseCurrency", req.localizer.t("error.currency.invalid", ["value": form.baseCurrency ?? ""]))
        }
        let locale = form.defaultLocale ?? "en"
        if !req.application.localization.availableLocales.contains(where: { $0.code == locale }) {
            errors.add("defaultLocale", req.localizer.t("error.locale.unknown", ["value": locale]))
        }
        let days = Set((form.workingDays ?? []).compactMap(Weekday.init(rawValue:)))
        if errors.isEmpty, let currency {
            do {
                let settings = try OrganisationSettings(
                    name: form.name ?? "", baseCurrency: currency, timeZone: form.timeZone ?? "",
                    workingDays: days, defaultLocale: locale, holidays: holidays)
                try await req.stores.organisation.save(settings)
                let response = req.redirect(to: SiteRoute.organisation.path)
                req.setFlash(response, "organisation.saved")
                return response
            } catch { errors.add(error, in: req) }
        }
        return try await req.renderPage(
            "settings/organisation",
            try await context(
                req, name: form.name ?? "", currency: form.baseCurrency ?? "", timeZone: form.timeZone ?? "",
                locale: locale,
                days: Set(form.workingDays ?? []), holidays: form.holidays ?? "", errors: errors),
            status: .unprocessableEntity)
    }
}
