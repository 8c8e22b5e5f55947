import Foundation
import TandemDomain
import TandemPlanning

/// The promise ledger's use cases: refresh standings from production's forecast, list the
/// ledger with its totals, renegotiate, and read a promise's history (docs/ledger.md).
public struct PromiseLedger: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    static let forbidden = DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")

    /// The zone a client's promised days are judged in: the account's, else the organisation's.
    static func clientZone(_ accountID: Account.ID, in stores: Stores) async throws -> TimeZone {
        if let name = try await stores.ledger.timeZone(of: accountID), let zone = TimeZone(identifier: name) {
            return zone
        }
        let organisation = try await stores.organisation.load()
        return TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// Derives each promise's standing from `forecast` (per target), stores it, and tells the
    /// sales owner and PM once when a promise turns at risk. Production calls it after every job,
    /// assignment or hold change, inside its transaction (`stores`).
    /// With `capacity`, the notice waits for the commit and lists the options the capacity engine
    /// sees on the live index (`AtRiskOptions`); the engine cannot read inside the transaction.
    @discardableResult
    public func refresh(
        projectID: Project.ID, forecast: [LanguageTag: PromiseForecast], capacity: CapacityService? = nil,
        stores: Stores? = nil, now: Date? = nil
    ) async throws -> [LedgerPromise] {
        let stores = stores ?? env.stores
        let now = now ?? env.now
        let entries = try await stores.ledger.entries(of: projectID, now: now)
        guard let first = entries.first else { return [] }
        let zone = try await Self.clientZone(first.accountID, in: stores)
        let margin = try await MarginCheck.load(first.accountID, in: stores)
        // The statuses as stored (read at `now`, a promise past its instant already reads broken).
        let stored = Dictionary(
            try await stores.ledger.entries(of: projectID, now: .distantPast).map { ($0.id, $0.promise.status) },
            uniquingKeysWith: { a, _ in a })
        var changed: [(Promise.ID, PromiseStatus, PromiseState)] = []
        var result: [LedgerPromise] = []
        for var entry in entries {
            defer { result.append(entry) }
            guard entry.state.deliveredAt == nil, !entry.state.cancelled else { continue }
            if let next = forecast[entry.promise.targetLanguage] { entry.state.forecast = next }
            let standing = PromiseStanding.derive(entry.facts(clientZone: zone), now: now)
            try await Self.logTurn(
                entry, from: stored[entry.id] ?? entry.promise.status, to: standing.status, at: now, in: stores,
                env: env)
            entry.promise.status = standing.status
            entry.state.marginAtRisk = margin.isAtRisk(entry.promise.price, entry.state.forecast?.expectedCost, now)
            if standing.status == .atRisk, entry.state.atRiskNotifiedAt == nil {
                entry.state.atRiskNotifiedAt = now
                if let capacity {
                    await notifyAtRiskAfterCommit(
                        entry, promised: entry.terms.deadline(clientZone: zone), capacity: capacity)
                } else {
                    try await send(Self.uncheckedNotice(entry), about: entry, in: stores)
                }
            } else if standing.status == .onTrack {
                entry.state.atRiskNotifiedAt = nil
            }
            changed.append((entry.id, standing.status, entry.state))
        }
        try await stores.ledger.saveStates(changed)
        return result
    }

    /// On the promise's timeline: it turned at risk or broken by itself (the system is the actor).
    static func logTurn(
        _ entry: LedgerPromise, from before: PromiseStatus, to status: PromiseStatus, at now: Date, in stores: Stores,
        env: AppEnvironment
    ) async throws {
        guard status != before, status == .atRisk || status == .broken else { return }
        var payload: [String: String] = [:]
        if let finish = entry.state.forecast?.expectedFinish { payload["finish"] = ActivityLog.instant(finish) }
        try await ActivityLog.record(
            status == .atRisk ? .promiseAtRisk : .promiseBroken,
            on: RecordSubject(kind: .promise, id: entry.id.rawValue), by: nil, payload: payload, at: now, in: stores,
            env: env)
    }

    /// The at-risk notice without the engine (reason and options as codes in the note,
    /// `AtRiskNotice`, worded at the edge): every option, the forecast finish as the new date.
    static func uncheckedNotice(_ entry: LedgerPromise) -> AtRiskNotice {
        AtRiskNotice(
            reason: .forecastAfterPromise, expectedFinish: entry.state.forecast?.expectedFinish,
            newDate: entry.state.forecast?.expectedFinish)
    }

    /// Once the change is committed: the options checked on the live index, then the notice. When
    /// the check cannot run (the index failed to load), the unchecked notice goes out instead.
    func notifyAtRiskAfterCommit(_ entry: LedgerPromise, promised: Date, capacity: CapacityService) async {
        let ledger = self
        await AfterCommit.run {
            let env = ledger.env
            let notice =
                (try? await ledger.checkedNotice(entry, promised: promised, capacity: capacity))
                ?? Self.uncheckedNotice(entry)
            try? await env.stores.transaction { tx in try await ledger.send(notice, about: entry, in: tx) }
        }
    }

    func checkedNotice(_ entry: LedgerPromise, promised: Date, capacity: CapacityService) async throws
        -> AtRiskNotice
    {
        let stores = env.stores
        let jobs = try await stores.production.jobs(of: entry.promise.projectID)
        return AtRiskOptions.notice(
            target: entry.promise.targetLanguage, promised: promised, jobs: jobs,
            assignments: try await stores.production.assignments(of: jobs.map(\.id)),
            reservations: try await stores.quoteStores.projects.reservations(of: entry.promise.projectID),
            preferences: try await PlanningPreferences.of(entry.accountID, in: stores),
            snapshot: try await capacity.snapshot(), expectedFinish: entry.state.forecast?.expectedFinish, now: env.now)
    }

    func send(_ notice: AtRiskNotice, about entry: LedgerPromise, in stores: Stores) async throws {
        let recipients = [entry.promise.salesOwnerID] + (entry.promise.pmID.map { [$0] } ?? [])
        try await Notifications(env).notify(
            in: stores, recipients, kind: .promiseAtRisk, subject: RecordSubject(kind: .promise, id: entry.id.rawValue),
            actor: nil, label: "\(entry.projectName) · \(entry.promise.targetLanguage)", note: notice.encoded)
    }

    /// One page of the ledger and the totals over the same filter (statuses aside).
    public func page(_ filter: LedgerFilter, after: LedgerCursor?, limit: Int, for user: User) async throws
        -> (rows: [LedgerPromise], totals: LedgerTotals, next: LedgerCursor?)
    {
        guard Policy.permits(user, .viewLedger) else { throw Self.forbidden }
        let now = env.now
        let rows = try await env.stores.ledger.page(filter, now: now, after: after, limit: limit + 1)
        let totals = try await env.stores.ledger.totals(filter, now: now)
        let shown = Array(rows.prefix(limit))
        let next =
            rows.count > limit
            ? shown.last.map { LedgerCursor(deliveryDate: $0.promise.deliveryDate, id: $0.id.rawValue) } : nil
        return (shown, totals, next)
    }

    public func entry(_ id: Promise.ID, for user: User) async throws -> LedgerPromise {
        guard Policy.permits(user, .viewLedger) else { throw Self.forbidden }
        guard let entry = try await env.stores.ledger.entry(id, now: env.now) else { throw DomainError.promiseNotFound }
        return entry
    }

    /// The versions of a promise, oldest first; version 1 from the promise itself when it was
    /// never renegotiated.
    public func versions(of entry: LedgerPromise) async throws -> [PromiseVersion] {
        let stored = try await env.stores.ledger.versions(of: entry.id)
        if !stored.isEmpty { return stored }
        return [Self.original(entry.promise, state: entry.state, id: PromiseVersion.ID(entry.id.rawValue))]
    }

    static func original(_ promise: Promise, state: PromiseState, id: PromiseVersion.ID) -> PromiseVersion {
        PromiseVersion(
            id: id, promiseID: promise.id, number: 1,
            terms: PromiseTerms(
                deliveryDate: promise.deliveryDate, deliveryDay: state.deliveryDay, price: promise.price),
            by: nil, at: promise.createdAt)
    }
}

extension PromiseLedger {
    /// Sets (nil: clears, following the organisation's) the zone a client's promised days are judged in.
    public func setTimeZone(_ zone: String?, of accountID: Account.ID, by user: User) async throws -> String? {
        guard let account = try await env.stores.accounts.find(id: accountID) else {
            throw DomainError.notFound(entityKey: "entity.account", fallback: "The account was not found.")
        }
        guard Policy.permits(user, .setClientTimeZone(owner: account.ownerId)) else { throw Self.forbidden }
        let stored = try Self.checkedTimeZone(zone)
        try await env.stores.ledger.setTimeZone(stored, of: accountID)
        return stored
    }

    /// An IANA zone name trimmed (nil when empty: the organisation's), or a 422 naming `timeZone`.
    public static func checkedTimeZone(_ zone: String?) throws -> String? {
        let name = zone?.trimmingCharacters(in: .whitespaces)
        if let name, !name.isEmpty, TimeZone(identifier: name) == nil {
            throw DomainError.invalid(
                "timeZone", "error.time_zone.invalid", ["value": name],
                fallback: "“\(name)” is not a time zone; use an IANA name such as Europe/Paris.")
        }
        return (name?.isEmpty ?? true) ? nil : name
    }
}
