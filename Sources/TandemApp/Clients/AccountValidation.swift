import Foundation
import TandemDomain

/// Turns an `AccountInput` into the column changes it stands for, checking every field at once
/// (`ValidationErrors`, one problem per field, in the order of the form).
struct AccountValidation {
    let stores: Stores

    func changes(from input: AccountInput, to account: Account, errors initial: [DomainError]) async throws
        -> [AccountField]
    {
        var errors = initial
        var changes: [AccountField] = []
        func check(_ make: () throws -> AccountField?) {
            do { if let change = try make() { changes.append(change) } } catch { errors += error.domainErrors }
        }
        func checkAsync(_ make: () async throws -> AccountField?) async {
            do { if let change = try await make() { changes.append(change) } } catch { errors += error.domainErrors }
        }
        check { try input.name.map { .name(try AccountRules.name($0)) } }
        check { try input.legalName.map { .legalName(try AccountRules.limited($0, field: "legalName", max: 200)) } }
        check { try input.vatNumber.map { .vatNumber(try AccountRules.limited($0, field: "vatNumber", max: 40)) } }
        check {
            try input.billingAddress.map {
                .billingAddress(try AccountRules.limited($0, field: "billingAddress", max: 1000))
            }
        }
        check { try input.country.map { .country(try AccountRules.country($0)) } }
        check { try input.website.map { .website(try AccountRules.website($0)) } }
        check { try input.currency.map { .currency(try AccountRules.currency($0)) } }
        check { try input.industry.map { .industry(try AccountRules.limited($0, field: "industry", max: 120)) } }
        check { try input.subjectDomains.map { .subjectDomains(try AccountRules.labels($0, field: "subjectDomains")) } }
        check {
            try input.languagePairs.map { pairs in
                .languagePairs(
                    try pairs.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
                        try AccountRules.languagePair($0)
                    })
            }
        }
        check { try input.tier.map { .tier(try Self.tier($0)) } }
        check { try input.status.map { .status(try Self.status($0)) } }
        if let text = input.ownerId { await checkAsync { .ownerId(try await owner(text)) } }
        if let text = input.partnerPmId { await checkAsync { .partnerPmId(try await partnerPM(text)) } }
        check { try input.tags.map { .tags(try AccountRules.labels($0, field: "tags")) } }
        check { try input.notes.map { .notes(try AccountRules.limited($0, field: "notes", max: 10_000)) } }
        if let text = input.parentId { await checkAsync { .parentId(try await parent(text, of: account.id)) } }
        check {
            try input.paymentTermsDays.map {
                .paymentTermsDays(try Self.optionalDays($0, field: "paymentTermsDays", range: 0...365))
            }
        }
        check { input.purchaseOrderRequired.map { .purchaseOrderRequired($0) } }
        check { try Self.framework(input) }
        check { try input.ndaDate.map { .ndaDate(try Self.day($0, field: "ndaDate")) } }
        check { try Self.review(input, current: account.terms.inCountryReview) }
        var seen = Set<String?>()
        try ValidationErrors.check(errors.filter { seen.insert($0.field).inserted })
        return changes
    }

    static func tier(_ text: String) throws -> Account.Tier? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if trimmed.isEmpty { return nil }
        guard let tier = Account.Tier(rawValue: trimmed) else {
            throw DomainError.invalid("tier", "error.account.tier", ["value": text], fallback: "Choose tier A, B or C.")
        }
        return tier
    }

    static func status(_ text: String) throws -> Account.Status {
        guard let status = Account.Status(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw DomainError.invalid(
                "status", "error.account.status", ["value": text],
                fallback: "Choose prospect, active, dormant or lost.")
        }
        return status
    }

    static func optionalDays(_ text: String, field: String, range: ClosedRange<Int>) throws -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let value = Int(trimmed) else {
            throw DomainError.invalid(
                field, "error.number.out_of_range", ["min": String(range.lowerBound), "max": String(range.upperBound)],
                fallback: "Use a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return try AccountRules.days(value, field: field, range: range)
    }

    static func day(_ text: String, field: String) throws -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        do { return try LocalDate(iso: trimmed) } catch {
            throw DomainError.invalid(
                field, "error.date.invalid", ["input": text, "example": "2026-12-25"],
                fallback: "“\(text)” is not a date in the form 2026-12-25.")
        }
    }

    static func framework(_ input: AccountInput) throws -> AccountField? {
        guard input.frameworkThroughput != nil || input.frameworkLeadTimeDays != nil else { return nil }
        let lines = (input.frameworkThroughput ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let lead = try optionalDays(input.frameworkLeadTimeDays ?? "", field: "framework.leadTimeDays", range: 0...60)
        if lines.isEmpty && lead == nil { return .framework(nil) }
        let throughput = try lines.map { line in
            let parts = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let language = try? LanguageTag(parts[0]), let words = Int(parts[1]) else {
                throw DomainError.invalid(
                    "framework.throughput", "error.framework.throughput", ["value": line],
                    fallback: "“\(line)” is not a target language with words per day, such as fr-FR=2500.")
            }
            return FrameworkAgreement.Throughput(targetLanguage: language, wordsPerDay: words)
        }
        return .framework(
            try AccountRules.framework(FrameworkAgreement(throughput: throughput, leadTimeDays: lead ?? 0)))
    }

    static func review(_ input: AccountInput, current: InCountryReview) throws -> AccountField? {
        guard input.inCountryReviewRequired != nil || input.inCountryReviewDays != nil else { return nil }
        let required = input.inCountryReviewRequired ?? current.isRequired
        guard required else { return .inCountryReview(InCountryReview()) }
        let days =
            try input.inCountryReviewDays.map { try optionalDays($0, field: "inCountryReviewDays", range: 1...60) }
            ?? current.workingDays
        guard let days, days >= 1 else {
            throw DomainError.invalid(
                "inCountryReviewDays", "error.account.review_days",
                fallback: "Say how many working days the review takes.")
        }
        return .inCountryReview(InCountryReview(isRequired: true, workingDays: days))
    }

    /// An active user who sells: a sales rep, a manager or an admin.
    func owner(_ text: String) async throws -> User.ID? {
        try await person(text, field: "ownerId", roles: [.sales, .manager, .admin], key: "error.account.owner")
    }

    /// An active PM.
    func partnerPM(_ text: String) async throws -> User.ID? {
        try await person(text, field: "partnerPmId", roles: [.pm], key: "error.account.partner_pm")
    }

    private func person(_ text: String, field: String, roles: Set<Role>, key: String) async throws -> User.ID? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let id = User.ID(uuidString: trimmed), let user = try await stores.users.find(id: id), user.isActive,
            !user.roles.isDisjoint(with: roles)
        else {
            throw DomainError.invalid(
                field, key, ["value": text], fallback: "Choose an active person with the right role.")
        }
        return id
    }

    /// An existing account that is not this one nor below it.
    func parent(_ text: String, of id: Account.ID) async throws -> Account.ID? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        let invalid = DomainError.invalid(
            "parentId", "error.account.parent", ["value": text],
            fallback: "Choose an existing account that is not this one or one of its subsidiaries.")
        guard let parentID = Account.ID(uuidString: trimmed) else { throw invalid }
        var current: Account.ID? = parentID
        var steps = 0
        while let step = current {
            guard step != id, steps < 50, let account = try await stores.accounts.find(id: step) else { throw invalid }
            current = account.parentId
            steps += 1
        }
        return parentID
    }
}
