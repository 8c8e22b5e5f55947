import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// What the client receives: the print-ready quote (and its PDF) in the client's language, with
/// the organisation's details, the client, the number, lines per option, totals, validity,
/// terms and delivery dates. Rendered without the request's language (`#t` reads `shell.lang`).
enum QuoteDocument {
    struct Shell: Encodable {
        var lang: String
        var title: String
    }
    struct Line: Encodable {
        var description: String
        var detail: String
        var quantity: String
        var unitPrice: String
        var price: String
    }
    struct Option: Encodable {
        var name: String?
        var lines: [Line]
        var total: String
    }
    struct Amount: Encodable {
        var labelKey: String
        var value: String
    }
    struct Delivery: Encodable {
        var language: String
        var date: String
    }
    struct Context: Encodable {
        var shell: Shell
        var organisation: String
        var number: String
        var version: Int
        var issued: String
        var validUntil: String
        var client: String
        var clientDetails: [String]
        var languages: String
        var services: String
        var options: [Option]
        var hasOptions: Bool
        var amounts: [Amount]
        var total: String
        var deliveries: [Delivery]
        var paymentTerms: String
        var purchaseOrderNote: String?
        /// The screen version has a print button and a link back; the PDF has neither.
        var forScreen: Bool
        var backHref: String?
        var pdfHref: String?
        /// Shown on screen when a PDF was asked for but no renderer is installed.
        var pdfUnavailable: Bool
        var otherLanguageHref: String?
        var otherLanguageName: String?
        var stylesheetHref = SiteRoute.quoteStylesheet.path
        var scriptHref = SiteRoute.script.path
        /// The stylesheet's text, inlined for the PDF (the renderer fetches nothing).
        var inlineStyles = ""
    }

    /// English or French: `requested` when given, else a contact's preferred language, else the
    /// client's country, else the organisation's default.
    static func language(
        requested: String?, contacts: [Contact], country: String, organisationDefault: String
    ) -> String {
        let supported = ["en", "fr"]
        if let requested, supported.contains(requested) { return requested }
        for contact in contacts where contact.erasedAt == nil {
            if let language = contact.preferredLanguage?.language, supported.contains(language) { return language }
        }
        let french: Set<String> = ["FR", "BE", "LU", "MC", "CH", "SN", "CI", "MA", "TN", "DZ"]
        if french.contains(country.uppercased()) { return "fr" }
        return supported.contains(organisationDefault) ? organisationDefault : "en"
    }

    static func languageName(_ tag: LanguageTag, in l: Localizer) -> String {
        let name = Locale(identifier: l.locale).localizedString(forLanguageCode: tag.language) ?? tag.description
        let capitalised = name.prefix(1).uppercased() + name.dropFirst()
        return tag.subtags.count > 1 ? "\(capitalised) (\(tag.description))" : capitalised
    }

    static func serviceName(_ service: String, in l: Localizer) -> String {
        let key = "service.\(service)"
        return l.has(key) ? l.t(key) : service
    }

    static func line(_ line: QuoteLine, in l: Localizer) -> Line {
        let target = line.targetLanguage.map { languageName($0, in: l) }
        let description: String
        switch line.kind {
        case .analysed:
            description = [target, serviceName(line.service, in: l)].compactMap { $0 }.joined(separator: " · ")
        case .manual, .discount:
            description = [line.description.isEmpty ? line.service : line.description, target].compactMap { $0 }
                .joined(separator: " · ")
        }
        let quantity = line.kind == .analysed ? line.weightedWords : line.quantity
        let unitKey = "quote.unit.\(line.unit)"
        return Line(
            description: description,
            detail: line.kind == .analysed ? l.t("quote.document.weighted_words_detail") : "",
            quantity: "\(l.format(quantity, maximumFractionDigits: 2)) \(l.has(unitKey) ? l.t(unitKey) : line.unit)",
            unitPrice: l.format(line.unitPrice), price: l.format(line.price))
    }

    static func context(
        _ sheet: QuoteSheet, account: Account, organisation: OrganisationSettings, language: String,
        localizer l: Localizer, forScreen: Bool, pdfUnavailable: Bool = false
    ) -> Context {
        let version = sheet.version
        let quoteID = PathParameter(sheet.quote.id)
        var options: [Option] = []
        if version.options.isEmpty {
            let lines = version.lines
            options = [Option(name: nil, lines: lines.map { line($0, in: l) }, total: l.format(version.totals.total))]
        } else {
            for option in version.options {
                let lines = version.lines(of: option.id)
                let sum = lines.reduce(Money.zero(sheet.quote.currency)) { (try? $0 + $1.price) ?? $0 }
                options.append(Option(name: option.name, lines: lines.map { line($0, in: l) }, total: l.format(sum)))
            }
        }
        var amounts: [Amount] = []
        let totals = version.totals
        if let minimum = totals.minimumApplied, minimum.amount != 0 {
            amounts.append(Amount(labelKey: "quote.total.minimum", value: l.format(minimum)))
        }
        if let rush = totals.rushSurcharge, rush.amount != 0 {
            amounts.append(Amount(labelKey: "quote.total.rush", value: l.format(rush)))
        }
        if let fee = totals.pmFee, fee.amount != 0 {
            amounts.append(Amount(labelKey: "quote.total.pm_fee", value: l.format(fee)))
        }
        var details: [String] = []
        if !account.legalName.isEmpty, account.legalName != account.name { details.append(account.legalName) }
        details += account.billingAddress.split(separator: "\n").map(String.init)
        if !account.vatNumber.isEmpty {
            details.append(l.t("quote.document.vat", ["number": .text(account.vatNumber)]))
        }
        let other = language == "fr" ? "en" : "fr"
        return Context(
            shell: Shell(lang: language, title: l.t("quote.document.title", ["number": .text(sheet.quote.number)])),
            organisation: organisation.name, number: sheet.quote.number, version: version.number,
            issued: l.formatDate(version.sentAt ?? version.createdAt),
            validUntil: AccountShowPage.day(sheet.quote.validUntil, l), client: account.name, clientDetails: details,
            languages: "\(languageName(version.sourceLanguage, in: l)) → "
                + version.targets.map { languageName($0.language, in: l) }.joined(separator: ", "),
            services: version.services.map { serviceName($0.rawValue, in: l) }.joined(separator: ", "),
            options: options, hasOptions: !version.options.isEmpty, amounts: amounts,
            total: l.format(totals.total),
            deliveries: version.targets.map {
                Delivery(language: languageName($0.language, in: l), date: l.formatDate($0.delivery))
            },
            paymentTerms: account.terms.paymentTermsDays.map {
                l.t("quote.document.payment_days", ["count": .integer($0)])
            } ?? l.t("quote.document.payment_default"),
            purchaseOrderNote: account.terms.purchaseOrderRequired ? l.t("quote.document.po_required") : nil,
            forScreen: forScreen,
            backHref: forScreen ? SiteRoute.quote(quoteID).path : nil,
            pdfHref: forScreen ? SiteRoute.quotePDF(quoteID).path + "?lang=\(language)" : nil,
            pdfUnavailable: pdfUnavailable,
            otherLanguageHref: forScreen ? SiteRoute.quotePrint(quoteID).path + "?lang=\(other)" : nil,
            otherLanguageName: forScreen ? l.t("quote.document.language.\(other)") : nil)
    }
}
