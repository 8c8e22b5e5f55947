import Foundation
import TandemDomain

/// Evaluations at approval, the vendors' recency-weighted scores, and client complaints.
public struct QualityRecords: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Evaluation: Sendable {
        public struct Errors: Sendable {
            public var category: String
            public var severity: String
            public var count: Int
            public init(category: String, severity: String, count: Int) {
                self.category = category
                self.severity = severity
                self.count = count
            }
        }
        public var vendorID: String?
        public var sourceLanguage: String?
        public var targetLanguage: String?
        public var projectID: String?
        public var promiseID: String?
        public var jobID: String?
        public var sampleWords: Int?
        public var errors: [Errors]
        public var timeliness: Int?
        public var communication: Int?
        public var comments: String?
        public init(
            vendorID: String?, sourceLanguage: String?, targetLanguage: String?, projectID: String?,
            promiseID: String? = nil, jobID: String? = nil, sampleWords: Int?, errors: [Errors], timeliness: Int?,
            communication: Int?, comments: String? = nil
        ) {
            self.vendorID = vendorID
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.projectID = projectID
            self.promiseID = promiseID
            self.jobID = jobID
            self.sampleWords = sampleWords
            self.errors = errors
            self.timeliness = timeliness
            self.communication = communication
            self.comments = comments
        }
    }

    /// Stores an evaluation and writes the vendor's new score for the pair and overall.
    public func evaluate(_ input: Evaluation, by user: User) async throws -> (QualityEvaluation, PairQuality) {
        guard Policy.permits(user, .evaluateQuality) else { throw PromiseLedger.forbidden }
        var read = FieldReader()
        let vendorID: VendorProfile.ID? = read.id(input.vendorID ?? "", "vendorId")
        let source = read.tag(input.sourceLanguage ?? "", "sourceLanguage")
        let target = read.tag(input.targetLanguage ?? "", "targetLanguage")
        let projectID: Project.ID? = read.id(input.projectID ?? "", "projectId")
        let promiseID: Promise.ID? = input.promiseID.flatMap { $0.isEmpty ? nil : read.id($0, "promiseId") }
        let jobID: UUID? = input.jobID.flatMap { $0.isEmpty ? nil : read.id($0, "jobId", as: UUID.self)?.rawValue }
        let sample = read.wholeNumber(String(input.sampleWords ?? -1), "sampleWords", range: 1...1_000_000)
        var errors: [ErrorCount] = []
        for (index, raw) in input.errors.enumerated() {
            guard let category = ErrorCategory(rawValue: raw.category) else {
                read.unknown("errors.\(index).category")
                continue
            }
            guard let severity = ErrorSeverity(rawValue: raw.severity) else {
                read.unknown("errors.\(index).severity")
                continue
            }
            guard raw.count >= 0 else {
                _ = read.wholeNumber(String(raw.count), "errors.\(index).count", range: 0...100_000)
                continue
            }
            errors.append(ErrorCount(category: category, severity: severity, count: raw.count))
        }
        let timeliness = read.wholeNumber(String(input.timeliness ?? 0), "timeliness", range: 1...5)
        let communication = read.wholeNumber(String(input.communication ?? 0), "communication", range: 1...5)
        let comments = read.text(input.comments, "comments", max: 4000, required: false) ?? ""
        try read.check()
        let env = env
        let counts = errors
        return try await env.stores.transaction { tx in
            guard let vendor = try await tx.vendors.find(id: vendorID!) else {
                throw DomainError.invalid(
                    "vendorId", "error.field.unknown", fallback: "Choose one of the listed values.")
            }
            guard try await tx.quoteStores.projects.find(id: projectID!) != nil else {
                throw DomainError.projectNotFound
            }
            let evaluation = QualityEvaluation(
                id: env.ids(), vendorID: vendor.id, pair: LanguagePair(source: source!, target: target!),
                projectID: projectID!, promiseID: promiseID, jobID: jobID, sampleWords: sample!, errors: counts,
                timeliness: timeliness!, communication: communication!, comments: comments, evaluatedBy: user.id,
                evaluatedAt: env.now)
            try await tx.ledger.addEvaluations([evaluation])
            let pair = try await Self.rescore(vendor.id, pair: evaluation.pair, in: tx, now: env.now)
            return (evaluation, pair)
        }
    }

    /// Recomputes the pair's recency-weighted score and the vendor's overall one (the pairs'
    /// scores weighted by their number of evaluations), written to the vendor's record.
    @discardableResult
    public static func rescore(_ vendorID: VendorProfile.ID, pair: LanguagePair, in stores: Stores, now: Date)
        async throws -> PairQuality
    {
        let evaluations = try await stores.ledger.evaluations(vendorID: vendorID, pair: pair)
        let quality = PairQuality(
            vendorID: vendorID, pair: pair, score: QualityScore.recencyWeighted(evaluations, now: now) ?? 0,
            evaluations: evaluations.count, updatedAt: now)
        try await stores.ledger.savePairQuality(quality)
        let pairs = try await stores.ledger.pairQuality(of: vendorID)
        let count = pairs.reduce(0) { $0 + $1.evaluations }
        if count > 0 {
            let overall = Double(pairs.reduce(0) { $0 + $1.score * $1.evaluations }) / Double(count)
            var change = VendorProfileChange()
            change.qualityScore = .some(Int(overall.rounded()))
            _ = try await stores.vendors.update(vendorID, change, expectedVersion: nil, at: now)
        }
        return quality
    }

    public struct ComplaintInput: Sendable {
        public var deliveryID: String?
        public var receivedAt: String?
        public var description: String?
        public var severity: String?
        public var justified: Bool
        public var rootCause: String?
        public var correctiveAction: String?
        public init(
            deliveryID: String? = nil, receivedAt: String? = nil, description: String?, severity: String?,
            justified: Bool, rootCause: String?, correctiveAction: String?
        ) {
            self.deliveryID = deliveryID
            self.receivedAt = receivedAt
            self.description = description
            self.severity = severity
            self.justified = justified
            self.rootCause = rootCause
            self.correctiveAction = correctiveAction
        }
    }

    /// A complaint against a delivered target, with root cause and corrective action; the
    /// promise's quality verdict follows from its complaints.
    public func complain(_ promiseID: Promise.ID, _ input: ComplaintInput, by user: User) async throws -> Complaint {
        guard Policy.permits(user, .recordComplaint) else { throw PromiseLedger.forbidden }
        var read = FieldReader()
        let received = input.receivedAt.flatMap { $0.isEmpty ? nil : QuoteManagement.instant($0, "receivedAt", &read) }
        let text = read.text(input.description, "description", max: 4000, required: true)
        let severity = Complaint.Severity(rawValue: input.severity ?? "")
        if severity == nil { read.unknown("severity") }
        let rootCause = read.text(input.rootCause, "rootCause", max: 4000, required: true)
        let action = read.text(input.correctiveAction, "correctiveAction", max: 4000, required: true)
        let deliveryID: ClientDelivery.ID? = input.deliveryID.flatMap { $0.isEmpty ? nil : read.id($0, "deliveryId") }
        try read.check()
        let env = env
        return try await env.stores.transaction { tx in
            guard try await tx.ledger.entry(promiseID, now: env.now) != nil else { throw DomainError.promiseNotFound }
            let deliveries = try await tx.ledger.deliveries(of: promiseID)
            if let deliveryID, !deliveries.contains(where: { $0.id == deliveryID }) {
                throw DomainError.invalid(
                    "deliveryId", "promise.error.delivery_unknown",
                    fallback: "This delivery is not one of this promise's.")
            }
            guard let delivery = deliveryID ?? deliveries.last?.id else {
                throw DomainError.invalid(
                    "deliveryId", "promise.error.not_delivered",
                    fallback: "A complaint is recorded against a delivery; this target was not delivered yet.")
            }
            let complaint = Complaint(
                id: env.ids(), promiseID: promiseID, deliveryID: delivery, receivedAt: received ?? env.now,
                description: text!, severity: severity!, justified: input.justified, rootCause: rootCause!,
                correctiveAction: action!, recordedBy: user.id, recordedAt: env.now)
            try await tx.ledger.addComplaints([complaint])
            return complaint
        }
    }
}
