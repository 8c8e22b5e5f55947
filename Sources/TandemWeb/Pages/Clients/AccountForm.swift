import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The account form as posted, and as shown again (with what the user typed) after an error.
struct AccountForm: Content {
    var name: String?
    var legalName: String?
    var vatNumber: String?
    var billingAddress: String?
    var country: String?
    var website: String?
    var currency: String?
    var industry: String?
    /// Comma-separated.
    var subjectDomains: String?
    /// "en>fr-FR", separated by commas or lines.
    var languagePairs: String?
    var tier: String?
    var status: String?
    var ownerId: String?
    var partnerPmId: String?
    var tags: String?
    var notes: String?
    var parentId: String?
    var paymentTermsDays: String?
    var purchaseOrderRequired: String?
    /// "fr-FR=2500" per line.
    var frameworkThroughput: String?
    var frameworkLeadTimeDays: String?
    var ndaDate: String?
    var inCountryReviewRequired: String?
    var inCountryReviewDays: String?
    var version: String?
    var confirmDuplicate: String?
    /// The client's IANA zone, where promised days are judged (empty: the organisation's; docs/ledger.md).
    var timeZone: String?

    init(_ account: Account) {
        name = account.name
        legalName = account.legalName
        vatNumber = account.vatNumber
        billingAddress = account.billingAddress
        country = account.country
        website = account.website
        currency = account.currency.code
        industry = account.industry
        subjectDomains = account.subjectDomains.joined(separator: ", ")
        languagePairs = account.languagePairs.map { "\($0.source)>\($0.target)" }.joined(separator: ", ")
        tier = account.tier?.rawValue ?? ""
        status = account.status.rawValue
        ownerId = account.ownerId?.description ?? ""
        partnerPmId = account.partnerPmId?.description ?? ""
        tags = account.tags.joined(separator: ", ")
        notes = account.notes
        parentId = account.parentId?.description ?? ""
        paymentTermsDays = account.terms.paymentTermsDays.map(String.init) ?? ""
        purchaseOrderRequired = account.terms.purchaseOrderRequired ? "on" : nil
        frameworkThroughput =
            account.terms.framework?.throughput.map { "\($0.targetLanguage)=\($0.wordsPerDay)" }
            .joined(separator: "\n") ?? ""
        frameworkLeadTimeDays = account.terms.framework.map { String($0.leadTimeDays) } ?? ""
        ndaDate = account.terms.ndaDate?.description ?? ""
        inCountryReviewRequired = account.terms.inCountryReview.isRequired ? "on" : nil
        let days = account.terms.inCountryReview.workingDays
        inCountryReviewDays = days > 0 ? String(days) : ""
        version = String(account.version)
    }

    /// A blank form for a new account: the organisation's currency, owned by its creator if they sell.
    init(currency base: CurrencyCode, owner: User) {
        currency = base.code
        status = Account.Status.prospect.rawValue
        ownerId = owner.has(.sales) ? owner.id.description : ""
    }

    /// The fields posted; a field left out stays as it is, except the tick boxes: the page always
    /// posts the whole form, where an unticked box is simply absent and means "no".
    var input: AccountInput {
        var input = AccountInput()
        func list(_ text: String?) -> [String]? {
            text?.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        input.name = name
        input.legalName = legalName
        input.vatNumber = vatNumber
        input.billingAddress = billingAddress
        input.country = country
        input.website = website
        input.currency = currency
        input.industry = industry
        input.subjectDomains = list(subjectDomains)
        input.languagePairs = list(languagePairs)
        input.tier = tier
        input.status = status
        input.ownerId = ownerId
        input.partnerPmId = partnerPmId
        input.tags = list(tags)
        input.notes = notes
        input.parentId = parentId
        input.paymentTermsDays = paymentTermsDays
        input.purchaseOrderRequired = purchaseOrderRequired != nil
        input.frameworkThroughput = list(frameworkThroughput)
        input.frameworkLeadTimeDays = frameworkLeadTimeDays
        input.ndaDate = ndaDate
        input.inCountryReviewRequired = inCountryReviewRequired != nil
        input.inCountryReviewDays = inCountryReviewDays
        return input
    }
}

/// The choices of the account form's select boxes.
struct AccountChoices: Encodable {
    var owners: [SelectOption]
    var pms: [SelectOption]
    var parents: [SelectOption]
    var tiers: [SelectOption]
    var statuses: [SelectOption]

    static func make(_ req: Request, form: AccountForm, excluding id: Account.ID?) async throws -> AccountChoices {
        let l = req.localizer
        let users = try await req.stores.users.list().filter(\.isActive)
        let none = SelectOption(value: "", label: l.t("accounts.none"), selected: false)
        func options(_ people: [User], selected: String?) -> [SelectOption] {
            [none]
                + people.map {
                    SelectOption(
                        value: $0.id.description, label: $0.displayName, selected: $0.id.description == selected)
                }
        }
        let parents = try await req.stores.accounts.summaries().filter { $0.id != id }
            .sorted { TextFolding.sortKey($0.name) < TextFolding.sortKey($1.name) }
            .map {
                SelectOption(value: $0.id.description, label: $0.name, selected: $0.id.description == form.parentId)
            }
        return AccountChoices(
            owners: options(
                users.filter { !$0.roles.isDisjoint(with: [.sales, .manager, .admin]) }, selected: form.ownerId),
            pms: options(users.filter { $0.has(.pm) }, selected: form.partnerPmId),
            parents: [none] + parents,
            tiers: [SelectOption(value: "", label: l.t("accounts.tier.none"), selected: (form.tier ?? "").isEmpty)]
                + Account.Tier.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: l.t("accounts.tier.\($0.rawValue)"),
                        selected: $0.rawValue == form.tier)
                },
            statuses: Account.Status.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("accounts.status.\($0.rawValue)"),
                    selected: $0.rawValue == form.status)
            })
    }
}
