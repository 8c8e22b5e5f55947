import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The quote as the client receives it: the print page (`/quotes/{id}/print`), the PDF for the
/// browser (`/quotes/{id}/quote.pdf`) and for the API (`GET /api/v1/quotes/{id}/pdf`). Without
/// a PDF renderer the page falls back to the print page with a note, the API to a 503 naming it.
enum PDFQuoteRoutes {
    static func register(pages: any RoutesBuilder, api: any RoutesBuilder) {
        pages.get(.quotePrint(":id"), use: printPage)
        pages.get(.quotePDF(":id"), use: pdfDownload)
        api.on(.GET, APIRoute.quotePDF(":id"), use: apiPDF)
    }

    static func quoteID(_ req: Request) throws -> Quote.ID {
        guard let raw = req.parameters.get("id"), let id = Quote.ID(uuidString: raw) else {
            throw DomainError.quoteNotFound
        }
        return id
    }

    /// The document's context in the client's language (or `?lang=`).
    static func document(_ req: Request, forScreen: Bool, pdfUnavailable: Bool = false) async throws
        -> QuoteDocument.Context
    {
        let user = try req.requireUser()
        let sheet = try await QuoteSheet.load(try quoteID(req), for: user, env: req.appEnvironment, capacity: nil)
        guard let account = try await req.stores.accounts.find(id: sheet.quote.accountID) else {
            throw DomainError.accountNotFound
        }
        let organisation = try await req.organisation()
        let language = QuoteDocument.language(
            requested: req.query[String.self, at: "lang"],
            contacts: try await req.stores.contacts.list(accountId: account.id), country: account.country,
            organisationDefault: organisation.defaultLocale)
        let zone = TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "UTC")!
        let l = req.application.localization.catalogs.localizer(locale: language, timeZone: zone)
        return QuoteDocument.context(
            sheet, account: account, organisation: organisation, language: language, localizer: l,
            forScreen: forScreen, pdfUnavailable: pdfUnavailable)
    }

    /// Renders without the request, so that `#t` speaks the client's language, not the user's.
    static func html(_ context: QuoteDocument.Context, _ req: Request) async throws -> String {
        let view = try await req.application.leaf.renderer.render("quotes/document", context).get()
        return String(buffer: view.data)
    }

    @Sendable static func printPage(req: Request) async throws -> Response {
        let context = try await document(
            req, forScreen: true, pdfUnavailable: req.query[String.self, at: "pdf"] == "unavailable")
        let response = Response(status: .ok, body: .init(string: try await html(context, req)))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func pdfDownload(req: Request) async throws -> Response {
        let renderer = req.application.pdfRenderer
        guard renderer.isAvailable else {
            _ = try await document(req, forScreen: false)  // 404 and 403 come first
            let id = PathParameter(try quoteID(req))
            let lang = req.query[String.self, at: "lang"].map { "&lang=\($0)" } ?? ""
            return req.redirect(to: SiteRoute.quotePrint(id).path + "?pdf=unavailable" + lang)
        }
        return try await pdfResponse(req, renderer: renderer)
    }

    @Sendable static func apiPDF(req: Request) async throws -> Response {
        let renderer = req.application.pdfRenderer
        guard renderer.isAvailable else {
            _ = try await document(req, forScreen: false)  // 404 and 403 come first
            let printPath = SiteRoute.quotePrint(PathParameter(try quoteID(req))).path
            let body = APIErrorBody(
                error: .init(
                    code: "pdf_unavailable",
                    message: req.localizer.t("quote.pdf.unavailable_api", ["path": .text(printPath)]), field: nil,
                    fields: []))
            let response = try await body.encodeResponse(status: .serviceUnavailable, for: req)
            response.headers.replaceOrAdd(name: "Link", value: "<\(printPath)>; rel=\"alternate\"; type=\"text/html\"")
            return response
        }
        return try await pdfResponse(req, renderer: renderer)
    }

    static func pdfResponse(_ req: Request, renderer: PDFRenderer) async throws -> Response {
        var context = try await document(req, forScreen: false)
        let stylesheet = req.application.directory.publicDirectory + SiteRoute.quoteStylesheet.segments.joined()
        context.inlineStyles = (try? String(contentsOfFile: stylesheet, encoding: .utf8)) ?? ""
        let pdf: Data
        do {
            pdf = try await renderer.render(html: try await html(context, req), on: req.application.threadPool)
        } catch let failure as PDFRenderer.Failed {
            req.logger.error("quote PDF failed: \(failure.description)")
            throw Abort(.serviceUnavailable, reason: req.localizer.t("quote.pdf.failed"))
        }
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        // Quote numbers are letters, digits and hyphens: safe in the header as they are.
        let name = "\(context.number)-\(context.shell.lang).pdf"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
