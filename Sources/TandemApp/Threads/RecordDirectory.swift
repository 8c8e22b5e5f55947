import Foundation
import TandemDomain

/// What threads, timelines and notifications need to know of a record of any kind.
public struct RecordInfo: Sendable, Hashable {
    public var subject: RecordSubject
    /// How people name it: "Q-2026-0012 · Nordhaven Medical".
    public var label: String
    /// The people who answer for it (sales owner, PM partner, PM), notified of new threads.
    public var owners: [User.ID]

    public init(subject: RecordSubject, label: String, owners: [User.ID]) {
        self.subject = subject
        self.label = label
        self.owners = owners
    }
}

/// Knows one kind of record: finds it, names it, and says who may see it (through `Policy`).
public struct RecordResolver: Sendable {
    public var kind: RecordSubject.Kind
    /// The record, or nil when there is none.
    public var find: @Sendable (_ id: UUID, _ stores: Stores) async throws -> RecordInfo?
    /// Whether `user` may see the record (and so read and write its thread).
    public var canSee: @Sendable (_ user: User, _ record: RecordInfo) -> Bool

    public init(
        kind: RecordSubject.Kind, find: @escaping @Sendable (UUID, Stores) async throws -> RecordInfo?,
        canSee: @escaping @Sendable (User, RecordInfo) -> Bool
    ) {
        self.kind = kind
        self.find = find
        self.canSee = canSee
    }
}

/// Every kind of record that has a thread and a timeline. Features add a resolver for their own
/// kind (`directory.adding(...)`); the core never changes. The web layer gives the page path of
/// each kind, since paths are written only in its route enum.
public struct RecordDirectory: Sendable {
    public private(set) var resolvers: [RecordSubject.Kind: RecordResolver]
    /// The record's page, or nil for a kind without one.
    public var pagePath: @Sendable (RecordSubject) -> String?

    public init(resolvers: [RecordResolver], pagePath: @escaping @Sendable (RecordSubject) -> String? = { _ in nil }) {
        self.resolvers = Dictionary(resolvers.map { ($0.kind, $0) }, uniquingKeysWith: { _, b in b })
        self.pagePath = pagePath
    }

    public func adding(_ resolver: RecordResolver) -> RecordDirectory {
        var copy = self
        copy.resolvers[resolver.kind] = resolver
        return copy
    }

    /// The kinds with a resolver, for error messages and the API document.
    public var kinds: [String] { resolvers.keys.map(\.rawValue).sorted() }

    /// The record, or nil when the kind is unknown or no such record exists.
    public func find(_ subject: RecordSubject, in stores: Stores) async throws -> RecordInfo? {
        guard let resolver = resolvers[subject.kind] else { return nil }
        return try await resolver.find(subject.id, stores)
    }

    public func canSee(_ user: User, _ record: RecordInfo) -> Bool {
        guard user.isActive, let resolver = resolvers[record.subject.kind] else { return false }
        return resolver.canSee(user, record)
    }

    /// The record when `user` may see it; "not found" otherwise, so that a record's existence
    /// is not told to those who may not see it.
    public func visible(_ subject: RecordSubject, to user: User, in stores: Stores) async throws -> RecordInfo {
        guard let record = try await find(subject, in: stores), canSee(user, record) else {
            throw DomainError.recordNotFound
        }
        return record
    }

    /// Accounts, opportunities, quotes, projects, jobs, promises, working groups, ideas and proposals.
    public static func standard(pagePath: @escaping @Sendable (RecordSubject) -> String? = { _ in nil })
        -> RecordDirectory
    {
        RecordDirectory(
            resolvers: [
                StandardRecords.account, StandardRecords.opportunity, StandardRecords.quote,
                StandardRecords.project, ProductionRecords.job, ProductionRecords.promise,
                TogetherRecords.group, TogetherRecords.idea, TogetherRecords.proposal,
            ],
            pagePath: pagePath)
    }
}

/// The resolvers of the records that exist before threads.
public enum StandardRecords {
    public static let account = RecordResolver(
        kind: .account,
        find: { id, stores in
            guard let account = try await stores.accounts.find(id: Account.ID(id)) else { return nil }
            return RecordInfo(
                subject: .account(account.id), label: account.name,
                owners: [account.ownerId, account.partnerPmId].compactMap { $0 })
        },
        canSee: { user, _ in Policy.permits(user, .viewAccounts) })

    public static let opportunity = RecordResolver(
        kind: .opportunity,
        find: { id, stores in
            guard let deal = try await stores.pipeline.opportunities.find(id: Opportunity.ID(id)) else { return nil }
            return RecordInfo(
                subject: .opportunity(id), label: deal.name,
                owners: [deal.ownerID] + [deal.partnerPmID].compactMap { $0 })
        },
        canSee: { user, _ in Policy.permits(user, .viewOpportunities) })

    public static let quote = RecordResolver(
        kind: .quote,
        find: { id, stores in
            guard let quote = try await stores.quoteStores.quotes.find(id: Quote.ID(id)) else { return nil }
            let account = try await stores.accounts.find(id: quote.accountID)
            let deal = try await stores.pipeline.opportunities.find(id: quote.opportunityID)
            let label = [quote.number, account?.name].compactMap { $0 }.joined(separator: " · ")
            return RecordInfo(
                subject: RecordSubject(kind: .quote, id: id), label: label,
                owners: [quote.createdBy] + [deal?.partnerPmID].compactMap { $0 })
        },
        canSee: { user, _ in Policy.permits(user, .viewQuotes) })

    public static let project = RecordResolver(
        kind: .project,
        find: { id, stores in
            guard let project = try await stores.quoteStores.projects.find(id: Project.ID(id)) else { return nil }
            return RecordInfo(
                subject: RecordSubject(kind: .project, id: id), label: project.name,
                owners: [project.salesOwnerID] + [project.pmID].compactMap { $0 })
        },
        canSee: { user, _ in Policy.permits(user, .viewProjects) })
}
