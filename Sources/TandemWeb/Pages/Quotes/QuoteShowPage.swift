import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The quote page: files and the live analysis, the analysis per file and band, lines, totals
/// in the client's and the base currency, cost and margin next to the floor, feasibility per
/// target, review reasons, versions, and the actions the quote's status allows.
enum QuoteShowPage {
    struct File: Encodable {
        var name: String
        var kind: String
        var size: String
        var excluded: Bool
    }
    struct Version: Encodable {
        var number: Int
        var created: String
        var sent: String?
        var total: String
        var note: String
        var diffHref: String?
        var isCurrent: Bool
    }
    struct Money: Encodable {
        var total: String
        var totalInBase: String
        var cost: String
        var margin: String
        var marginPercent: String
        var floor: String
        var belowFloor: Bool
        var hasCost: Bool
    }
    struct Actions: Encodable {
        var submit: String?
        var send: String?
        var accept: String?
        var lose: String?
        var review: String?
        var printHref: String
        var pdfHref: String
        var projectHref: String?
    }
    struct Context: Encodable {
        var shell: PageShell
        var number: String
        var id: String
        var status: QuoteViews.Badge
        var statusCode: String
        var version: Int
        var account: String
        var accountHref: String
        var opportunity: String
        var opportunityHref: String?
        var validUntil: String
        var currency: String
        var waited: String?
        var editable: Bool
        var files: [File]
        var bandHeaders: [String]
        var bandRows: [QuoteViews.BandRow]
        var analysisID: String?
        var progressHref: String?
        var lines: [QuoteViews.LineRow]
        var money: Money
        var overall: QuoteViews.Badge
        var targets: [QuoteViews.TargetRow]
        var reasons: [String]
        var reviewReasons: [String]
        var changeNote: String?
        var previousDiffHref: String?
        var managerApproval: String?
        var versions: [Version]
        var options: [SelectOption]
        var targetOptions: [SelectOption]
        var actions: Actions
        var filesAction: String
        var linesAction: String
        var optionsAction: String
        var deliveriesAction: String
        var lostReason: String?
        var poRequired: Bool
        var today: String
        var errors: FormErrors
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, errors: FormErrors())
    }

    static func render(_ req: Request, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let id = try QuoteViews.quoteID(req)
        let sheet = try await QuoteSheet.load(
            id, for: user, env: req.appEnvironment, capacity: req.application.capacity)
        var context = try await context(sheet, user: user, req: req, errors: errors)
        context.thread = await ThreadPanel.forPage(RecordSubject(kind: .quote, id: id.rawValue), req: req)
        return try await req.renderPage("quotes/show", context, status: status)
    }

    static func context(_ sheet: QuoteSheet, user: User, req: Request, errors: FormErrors) async throws -> Context {
        let l = req.localizer
        let quote = sheet.quote
        let version = sheet.version
        let qid = PathParameter(quote.id)
        let mayEdit = Policy.permits(user, .editQuote(owner: quote.createdBy))
        let editable = mayEdit && [.draft, .rejected].contains(quote.status)
        let account = try await req.stores.accounts.find(id: quote.accountID)
        var analysisID: String?
        if let raw = req.query[String.self, at: "analysis"], let aid = QuoteAnalysis.ID(uuidString: raw),
            let running = try await req.stores.quoteStores.analyses.find(id: aid), running.quoteID == quote.id,
            running.status == .queued || running.status == .running
        {
            analysisID = running.id.description
        }
        let totals = version.totals
        let versions = sheet.versions.map { summary in
            Version(
                number: summary.number, created: l.formatDateTime(summary.createdAt),
                sent: summary.sentAt.map { l.formatDateTime($0) }, total: l.format(summary.total), note: summary.note,
                diffHref: summary.number > 1
                    ? SiteRoute.quoteDiff(qid).path + "?from=\(summary.number - 1)&to=\(summary.number)" : nil,
                isCurrent: summary.number == version.number)
        }
        let approval = quote.managerApproval.map { approval in
            l.t(
                "quote.manager_approval.text",
                ["date": .text(l.formatDate(approval.at)), "reason": .text(approval.reason)])
        }
        return Context(
            shell: try await req.shell(title: quote.number, area: .quotes), number: quote.number,
            id: quote.id.description, status: QuoteViews.status(quote.status, l), statusCode: quote.status.rawValue,
            version: version.number, account: sheet.accountName, accountHref: SiteRoute.account(quote.accountID).path,
            opportunity: sheet.opportunity?.name ?? "",
            opportunityHref: sheet.opportunity.map { SiteRoute.opportunity($0.id).path },
            validUntil: AccountShowPage.day(quote.validUntil, l), currency: quote.currency.code,
            waited: QuoteViews.waited(since: sheet.waitingSince, now: req.now, l), editable: editable,
            files: sheet.files.map {
                File(
                    name: $0.name, kind: l.t("quote.file.kind.\($0.kind.rawValue)"),
                    size: l.format(Decimal($0.size) / 1024, maximumFractionDigits: 1) + " KB", excluded: $0.excluded)
            }, bandHeaders: QuoteViews.bands.map { l.t("quote.band.\($0)") },
            bandRows: QuoteViews.bandRows(sheet.analysis, l),
            analysisID: analysisID,
            progressHref: analysisID.map { SiteRoute.analysisProgress(PathParameter(value: $0)).path },
            lines: QuoteViews.lineRows(version, quoteID: quote.id, editable: editable, l),
            money: Money(
                total: l.format(totals.total), totalInBase: QuoteViews.money(totals.totalInBase, l),
                cost: QuoteViews.money(totals.cost, l),
                margin: totals.margin == nil && totals.marginPercent == nil
                    ? "—"
                    : "\(QuoteViews.money(totals.margin, l)) · \(QuoteViews.percent(totals.marginPercent, l))",
                marginPercent: QuoteViews.percent(totals.marginPercent, l),
                floor: QuoteViews.percent(sheet.marginFloor, l), belowFloor: sheet.belowMarginFloor,
                hasCost: totals.cost != nil),
            overall: QuoteViews.verdict(sheet.feasibility.verdict, l), targets: QuoteViews.targetRows(sheet, l),
            reasons: try await QuoteViews.reasons(sheet, showVendors: Policy.permits(user, .viewVendors), req: req),
            reviewReasons: QuoteViews.reviewReasons(version.reviewReasons, l),
            changeNote: version.number > 1 && !version.note.isEmpty ? version.note : nil,
            previousDiffHref: version.number > 1
                ? SiteRoute.quoteDiff(qid).path + "?from=\(version.number - 1)&to=\(version.number)" : nil,
            managerApproval: approval, versions: versions.reversed(),
            options: version.options.map { SelectOption(value: $0.id.description, label: $0.name, selected: false) },
            targetOptions: version.targets.map {
                SelectOption(
                    value: $0.language.description, label: QuoteDocument.languageName($0.language, in: l),
                    selected: false)
            },
            actions: Actions(
                submit: mayEdit && quote.status == .draft ? SiteRoute.quoteSubmit(qid).path : nil,
                send: mayEdit && quote.status == .approved ? SiteRoute.quoteSend(qid).path : nil,
                accept: mayEdit && quote.status == .sent ? SiteRoute.quoteAccept(qid).path : nil,
                lose: mayEdit && quote.status.isOpen ? SiteRoute.quoteLose(qid).path : nil,
                review: Policy.permits(user, .reviewQuote) && quote.status == .inReview
                    ? SiteRoute.quoteReview(qid).path : nil,
                printHref: SiteRoute.quotePrint(qid).path, pdfHref: SiteRoute.quotePDF(qid).path,
                projectHref: sheet.projectID.map { SiteRoute.project(PathParameter($0)).path }),
            filesAction: SiteRoute.quoteFiles(qid).path, linesAction: SiteRoute.quoteLines(qid).path,
            optionsAction: SiteRoute.quoteOptions(qid).path, deliveriesAction: SiteRoute.quoteDeliveries(qid).path,
            lostReason: quote.lostReason.isEmpty ? nil : quote.lostReason,
            poRequired: account?.terms.purchaseOrderRequired ?? false,
            today: l.isoDate(req.now), errors: errors)
    }
}
