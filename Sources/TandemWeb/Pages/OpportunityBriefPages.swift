import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The opportunity page's effective brief (the account's, any part overridden here) and its
/// activities, through the accounts side's `ClientBriefs` and `ClientActivities`.
enum OpportunityBriefPages {
    struct Part: Encodable {
        var name: String
        var labelKey: String
        var value: String
        var overridden: Bool
        /// What this opportunity says for the part ("" when it follows the account).
        var override: String
    }
    struct BriefSection: Encodable {
        var parts: [Part]
        var criteria: [String]
        var isComplete: Bool
        var missing: String?
        var action: String
        var version: Int
    }
    struct ActivityRow: Encodable {
        var kindKey: String
        var when: String
        var text: String
        var nextStep: String?
        var overdue: Bool
    }
    struct ActivitySection: Encodable {
        var rows: [ActivityRow]
        var action: String
        var kinds: [SelectOption]
    }
    struct BriefForm: Content {
        var version: String?
        var problems: String?
        var objectives: String?
        var stakeholders: String?
        var audience: String?
        var qualityExpectations: String?
        var styleAndTerminology: String?
        var fileFormatsAndTools: String?
        var risks: String?
        var priceAndTurnaround: String?
        var productionNotes: String?
    }
    struct ActivityForm: Content {
        var kind: String?
        var text: String?
        var nextStep: String?
        var nextStepDue: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.post(.opportunityBrief(":id"), use: saveBrief)
        routes.post(.opportunityActivities(":id"), use: logActivity)
    }

    /// The text parts a form edits (buying criteria are shown, edited on the API).
    static let textParts: [ClientBrief.Part] = ClientBrief.Part.allCases.filter { $0 != .buyingCriteria }

    static func brief(_ req: Request, _ o: Opportunity) async throws -> BriefSection {
        let user = try req.requireUser()
        let briefs = ClientBriefs(req.appEnvironment)
        let effective = try await briefs.effectiveBrief(opportunity: o.id.rawValue, account: o.accountID)
        let own = try await briefs.latest(of: .opportunity(o.id.rawValue), for: user)
        let l = req.localizer
        return BriefSection(
            parts: textParts.map { part in
                Part(
                    name: part.rawValue, labelKey: "pipeline.brief.part.\(part.rawValue)",
                    value: effective.content.text(of: part) ?? "", overridden: effective.overriddenParts.contains(part),
                    override: own?.content.text(of: part) ?? "")
            },
            criteria: (effective.content.buyingCriteria ?? []).map { "\($0.name) (\($0.weight) %)" },
            isComplete: effective.isComplete,
            missing: effective.isComplete
                ? nil
                : effective.content.missingParts.map { l.t("pipeline.brief.part.\($0.rawValue)") }.joined(
                    separator: ", "),
            action: SiteRoute.opportunityBrief(o.id).path, version: own?.number ?? 0)
    }

    static func activities(_ req: Request, _ o: Opportunity, views: PipelineViews) async throws -> ActivitySection {
        let found = try await ClientActivities(req.appEnvironment).activities(
            of: .opportunity(o.id.rawValue), for: try req.requireUser())
        return ActivitySection(
            rows: found.map {
                ActivityRow(
                    kindKey: "pipeline.activity.kind.\($0.kind.rawValue)",
                    when: req.localizer.format(dateTime: $0.occurredAt),
                    text: $0.text,
                    nextStep: $0.nextStep.isEmpty
                        ? nil : $0.nextStep + ($0.nextStepDue.map { " · " + views.day($0) } ?? ""),
                    overdue: $0.isOverdue(today: views.today))
            }, action: SiteRoute.opportunityActivities(o.id).path,
            kinds: Activity.Kind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.localizer.t("pipeline.activity.kind.\($0.rawValue)"),
                    selected: $0 == .call)
            })
    }

    /// A part left empty follows the account's brief again.
    @Sendable static func saveBrief(req: Request) async throws -> Response {
        let o = try await OpportunityPages.load(req)
        try req.require(PipelineAccess.canView)
        let form = try req.content.decode(BriefForm.self)
        let user = try req.requireUser()
        let briefs = ClientBriefs(req.appEnvironment)
        var content = try await briefs.latest(of: .opportunity(o.id.rawValue), for: user)?.content ?? ClientBrief()
        let typed: [ClientBrief.Part: String?] = [
            .problems: form.problems, .objectives: form.objectives, .stakeholders: form.stakeholders,
            .audience: form.audience, .qualityExpectations: form.qualityExpectations,
            .styleAndTerminology: form.styleAndTerminology, .fileFormatsAndTools: form.fileFormatsAndTools,
            .risks: form.risks, .priceAndTurnaround: form.priceAndTurnaround, .productionNotes: form.productionNotes,
        ]
        for (part, value) in typed {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var single = ClientBrief()
            single.setText(text.isEmpty ? nil : text, of: part)
            content.copy(part, from: single)
        }
        do {
            _ = try await briefs.save(
                content, on: .opportunity(o.id.rawValue), owner: o.ownerID,
                expectedVersion: form.version.flatMap { Int($0) }, by: user)
            let response = req.redirect(to: SiteRoute.opportunity(o.id).path + "#brief")
            req.setFlash(response, "pipeline.brief.saved")
            return response
        } catch  where !error.domainErrors.isEmpty {
            let response = req.redirect(to: SiteRoute.opportunity(o.id).path + "#brief")
            let described = ErrorDescription.describe(error, in: req)
            req.setFlash(response, kind: "error", "pipeline.brief.not_saved", ["reason": described.message])
            return response
        }
    }

    @Sendable static func logActivity(req: Request) async throws -> Response {
        let o = try await OpportunityPages.load(req)
        try req.require(PipelineAccess.canView)
        let form = try req.content.decode(ActivityForm.self)
        do {
            _ = try await ClientActivities(req.appEnvironment).log(
                on: .opportunity(o.id.rawValue),
                .init(
                    kind: form.kind ?? "", occurredAt: nil, text: form.text ?? "", nextStep: form.nextStep ?? "",
                    nextStepDue: form.nextStepDue ?? "", ownerId: nil, contactId: nil), by: try req.requireUser())
            let response = req.redirect(to: SiteRoute.opportunity(o.id).path + "#activities")
            req.setFlash(response, "pipeline.activity.logged")
            return response
        } catch  where !error.domainErrors.isEmpty {
            let response = req.redirect(to: SiteRoute.opportunity(o.id).path + "#activities")
            let described = ErrorDescription.describe(error, in: req)
            req.setFlash(
                response, kind: "error", "pipeline.activity.not_logged",
                ["reason": described.fields.first?.message ?? described.message])
            return response
        }
    }
}

extension ClientBrief {
    /// Sets one text part (not the buying criteria).
    mutating func setText(_ text: String?, of part: Part) {
        switch part {
        case .problems: problems = text
        case .objectives: objectives = text
        case .stakeholders: stakeholders = text
        case .audience: audience = text
        case .qualityExpectations: qualityExpectations = text
        case .styleAndTerminology: styleAndTerminology = text
        case .fileFormatsAndTools: fileFormatsAndTools = text
        case .risks: risks = text
        case .priceAndTurnaround: priceAndTurnaround = text
        case .productionNotes: productionNotes = text
        case .buyingCriteria: break
        }
    }
}
