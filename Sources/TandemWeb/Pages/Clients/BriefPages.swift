import Foundation
import TandemApp
import TandemDomain
import Vapor

/// An account's client brief: the edit page (statements for the sales side, production notes
/// for PMs) and the history of its versions with the differences between two.
enum BriefPages {
    struct Part: Encodable {
        var name: String
        var labelKey: String
        var hintKey: String
        var value: String
        var editable: Bool
        var required: Bool
        var error: String?
    }
    struct FormContext: Encodable {
        var shell: PageShell
        var accountName: String
        var accountHref: String
        var historyHref: String
        var action: String
        var version: Int
        var parts: [Part]
        var complete: Bool
        var errors: FormErrors
    }
    struct DiffLine: Encodable {
        var kind: String
        var sign: String
        var text: String
    }
    struct DiffPart: Encodable {
        var labelKey: String
        var lines: [DiffLine]
    }
    struct VersionRow: Encodable {
        var number: Int
        var author: String
        var when: String
        var complete: Bool
        var changed: String
        var compareHref: String?
    }
    struct HistoryContext: Encodable {
        var shell: PageShell
        var accountName: String
        var accountHref: String
        var editHref: String
        var versions: [VersionRow]
        var from: Int
        var to: Int
        var diff: [DiffPart]
        var options: [SelectOption]
        var optionsTo: [SelectOption]
        var action: String
    }
    struct BriefForm: Content {
        var version: String?
        var problems: String?
        var objectives: String?
        var buyingCriteria: String?
        var stakeholders: String?
        var audience: String?
        var qualityExpectations: String?
        var styleAndTerminology: String?
        var fileFormatsAndTools: String?
        var risks: String?
        var priceAndTurnaround: String?
        var productionNotes: String?

        func text(_ part: ClientBrief.Part) -> String? {
            switch part {
            case .problems: return problems
            case .objectives: return objectives
            case .buyingCriteria: return buyingCriteria
            case .stakeholders: return stakeholders
            case .audience: return audience
            case .qualityExpectations: return qualityExpectations
            case .styleAndTerminology: return styleAndTerminology
            case .fileFormatsAndTools: return fileFormatsAndTools
            case .risks: return risks
            case .priceAndTurnaround: return priceAndTurnaround
            case .productionNotes: return productionNotes
            }
        }
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.accountBrief(":id"), use: editPage)
        routes.post(.accountBrief(":id"), use: save)
        routes.get(.accountBriefHistory(":id"), use: history)
    }

    /// "Quality = 50" per line, most important first.
    static func criteriaText(_ criteria: [ClientBrief.BuyingCriterion]?) -> String {
        (criteria ?? []).map { "\($0.name) = \($0.weight)" }.joined(separator: "\n")
    }

    /// Reads "Name = weight" lines; a line without a readable weight keeps weight 0 (refused
    /// by the use case, naming the line).
    static func criteria(_ text: String) -> [ClientBrief.BuyingCriterion] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { line in
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let weight =
                    parts.count == 2
                    ? Int(parts[1].replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)) : nil
                return .init(name: parts[0], weight: weight ?? 0)
            }
    }

    static func permissions(_ user: User, _ account: Account) -> (statements: Bool, notes: Bool) {
        (
            Policy.permits(user, .editBriefStatements(owner: account.ownerId)),
            Policy.permits(user, .writeProductionNotes)
        )
    }

    @Sendable static func editPage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let account = try await AccountManagement(req.appEnvironment).account(
            try AccountPages.accountID(req), for: user)
        let may = permissions(user, account)
        guard may.statements || may.notes else { throw NotPermitted() }
        let latest = try await req.stores.briefs.latest(of: .account(account.id))
        let content = latest?.content ?? ClientBrief()
        var values: [ClientBrief.Part: String] = [:]
        for part in ClientBrief.Part.allCases {
            values[part] = part == .buyingCriteria ? criteriaText(content.buyingCriteria) : content.text(of: part) ?? ""
        }
        return try await render(
            req, account, version: latest?.number ?? 0, values: values, may: may, errors: FormErrors(),
            complete: content.isComplete)
    }

    static func render(
        _ req: Request, _ account: Account, version: Int, values: [ClientBrief.Part: String],
        may: (statements: Bool, notes: Bool), errors: FormErrors, complete: Bool
    ) async throws -> Response {
        let parts = ClientBrief.Part.allCases.map { part in
            Part(
                name: part.rawValue, labelKey: "brief.part.\(part.rawValue)", hintKey: "brief.hint.\(part.rawValue)",
                value: values[part] ?? "", editable: part.isStatement ? may.statements : may.notes,
                required: ClientBrief.Part.required.contains(part),
                error: errors.messages.first { $0.key == part.rawValue || $0.key.hasPrefix(part.rawValue + ".") }?.value
            )
        }
        let context = FormContext(
            shell: try await req.shell(
                title: req.localizer.t("brief.edit.title", ["name": account.name]), area: .accounts),
            accountName: account.name, accountHref: SiteRoute.account(account.id).path,
            historyHref: SiteRoute.accountBriefHistory(PathParameter(account.id)).path,
            action: SiteRoute.accountBrief(PathParameter(account.id)).path, version: version, parts: parts,
            complete: complete, errors: errors)
        return try await req.renderPage(
            "accounts/brief-form", context, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let account = try await AccountManagement(req.appEnvironment).account(
            try AccountPages.accountID(req), for: user)
        let may = permissions(user, account)
        guard may.statements || may.notes else { throw NotPermitted() }
        let form = try req.content.decode(BriefForm.self)
        let latest = try await req.stores.briefs.latest(of: .account(account.id))
        // Parts the user may not change are kept as stored, whatever the form says.
        var content = latest?.content ?? ClientBrief()
        for part in ClientBrief.Part.allCases where (part.isStatement ? may.statements : may.notes) {
            var single = ClientBrief()
            if part == .buyingCriteria {
                single.buyingCriteria = criteria(form.buyingCriteria ?? "")
            } else {
                ClientBriefs.setText(part, to: form.text(part) ?? "", in: &single)
            }
            content.copy(part, from: single)
        }
        let expected = form.version.flatMap { Int($0) }
        do {
            _ = try await ClientBriefs(req.appEnvironment).saveAccountBrief(
                content, of: account.id, expectedVersion: expected, by: user)
            let response = req.redirect(to: SiteRoute.account(account.id).path)
            req.setFlash(response, "brief.saved")
            return response
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            var values: [ClientBrief.Part: String] = [:]
            for part in ClientBrief.Part.allCases { values[part] = form.text(part) ?? "" }
            return try await render(
                req, account, version: expected ?? 0, values: values, may: may, errors: errors,
                complete: content.isComplete)
        }
    }

    @Sendable static func history(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let account = try await AccountManagement(req.appEnvironment).account(
            try AccountPages.accountID(req), for: user)
        let briefs = ClientBriefs(req.appEnvironment)
        let versions = try await briefs.versions(of: .account(account.id), for: user)
        let latest = versions.last?.number ?? 0
        let to = min(max(req.query[Int.self, at: "to"] ?? latest, 0), latest)
        let from = min(max(req.query[Int.self, at: "from"] ?? to - 1, 0), latest)
        let diff =
            latest == 0
            ? BriefDiff(from: ClientBrief(), to: ClientBrief())
            : try await briefs.diff(of: .account(account.id), from: from, to: to, for: user)
        let names = Dictionary(uniqueKeysWithValues: try await req.stores.users.list().map { ($0.id, $0.displayName) })
        let path = SiteRoute.accountBriefHistory(PathParameter(account.id)).path
        var previous = ClientBrief()
        var rows: [VersionRow] = []
        for version in versions {
            let changed = version.content.changedParts(from: previous).map { l.t("brief.part.\($0.rawValue)") }
            rows.append(
                VersionRow(
                    number: version.number, author: names[version.authorId] ?? "–",
                    when: l.format(dateTime: version.createdAt), complete: version.content.isComplete,
                    changed: changed.joined(separator: ", "),
                    compareHref: "\(path)?from=\(version.number - 1)&to=\(version.number)"))
            previous = version.content
        }
        let numbers = [0] + versions.map(\.number)
        func options(_ selected: Int) -> [SelectOption] {
            numbers.map {
                SelectOption(
                    value: String($0),
                    label: $0 == 0 ? l.t("brief.version.empty") : l.t("brief.version.number", ["number": String($0)]),
                    selected: $0 == selected)
            }
        }
        let context = HistoryContext(
            shell: try await req.shell(title: l.t("brief.history.title", ["name": account.name]), area: .accounts),
            accountName: account.name, accountHref: SiteRoute.account(account.id).path,
            editHref: SiteRoute.accountBrief(PathParameter(account.id)).path, versions: rows.reversed(), from: from,
            to: to,
            diff: diff.changes.map { change in
                DiffPart(
                    labelKey: "brief.part.\(change.part.rawValue)",
                    lines: change.lines.map {
                        switch $0 {
                        case .same(let text): return DiffLine(kind: "same", sign: " ", text: text)
                        case .added(let text): return DiffLine(kind: "added", sign: "+", text: text)
                        case .removed(let text): return DiffLine(kind: "removed", sign: "−", text: text)
                        }
                    })
            }, options: options(from), optionsTo: options(to), action: path)
        return try await req.renderPage("accounts/brief-history", context)
    }
}
