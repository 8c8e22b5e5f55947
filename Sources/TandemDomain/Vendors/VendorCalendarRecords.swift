import Foundation

/// Time a vendor does not work: leave, a public holiday of their country, an appointment. Given
/// as instants (`to` exclusive), so part days are as easy as whole ones.
public struct VendorAbsence: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<VendorAbsence>
    public var id: ID
    public var vendorID: VendorProfile.ID
    public var from: Date
    public var to: Date
    public var reason: String?
    public init(id: ID, vendorID: VendorProfile.ID, from: Date, to: Date, reason: String? = nil) {
        self.id = id
        self.vendorID = vendorID
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// Work assigned to a vendor: `minutes` of work between `from` and `to` (exclusive), for a job.
public struct VendorBooking: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<VendorBooking>
    public var id: ID
    public var vendorID: VendorProfile.ID
    public var from: Date
    public var to: Date
    public var minutes: Int
    public var jobReference: String?
    public init(id: ID, vendorID: VendorProfile.ID, from: Date, to: Date, minutes: Int, jobReference: String? = nil) {
        self.id = id
        self.vendorID = vendorID
        self.from = from
        self.to = to
        self.minutes = minutes
        self.jobReference = jobReference
    }
}

/// Likely work from an open quote: it occupies the vendor with `probability` (0…1) if the quote
/// is won.
public struct TentativeHold: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<TentativeHold>
    public var id: ID
    public var vendorID: VendorProfile.ID
    public var from: Date
    public var to: Date
    public var minutes: Int
    public var probability: Decimal
    public var quoteReference: String?
    public init(
        id: ID, vendorID: VendorProfile.ID, from: Date, to: Date, minutes: Int, probability: Decimal,
        quoteReference: String? = nil
    ) {
        self.id = id
        self.vendorID = vendorID
        self.from = from
        self.to = to
        self.minutes = minutes
        self.probability = probability
        self.quoteReference = quoteReference
    }
}
