import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The production part of the project page: the hold, the jobs on a timeline against each
/// promise, per target the jobs with their assignments, proposals and moves, and the purchase
/// orders. Built from `ProductionWork.ProjectState`; the template is `production/_project`.
struct ProjectProductionSection: Encodable {
    struct Move: Encodable {
        var value: String
        var label: String
        var css: String
        var needsWords: Bool
        var reassign: Bool
    }
    struct AssignmentRow: Encodable {
        var vendor: String
        var vendorHref: String
        var words: String
        var amount: String
        var booked: Bool
        var actualWords: String?
    }
    struct ProposalRow: Encodable {
        var vendorId: String
        var vendor: String
        var words: Int
        var wordsText: String
        var cost: String
        var finish: String
        var late: Bool
    }
    struct JobRow: Encodable {
        var id: String
        /// The job's own page (details, history, thread).
        var href: String
        var step: String
        var status: QuoteViews.Badge
        var due: String
        var words: String
        var isInternal: Bool
        var assignments: [AssignmentRow]
        var proposals: [ProposalRow]
        var moves: [Move]
        var moveAction: String
        var assignAction: String?
        var unassigned: Int
        /// A refused form of this job, shown next to its field with what was typed.
        var error: FormError? = nil
    }
    struct TargetBlock: Encodable {
        var language: String
        var promise: String
        var jobs: [JobRow]
    }
    struct OrderRow: Encodable {
        var number: String
        var version: Int
        var vendor: String
        var amount: String
        var reason: String
        var href: String
    }
    struct VendorOption: Encodable {
        var id: String
        var name: String
    }

    var canManage: Bool
    var onHold: Bool
    var holdReason: String?
    var holdAction: String
    var assignAllAction: String?
    var timeline: String
    var targets: [TargetBlock]
    var orders: [OrderRow]
    var vendors: [VendorOption]
    var todayHref = SiteRoute.today.path
    var scriptHref = SiteRoute.productionScript.path
    /// A refused hold form (its reason field).
    var holdError: FormError? = nil

    /// A refused production form: which one (`hold`, `assign`, `move`), the field at fault (nil:
    /// the form as a whole), the message, and what the user typed there.
    struct FormError: Encodable {
        var form: String
        var field: String?
        var message: String
        var value: String?
        /// The vendor chosen in a refused assignment, chosen again.
        var vendorId: String?
        /// Leaf reads stored values only: one flag per field a template shows.
        var vendorField: Bool
        var wordsField: Bool
        var actualWordsField: Bool
        var general: Bool

        init(form: String, field: String?, message: String, value: String?, vendorId: String? = nil) {
            self.vendorId = vendorId
            self.form = form
            self.field = field
            self.message = message
            self.value = value
            vendorField = field == "vendorId"
            wordsField = field == "words"
            actualWordsField = field == "actualWords"
            general = !(vendorField || wordsField || actualWordsField || field == "reason")
        }
    }

    /// Places `error` on its job (or on the hold form).
    mutating func show(_ error: FormError, job: String?) {
        guard let job else { return holdError = error }
        for t in targets.indices {
            for j in targets[t].jobs.indices where targets[t].jobs[j].id == job { targets[t].jobs[j].error = error }
        }
    }

    static func badge(_ status: JobStatus, _ l: Localizer) -> QuoteViews.Badge {
        let label = l.t("production.status.\(status.rawValue)")
        switch status {
        case .planned: return .init(css: "badge-muted", symbol: "○", label: label)
        case .offered: return .init(css: "badge-warn", symbol: "✉", label: label)
        case .accepted, .inProgress: return .init(css: "badge-info", symbol: "▶", label: label)
        case .delivered, .approved: return .init(css: "badge-ok", symbol: "✓", label: label)
        case .cancelled: return .init(css: "badge-danger", symbol: "✕", label: label)
        }
    }

    static func stepName(_ job: Job, _ l: Localizer) -> String { QuoteDocument.serviceName(job.step.rawValue, in: l) }

    static func make(
        _ state: ProductionWork.ProjectState, proposals: [JobProposal], user: User, now: Date, req: Request
    ) async throws -> ProjectProductionSection {
        let l = req.localizer
        let canManage = Policy.permits(user, .manageProduction)
        var names: [VendorProfile.ID: String] = [:]
        let vendorIDs = Set(
            state.assignments.map(\.vendorID) + proposals.map(\.vendorID) + state.purchaseOrders.map(\.vendorID))
        for id in vendorIDs { names[id] = try await req.stores.vendors.find(id: id)?.name ?? id.description }
        let targets = state.promises.map { promise in
            let jobs = state.jobs.filter { $0.targetLanguage == promise.targetLanguage }
            return TargetBlock(
                language: QuoteDocument.languageName(promise.targetLanguage, in: l),
                promise: l.formatDateTime(promise.deliveryDate),
                jobs: jobs.map { job in
                    row(job, state: state, proposals: proposals, names: names, canManage: canManage, l: l)
                })
        }
        var groups: [ProjectTimelineChart.Group] = []
        for promise in state.promises {
            var start = state.project.acceptedAt
            var rows: [ProjectTimelineChart.Row] = []
            for job in state.jobs where job.targetLanguage == promise.targetLanguage {
                let active = state.active(job.id)
                let begin = active.map(\.start).min() ?? start
                let status = l.t("production.status.\(job.status.rawValue)")
                rows.append(
                    .init(
                        label: stepName(job, l), start: min(begin, job.due), end: job.due, status: job.status.rawValue,
                        statusLabel: status,
                        title: l.t(
                            "production.timeline.job",
                            [
                                "step": .text(stepName(job, l)), "status": .text(status),
                                "due": .text(l.formatDateTime(job.due)),
                            ])))
                start = job.due
            }
            groups.append(
                .init(
                    label: QuoteDocument.languageName(promise.targetLanguage, in: l), promise: promise.deliveryDate,
                    promiseLabel: l.t(
                        "production.timeline.promise_at", ["date": .text(l.formatDateTime(promise.deliveryDate))]),
                    rows: rows))
        }
        let id = PathParameter(state.project.id)
        let vendors = canManage ? try await req.stores.vendors.list(VendorFilter(status: .approved)) : []
        return ProjectProductionSection(
            canManage: canManage, onHold: state.hold.onHold,
            holdReason: state.hold.reason.isEmpty ? nil : state.hold.reason,
            holdAction: SiteRoute.projectHold(id).path,
            assignAllAction: canManage && !proposals.isEmpty ? SiteRoute.projectAssignProposals(id).path : nil,
            timeline: groups.isEmpty
                ? "" : ProjectTimelineChart.render(groups, from: state.project.acceptedAt, now: now, localizer: l),
            targets: targets,
            orders: state.purchaseOrders.map {
                OrderRow(
                    number: $0.number, version: $0.version, vendor: names[$0.vendorID] ?? "",
                    amount: l.format($0.terms.amount),
                    reason: l.t("po.reason.\($0.reason)"), href: SiteRoute.purchaseOrder(PathParameter($0.id)).path)
            },
            vendors: vendors.map { VendorOption(id: $0.id.description, name: $0.name) })
    }

    static func row(
        _ job: Job, state: ProductionWork.ProjectState, proposals: [JobProposal], names: [VendorProfile.ID: String],
        canManage: Bool, l: Localizer
    ) -> JobRow {
        let active = state.active(job.id)
        let facts = JobStateMachine.Facts(
            isInternal: job.isInternal, hasAssignment: !active.isEmpty, projectOnHold: state.hold.onHold)
        var moves: [Move] = []
        if canManage {
            for move in JobMove.allCases where JobStateMachine.allows(move, from: job.status, facts) {
                let css = [.cancelled, .declined, .rejected].contains(move) ? "danger" : "primary"
                moves.append(
                    Move(
                        value: move.rawValue, label: l.t("production.move.\(move.rawValue)"), css: css,
                        needsWords: move == .delivered && !job.isInternal, reassign: false))
                if move == .rejected && !job.isInternal {
                    moves.append(
                        Move(
                            value: move.rawValue, label: l.t("production.move.reassign"), css: "danger",
                            needsWords: false, reassign: true))
                }
            }
        }
        let unit =
            job.unit == .page
            ? "production.unit.pages" : job.unit == .word ? "production.unit.words" : "production.unit.minutes"
        return JobRow(
            id: job.id.description, href: SiteRoute.job(PathParameter(job.id)).path, step: stepName(job, l),
            status: badge(job.status, l),
            due: l.formatDateTime(job.due),
            words: l.t(unit, count: job.words), isInternal: job.isInternal,
            assignments: active.map { a in
                AssignmentRow(
                    vendor: names[a.vendorID] ?? "", vendorHref: SiteRoute.vendor(PathParameter(a.vendorID)).path,
                    words: l.format(a.words), amount: l.format(a.amount), booked: a.bookingID != nil,
                    actualWords: a.actualWords.map { l.format($0) })
            },
            proposals: proposals.filter { $0.jobID == job.id }.map { p in
                ProposalRow(
                    vendorId: p.vendorID.description, vendor: names[p.vendorID] ?? "", words: p.words,
                    wordsText: l.format(p.words), cost: l.format(p.cost), finish: l.formatDateTime(p.finish),
                    late: p.late)
            },
            moves: moves, moveAction: SiteRoute.jobMove(PathParameter(job.id)).path,
            assignAction: canManage && job.status == .planned && !job.isInternal
                ? SiteRoute.jobAssign(PathParameter(job.id)).path : nil,
            unassigned: job.words - active.reduce(0) { $0 + $1.words })
    }
}
