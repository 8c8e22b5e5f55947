import Foundation
import TandemDomain

/// The client brief of an account or an opportunity. Every change stores a new version (who,
/// when, the whole content); the sales side changes the client's statements, PMs the production
/// notes (`Policy`). An opportunity's brief overrides parts of its account's.
public struct ClientBriefs: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// The brief a user sees: the account's (or the opportunity's own parts), with its version.
    public func latest(of subject: RecordSubject, for user: User) async throws -> BriefVersion? {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        return try await env.stores.briefs.latest(of: subject)
    }

    /// Every version, oldest first.
    public func versions(of subject: RecordSubject, for user: User) async throws -> [BriefVersion] {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        return try await env.stores.briefs.versions(of: subject)
    }

    /// Part-by-part differences between two versions of the subject's brief (version 0 is empty).
    public func diff(of subject: RecordSubject, from old: Int, to new: Int, for user: User) async throws -> BriefDiff {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        func content(_ number: Int) async throws -> ClientBrief {
            if number == 0 { return ClientBrief() }
            guard let version = try await env.stores.briefs.version(number, of: subject) else {
                throw DomainError.notFound(
                    entityKey: "entity.brief_version", fallback: "The brief version was not found.")
            }
            return version.content
        }
        return BriefDiff(from: try await content(old), to: try await content(new))
    }

    /// Stores `content` as the subject's new brief. `owner` is the owner of the record (the
    /// account's or the opportunity's sales rep): only they, managers and admins change the
    /// client's statements; PMs, managers and admins the production notes. With
    /// `expectedVersion` (the number read; 0 for none yet), a brief saved meanwhile is a conflict.
    /// Saving an unchanged brief stores nothing and answers the current version.
    public func save(
        _ content: ClientBrief, on subject: RecordSubject, owner: User.ID?, expectedVersion: Int?, by user: User
    ) async throws -> BriefVersion {
        let cleaned = try Self.validated(content, keepsEmptyParts: subject.kind != .account)
        let now = env.now
        return try await env.stores.transaction { stores in
            let previous = try await stores.briefs.latest(of: subject)
            let current = previous?.number ?? 0
            if let expectedVersion, expectedVersion != current { throw DomainError.staleVersion(current: current) }
            let changed = cleaned.changedParts(from: previous?.content ?? ClientBrief())
            if changed.contains(where: \.isStatement), !Policy.permits(user, .editBriefStatements(owner: owner)) {
                throw DomainError.forbidden(
                    key: "error.brief.statements_forbidden",
                    fallback: "Only the account's sales rep, managers and admins change the client's statements.")
            }
            if changed.contains(.productionNotes), !Policy.permits(user, .writeProductionNotes) {
                throw DomainError.forbidden(
                    key: "error.brief.notes_forbidden",
                    fallback: "Only PMs, managers and admins write production notes.")
            }
            if let previous, changed.isEmpty { return previous }
            let version = BriefVersion(
                subject: subject, number: current + 1, content: cleaned, authorId: user.id, createdAt: now)
            try await stores.briefs.append(version)
            return version
        }
    }

    /// Changes the production notes only, keeping every statement as it is.
    public func saveProductionNotes(
        _ notes: String, on subject: RecordSubject, owner: User.ID?, expectedVersion: Int?, by user: User
    ) async throws -> BriefVersion {
        var content = try await env.stores.briefs.latest(of: subject)?.content ?? ClientBrief()
        content.productionNotes = notes
        return try await save(content, on: subject, owner: owner, expectedVersion: expectedVersion, by: user)
    }

    /// The account's brief, owned by the account's sales rep.
    public func saveAccountBrief(
        _ content: ClientBrief, of id: Account.ID, expectedVersion: Int?, by user: User
    ) async throws -> BriefVersion {
        guard let account = try await env.stores.accounts.find(id: id) else { throw DomainError.accountNotFound }
        return try await save(
            content, on: .account(id), owner: account.ownerId, expectedVersion: expectedVersion, by: user)
    }

    /// An opportunity's brief as PMs read it: the account's brief with the parts the opportunity
    /// overrides, and which parts those are.
    public struct EffectiveBrief: Sendable, Equatable {
        public var content: ClientBrief
        public var overriddenParts: [ClientBrief.Part]
        public var accountVersion: Int?
        public var opportunityVersion: Int?
        public var isComplete: Bool { content.isComplete }
    }

    public func effectiveBrief(opportunity: UUID, account: Account.ID) async throws -> EffectiveBrief {
        let base = try await env.stores.briefs.latest(of: .account(account))
        let own = try await env.stores.briefs.latest(of: .opportunity(opportunity))
        let overrides = own?.content ?? ClientBrief()
        return EffectiveBrief(
            content: ClientBrief.effective(account: base?.content ?? ClientBrief(), overrides: overrides),
            overriddenParts: ClientBrief.Part.allCases.filter { overrides.text(of: $0) != nil },
            accountVersion: base?.number, opportunityVersion: own?.number)
    }

    /// Texts trimmed and limited; criteria named, weighted 1–100 %, 20 at most. On an account an
    /// empty part is no part (nil); on an opportunity nil means "as the account's".
    static func validated(_ content: ClientBrief, keepsEmptyParts: Bool) throws -> ClientBrief {
        var result = content
        var errors: [DomainError] = []
        for part in ClientBrief.Part.allCases where part != .buyingCriteria {
            guard let text = content.text(of: part) else { continue }
            do {
                let trimmed = try AccountRules.limited(text, field: part.rawValue, max: 10_000)
                var single = ClientBrief()
                Self.set(part, to: trimmed.isEmpty && !keepsEmptyParts ? nil : trimmed, in: &single)
                result.copy(part, from: single)
            } catch { errors += error.domainErrors }
        }
        if let criteria = content.buyingCriteria {
            var cleaned: [ClientBrief.BuyingCriterion] = []
            for (index, criterion) in criteria.enumerated() {
                let name = criterion.name.trimmingCharacters(in: .whitespacesAndNewlines)
                if name.isEmpty || name.count > 200 {
                    errors.append(
                        .invalid(
                            "buyingCriteria.\(index).name", "error.brief.criterion_name",
                            fallback: "Name each buying criterion (200 characters at most)."))
                } else if !(1...100).contains(criterion.weight) {
                    errors.append(
                        .invalid(
                            "buyingCriteria.\(index).weight", "error.number.out_of_range", ["min": "1", "max": "100"],
                            fallback: "Use a whole number from 1 to 100."))
                }
                cleaned.append(.init(name: name, weight: criterion.weight))
            }
            if cleaned.count > 20 {
                errors.append(
                    .invalid(
                        "buyingCriteria", "error.labels.too_many", ["max": "20"], fallback: "Use at most 20 entries."))
            }
            result.buyingCriteria = cleaned.isEmpty && !keepsEmptyParts ? nil : cleaned
        }
        try ValidationErrors.check(errors)
        return result
    }

    static func set(_ part: ClientBrief.Part, to text: String?, in brief: inout ClientBrief) {
        switch part {
        case .problems: brief.problems = text
        case .objectives: brief.objectives = text
        case .buyingCriteria: break
        case .stakeholders: brief.stakeholders = text
        case .audience: brief.audience = text
        case .qualityExpectations: brief.qualityExpectations = text
        case .styleAndTerminology: brief.styleAndTerminology = text
        case .fileFormatsAndTools: brief.fileFormatsAndTools = text
        case .risks: brief.risks = text
        case .priceAndTurnaround: brief.priceAndTurnaround = text
        case .productionNotes: brief.productionNotes = text
        }
    }
}
