import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// The JSON shapes of the ledger API (docs/ledger.md, openapi.yaml).
enum LedgerBodies {
    static func iso(_ date: Date) -> String { Instant(date).iso8601 }

    struct PromiseItem: Content {
        var id: String
        var projectId: String
        var projectName: String
        var accountId: String
        var accountName: String
        var targetLanguage: String
        var deliveryDate: String
        @NullWhenAbsent var deliveryDay: String?
        var price: MoneyBody
        var status: String
        var marginAtRisk: Bool
        var renegotiated: Bool
        @NullWhenAbsent var cause: String?
        @NullWhenAbsent var deliveredAt: String?
        @NullWhenAbsent var expectedFinish: String?
        var salesOwnerId: String
        @NullWhenAbsent var pmId: String?
        var version: Int

        init(_ e: LedgerPromise) {
            id = e.id.description
            projectId = e.promise.projectID.description
            projectName = e.projectName
            accountId = e.accountID.description
            accountName = e.accountName
            targetLanguage = e.promise.targetLanguage.description
            deliveryDate = iso(e.promise.deliveryDate)
            deliveryDay = e.state.deliveryDay?.description
            price = MoneyBody(e.promise.price)
            status = e.promise.status.rawValue
            marginAtRisk = e.state.marginAtRisk
            renegotiated = e.state.renegotiated
            cause = e.state.cause?.rawValue
            deliveredAt = e.state.deliveredAt.map(iso)
            expectedFinish = e.state.forecast?.expectedFinish.map(iso)
            salesOwnerId = e.promise.salesOwnerID.description
            pmId = e.promise.pmID?.description
            version = e.promise.version
        }
    }

    struct Totals: Content {
        var made, onTrack, atRisk, kept, broken, renegotiated, marginAtRisk: Int
        init(_ t: LedgerTotals) {
            made = t.made
            onTrack = t.onTrack
            atRisk = t.atRisk
            kept = t.kept
            broken = t.broken
            renegotiated = t.renegotiated
            marginAtRisk = t.marginAtRisk
        }
    }

    struct Terms: Content {
        var deliveryDate: String
        @NullWhenAbsent var deliveryDay: String?
        var price: MoneyBody
        init(_ t: PromiseTerms) {
            deliveryDate = iso(t.deliveryDate)
            deliveryDay = t.deliveryDay?.description
            price = MoneyBody(t.price)
        }
    }

    struct Version: Content {
        var id: String
        var number: Int
        var terms: Terms
        @NullWhenAbsent var previous: Terms?
        var reason: String
        @NullWhenAbsent var cause: String?
        @NullWhenAbsent var changeOrderId: String?
        @NullWhenAbsent var by: String?
        var at: String
        var madeAfterDeadline: Bool
        init(_ v: PromiseVersion) {
            id = v.id.description
            number = v.number
            terms = Terms(v.terms)
            previous = v.previous.map(Terms.init)
            reason = v.reason
            cause = v.cause?.rawValue
            changeOrderId = v.changeOrderID?.description
            by = v.by?.description
            at = iso(v.at)
            madeAfterDeadline = v.madeAfterDeadline
        }
    }

    struct Delivery: Content {
        var id: String
        var promiseId: String
        var deliveredAt: String
        var what: String
        var recipient: String
        @NullWhenAbsent var cost: MoneyBody?
        var fullScope: Bool
        @NullWhenAbsent var lateCause: String?
        var note: String
        var recordedBy: String
        var recordedAt: String
        init(_ d: ClientDelivery) {
            id = d.id.description
            promiseId = d.promiseID.description
            deliveredAt = iso(d.deliveredAt)
            what = d.what
            recipient = d.recipient
            cost = d.cost.map(MoneyBody.init)
            fullScope = d.fullScope
            lateCause = d.lateCause?.rawValue
            note = d.note
            recordedBy = d.recordedBy.description
            recordedAt = iso(d.recordedAt)
        }
    }

    struct DeliveryOutcome: Content {
        var delivery: Delivery
        var promise: PromiseItem
    }

    struct Complaint: Content {
        var id: String
        var promiseId: String
        @NullWhenAbsent var deliveryId: String?
        var receivedAt: String
        var description: String
        var severity: String
        var justified: Bool
        var rootCause: String
        var correctiveAction: String
        var recordedBy: String
        init(_ c: TandemDomain.Complaint) {
            id = c.id.description
            promiseId = c.promiseID.description
            deliveryId = c.deliveryID?.description
            receivedAt = iso(c.receivedAt)
            description = c.description
            severity = c.severity.rawValue
            justified = c.justified
            rootCause = c.rootCause
            correctiveAction = c.correctiveAction
            recordedBy = c.recordedBy.description
        }
    }

    struct ErrorCountBody: Content {
        var category: String
        var severity: String
        var count: Int
    }

    /// An evaluation; `vendorId` is null for those who may not see vendors (sales).
    struct Evaluation: Content {
        var id: String
        @NullWhenAbsent var vendorId: String?
        var sourceLanguage: String
        var targetLanguage: String
        var projectId: String
        @NullWhenAbsent var promiseId: String?
        @NullWhenAbsent var jobId: String?
        var sampleWords: Int
        var errors: [ErrorCountBody]
        var penaltyPer1000: String
        var score: String
        var timeliness: Int
        var communication: Int
        var comments: String
        var evaluatedAt: String
        init(_ e: QualityEvaluation, showVendor: Bool) {
            id = e.id.description
            vendorId = showVendor ? e.vendorID.description : nil
            sourceLanguage = e.pair.source.description
            targetLanguage = e.pair.target.description
            projectId = e.projectID.description
            promiseId = e.promiseID?.description
            jobId = e.jobID?.uuidString.lowercased()
            sampleWords = e.sampleWords
            errors = e.errors.map {
                ErrorCountBody(category: $0.category.rawValue, severity: $0.severity.rawValue, count: $0.count)
            }
            penaltyPer1000 = e.penaltyPer1000.canonicalString
            score = e.score.canonicalString
            timeliness = e.timeliness
            communication = e.communication
            comments = e.comments
            evaluatedAt = iso(e.evaluatedAt)
        }
    }

    struct PairScore: Content {
        var sourceLanguage: String
        var targetLanguage: String
        var score: Int
        var evaluations: Int
        var updatedAt: String
        init(_ p: PairQuality) {
            sourceLanguage = p.pair.source.description
            targetLanguage = p.pair.target.description
            score = p.score
            evaluations = p.evaluations
            updatedAt = iso(p.updatedAt)
        }
    }

    struct ChangeOrderItem: Content {
        var kind: String
        var targetLanguage: String
        @NullWhenAbsent var promiseId: String?
        var words: String
        var price: MoneyBody
        var workDonePercent: String
        var cancellationFee: MoneyBody
        var priceChange: MoneyBody
        @NullWhenAbsent var deliveryDate: String?
    }

    struct ChangeOrder: Content {
        var id: String
        var projectId: String
        var number: Int
        var status: String
        var reason: String
        var items: [ChangeOrderItem]
        @NullWhenAbsent var priceChange: MoneyBody?
        @NullWhenAbsent var cancellationFees: MoneyBody?
        var proposedBy: String
        var proposedAt: String
        @NullWhenAbsent var decidedBy: String?
        @NullWhenAbsent var decidedAt: String?
        init(_ c: TandemDomain.ChangeOrder) {
            id = c.id.description
            projectId = c.projectID.description
            number = c.number
            status = c.status.rawValue
            reason = c.reason
            items = c.items.map {
                ChangeOrderItem(
                    kind: $0.kind.rawValue, targetLanguage: $0.targetLanguage.description,
                    promiseId: $0.promiseID?.description, words: $0.words.canonicalString, price: MoneyBody($0.price),
                    workDonePercent: $0.workDonePercent.canonicalString,
                    cancellationFee: MoneyBody($0.cancellationFee), priceChange: MoneyBody($0.priceChange),
                    deliveryDate: $0.deliveryDate.map(iso))
            }
            priceChange = c.priceChange.map(MoneyBody.init)
            cancellationFees = c.cancellationFees.map(MoneyBody.init)
            proposedBy = c.proposedBy.description
            proposedAt = iso(c.proposedAt)
            decidedBy = c.decidedBy?.description
            decidedAt = c.decidedAt.map(iso)
        }
    }
}
