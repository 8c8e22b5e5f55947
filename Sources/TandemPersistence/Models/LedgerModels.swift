import FluentKit
import Foundation
import TandemDomain

final class PromiseStateModel: Model, @unchecked Sendable {
    static let schema = "promise_states"
    @ID(custom: "id", generatedBy: .user) var id: UUID?
    @OptionalField(key: "delivery_day") var deliveryDay: String?
    @Field(key: "margin_at_risk") var marginAtRisk: Bool
    @Field(key: "renegotiated") var renegotiated: Bool
    @OptionalField(key: "cause") var cause: String?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @Field(key: "delivered_full_scope") var deliveredFullScope: Bool
    @Field(key: "broken_earlier") var brokenEarlier: Bool
    @OptionalField(key: "expected_finish") var expectedFinish: Date?
    @OptionalField(key: "expected_cost") var expectedCost: String?
    @OptionalField(key: "expected_cost_currency") var expectedCostCurrency: String?
    @OptionalField(key: "at_risk_notified_at") var atRiskNotifiedAt: Date?
    @Field(key: "cancelled") var cancelled: Bool
    init() {}

    init(_ id: Promise.ID, _ s: PromiseState) {
        self.id = id.rawValue
        deliveryDay = s.deliveryDay?.description
        marginAtRisk = s.marginAtRisk
        renegotiated = s.renegotiated
        cause = s.cause?.rawValue
        deliveredAt = s.deliveredAt
        deliveredFullScope = s.deliveredFullScope
        brokenEarlier = s.brokenEarlier
        expectedFinish = s.forecast?.expectedFinish
        expectedCost = s.forecast?.expectedCost?.amount.canonicalString
        expectedCostCurrency = s.forecast?.expectedCost?.currency.code
        atRiskNotifiedAt = s.atRiskNotifiedAt
        cancelled = s.cancelled
    }
}

final class PromiseVersionModel: Model, @unchecked Sendable {
    static let schema = "promise_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "promise_id") var promiseID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "delivery_date") var deliveryDate: Date
    @OptionalField(key: "delivery_day") var deliveryDay: String?
    @Field(key: "price") var price: String
    @Field(key: "currency") var currency: String
    @OptionalField(key: "previous") var previous: String?
    @Field(key: "reason") var reason: String
    @OptionalField(key: "cause") var cause: String?
    @OptionalField(key: "change_order_id") var changeOrderID: UUID?
    @OptionalField(key: "made_by") var madeBy: UUID?
    @Field(key: "made_at") var madeAt: Date
    @Field(key: "made_after_deadline") var madeAfterDeadline: Bool
    init() {}

    init(_ v: PromiseVersion) {
        id = v.id.rawValue
        promiseID = v.promiseID.rawValue
        number = v.number
        deliveryDate = v.terms.deliveryDate
        deliveryDay = v.terms.deliveryDay?.description
        price = v.terms.price.amount.canonicalString
        currency = v.terms.price.currency.code
        previous = v.previous.map { JSONText.encode($0) }
        reason = v.reason
        cause = v.cause?.rawValue
        changeOrderID = v.changeOrderID?.rawValue
        madeBy = v.by?.rawValue
        madeAt = v.at
        madeAfterDeadline = v.madeAfterDeadline
    }

    func toDomain() throws -> PromiseVersion {
        PromiseVersion(
            id: .init(try requireID()), promiseID: .init(promiseID), number: number,
            terms: PromiseTerms(
                deliveryDate: deliveryDate, deliveryDay: try deliveryDay.map { try LocalDate(iso: $0) },
                price: Money(Decimal(canonical: price) ?? 0, try CurrencyCode(currency))),
            previous: previous.flatMap { JSONText.decode($0) }, reason: reason,
            cause: cause.flatMap(BreachCause.init(rawValue:)), changeOrderID: changeOrderID.map { .init($0) },
            by: madeBy.map { .init($0) }, at: madeAt, madeAfterDeadline: madeAfterDeadline)
    }
}

final class ClientDeliveryModel: Model, @unchecked Sendable {
    static let schema = "client_deliveries"
    @ID(key: .id) var id: UUID?
    @Field(key: "promise_id") var promiseID: UUID
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "delivered_at") var deliveredAt: Date
    @Field(key: "what") var what: String
    @Field(key: "recipient") var recipient: String
    @OptionalField(key: "cost") var cost: String?
    @OptionalField(key: "cost_currency") var costCurrency: String?
    @Field(key: "full_scope") var fullScope: Bool
    @OptionalField(key: "late_cause") var lateCause: String?
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "recorded_at") var recordedAt: Date
    init() {}

    init(_ d: ClientDelivery) {
        id = d.id.rawValue
        promiseID = d.promiseID.rawValue
        projectID = d.projectID.rawValue
        deliveredAt = d.deliveredAt
        what = d.what
        recipient = d.recipient
        cost = d.cost?.amount.canonicalString
        costCurrency = d.cost?.currency.code
        fullScope = d.fullScope
        lateCause = d.lateCause?.rawValue
        note = d.note
        recordedBy = d.recordedBy.rawValue
        recordedAt = d.recordedAt
    }

    func toDomain() throws -> ClientDelivery {
        ClientDelivery(
            id: .init(try requireID()), promiseID: .init(promiseID), projectID: .init(projectID),
            deliveredAt: deliveredAt, what: what, recipient: recipient,
            cost: try LedgerColumns.money(cost, costCurrency), fullScope: fullScope,
            lateCause: lateCause.flatMap(BreachCause.init(rawValue:)), note: note, recordedBy: .init(recordedBy),
            recordedAt: recordedAt)
    }
}

final class ChangeOrderModel: Model, @unchecked Sendable {
    static let schema = "change_orders"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "items") var items: String
    @Field(key: "reason") var reason: String
    @Field(key: "status") var status: String
    @Field(key: "proposed_by") var proposedBy: UUID
    @Field(key: "proposed_at") var proposedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    init() {}

    init(_ c: ChangeOrder) {
        id = c.id.rawValue
        projectID = c.projectID.rawValue
        number = c.number
        items = JSONText.encode(c.items)
        reason = c.reason
        status = c.status.rawValue
        proposedBy = c.proposedBy.rawValue
        proposedAt = c.proposedAt
        decidedBy = c.decidedBy?.rawValue
        decidedAt = c.decidedAt
    }

    func toDomain() throws -> ChangeOrder {
        ChangeOrder(
            id: .init(try requireID()), projectID: .init(projectID), number: number,
            items: try JSONText.decode([ChangeOrder.Item].self, items), reason: reason,
            status: ChangeOrder.Status(rawValue: status) ?? .proposed, proposedBy: .init(proposedBy),
            proposedAt: proposedAt, decidedBy: decidedBy.map { .init($0) }, decidedAt: decidedAt)
    }
}

enum LedgerColumns {
    static func money(_ amount: String?, _ currency: String?) throws -> Money? {
        guard let amount, let currency, let value = Decimal(canonical: amount) else { return nil }
        return Money(value, try CurrencyCode(currency))
    }
}
