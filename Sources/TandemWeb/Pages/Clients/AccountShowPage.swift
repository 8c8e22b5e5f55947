import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// One account: its details, group, contacts, assets, activities with next steps, and a summary
/// of its brief with its completeness.
enum AccountShowPage {
    struct Fact: Encodable {
        var label: String
        var value: String
        var href: String?
    }
    struct Link: Encodable {
        var name: String
        var href: String
    }
    struct ContactRow: Encodable {
        var name: String
        var href: String
        var jobTitle: String
        var email: String
        var phone: String
        var role: String
        var erased: Bool
    }
    struct AssetRow: Encodable {
        var title: String
        var kind: String
        var languages: String
        var size: String
        var note: String
        var downloadHref: String?
        var uploaded: String
    }
    struct ActivityRow: Encodable {
        var kind: String
        var icon: String
        var when: String
        var author: String
        var text: String
        var nextStep: String
        var due: String?
        var overdue: Bool
        var done: Bool
        var doneAction: String?
    }
    struct BriefSummary: Encodable {
        var exists: Bool
        var complete: Bool
        var version: Int
        var updated: String
        var missing: [String]
        var problems: String
        var objectives: String
        var criteria: [String]
        var quality: String
        var editHref: String
        var historyHref: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var name: String
        var legalName: String
        var status: String
        var statusClass: String
        var tier: String?
        var facts: [Fact]
        var terms: [Fact]
        var parent: Link?
        var children: [Link]
        var tags: [String]
        var notes: String
        var contacts: [ContactRow]
        var assets: [AssetRow]
        var activities: [ActivityRow]
        var brief: BriefSummary
        var canEdit: Bool
        var canLog: Bool
        var canManageAssets: Bool
        var editHref: String
        var contactAction: String
        var activityAction: String
        var assetAction: String
        var backHref = SiteRoute.area(.accounts).path
        var activityKinds: [SelectOption]
        var assetKinds: [SelectOption]
        var buyingRoles: [SelectOption]
        var maxUploadSize = "2 MB"
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
        /// Client-fit guidance (docs/guidance.md).
        var fit: FitPanel? = nil
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let account = try await AccountManagement(req.appEnvironment).account(
            try AccountPages.accountID(req), for: user)
        let stores = req.stores
        let users = Dictionary(uniqueKeysWithValues: try await stores.users.list().map { ($0.id, $0.displayName) })
        let name = { (id: User.ID?) in id.flatMap { users[$0] } ?? "–" }
        let parent = try await account.parentId.asyncMap { try await stores.accounts.find(id: $0) } ?? nil
        let children = try await stores.accounts.children(of: account.id)
        let contacts = try await stores.contacts.list(accountId: account.id)
        let assets = try await stores.clientAssets.list(accountId: account.id)
        let activities = try await stores.activities.list(subject: .account(account.id))
        let brief = try await stores.briefs.latest(of: .account(account.id))
        let today = LocalDate(req.now, in: l.timeZone)
        let canEdit = Policy.permits(user, .editAccount(owner: account.ownerId))
        var context = Context(
            shell: try await req.shell(title: account.name, area: .accounts), name: account.name,
            legalName: account.legalName, status: l.t("accounts.status.\(account.status.rawValue)"),
            statusClass: AccountPages.statusClass(account.status),
            tier: account.tier.map { l.t("accounts.tier.\($0.rawValue)") }, facts: facts(account, l, name),
            terms: terms(account, l), parent: parent.map { Link(name: $0.name, href: SiteRoute.account($0.id).path) },
            children: children.map { Link(name: $0.name, href: SiteRoute.account($0.id).path) }, tags: account.tags,
            notes: account.notes,
            contacts: contacts.map { contactRow($0, l) },
            assets: assets.map { assetRow($0, l) },
            activities: activities.map { activity in
                let mayTick =
                    activity.ownerId == user.id || Policy.permits(user, .editActivity(author: activity.authorId))
                return ActivityRow(
                    kind: l.t("activity.kind.\(activity.kind.rawValue)"), icon: icon(activity.kind),
                    when: l.format(dateTime: activity.occurredAt), author: name(activity.authorId), text: activity.text,
                    nextStep: activity.nextStep, due: activity.nextStepDue.map { day($0, l) },
                    overdue: activity.isOverdue(today: today), done: activity.isDone,
                    doneAction: mayTick && !activity.nextStep.isEmpty
                        ? SiteRoute.activityDone(PathParameter(activity.id)).path : nil)
            },
            brief: briefSummary(brief, account: account, l, name),
            canEdit: canEdit, canLog: Policy.permits(user, .logActivity),
            canManageAssets: canEdit || Policy.permits(user, .writeProductionNotes),
            editHref: SiteRoute.editAccount(PathParameter(account.id)).path,
            contactAction: SiteRoute.accountContacts(PathParameter(account.id)).path,
            activityAction: SiteRoute.accountActivities(PathParameter(account.id)).path,
            assetAction: SiteRoute.accountAssets(PathParameter(account.id)).path,
            activityKinds: Activity.Kind.allCases.map {
                SelectOption(value: $0.rawValue, label: l.t("activity.kind.\($0.rawValue)"), selected: $0 == .call)
            },
            assetKinds: ClientAsset.Kind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("asset.kind.\($0.rawValue)"), selected: $0 == .translationMemory)
            },
            buyingRoles: [SelectOption(value: "", label: l.t("accounts.none"), selected: true)]
                + Contact.BuyingRole.allCases.map {
                    SelectOption(value: $0.rawValue, label: l.t("contact.role.\($0.rawValue)"), selected: false)
                })
        context.thread = await ThreadPanel.forPage(.account(account.id), req: req)
        context.fit = await FitPanel.forAccount(account.id, req: req)
        return try await req.renderPage("accounts/show", context)
    }

    static func day(_ day: LocalDate, _ l: Localizer) -> String {
        CalendarDate(year: day.year, month: day.month, day: day.day).map { l.formatDate($0) } ?? day.description
    }

    static func icon(_ kind: Activity.Kind) -> String {
        switch kind {
        case .call: return "☎"
        case .meeting: return "◎"
        case .email: return "✉"
        case .note: return "✎"
        }
    }

    static func facts(_ account: Account, _ l: Localizer, _ name: (User.ID?) -> String) -> [Fact] {
        var facts = [
            Fact(label: l.t("accounts.field.owner"), value: name(account.ownerId)),
            Fact(label: l.t("accounts.field.partner_pm"), value: name(account.partnerPmId)),
            Fact(label: l.t("accounts.field.industry"), value: account.industry.isEmpty ? "–" : account.industry),
            Fact(label: l.t("accounts.field.country"), value: account.country.isEmpty ? "–" : account.country),
            Fact(label: l.t("accounts.field.currency"), value: account.currency.code),
            Fact(
                label: l.t("accounts.field.subject_domains"),
                value: account.subjectDomains.isEmpty ? "–" : account.subjectDomains.joined(separator: ", ")),
            Fact(
                label: l.t("accounts.field.language_pairs"),
                value: account.languagePairs.isEmpty
                    ? "–" : account.languagePairs.map(\.description).joined(separator: ", ")),
            Fact(label: l.t("accounts.field.vat_number"), value: account.vatNumber.isEmpty ? "–" : account.vatNumber),
            Fact(
                label: l.t("accounts.field.billing_address"),
                value: account.billingAddress.isEmpty ? "–" : account.billingAddress),
        ]
        if !account.website.isEmpty {
            facts.insert(
                Fact(label: l.t("accounts.field.website"), value: account.website, href: account.website), at: 2)
        }
        return facts
    }

    static func terms(_ account: Account, _ l: Localizer) -> [Fact] {
        let terms = account.terms
        let framework = terms.framework.map { agreement in
            l.t(
                "accounts.framework.summary",
                [
                    "throughput": agreement.throughput.map { "\($0.targetLanguage) \(l.format($0.wordsPerDay))" }
                        .joined(separator: ", "), "lead": String(agreement.leadTimeDays),
                ])
        }
        return [
            Fact(
                label: l.t("accounts.field.payment_terms"),
                value: terms.paymentTermsDays.map { l.plural("accounts.days", count: $0) } ?? "–"),
            Fact(
                label: l.t("accounts.field.po_required"),
                value: l.t(terms.purchaseOrderRequired ? "common.yes" : "common.no")),
            Fact(label: l.t("accounts.field.framework"), value: framework ?? l.t("accounts.framework.none")),
            Fact(label: l.t("accounts.field.nda_date"), value: terms.ndaDate.map { day($0, l) } ?? "–"),
            Fact(
                label: l.t("accounts.field.in_country_review"),
                value: terms.inCountryReview.isRequired
                    ? l.plural("accounts.review.days", count: terms.inCountryReview.workingDays) : l.t("common.no")),
        ]
    }

    static func contactRow(_ contact: Contact, _ l: Localizer) -> ContactRow {
        ContactRow(
            name: contact.isErased ? l.t("contact.erased_name") : contact.name,
            href: SiteRoute.contact(contact.id).path, jobTitle: contact.jobTitle, email: contact.email,
            phone: contact.phone, role: contact.buyingRole.map { l.t("contact.role.\($0.rawValue)") } ?? "",
            erased: contact.isErased)
    }

    static func assetRow(_ asset: ClientAsset, _ l: Localizer) -> AssetRow {
        AssetRow(
            title: asset.title, kind: l.t("asset.kind.\(asset.kind.rawValue)"),
            languages: asset.languages.map(\.description).joined(separator: ", "),
            size: asset.hasFile ? l.t("asset.size.kb", ["size": l.format(max(1, (asset.size + 1023) / 1024))]) : "",
            note: asset.note, downloadHref: asset.hasFile ? SiteRoute.asset(PathParameter(asset.id)).path : nil,
            uploaded: l.format(date: asset.uploadedAt))
    }

    static func briefSummary(
        _ brief: BriefVersion?, account: Account, _ l: Localizer, _ name: (User.ID?) -> String
    ) -> BriefSummary {
        let content = brief?.content ?? ClientBrief()
        return BriefSummary(
            exists: brief != nil, complete: content.isComplete, version: brief?.number ?? 0,
            updated: brief.map {
                l.t("brief.updated", ["when": l.format(dateTime: $0.createdAt), "who": name($0.authorId)])
            } ?? "",
            missing: content.missingParts.map { l.t("brief.part.\($0.rawValue)") },
            problems: content.problems ?? "", objectives: content.objectives ?? "",
            criteria: (content.buyingCriteria ?? []).map { "\($0.name) — \($0.weight) %" },
            quality: content.qualityExpectations ?? "",
            editHref: SiteRoute.accountBrief(PathParameter(account.id)).path,
            historyHref: SiteRoute.accountBriefHistory(PathParameter(account.id)).path)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
