import Foundation

/// A target delivered to the client: what, when, to whom, and what it cost against the promise.
public struct ClientDelivery: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ClientDelivery>

    public var id: ID
    public var promiseID: Promise.ID
    public var projectID: Project.ID
    public var deliveredAt: Date
    /// What was delivered ("12 files, translated and revised").
    public var what: String
    /// To whom (a contact's name or address).
    public var recipient: String
    /// The actual vendor cost, in the base currency.
    public var cost: Money?
    /// False when less than the promised scope was delivered.
    public var fullScope: Bool
    /// Required when the delivery is late.
    public var lateCause: BreachCause?
    public var note: String
    public var recordedBy: User.ID
    public var recordedAt: Date

    public init(
        id: ID, promiseID: Promise.ID, projectID: Project.ID, deliveredAt: Date, what: String, recipient: String,
        cost: Money?, fullScope: Bool = true, lateCause: BreachCause? = nil, note: String = "", recordedBy: User.ID,
        recordedAt: Date
    ) {
        self.id = id
        self.promiseID = promiseID
        self.projectID = projectID
        self.deliveredAt = deliveredAt
        self.what = what
        self.recipient = recipient
        self.cost = cost
        self.fullScope = fullScope
        self.lateCause = lateCause
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
