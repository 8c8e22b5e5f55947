import FluentKit
import Foundation
import TandemDomain

final class VendorAbsenceModel: Model, @unchecked Sendable {
    static let schema = "vendor_absences"
    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @OptionalField(key: "reason") var reason: String?
    init() {}

    init(_ absence: VendorAbsence) {
        id = absence.id.rawValue
        vendorID = absence.vendorID.rawValue
        startsAt = absence.from
        endsAt = absence.to
        reason = absence.reason
    }

    func toDomain() throws -> VendorAbsence {
        VendorAbsence(
            id: .init(try requireID()), vendorID: .init(vendorID), from: startsAt, to: endsAt, reason: reason)
    }
}

final class VendorBookingModel: Model, @unchecked Sendable {
    static let schema = "vendor_bookings"
    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "minutes") var minutes: Int
    @OptionalField(key: "job_reference") var jobReference: String?
    init() {}

    init(_ booking: VendorBooking) {
        id = booking.id.rawValue
        vendorID = booking.vendorID.rawValue
        startsAt = booking.from
        endsAt = booking.to
        minutes = booking.minutes
        jobReference = booking.jobReference
    }

    func toDomain() throws -> VendorBooking {
        VendorBooking(
            id: .init(try requireID()), vendorID: .init(vendorID), from: startsAt, to: endsAt, minutes: minutes,
            jobReference: jobReference)
    }
}

final class TentativeHoldModel: Model, @unchecked Sendable {
    static let schema = "vendor_holds"
    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "minutes") var minutes: Int
    @Field(key: "probability") var probability: String
    @OptionalField(key: "quote_reference") var quoteReference: String?
    init() {}

    init(_ hold: TentativeHold) {
        id = hold.id.rawValue
        vendorID = hold.vendorID.rawValue
        startsAt = hold.from
        endsAt = hold.to
        minutes = hold.minutes
        probability = hold.probability.canonicalString
        quoteReference = hold.quoteReference
    }

    func toDomain() throws -> TentativeHold {
        TentativeHold(
            id: .init(try requireID()), vendorID: .init(vendorID), from: startsAt, to: endsAt, minutes: minutes,
            probability: Decimal(canonical: probability) ?? 0, quoteReference: quoteReference)
    }
}
