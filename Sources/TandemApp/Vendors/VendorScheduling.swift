import Foundation
import TandemDomain

/// Absences, bookings and tentative holds, as vendor managers enter them by hand (later issues
/// create bookings from jobs and holds from quotes).
public struct VendorScheduling: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// Instants from the API or a form; nil when missing or unreadable (named by the caller).
    public struct Span: Sendable, Equatable {
        public var from: Date?
        public var to: Date?
        public init(from: Date?, to: Date?) {
            self.from = from
            self.to = to
        }
    }

    /// Longest entry accepted: a year (longer leave is a status change, not an absence).
    static let longest: TimeInterval = 366 * 24 * 3600

    public func addAbsence(to vendorID: VendorProfile.ID, _ span: Span, reason: String?) async throws -> VendorAbsence {
        var check = VendorValidation()
        let range = checkSpan(span, &check)
        let reason = check.text(reason, field: "reason", max: 200)
        try ValidationErrors.check(check.errors)
        guard let range else { throw ValidationErrors(check.errors) }
        try await requireVendor(vendorID)
        let absence = VendorAbsence(id: env.ids(), vendorID: vendorID, from: range.from, to: range.to, reason: reason)
        try await env.stores.vendorSchedule.addAbsence(absence)
        return absence
    }

    public func removeAbsence(_ id: VendorAbsence.ID, of vendorID: VendorProfile.ID) async throws {
        guard try await env.stores.vendorSchedule.removeAbsence(id, of: vendorID) else {
            throw DomainError.notFound(entityKey: "entity.absence", fallback: "The absence was not found.")
        }
    }

    /// `minutes` of work between from and to; nil: the whole span.
    public func addBooking(
        vendorID: VendorProfile.ID?, _ span: Span, minutes: Int?, jobReference: String?
    ) async throws -> VendorBooking {
        var check = VendorValidation()
        let vendorID = requireField(vendorID, "vendorId", &check)
        let range = checkSpan(span, &check)
        let minutes = checkMinutes(minutes, range, &check)
        let reference = check.text(jobReference, field: "jobId", max: 80)
        try ValidationErrors.check(check.errors)
        guard let vendorID, let range, let minutes else { throw ValidationErrors(check.errors) }
        try await requireVendor(vendorID, field: "vendorId")
        let booking = VendorBooking(
            id: env.ids(), vendorID: vendorID, from: range.from, to: range.to, minutes: minutes, jobReference: reference
        )
        try await env.stores.vendorSchedule.addBookings([booking])
        return booking
    }

    public func addHold(
        vendorID: VendorProfile.ID?, _ span: Span, minutes: Int?, probability: String?, quoteReference: String?
    ) async throws -> TentativeHold {
        var check = VendorValidation()
        let vendorID = requireField(vendorID, "vendorId", &check)
        let range = checkSpan(span, &check)
        let minutes = checkMinutes(minutes, range, &check)
        var chance: Decimal?
        if let probability {
            chance = check.probability(probability)
        } else {
            check.fail("probability", "error.value.required", [:], "This field is required.")
        }
        let reference = check.text(quoteReference, field: "quoteId", max: 80)
        try ValidationErrors.check(check.errors)
        guard let vendorID, let range, let minutes, let chance else { throw ValidationErrors(check.errors) }
        try await requireVendor(vendorID, field: "vendorId")
        let hold = TentativeHold(
            id: env.ids(), vendorID: vendorID, from: range.from, to: range.to, minutes: minutes, probability: chance,
            quoteReference: reference)
        try await env.stores.vendorSchedule.addHolds([hold])
        return hold
    }

    // MARK: Checks

    private func checkSpan(_ span: Span, _ check: inout VendorValidation) -> (from: Date, to: Date)? {
        if span.from == nil { check.fail("from", "error.value.required", [:], "This field is required.") }
        if span.to == nil { check.fail("to", "error.value.required", [:], "This field is required.") }
        guard let from = span.from, let to = span.to else { return nil }
        guard to > from else {
            check.fail("to", "error.vendor.span_order", [:], "The end must come after the start.")
            return nil
        }
        guard to.timeIntervalSince(from) <= Self.longest else {
            check.fail("to", "error.vendor.span_long", [:], "An entry lasts at most a year.")
            return nil
        }
        return (from, to)
    }

    private func checkMinutes(_ minutes: Int?, _ range: (from: Date, to: Date)?, _ check: inout VendorValidation)
        -> Int?
    {
        guard let range else { return nil }
        let span = Int(range.to.timeIntervalSince(range.from) / 60)
        guard let minutes else { return span }
        guard minutes > 0, minutes <= span else {
            check.fail(
                "minutes", "error.vendor.minutes", ["max": String(span)],
                "The minutes of work must be from 1 to \(span), the length of the span.")
            return nil
        }
        return minutes
    }

    private func requireField<T>(_ value: T?, _ field: String, _ check: inout VendorValidation) -> T? {
        if value == nil { check.fail(field, "error.value.required", [:], "This field is required.") }
        return value
    }

    private func requireVendor(_ id: VendorProfile.ID, field: String? = nil) async throws {
        guard try await env.stores.vendors.find(id: id) != nil else {
            guard let field else { throw VendorProfile.notFound }
            throw ValidationErrors([
                .invalid(
                    field, "error.vendor.unknown", ["value": id.description], fallback: "No vendor has the id \(id).")
            ])
        }
    }
}
