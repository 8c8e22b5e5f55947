import Foundation

/// Storage interfaces. The live implementations are in TandemPersistence (Fluent on SQLite or
/// PostgreSQL); the web layer and the engines only see these protocols.
public protocol UserStore: Sendable {
    func count() async throws -> Int
    /// Throws `DomainError.conflict` when the e-mail address is taken.
    func create(_ new: NewUser, id: User.ID, at: Date) async throws -> User
    func find(id: User.ID) async throws -> User?
    func find(email: EmailAddress) async throws -> User?
    func passwordHash(of id: User.ID) async throws -> String?
    func list() async throws -> [User]
    // Each write names the columns it changes, so that a slow request cannot restore what
    // another one changed; there is deliberately no whole-row update.
    /// Name, e-mail address and roles, as an admin edits them. Throws `.conflict` for a taken address.
    func updateAccount(_ id: User.ID, displayName: String, email: EmailAddress, roles: Set<Role>, at: Date)
        async throws
    func setActive(_ id: User.ID, _ isActive: Bool, at: Date) async throws
    /// The user's own preferences: interface language and time zone (nil follows the organisation).
    func updatePreferences(_ id: User.ID, locale: String?, timeZone: String?, at: Date) async throws
    func setLocale(_ id: User.ID, _ locale: String?, at: Date) async throws
    func setPasswordHash(_ hash: String, for id: User.ID) async throws
    /// Active users with the admin role.
    func activeAdminCount() async throws -> Int
    /// Orders changes to roles and activation across processes until the transaction ends (an
    /// advisory lock on PostgreSQL; SQLite has a single writer per file already).
    func lockAdministration() async throws
}

public protocol SessionStore: Sendable {
    func create(_ session: UserSession, secretHash: String) async throws
    func find(secretHash: String) async throws -> UserSession?
    func delete(secretHash: String) async throws
    func deleteAll(for userID: User.ID) async throws
    func deleteExpired(before: Date) async throws
}

public protocol APITokenStore: Sendable {
    func create(_ token: APIToken, secretHash: String) async throws
    func find(secretHash: String) async throws -> APIToken?
    func list(for userID: User.ID) async throws -> [APIToken]
    func revoke(_ id: APIToken.ID, owner: User.ID, at: Date) async throws -> Bool
    func revokeAll(for userID: User.ID, at: Date) async throws
    func markUsed(_ id: APIToken.ID, at: Date) async throws
}

public protocol OrganisationStore: Sendable {
    func load() async throws -> OrganisationSettings
    func save(_ settings: OrganisationSettings) async throws
}

/// One-time links, e.g. the first-admin setup link printed on the console.
public protocol SetupTokenStore: Sendable {
    func create(secretHash: String, expiresAt: Date) async throws
    /// Marks the token used and returns true if it existed, was unused and had not expired.
    func consume(secretHash: String, at: Date) async throws -> Bool
    func isUsable(secretHash: String, at: Date) async throws -> Bool
}

/// Sign-in attempts per throttle key (an account or a client address).
public protocol LoginAttemptStore: Sendable {
    /// Records an attempt before the password is checked; returns its ID, so that a successful
    /// or refused attempt can be taken back.
    func record(key: String, at: Date) async throws -> UUID
    func remove(_ id: UUID) async throws
    func failures(key: String, since: Date) async throws -> Int
    func clear(key: String) async throws
    /// Deletes attempts older than `date` (they no longer count).
    func deleteOlder(than date: Date) async throws
}

/// Runs work in one database transaction: all of it is stored, or none.
public protocol TransactionRunner: Sendable {
    func transaction<T: Sendable>(_ body: @escaping @Sendable (Stores) async throws -> T) async throws -> T
}

/// All stores together, as the web layer receives them.
public struct Stores: Sendable {
    public var users: any UserStore
    public var sessions: any SessionStore
    public var apiTokens: any APITokenStore
    public var organisation: any OrganisationStore
    public var setupTokens: any SetupTokenStore
    public var loginAttempts: any LoginAttemptStore
    public var invitations: any InvitationStore
    public var transactions: any TransactionRunner
    /// Vendor records, capabilities and rates (protocols in Vendors/VendorStores.swift).
    public var vendors: any VendorStore
    public var vendorSchedule: any VendorScheduleStore
    public var vendorPreferences: any VendorPreferenceStore
    public var accounts: any AccountStore
    public var contacts: any ContactStore
    public var activities: any ActivityStore
    public var briefs: any BriefStore
    public var clientAssets: any ClientAssetStore
    /// Opportunities, stages, lost reasons, exchange rates (docs/pipeline.md).
    public var pipeline: PipelineStores
    /// Rate cards, workflow templates, pricing settings (docs/pricing.md).
    public var pricing: PricingStores
    /// Quotes, their files and analyses, projects and the background queue (docs/quotes.md).
    public var quoteStores: QuoteStores
    /// In-app notifications (Notifications/Notification.swift).
    public var notifications: any NotificationStore
    /// Jobs, assignments, holds and purchase orders (docs/production.md).
    public var production: any ProductionStore
    /// The promise ledger, deliveries, quality and change orders (Ledger/LedgerStore.swift).
    public var ledger: any LedgerStore
    /// Comments, follows, the activity log, notification preferences (Threads/ThreadStores.swift).
    public var threads: ThreadStores
    /// Joint reviews, working groups, ideas, proposals and shadowing (docs/together.md).
    public var together: TogetherStores
    /// Scorecard metrics and incentive plans (docs/metrics.md).
    public var goals: GoalsStores

    public init(
        users: any UserStore, sessions: any SessionStore, apiTokens: any APITokenStore,
        organisation: any OrganisationStore, setupTokens: any SetupTokenStore, loginAttempts: any LoginAttemptStore,
        invitations: any InvitationStore, transactions: any TransactionRunner, accounts: any AccountStore,
        contacts: any ContactStore, activities: any ActivityStore, briefs: any BriefStore,
        clientAssets: any ClientAssetStore, vendors: any VendorStore, vendorSchedule: any VendorScheduleStore,
        vendorPreferences: any VendorPreferenceStore, pipeline: PipelineStores, pricing: PricingStores,
        quoteStores: QuoteStores, notifications: any NotificationStore, production: any ProductionStore,
        ledger: any LedgerStore, threads: ThreadStores, together: TogetherStores, goals: GoalsStores
    ) {
        self.goals = goals
        self.production = production
        self.ledger = ledger
        self.threads = threads
        self.together = together
        self.pricing = pricing
        self.quoteStores = quoteStores
        self.notifications = notifications
        self.vendorPreferences = vendorPreferences
        self.vendors = vendors
        self.vendorSchedule = vendorSchedule
        self.accounts = accounts
        self.contacts = contacts
        self.activities = activities
        self.briefs = briefs
        self.clientAssets = clientAssets
        self.pipeline = pipeline
        self.transactions = transactions
        self.users = users
        self.sessions = sessions
        self.apiTokens = apiTokens
        self.organisation = organisation
        self.setupTokens = setupTokens
        self.loginAttempts = loginAttempts
        self.invitations = invitations
    }
}

extension Stores {
    /// `stores.transaction { tx in ... }`: the stores inside write in one transaction. Work queued
    /// with `AfterCommit.run` inside it runs once the outermost transaction has committed.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (Stores) async throws -> T) async throws -> T {
        if AfterCommit.current != nil { return try await transactions.transaction(body) }
        let queue = AfterCommit()
        let value = try await transactions.transaction { tx in
            await queue.reset()
            return try await AfterCommit.$current.withValue(queue) { try await body(tx) }
        }
        await queue.runAll()
        return value
    }
}

/// One-time links with which a user sets their own password: sent by an admin on creation
/// (an invitation) or later (a reset). Only the secret's hash is stored.
public protocol InvitationStore: Sendable {
    func create(for userID: User.ID, secretHash: String, expiresAt: Date) async throws
    /// The user the link is for, if it exists, is unused and has not expired.
    func pendingUser(secretHash: String, at: Date) async throws -> User.ID?
    /// Marks the link used; true only for the one request that used it.
    func consume(secretHash: String, at: Date) async throws -> Bool
    /// Voids every unused link of a user (a new link replaces older ones).
    func revokeAll(for userID: User.ID, at: Date) async throws
}
