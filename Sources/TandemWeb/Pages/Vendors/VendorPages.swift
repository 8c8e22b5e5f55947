import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The vendor database's pages: the filtered list, one vendor's page with its calendar, and the
/// absence form on it. Forms (create, edit) are in `VendorFormPages`, import and export in
/// `VendorImportPages`.
enum VendorPages {
    static let pageSize = 50

    struct Row: Encodable {
        var name: String
        var href: String
        var kind: String
        var pairs: String
        var status: String
        var statusClass: String
        var timeZone: String
        var quality: String
    }

    struct Filters: Encodable {
        var source: String
        var target: String
        var service: String
        var domain: String
        var q: String
        var statuses: [SelectOption]
        var services: [SelectOption]
    }

    struct ListContext: Encodable {
        var shell: PageShell
        var rows: [Row]
        var filters: Filters
        var action: String
        var total: String
        var canManage: Bool
        var newHref: String
        var importHref: String
        var exportHref: String
        var previousHref: String?
        var nextHref: String?
        var errors: FormErrors
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.vendors), use: list)
        routes.get(.vendor(":id"), use: show)
        routes.post(.vendorAbsences(":id"), use: addAbsence)
        routes.post(.vendorAbsenceRemove(":id", ":absenceId"), use: removeAbsence)
        VendorFormPages.register(routes)
        VendorImportPages.register(routes)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try req.authorize(.viewVendors)
        let l = req.localizer
        var problems: [FieldError] = []
        let filter = VendorQuery.filter(req, problems: &problems)
        var errors = FormErrors()
        for problem in problems { errors.add(problem.field, problem.message(l)) }
        let vendors = problems.isEmpty ? try await req.stores.vendors.list(filter) : []
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let shown = Array(vendors.dropFirst((page - 1) * pageSize).prefix(pageSize))
        let capabilities = Dictionary(
            grouping: try await req.stores.vendors.capabilities(of: shown.map(\.id)), by: \.vendorID)
        let rows = shown.map { vendor in
            let pairs = Set((capabilities[vendor.id] ?? []).map { "\($0.pair.source)→\($0.pair.target)" }).sorted()
            return Row(
                name: vendor.name, href: SiteRoute.vendor(PathParameter(vendor.id)).path,
                kind: l.t("vendors.kind.\(vendor.kind.rawValue)"), pairs: pairs.joined(separator: ", "),
                status: l.t("vendors.status.\(vendor.status.rawValue)"), statusClass: statusClass(vendor.status),
                timeZone: vendor.timeZone, quality: vendor.qualityScore.map(String.init) ?? "—")
        }
        func link(_ page: Int) -> String {
            var items = req.url.query.map { URLComponents(string: "?" + $0)?.queryItems ?? [] } ?? []
            items.removeAll { $0.name == "page" }
            if page > 1 { items.append(URLQueryItem(name: "page", value: String(page))) }
            var components = URLComponents()
            components.path = SiteRoute.area(.vendors).path
            components.queryItems = items.isEmpty ? nil : items
            return components.string ?? SiteRoute.area(.vendors).path
        }
        let user = try req.requireUser()
        let context = ListContext(
            shell: try await req.shell(title: l.t("nav.vendors"), area: .vendors), rows: rows,
            filters: Filters(
                source: req.query[String.self, at: "source"] ?? "", target: req.query[String.self, at: "target"] ?? "",
                service: filter.service?.rawValue ?? "", domain: filter.domain ?? "", q: filter.text ?? "",
                statuses: [
                    SelectOption(value: "", label: l.t("vendors.filter.any_status"), selected: filter.status == nil)
                ]
                    + VendorStatus.allCases.map {
                        SelectOption(
                            value: $0.rawValue, label: l.t("vendors.status.\($0.rawValue)"),
                            selected: filter.status == $0)
                    },
                services: [
                    SelectOption(value: "", label: l.t("vendors.filter.any_service"), selected: filter.service == nil)
                ]
                    + LinguisticService.known.map {
                        SelectOption(
                            value: $0.rawValue, label: l.t("vendors.service.\($0.rawValue)"),
                            selected: filter.service == $0)
                    }),
            action: SiteRoute.area(.vendors).path, total: l.plural("vendors.count", count: vendors.count),
            canManage: Policy.permits(user, .manageVendors), newHref: SiteRoute.newVendor.path,
            importHref: SiteRoute.vendorImport.path, exportHref: SiteRoute.vendorExport.path,
            previousHref: page > 1 ? link(page - 1) : nil,
            nextHref: vendors.count > page * pageSize ? link(page + 1) : nil, errors: errors)
        return try await req.renderPage("vendors/index", context, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    static func statusClass(_ status: VendorStatus) -> String {
        switch status {
        case .approved: return "badge-ok"
        case .candidate: return "badge-warn"
        case .onHold: return "badge-danger"
        case .inactive: return "badge-muted"
        }
    }

    static func loadVendor(_ req: Request) async throws -> VendorProfile {
        guard let raw = req.parameters.get("id"), let id = VendorProfile.ID(uuidString: raw),
            let vendor = try await req.stores.vendors.find(id: id)
        else { throw Abort(.notFound) }
        return vendor
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.authorize(.viewVendors)
        let vendor = try await loadVendor(req)
        let context = try await VendorDetailPage.context(
            req, vendor: vendor, absenceForm: .init(), errors: FormErrors())
        return try await req.renderPage("vendors/show", context)
    }

    struct AbsenceForm: Content {
        var from: String?
        var to: String?
        var reason: String?
    }

    @Sendable static func addAbsence(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let vendor = try await loadVendor(req)
        let form = try req.content.decode(AbsenceForm.self)
        let zone = req.localizer.timeZone
        var errors = FormErrors()
        do {
            _ = try await VendorScheduling(req.appEnvironment).addAbsence(
                to: vendor.id,
                .init(from: localInstant(form.from, zone), to: localInstant(form.to, zone)), reason: form.reason)
            let response = req.redirect(to: SiteRoute.vendor(PathParameter(vendor.id)).path + "#absences")
            req.setFlash(response, "vendors.absence.added")
            return response
        } catch  where !error.domainErrors.isEmpty {
            errors.add(error, in: req)
        }
        let context = try await VendorDetailPage.context(req, vendor: vendor, absenceForm: form, errors: errors)
        return try await req.renderPage("vendors/show", context, status: .unprocessableEntity)
    }

    @Sendable static func removeAbsence(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let vendor = try await loadVendor(req)
        guard let raw = req.parameters.get("absenceId"), let id = VendorAbsence.ID(uuidString: raw) else {
            throw Abort(.notFound)
        }
        try await VendorScheduling(req.appEnvironment).removeAbsence(id, of: vendor.id)
        let response = req.redirect(to: SiteRoute.vendor(PathParameter(vendor.id)).path + "#absences")
        req.setFlash(response, "vendors.absence.removed")
        return response
    }

    /// `2026-12-01T09:00` from a `datetime-local` field, read in the user's time zone.
    static func localInstant(_ text: String?, _ zone: TimeZone) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
