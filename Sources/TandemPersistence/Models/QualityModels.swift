import FluentKit
import Foundation
import TandemDomain

final class QualityEvaluationModel: Model, @unchecked Sendable {
    static let schema = "quality_evaluations"
    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "source_language") var source: String
    @Field(key: "target_language") var target: String
    @Field(key: "project_id") var projectID: UUID
    @OptionalField(key: "promise_id") var promiseID: UUID?
    @OptionalField(key: "job_id") var jobID: UUID?
    @Field(key: "sample_words") var sampleWords: Int
    @Field(key: "errors") var errors: String
    @Field(key: "timeliness") var timeliness: Int
    @Field(key: "communication") var communication: Int
    @Field(key: "comments") var comments: String
    @Field(key: "evaluated_by") var evaluatedBy: UUID
    @Field(key: "evaluated_at") var evaluatedAt: Date
    init() {}

    init(_ e: QualityEvaluation) {
        id = e.id.rawValue
        vendorID = e.vendorID.rawValue
        source = e.pair.source.description
        target = e.pair.target.description
        projectID = e.projectID.rawValue
        promiseID = e.promiseID?.rawValue
        jobID = e.jobID
        sampleWords = e.sampleWords
        errors = JSONText.encode(e.errors)
        timeliness = e.timeliness
        communication = e.communication
        comments = e.comments
        evaluatedBy = e.evaluatedBy.rawValue
        evaluatedAt = e.evaluatedAt
    }

    func toDomain() throws -> QualityEvaluation {
        QualityEvaluation(
            id: .init(try requireID()), vendorID: .init(vendorID),
            pair: LanguagePair(source: try LanguageTag(source), target: try LanguageTag(target)),
            projectID: .init(projectID), promiseID: promiseID.map { .init($0) }, jobID: jobID,
            sampleWords: sampleWords, errors: try JSONText.decode([ErrorCount].self, errors), timeliness: timeliness,
            communication: communication, comments: comments, evaluatedBy: .init(evaluatedBy),
            evaluatedAt: evaluatedAt)
    }
}

final class PairQualityModel: Model, @unchecked Sendable {
    static let schema = "vendor_pair_quality"
    @ID(key: .id) var id: UUID?
    @Field(key: "vendor_id") var vendorID: UUID
    @Field(key: "source_language") var source: String
    @Field(key: "target_language") var target: String
    @Field(key: "score") var score: Int
    @Field(key: "evaluations") var evaluations: Int
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func toDomain() throws -> PairQuality {
        PairQuality(
            vendorID: .init(vendorID),
            pair: LanguagePair(source: try LanguageTag(source), target: try LanguageTag(target)),
            score: score, evaluations: evaluations, updatedAt: updatedAt)
    }
}

final class ComplaintModel: Model, @unchecked Sendable {
    static let schema = "complaints"
    @ID(key: .id) var id: UUID?
    @Field(key: "promise_id") var promiseID: UUID
    @OptionalField(key: "delivery_id") var deliveryID: UUID?
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "description") var details: String
    @Field(key: "severity") var severity: String
    @Field(key: "justified") var justified: Bool
    @Field(key: "root_cause") var rootCause: String
    @Field(key: "corrective_action") var correctiveAction: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "recorded_at") var recordedAt: Date
    init() {}

    init(_ c: Complaint) {
        id = c.id.rawValue
        promiseID = c.promiseID.rawValue
        deliveryID = c.deliveryID?.rawValue
        receivedAt = c.receivedAt
        details = c.description
        severity = c.severity.rawValue
        justified = c.justified
        rootCause = c.rootCause
        correctiveAction = c.correctiveAction
        recordedBy = c.recordedBy.rawValue
        recordedAt = c.recordedAt
    }

    func toDomain() throws -> Complaint {
        Complaint(
            id: .init(try requireID()), promiseID: .init(promiseID), deliveryID: deliveryID.map { .init($0) },
            receivedAt: receivedAt, description: details, severity: Complaint.Severity(rawValue: severity) ?? .minor,
            justified: justified, rootCause: rootCause, correctiveAction: correctiveAction,
            recordedBy: .init(recordedBy), recordedAt: recordedAt)
    }
}
