import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Creating a vendor (with a first language pair, service and rate) and editing a vendor's own
/// fields; every wrong field is shown next to it, with what the user typed kept.
enum VendorFormPages {
    /// What the form posts; working hours one text field per weekday ("09:00-12:30, 13:30-17:00").
    struct Form: Content {
        var name: String?
        var kind: String?
        var email: String?
        var phone: String?
        var country: String?
        var timeZone: String?
        var status: String?
        var hours: [String: String]?
        var domains: String?
        var tools: String?
        var ndaSignedOn: String?
        var maxBookedShare: String?
        var qualityScore: String?
        var parallelWorkers: String?
        var hourlyCost: String?
        var currency: String?
        var source: String?
        var target: String?
        var service: String?
        var wordsPerHour: String?
        var rate: String?
        var rateUnit: String?
        var version: Int?
    }

    struct DayHours: Encodable {
        var day: String
        var label: String
        var value: String
        var error: String?
    }

    struct Context: Encodable {
        var shell: PageShell
        var isNew: Bool
        var action: String
        var backHref: String
        var form: FormValues
        var hours: [DayHours]
        var kinds: [SelectOption]
        var statuses: [SelectOption]
        var services: [SelectOption]
        var units: [SelectOption]
        var timeZones: [SelectOption]
        var errors: FormErrors
        var deactivateAction: String?
    }

    /// The form's text values, as typed or as stored.
    struct FormValues: Encodable {
        var name = "", email = "", phone = "", country = "", domains = "", tools = "", ndaSignedOn = ""
        var maxBookedShare = "", qualityScore = "", parallelWorkers = "1", hourlyCost = "", currency = "EUR"
        var source = "en", target = "", wordsPerHour = "", rate = "", version = 1
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.newVendor, use: newForm)
        routes.post(.newVendor, use: create)
        routes.get(.vendorEdit(":id"), use: editForm)
        routes.post(.vendorEdit(":id"), use: update)
        routes.post(.vendorDeactivate(":id"), use: deactivate)
    }

    static func context(
        _ req: Request, vendor: VendorProfile?, form: Form, values: FormValues, errors: FormErrors
    ) async throws -> Context {
        let l = req.localizer
        var errors = errors
        errors.relabel(["hourlyCost.amount": "hourlyCost", "hourlyCost.currency": "currency"])
        let kind = form.kind ?? vendor?.kind.rawValue ?? VendorKind.freelance.rawValue
        let status = form.status ?? vendor?.status.rawValue ?? VendorStatus.approved.rawValue
        let zone = form.timeZone ?? vendor?.timeZone ?? l.timeZone.identifier
        let hours = Weekday.allCases.map { day in
            DayHours(
                day: day.rawValue, label: l.t("weekday.short.\(day.rawValue)"),
                value: form.hours?[day.rawValue]
                    ?? (vendor?.workingHours ?? .officeHours).intervals(on: day).map(\.description).joined(
                        separator: ", "),
                error: errors.messages["workingHours.\(day.rawValue)"])
        }
        return Context(
            shell: try await req.shell(title: vendor?.name ?? l.t("vendors.new.title"), area: .vendors),
            isNew: vendor == nil,
            action: vendor.map { SiteRoute.vendorEdit(PathParameter($0.id)).path } ?? SiteRoute.newVendor.path,
            backHref: vendor.map { SiteRoute.vendor(PathParameter($0.id)).path } ?? SiteRoute.area(.vendors).path,
            form: values, hours: hours,
            kinds: VendorKind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("vendors.kind.\($0.rawValue)"), selected: $0.rawValue == kind)
            },
            statuses: VendorStatus.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("vendors.status.\($0.rawValue)"), selected: $0.rawValue == status)
            },
            services: LinguisticService.known.map {
                SelectOption(
                    value: $0.rawValue, label: l.service($0), selected: $0.rawValue == (form.service ?? "translation"))
            },
            units: RateUnit.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("vendors.unit.\($0.rawValue)"),
                    selected: $0.rawValue == (form.rateUnit ?? "word"))
            },
            timeZones: SelectOption.timeZones(selected: zone), errors: errors,
            deactivateAction: vendor.flatMap {
                $0.status == .inactive ? nil : SiteRoute.vendorDeactivate(PathParameter($0.id)).path
            })
    }

    static func values(_ form: Form) -> FormValues {
        var values = FormValues()
        values.name = form.name ?? ""
        values.email = form.email ?? ""
        values.phone = form.phone ?? ""
        values.country = form.country ?? ""
        values.domains = form.domains ?? ""
        values.tools = form.tools ?? ""
        values.ndaSignedOn = form.ndaSignedOn ?? ""
        values.maxBookedShare = form.maxBookedShare ?? ""
        values.qualityScore = form.qualityScore ?? ""
        values.parallelWorkers = form.parallelWorkers ?? "1"
        values.hourlyCost = form.hourlyCost ?? ""
        values.currency = form.currency ?? "EUR"
        values.source = form.source ?? ""
        values.target = form.target ?? ""
        values.wordsPerHour = form.wordsPerHour ?? ""
        values.rate = form.rate ?? ""
        values.version = form.version ?? 1
        return values
    }

    static func values(_ vendor: VendorProfile) -> FormValues {
        var values = FormValues()
        values.name = vendor.name
        values.email = vendor.email?.value ?? ""
        values.phone = vendor.phone ?? ""
        values.country = vendor.country ?? ""
        values.domains = vendor.domains.map { "\($0.name):\($0.level.rawValue)" }.joined(separator: ", ")
        values.tools = vendor.tools.joined(separator: ", ")
        values.ndaSignedOn = vendor.ndaSignedOn?.description ?? ""
        values.maxBookedShare = vendor.maxBookedShare?.canonicalString ?? ""
        values.qualityScore = vendor.qualityScore.map(String.init) ?? ""
        values.parallelWorkers = String(vendor.parallelWorkers)
        values.hourlyCost = vendor.hourlyCost?.amount.canonicalString ?? ""
        values.currency = vendor.currency.code
        values.version = vendor.version
        return values
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func domains(_ text: String?) -> [DomainInput] {
        list(text).map {
            let parts = $0.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            return DomainInput(name: parts[0], level: parts.count > 1 ? parts[1] : nil)
        }
    }

    static func hours(_ form: Form) -> [String: [String]] {
        (form.hours ?? [:]).mapValues { list($0) }.filter { !$0.value.isEmpty }
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let context = try await context(req, vendor: nil, form: Form(), values: FormValues(), errors: FormErrors())
        return try await req.renderPage("vendors/form", context)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        var input = VendorInput(
            name: form.name ?? "", kind: form.kind, email: form.email, phone: form.phone, country: form.country,
            timeZone: form.timeZone ?? "", status: form.status, workingHours: hours(form),
            domains: domains(form.domains),
            tools: list(form.tools), ndaSignedOn: form.ndaSignedOn, maxBookedShare: form.maxBookedShare,
            parallelWorkers: Int(form.parallelWorkers ?? ""), currency: form.currency)
        input.qualityScore = Int(form.qualityScore ?? "")
        if let cost = form.hourlyCost, !cost.isEmpty {
            input.hourlyCost = MoneyInput(amount: cost, currency: form.currency ?? "EUR")
        }
        if let target = form.target, !target.isEmpty {
            let service = form.service ?? "translation"
            input.pairs = [
                PairInput(
                    source: form.source ?? "", target: target,
                    services: [(service, CapabilityInput(wordsPerHour: form.wordsPerHour))],
                    rates: (form.rate ?? "").isEmpty
                        ? []
                        : [
                            RateInput(
                                service: service, unit: form.rateUnit ?? "word",
                                price: MoneyInput(amount: form.rate ?? "", currency: form.currency ?? "EUR"))
                        ])
            ]
        }
        do {
            if !numberErrors(form).isEmpty {
                // The other fields' problems are shown too; nothing is stored.
                var others: [DomainError] = []
                do { _ = try await VendorDirectory(req.appEnvironment).validate(input) } catch {
                    others = error.domainErrors
                }
                throw ValidationErrors(others + numberErrors(form))
            }
            let created = try await VendorDirectory(req.appEnvironment).create(input)
            let response = req.redirect(to: SiteRoute.vendor(PathParameter(created.profile.id)).path)
            req.setFlash(response, "vendors.created", ["name": created.profile.name])
            return response
        } catch  where !error.domainErrors.isEmpty {
            errors.add(error, in: req)
            errors.relabel(
                ["pairs.0.source": "source", "pairs.0.target": "target"], prefix: ("pairs.0.services.", "wordsPerHour"))
            errors.relabel(["pairs.0.rates.0.price.amount": "rate", "pairs.0.rates.0.price.currency": "currency"])
        }
        let context = try await context(req, vendor: nil, form: form, values: values(form), errors: errors)
        return try await req.renderPage("vendors/form", context, status: .unprocessableEntity)
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let vendor = try await VendorPages.loadVendor(req)
        let context = try await context(req, vendor: vendor, form: Form(), values: values(vendor), errors: FormErrors())
        return try await req.renderPage("vendors/form", context)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let vendor = try await VendorPages.loadVendor(req)
        let form = try req.content.decode(Form.self)
        var edit = VendorEdit()
        edit.name = form.name ?? ""
        edit.kind = form.kind
        edit.email = form.email ?? ""
        edit.phone = form.phone ?? ""
        edit.country = form.country ?? ""
        edit.timeZone = form.timeZone ?? ""
        edit.status = form.status
        edit.workingHours = hours(form)
        edit.domains = domains(form.domains)
        edit.tools = list(form.tools)
        edit.ndaSignedOn = form.ndaSignedOn ?? ""
        edit.maxBookedShare = form.maxBookedShare ?? ""
        edit.qualityScore = .some(Int(form.qualityScore ?? ""))
        edit.parallelWorkers = Int(form.parallelWorkers ?? "") ?? 1
        edit.hourlyCost = .some(
            (form.hourlyCost ?? "").isEmpty
                ? nil : MoneyInput(amount: form.hourlyCost ?? "", currency: form.currency ?? "EUR"))
        edit.currency = form.currency
        var errors = FormErrors()
        do {
            if !numberErrors(form).isEmpty {
                var others: [DomainError] = []
                do { _ = try edit.validated() } catch { others = error.domainErrors }
                throw ValidationErrors(others + numberErrors(form))
            }
            let updated = try await VendorDirectory(req.appEnvironment).update(
                vendor.id, edit, expectedVersion: form.version)
            let response = req.redirect(to: SiteRoute.vendor(PathParameter(vendor.id)).path)
            req.setFlash(response, "vendors.updated", ["name": updated.name])
            return response
        } catch  where !error.domainErrors.isEmpty {
            errors.add(error, in: req)
        }
        let context = try await context(req, vendor: vendor, form: form, values: values(form), errors: errors)
        return try await req.renderPage(
            "vendors/form", context, status: error409(errors) ? .conflict : .unprocessableEntity)
    }

    /// Whole-number fields that are not numbers; the use case only sees numbers.
    static func numberErrors(_ form: Form) -> [DomainError] {
        [("qualityScore", form.qualityScore), ("parallelWorkers", form.parallelWorkers)].compactMap { field, text in
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty, Int(text) == nil else {
                return nil
            }
            return .invalid(
                field, "error.integer.invalid", ["input": text], fallback: "“\(text)” is not a whole number.")
        }
    }

    static func error409(_ errors: FormErrors) -> Bool { errors.messages["version"] != nil }

    @Sendable static func deactivate(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let vendor = try await VendorPages.loadVendor(req)
        _ = try await VendorDirectory(req.appEnvironment).deactivate(vendor.id)
        let response = req.redirect(to: SiteRoute.vendor(PathParameter(vendor.id)).path)
        req.setFlash(response, "vendors.deactivated", ["name": vendor.name])
        return response
    }
}

extension FormErrors {
    /// Shows errors of nested fields next to the form field that holds them.
    mutating func relabel(_ names: [String: String], prefix: (String, String)? = nil) {
        for (field, message) in messages {
            var target = names[field]
            if target == nil, let prefix, field.hasPrefix(prefix.0) { target = prefix.1 }
            guard let target else { continue }
            messages[field] = nil
            if messages[target] == nil { messages[target] = message }
        }
    }
}
