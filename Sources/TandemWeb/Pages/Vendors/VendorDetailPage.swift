import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// One vendor's page: facts, capabilities, rates with validity, absences (add and remove),
/// bookings and holds of the coming weeks, and the slot for the load timeline.
enum VendorDetailPage {
    struct Fact: Encodable {
        var label: String
        var value: String
    }
    struct CapabilityRow: Encodable {
        var pair: String
        var service: String
        var throughput: String
        var approved: Bool
        var evidence: String
        var domains: String
    }
    struct RateRow: Encodable {
        var pair: String
        var service: String
        var unit: String
        var price: String
        var rush: String
        var validity: String
        var current: Bool
    }
    struct EntryRow: Encodable {
        var from: String
        var to: String
        var detail: String
        var removeAction: String?
    }
    struct PreferenceRow: Encodable {
        var account: String
        var preferred: Bool
        var note: String
    }
    struct AbsenceFields: Encodable {
        var from: String
        var to: String
        var reason: String
    }

    struct Context: Encodable {
        var shell: PageShell
        var name: String
        var status: String
        var statusClass: String
        var kind: String
        var facts: [Fact]
        var capabilities: [CapabilityRow]
        var rates: [RateRow]
        var absences: [EntryRow]
        var bookings: [EntryRow]
        var holds: [EntryRow]
        var preferences: [PreferenceRow]
        var canManage: Bool
        var editHref: String
        var backHref: String
        var absenceAction: String
        var absence: AbsenceFields
        var errors: FormErrors
        var userZone: String
        /// The vendor load timeline (server-made SVG) filled in by the capacity service; nil
        /// leaves the slot out (see `loadTimeline`).
        var loadTimeline: String?
    }

    /// The slot the capacity service fills with the vendor's load timeline (SVG markup).
    static func loadTimeline(_ req: Request, vendor: VendorProfile) async throws -> String? {
        try await req.vendorLoadSection(vendor.id)
    }

    /// How far ahead the page lists bookings and holds.
    static let horizon: TimeInterval = 8 * 7 * 24 * 3600

    static func context(_ req: Request, vendor: VendorProfile, absenceForm: VendorPages.AbsenceForm, errors: FormErrors)
        async throws -> Context
    {
        let l = req.localizer
        let user = try req.requireUser()
        let canManage = Policy.permits(user, .manageVendors)
        let details = try await VendorDirectory(req.appEnvironment).details(vendor.id)
        let window = DateInterval(start: req.now - 7 * 24 * 3600, duration: horizon + 7 * 24 * 3600)
        let schedule = req.stores.vendorSchedule
        let today = try LocalDate(iso: l.isoDate(req.now))
        let preferences = try await req.stores.vendorPreferences.preferences(forVendor: vendor.id)
        let accounts = try await req.stores.accounts.names(for: preferences.map(\.accountID))
        func span(_ from: Date, _ to: Date) -> (String, String) { (l.formatDateTime(from), l.formatDateTime(to)) }
        return Context(
            shell: try await req.shell(title: vendor.name, area: .vendors), name: vendor.name,
            status: l.t("vendors.status.\(vendor.status.rawValue)"),
            statusClass: VendorPages.statusClass(vendor.status),
            kind: l.t("vendors.kind.\(vendor.kind.rawValue)"), facts: facts(vendor, l),
            capabilities: details.capabilities.map { capability in
                CapabilityRow(
                    pair: "\(capability.pair.source) → \(capability.pair.target)",
                    service: l.service(capability.service),
                    throughput: l.tx(
                        "vendors.throughput.\(capability.throughput.unit.rawValue)",
                        ["count": l.format(capability.throughput.perHour)]),
                    approved: capability.approval.approved, evidence: evidence(capability.approval, l),
                    domains: capability.domains.joined(separator: ", "))
            },
            rates: details.rates.map { rate in
                RateRow(
                    pair: "\(rate.pair.source) → \(rate.pair.target)",
                    service: l.service(rate.service),
                    unit: l.t("vendors.unit.\(rate.unit.rawValue)"), price: l.format(rate.price),
                    rush: rate.rushPrice.map { l.format($0) } ?? "—",
                    validity: rate.validTo.map {
                        l.tx(
                            "vendors.rate.valid_between",
                            ["from": l.formatDate(calendarDay(rate.validFrom)), "to": l.formatDate(calendarDay($0))])
                    } ?? l.tx("vendors.rate.valid_since", ["from": l.formatDate(calendarDay(rate.validFrom))]),
                    current: rate.isValid(on: today))
            },
            absences: try await schedule.absences(of: vendor.id, overlapping: nil).map { absence in
                let (from, to) = span(absence.from, absence.to)
                return EntryRow(
                    from: from, to: to, detail: absence.reason ?? "",
                    removeAction: canManage
                        ? SiteRoute.vendorAbsenceRemove(PathParameter(vendor.id), PathParameter(absence.id)).path : nil)
            },
            bookings: try await schedule.bookings(of: vendor.id, overlapping: window).map { booking in
                let (from, to) = span(booking.from, booking.to)
                return EntryRow(
                    from: from, to: to,
                    detail: l.tx(
                        "vendors.booking.detail",
                        [
                            "hours": l.format(Decimal(booking.minutes) / 60, maximumFractionDigits: 1),
                            "job": booking.jobReference ?? "—",
                        ]))
            },
            holds: try await schedule.holds(of: vendor.id, overlapping: window).map { hold in
                let (from, to) = span(hold.from, hold.to)
                return EntryRow(
                    from: from, to: to,
                    detail: l.tx(
                        "vendors.hold.detail",
                        [
                            "hours": l.format(Decimal(hold.minutes) / 60, maximumFractionDigits: 1),
                            "percent": l.formatPercent(hold.probability), "quote": hold.quoteReference ?? "—",
                        ]))
            },
            preferences: preferences.map {
                PreferenceRow(
                    account: accounts[$0.accountID] ?? "—", preferred: $0.kind == .preferred, note: $0.note ?? "")
            },
            canManage: canManage, editHref: SiteRoute.vendorEdit(PathParameter(vendor.id)).path,
            backHref: SiteRoute.area(.vendors).path,
            absenceAction: SiteRoute.vendorAbsences(PathParameter(vendor.id)).path,
            absence: AbsenceFields(
                from: absenceForm.from ?? "", to: absenceForm.to ?? "", reason: absenceForm.reason ?? ""),
            errors: errors, userZone: l.timeZone.identifier, loadTimeline: try await loadTimeline(req, vendor: vendor))
    }

    static func calendarDay(_ day: LocalDate) -> CalendarDate {
        // A LocalDate is always a real day, so the fallback never shows.
        CalendarDate(year: day.year, month: day.month, day: day.day)
            ?? CalendarDate(Date(timeIntervalSince1970: 0), in: .gmt)
    }

    static func facts(_ vendor: VendorProfile, _ l: Localizer) -> [Fact] {
        let none = "—"
        let hours = Weekday.allCases.compactMap { day -> String? in
            let spans = vendor.workingHours.intervals(on: day)
            guard !spans.isEmpty else { return nil }
            return l.t("weekday.short.\(day.rawValue)") + " " + spans.map(\.description).joined(separator: ", ")
        }
        var facts = [
            Fact(label: l.t("vendors.field.kind"), value: l.t("vendors.kind.\(vendor.kind.rawValue)")),
            Fact(label: l.t("field.email"), value: vendor.email?.value ?? none),
            Fact(label: l.t("vendors.field.phone"), value: vendor.phone ?? none),
            Fact(label: l.t("vendors.field.country"), value: vendor.country ?? none),
            Fact(label: l.t("vendors.field.time_zone"), value: vendor.timeZone),
            Fact(
                label: l.t("vendors.field.working_hours"), value: hours.isEmpty ? none : hours.joined(separator: " · ")),
            Fact(
                label: l.t("vendors.field.domains"),
                value: vendor.domains.isEmpty
                    ? none
                    : vendor.domains.map { "\($0.name) (\(l.t("vendors.level.\($0.level.rawValue)")))" }.joined(
                        separator: ", ")),
            Fact(
                label: l.t("vendors.field.tools"),
                value: vendor.tools.isEmpty ? none : vendor.tools.joined(separator: ", ")),
            Fact(
                label: l.t("vendors.field.nda"),
                value: vendor.ndaSignedOn.map { l.formatDate(calendarDay($0)) } ?? l.t("vendors.nda.none")),
            Fact(
                label: l.t("vendors.field.max_share"),
                value: vendor.maxBookedShare.map { l.formatPercent($0) } ?? "100 %"),
            Fact(label: l.t("vendors.field.quality"), value: vendor.qualityScore.map { "\($0) / 100" } ?? none),
            Fact(label: l.t("vendors.field.currency"), value: vendor.currency.code),
            Fact(
                label: l.t("vendors.field.grid"),
                value: vendor.weightingGrid == nil ? l.t("vendors.grid.organisation") : l.t("vendors.grid.own")),
        ]
        if vendor.kind == .agency {
            facts.append(Fact(label: l.t("vendors.field.workers"), value: String(vendor.parallelWorkers)))
        }
        if let cost = vendor.hourlyCost {
            facts.append(Fact(label: l.t("vendors.field.hourly_cost"), value: l.format(cost)))
        }
        return facts
    }

    static func evidence(_ approval: CapabilityApproval, _ l: Localizer) -> String {
        var parts: [String] = []
        if let degree = approval.degree { parts.append(degree) }
        if let years = approval.yearsOfExperience {
            parts.append(l.tx("vendors.evidence.years", ["count": String(years)]))
        }
        if approval.testPassed { parts.append(l.t("vendors.evidence.test")) }
        return parts.isEmpty ? "—" : parts.joined(separator: " · ")
    }
}

extension Localizer {
    /// A message whose arguments are all text.
    func tx(_ key: String, _ arguments: [String: String]) -> String { t(key, arguments.mapValues { .text($0) }) }

    /// A service's name: known ones are translated, others shown as they are stored.
    func service(_ service: LinguisticService) -> String {
        let key = "vendors.service.\(service.rawValue)"
        let text = t(key)
        return text == key ? service.rawValue : text
    }
}
