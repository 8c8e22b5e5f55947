import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// JSON shapes of production (docs/production.md): jobs with their assignments, proposals,
/// checks, holds and purchase orders.
enum ProductionBodies {
    struct AssignmentBody: Content {
        var id: String
        var vendorId: String
        var words: Int
        @NullWhenAbsent var rate: MoneyBody?
        var amount: MoneyBody
        var start: String
        var due: String
        @NullWhenAbsent var actualWords: Int?
        @NullWhenAbsent var bookingId: String?
        var state: String
        init(_ a: JobAssignment) {
            id = a.id.description
            vendorId = a.vendorID.description
            words = a.words
            rate = a.rate.map(MoneyBody.init)
            amount = MoneyBody(a.amount)
            start = Instant(a.start).iso8601
            due = Instant(a.due).iso8601
            actualWords = a.actualWords
            bookingId = a.bookingID?.description
            state = a.state.rawValue
        }
    }

    struct FileBody: Content {
        var fileId: String
        var name: String
        var role: String
    }

    struct JobBody: Content {
        var id: String
        var projectId: String
        var targetLanguage: String
        var sourceLanguage: String
        var service: String
        var step: String
        var sequence: Int
        var `internal`: Bool
        var status: String
        var words: Int
        var weightedWords: String
        var bands: [String: String]
        /// Active assignments only; released ones stay in the job's history.
        var assignments: [AssignmentBody]
        var due: String
        var files: [FileBody]
        var brief: String
        var deliverables: [String]
        var version: Int
        init(_ job: Job, assignments: [JobAssignment]) {
            id = job.id.description
            projectId = job.projectID.description
            targetLanguage = job.targetLanguage.description
            sourceLanguage = job.sourceLanguage.description
            service = job.service
            step = job.step.rawValue
            sequence = job.sequence
            self.internal = job.isInternal
            status = job.status.rawValue
            words = job.words
            weightedWords = job.weightedWords.canonicalString
            bands = job.bands.mapValues { $0.words.canonicalString }
            self.assignments = assignments.filter { $0.jobID == job.id && $0.state == .active }.map(AssignmentBody.init)
            due = Instant(job.due).iso8601
            files = job.files.map { FileBody(fileId: $0.fileID.description, name: $0.name, role: $0.role.rawValue) }
            brief = job.brief
            deliverables = job.deliverables
            version = job.version
        }
    }

    struct ProposalBody: Content {
        var jobId: String
        var vendorId: String
        var words: Int
        var cost: MoneyBody
        var start: String
        var finish: String
        var late: Bool
        init(_ p: JobProposal) {
            jobId = p.jobID.description
            vendorId = p.vendorID.description
            words = p.words
            cost = MoneyBody(p.cost)
            start = Instant(p.start).iso8601
            finish = Instant(p.finish).iso8601
            late = p.late
        }
    }

    struct CheckBody: Content {
        var vendorId: String
        @NullWhenAbsent var finish: String?
        var late: Bool
        @NullWhenAbsent var cost: MoneyBody?
        var reasons: [String]
        init(_ c: AssignmentCheck) {
            vendorId = c.vendorID.description
            finish = c.finish.map { Instant($0).iso8601 }
            late = c.late
            cost = c.cost.map(MoneyBody.init)
            reasons = c.reasons.map(\.code)
        }
    }

    struct HoldBody: Content {
        var onHold: Bool
        var reason: String
        @NullWhenAbsent var by: String?
        @NullWhenAbsent var at: String?
        init(_ h: ProjectHold) {
            onHold = h.onHold
            reason = h.reason
            by = h.by?.description
            at = h.at.map { Instant($0).iso8601 }
        }
    }

    struct LineBody: Content {
        var band: String
        var words: String
        var percent: Int
        var payable: String
    }

    struct PurchaseOrderBody: Content {
        var id: String
        var number: String
        var version: Int
        var projectId: String
        var jobId: String
        var assignmentId: String
        var vendorId: String
        var words: Int
        var payableWords: String
        var unit: String
        var lines: [LineBody]
        @NullWhenAbsent var rate: MoneyBody?
        @NullWhenAbsent var minimumFee: MoneyBody?
        var minimumApplied: Bool
        @NullWhenAbsent var grid: [String: Int]?
        var amount: MoneyBody
        var paymentTerms: String
        var due: String
        var reason: String
        var createdAt: String
        init(_ po: PurchaseOrder) {
            id = po.id.description
            number = po.number
            version = po.version
            projectId = po.projectID.description
            jobId = po.jobID.description
            assignmentId = po.assignmentID.description
            vendorId = po.vendorID.description
            words = po.terms.words
            payableWords = po.terms.payable.canonicalString
            unit = po.terms.unit.rawValue
            lines = po.terms.lines.map {
                LineBody(
                    band: $0.band, words: $0.words.canonicalString, percent: $0.percent,
                    payable: $0.payable.canonicalString)
            }
            rate = po.terms.rate.map(MoneyBody.init)
            minimumFee = po.terms.minimumFee.map(MoneyBody.init)
            minimumApplied = po.terms.minimumApplied
            grid = po.terms.grid?.percents
            amount = MoneyBody(po.terms.amount)
            paymentTerms = po.paymentTerms
            due = Instant(po.due).iso8601
            reason = po.reason
            createdAt = Instant(po.createdAt).iso8601
        }
    }
}
