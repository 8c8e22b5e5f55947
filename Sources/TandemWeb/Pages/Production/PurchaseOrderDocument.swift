import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// A purchase order as the vendor receives it: the print page (`/purchase-orders/{id}`), its
/// PDF (`/purchase-orders/{id}/po.pdf`, `GET /api/v1/purchase-orders/{id}/pdf`), made with
/// WeasyPrint like the quote's; every version under the number is listed.
enum PurchaseOrderDocument {
    struct Line: Encodable {
        var band: String
        var words: String
        var percent: String
        var payable: String
    }
    struct VersionRow: Encodable {
        var label: String
        var href: String
        var amount: String
        var current: Bool
    }
    struct Context: Encodable {
        var shell: QuoteDocument.Shell
        var organisation: String
        var number: String
        var version: Int
        var issued: String
        var reasonKey: String
        var vendor: String
        var vendorDetails: [String]
        var project: String
        var job: String
        var lines: [Line]
        var quantity: String
        var rate: String
        var grid: String?
        var minimumFee: String?
        var minimumApplied: Bool
        var amount: String
        var due: String
        var paymentTermsKey: String
        var versions: [VersionRow]
        var forScreen: Bool
        var backHref: String?
        var pdfHref: String?
        var pdfUnavailable: Bool
        var stylesheetHref = SiteRoute.quoteStylesheet.path
        var scriptHref = SiteRoute.script.path
        var inlineStyles = ""
    }

    static func register(pages: any RoutesBuilder) {
        pages.get(.purchaseOrder(":id"), use: printPage)
        pages.get(.purchaseOrderPDF(":id"), use: pdfDownload)
    }

    static func orderID(_ req: Request) throws -> PurchaseOrder.ID {
        guard let raw = req.parameters.get("id"), let id = PurchaseOrder.ID(uuidString: raw) else {
            throw DomainError.purchaseOrderNotFound
        }
        return id
    }

    static func context(_ req: Request, forScreen: Bool, pdfUnavailable: Bool = false) async throws -> Context {
        let user = try req.requireUser()
        let (order, versions) = try await PurchaseOrders.find(try orderID(req), in: req.stores, by: user)
        let l = req.localizer
        let vendor = try await req.stores.vendors.find(id: order.vendorID)
        let project = try await req.stores.quoteStores.projects.find(id: order.projectID)
        let job = try await req.stores.production.job(order.jobID)
        let organisation = try await req.organisation()
        let terms = order.terms
        let unitKey = "po.unit.\(terms.unit.rawValue)"
        return Context(
            shell: .init(lang: l.locale, title: "\(order.number) v\(order.version)"), organisation: organisation.name,
            number: order.number, version: order.version, issued: l.formatDate(order.createdAt),
            reasonKey: "po.reason.\(order.reason)", vendor: vendor?.name ?? "",
            vendorDetails: [vendor?.email?.description, vendor?.country].compactMap { $0 },
            project: project?.name ?? "",
            job: job.map {
                "\(QuoteDocument.languageName($0.sourceLanguage, in: l)) → \(QuoteDocument.languageName($0.targetLanguage, in: l)) · "
                    + QuoteDocument.serviceName($0.step.rawValue, in: l)
            } ?? "",
            lines: terms.lines.map {
                Line(
                    band: l.t("po.band.\($0.band)"), words: l.format($0.words), percent: "\($0.percent) %",
                    payable: l.format($0.payable, maximumFractionDigits: 2))
            },
            quantity: "\(l.format(terms.payable, maximumFractionDigits: 2)) \(l.t(unitKey))",
            rate: terms.rate.map { l.format($0) } ?? l.t("po.no_rate"),
            grid: terms.grid.map { grid in
                WeightingGrid.bands.map { "\(l.t("po.band.\($0)")) \(grid.percents[$0] ?? 100) %" }.joined(
                    separator: " · ")
            },
            minimumFee: terms.minimumFee.map { l.format($0) }, minimumApplied: terms.minimumApplied,
            amount: l.format(terms.amount), due: l.formatDateTime(order.due),
            paymentTermsKey: "po.terms.\(order.paymentTerms)",
            versions: versions.map {
                VersionRow(
                    label: l.t("po.version", ["number": .text(String($0.version))]),
                    href: SiteRoute.purchaseOrder(PathParameter($0.id)).path, amount: l.format($0.terms.amount),
                    current: $0.id == order.id)
            },
            forScreen: forScreen, backHref: SiteRoute.project(PathParameter(order.projectID)).path,
            pdfHref: SiteRoute.purchaseOrderPDF(PathParameter(order.id)).path, pdfUnavailable: pdfUnavailable)
    }

    static func html(_ context: Context, _ req: Request) async throws -> String {
        let view = try await req.application.leaf.renderer.render("production/po", context).get()
        return String(buffer: view.data)
    }

    @Sendable static func printPage(req: Request) async throws -> Response {
        let context = try await context(
            req, forScreen: true, pdfUnavailable: req.query[String.self, at: "pdf"] == "unavailable")
        let response = Response(status: .ok, body: .init(string: try await html(context, req)))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func pdfDownload(req: Request) async throws -> Response {
        guard req.application.pdfRenderer.isAvailable else {
            _ = try await context(req, forScreen: false)
            return req.redirect(to: SiteRoute.purchaseOrder(PathParameter(try orderID(req))).path + "?pdf=unavailable")
        }
        return try await pdf(req)
    }

    @Sendable static func apiPDF(req: Request) async throws -> Response {
        guard req.application.pdfRenderer.isAvailable else {
            _ = try await context(req, forScreen: false)
            let printPath = SiteRoute.purchaseOrder(PathParameter(try orderID(req))).path
            let body = APIErrorBody(
                error: .init(
                    code: "pdf_unavailable",
                    message: req.localizer.t("quote.pdf.unavailable_api", ["path": .text(printPath)]), field: nil,
                    fields: []))
            return try await body.encodeResponse(status: .serviceUnavailable, for: req)
        }
        return try await pdf(req)
    }

    static func pdf(_ req: Request) async throws -> Response {
        var context = try await context(req, forScreen: false)
        let stylesheet = req.application.directory.publicDirectory + SiteRoute.quoteStylesheet.segments.joined()
        context.inlineStyles = (try? String(contentsOfFile: stylesheet, encoding: .utf8)) ?? ""
        let data: Data
        do {
            data = try await req.application.pdfRenderer.render(
                html: try await html(context, req), on: req.application.threadPool)
        } catch let failure as PDFRenderer.Failed {
            req.logger.error("purchase order PDF failed: \(failure.description)")
            throw Abort(.serviceUnavailable, reason: req.localizer.t("quote.pdf.failed"))
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(context.number)-v\(context.version).pdf\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
