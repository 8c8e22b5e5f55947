import Foundation
import TandemApp
import TandemDomain
import Vapor

/// One opportunity: its page, the new and edit forms, moving it, the PM partner's solution notes.
enum OpportunityPages {
    struct Fact: Encodable {
        var labelKey: String
        var value: String
    }
    struct ShowContext: Encodable {
        var shell: PageShell
        var card: PipelineViews.Card
        var facts: [Fact]
        var designReasons: [String]
        var isInDesign: Bool
        var stageOptions: [SelectOption]
        var lostReasons: [SelectOption]
        var solutionNotes: String
        var solutionNotesMeta: String?
        var notesAction: String?
        var editHref: String?
        var back: String
        var boardHref = SiteRoute.area(.opportunities).path
        var accountHref: String
        var errors: [String: String]
        var brief: OpportunityBriefPages.BriefSection
        var activities: OpportunityBriefPages.ActivitySection
        /// Its quotes and, once won, the project's brief status (OpportunityQuotes).
        var quotes: OpportunityQuotes.Panel? = nil
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
        /// Client-fit guidance, flagged when outside what production can do (docs/guidance.md).
        var fit: FitPanel? = nil
    }
    struct MoveForm: Content {
        var stage: String?
        var lostReasonId: String?
        var lostNote: String?
        var version: String?
        var back: String?
    }
    struct NotesForm: Content {
        var solutionNotes: String?
        var version: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.newOpportunity, use: newForm)
        routes.post(.newOpportunity, use: create)
        routes.get(.opportunity(":id"), use: show)
        routes.get(.opportunityEdit(":id"), use: editForm)
        routes.post(.opportunityEdit(":id"), use: update)
        routes.post(.opportunityMove(":id"), use: move)
        routes.post(.opportunitySolutionNotes(":id"), use: solutionNotes)
    }

    static func load(_ req: Request) async throws -> Opportunity {
        guard let raw = req.parameters.get("id"), let id = Opportunity.ID(uuidString: raw),
            let opportunity = try await req.stores.pipeline.opportunities.find(id: id)
        else { throw Abort(.notFound) }
        return opportunity
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canView)
        return try await showPage(req, try await load(req))
    }

    static func showPage(
        _ req: Request, _ o: Opportunity, errors: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let views = try await PipelineViews.make(req, accountNames: try await req.stores.accountNames([o.accountID]))
        let stage = views.stages.stage(o.stageID)
        let rates = try await PipelineOverview(req.appEnvironment).rateTable()
        var facts = [
            Fact(labelKey: "field.account", value: views.account(o.accountID)),
            Fact(labelKey: "field.languages", value: views.card(o, canMove: false).languages),
            Fact(
                labelKey: "field.services",
                value: o.services.map { l.t("service.\($0.rawValue)") }.joined(separator: ", ")),
            Fact(labelKey: "field.expected_value", value: views.money(o.expectedValue)),
        ]
        if o.expectedValue.currency != rates.base {
            let converted = rates.convert(o.expectedValue, on: o.closeDate)
            facts.append(
                Fact(
                    labelKey: "pipeline.value_in_base",
                    value: converted.map {
                        views.money($0.value.rounded) + " · "
                            + l.t(
                                "pipeline.rate_used",
                                [
                                    "currency": .text(o.expectedValue.currency.code),
                                    "rate": .text($0.rate?.rate.canonicalString ?? "1"),
                                    "date": .text($0.rate.map { views.day($0.date) } ?? ""),
                                ])
                    }
                        ?? l.t(
                            "pipeline.rate_missing",
                            ["currency": .text(o.expectedValue.currency.code), "count": .text("1")])))
        }
        if let words = o.estimatedWords {
            facts.append(Fact(labelKey: "field.estimated_words", value: l.format(words)))
        }
        facts += [
            Fact(labelKey: "field.close_date", value: views.day(o.closeDate)),
            Fact(labelKey: "field.owner", value: views.name(o.ownerID)),
            Fact(
                labelKey: "field.partner_pm",
                value: o.partnerPmID == nil ? l.t("pipeline.no_partner") : views.name(o.partnerPmID)),
            Fact(labelKey: "field.stage", value: stage?.name ?? ""),
            Fact(
                labelKey: "field.probability",
                value: "\(stage.map(o.probability(in:)) ?? 0) %"
                    + (o.probabilityOverride != nil ? " (" + l.t("pipeline.probability_overridden") + ")" : "")),
        ]
        if !o.nextStep.isEmpty {
            facts.append(
                Fact(
                    labelKey: "field.next_step", value: o.nextStep + (o.nextStepDue.map { " · " + views.day($0) } ?? "")
                ))
        }
        if o.capabilityBuilding {
            facts.append(Fact(labelKey: "field.capability_building", value: "★ " + o.capabilityReason))
        }
        if let reason = o.lostReasonID {
            let name = views.lostReasons.first { $0.id == reason }?.name ?? ""
            facts.append(
                Fact(labelKey: "field.lost_reason", value: o.lostNote.isEmpty ? name : "\(name) — \(o.lostNote)"))
        }
        let reasons = try await OpportunityManagement(req.appEnvironment).solutionDesignReasons(for: o)
        let canEdit = PipelineAccess.canEdit(user, o)
        var context = ShowContext(
            shell: try await req.shell(title: o.name, area: .opportunities), card: views.card(o, canMove: canEdit),
            facts: facts, designReasons: reasons.map { l.t("pipeline.design_reason.\($0.rawValue)") },
            isInDesign: stage?.milestone == .solutionDesign, stageOptions: views.stageOptions(current: o.stageID),
            lostReasons: views.lostReasonOptions(current: o.lostReasonID), solutionNotes: o.solutionNotes,
            solutionNotesMeta: o.solutionNotesAt.map {
                l.t(
                    "pipeline.notes_meta",
                    ["name": .text(views.name(o.solutionNotesBy)), "when": .text(l.format(dateTime: $0))])
            },
            notesAction: PipelineAccess.canWriteSolutionNotes(user, o)
                ? SiteRoute.opportunitySolutionNotes(o.id).path : nil,
            editHref: canEdit ? SiteRoute.opportunityEdit(o.id).path : nil, back: SiteRoute.opportunity(o.id).path,
            accountHref: SiteRoute.account(o.accountID).path, errors: errors,
            brief: try await OpportunityBriefPages.brief(req, o),
            activities: try await OpportunityBriefPages.activities(req, o, views: views))
        context.quotes = try await OpportunityQuotes.panel(req, o)
        context.thread = await ThreadPanel.forPage(.opportunity(o.id.rawValue), req: req)
        context.fit = await FitPanel.forOpportunity(o.id, req: req)
        return try await req.renderPage("opportunities/show", context, status: status)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canCreate)
        let currency = try await req.organisation().baseCurrency.code
        let context = try await formContext(
            req, title: req.localizer.t("pipeline.new.title"), isNew: true, action: SiteRoute.newOpportunity.path,
            back: SiteRoute.area(.opportunities).path,
            form: Form(accountId: req.query[String.self, at: "accountId"], currency: currency))
        return try await req.renderPage("opportunities/form", context)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canCreate)
        let form = try req.content.decode(Form.self)
        do {
            let created = try await OpportunityManagement(req.appEnvironment).create(
                form.input, by: try req.requireUser())
            let response = req.redirect(to: SiteRoute.opportunity(created.id).path)
            req.setFlash(response, "pipeline.created", ["name": created.name])
            return response
        } catch  where !error.domainErrors.isEmpty {
            let problems = formErrors(error, in: req)
            let context = try await formContext(
                req, title: req.localizer.t("pipeline.new.title"), isNew: true, action: SiteRoute.newOpportunity.path,
                back: SiteRoute.area(.opportunities).path, form: form, errors: problems.messages,
                summary: problems.summary)
            return try await req.renderPage("opportunities/form", context, status: .unprocessableEntity)
        }
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let o = try await load(req)
        try req.require { PipelineAccess.canEdit($0, o) }
        let context = try await formContext(
            req, title: o.name, isNew: false, action: SiteRoute.opportunityEdit(o.id).path,
            back: SiteRoute.opportunity(o.id).path, form: Form(o))
        return try await req.renderPage("opportunities/form", context)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let o = try await load(req)
        try req.require { PipelineAccess.canEdit($0, o) }
        let form = try req.content.decode(Form.self)
        do {
            let updated = try await OpportunityManagement(req.appEnvironment).update(o.id, form.patch)
            let response = req.redirect(to: SiteRoute.opportunity(o.id).path)
            req.setFlash(response, "pipeline.updated", ["name": updated.name])
            return response
        } catch  where !error.domainErrors.isEmpty {
            let problems = formErrors(error, in: req)
            let context = try await formContext(
                req, title: o.name, isNew: false, action: SiteRoute.opportunityEdit(o.id).path,
                back: SiteRoute.opportunity(o.id).path, form: form, errors: problems.messages,
                summary: problems.summary)
            return try await req.renderPage(
                "opportunities/form", context, status: error is DomainError ? .conflict : .unprocessableEntity)
        }
    }

    /// A move from the card's form or from the board's drag and drop (which asks for JSON).
    @Sendable static func move(req: Request) async throws -> Response {
        let o = try await load(req)
        try req.require { PipelineAccess.canEdit($0, o) }
        let form = try req.content.decode(MoveForm.self)
        let wantsJSON = req.headers.accept.contains { $0.mediaType == .json }
        let back = LocalRedirect.path(form.back) ?? SiteRoute.opportunity(o.id).path
        do {
            guard let stage = form.stage.flatMap(Stage.ID.init(uuidString:)) else {
                throw ValidationErrors([
                    .invalid(
                        "stage", "error.opportunity.stage_unknown", fallback: "Choose one of the pipeline's stages.")
                ])
            }
            let reason = form.lostReasonId.flatMap { $0.isEmpty ? nil : LostReason.ID(uuidString: $0) }
            let moved = try await OpportunityManagement(req.appEnvironment).move(
                o.id, to: stage, lostReasonID: reason, lostNote: form.lostNote,
                expectedVersion: form.version.flatMap { Int($0) }, by: req.currentUser?.id)
            let stageName = try await req.stores.pipeline.stages.find(id: moved.stageID)?.name ?? ""
            if wantsJSON {
                return try await MoveAnswer(ok: true, message: nil, field: nil, version: moved.version)
                    .encodeResponse(for: req)
            }
            let response = req.redirect(to: back)
            req.setFlash(response, "pipeline.moved", ["name": moved.name, "stage": stageName])
            return response
        } catch  where !error.domainErrors.isEmpty {
            let described = ErrorDescription.describe(error, in: req)
            let message = described.fields.first?.message ?? described.message
            if wantsJSON {
                let answer = MoveAnswer(ok: false, message: message, field: described.field, version: nil)
                return try await answer.encodeResponse(status: described.status, for: req)
            }
            let response = req.redirect(to: back)
            req.setFlash(response, kind: "error", "pipeline.move_refused", ["name": o.name, "reason": message])
            return response
        }
    }

    struct MoveAnswer: Content {
        var ok: Bool
        var message: String?
        var field: String?
        var version: Int?
    }

    @Sendable static func solutionNotes(req: Request) async throws -> Response {
        let o = try await load(req)
        try req.require { PipelineAccess.canWriteSolutionNotes($0, o) }
        let form = try req.content.decode(NotesForm.self)
        do {
            _ = try await OpportunityManagement(req.appEnvironment).setSolutionNotes(
                o.id, form.solutionNotes ?? "", by: try req.requireUser(),
                expectedVersion: form.version.flatMap { Int($0) })
            let response = req.redirect(to: SiteRoute.opportunity(o.id).path)
            req.setFlash(response, "pipeline.notes_saved")
            return response
        } catch  where !error.domainErrors.isEmpty {
            var current = o
            current.solutionNotes = form.solutionNotes ?? ""
            return try await showPage(
                req, current, errors: formErrors(error, in: req).messages,
                status: error is DomainError ? .conflict : .unprocessableEntity)
        }
    }
}
