import Foundation
import TandemDomain

/// Change orders: files or targets added or cancelled mid-project, re-priced with cancellation
/// fees for work done; proposed, then agreed by the client (new promise versions, or a new
/// promise for an added target) or withdrawn.
public struct ChangeOrders: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct ItemInput: Sendable {
        public var kind: String?
        public var targetLanguage: String?
        public var words: String?
        public var price: Money?
        public var workDonePercent: String?
        public var deliveryDate: String?
        public init(
            kind: String?, targetLanguage: String?, words: String?, price: Money?, workDonePercent: String? = nil,
            deliveryDate: String? = nil
        ) {
            self.kind = kind
            self.targetLanguage = targetLanguage
            self.words = words
            self.price = price
            self.workDonePercent = workDonePercent
            self.deliveryDate = deliveryDate
        }
    }

    public func propose(_ projectID: Project.ID, items input: [ItemInput], reason: String?, by user: User)
        async throws -> ChangeOrder
    {
        let env = env
        return try await env.stores.transaction { tx in
            guard let project = try await tx.quoteStores.projects.find(id: projectID) else {
                throw DomainError.projectNotFound
            }
            guard Policy.permits(user, .manageChangeOrders(owner: project.salesOwnerID)) else {
                throw PromiseLedger.forbidden
            }
            let promises = try await tx.ledger.entries(of: projectID, now: env.now).filter { !$0.state.cancelled }
            var read = FieldReader()
            let reason = read.text(reason, "reason", max: 2000, required: true)
            if input.isEmpty {
                read.errors.append(
                    .invalid("items", "promise.error.items_required", fallback: "Add at least one change."))
            }
            let items = input.enumerated().compactMap { index, raw in
                Self.item(raw, "items.\(index)", promises: promises, &read)
            }
            try read.check()
            let order = ChangeOrder(
                id: env.ids(), projectID: projectID, number: try await tx.ledger.nextChangeOrderNumber(projectID),
                items: items, reason: reason!, proposedBy: user.id, proposedAt: env.now)
            try await tx.ledger.saveChangeOrder(order)
            return order
        }
    }

    static func item(_ raw: ItemInput, _ field: String, promises: [LedgerPromise], _ read: inout FieldReader)
        -> ChangeOrder.Item?
    {
        let before = read.errors.count
        let kind = ChangeOrder.Item.Kind(rawValue: raw.kind ?? "")
        if kind == nil { read.unknown("\(field).kind") }
        let target = read.tag(raw.targetLanguage ?? "", "\(field).targetLanguage")
        let words = Decimal(canonical: raw.words ?? "0").flatMap { $0 >= 0 ? $0 : nil }
        if words == nil {
            read.errors.append(
                .invalid("\(field).words", "promise.error.words", fallback: "Write the words as a number such as 1200.")
            )
        }
        if raw.price == nil {
            read.errors.append(.invalid("\(field).price", "error.field.required", fallback: "This field is required."))
        }
        let done = Decimal(canonical: raw.workDonePercent ?? "0").flatMap { (0...100).contains($0) ? $0 : nil }
        if done == nil {
            read.errors.append(
                .invalid(
                    "\(field).workDonePercent", "error.pricing.percent.invalid", ["value": raw.workDonePercent ?? ""],
                    fallback: "Write a percent from 0 to 100."))
        }
        var date: Date?
        if let text = raw.deliveryDate, !text.isEmpty {
            date = QuoteManagement.instant(text, "\(field).deliveryDate", &read)
        }
        guard read.errors.count == before, let kind, let target else { return nil }
        let promise = promises.first { $0.promise.targetLanguage == target }
        if kind == .addTarget {
            if promise != nil {
                read.errors.append(
                    .invalid(
                        "\(field).targetLanguage", "promise.error.target_exists",
                        fallback: "The project already has this target; add files to it instead."))
            }
            if date == nil {
                read.errors.append(
                    .invalid("\(field).deliveryDate", "error.field.required", fallback: "This field is required."))
            }
        } else if promise == nil {
            read.errors.append(
                .invalid(
                    "\(field).targetLanguage", "promise.error.target_unknown",
                    fallback: "The project has no promise for this target."))
        }
        guard read.errors.count == before else { return nil }
        return ChangeOrder.Item(
            kind: kind, targetLanguage: target, promiseID: promise?.id, words: words!, price: raw.price!,
            workDonePercent: kind.adds ? 0 : done!, deliveryDate: date)
    }

    /// The client agreed: each affected promise gets a new version (cause client change); an
    /// added target a new promise; a cancelled target leaves the ledger with its fee.
    public func agree(_ id: ChangeOrder.ID, by user: User) async throws -> ChangeOrder {
        try await decide(id, to: .agreed, by: user) { order, project, tx in
            try await apply(order, project: project, by: user, in: tx)
        }
    }

    public func withdraw(_ id: ChangeOrder.ID, by user: User) async throws -> ChangeOrder {
        try await decide(id, to: .withdrawn, by: user) { _, _, _ in }
    }

    func decide(
        _ id: ChangeOrder.ID, to status: ChangeOrder.Status, by user: User,
        then: @escaping @Sendable (ChangeOrder, Project, Stores) async throws -> Void
    ) async throws -> ChangeOrder {
        let env = env
        return try await env.stores.transaction { tx in
            guard let order = try await tx.ledger.changeOrder(id) else { throw DomainError.changeOrderNotFound }
            guard let project = try await tx.quoteStores.projects.find(id: order.projectID) else {
                throw DomainError.projectNotFound
            }
            guard Policy.permits(user, .manageChangeOrders(owner: project.salesOwnerID)) else {
                throw PromiseLedger.forbidden
            }
            let decided = try order.decide(status, by: user.id, at: env.now)
            try await tx.ledger.saveChangeOrder(decided)
            try await then(decided, project, tx)
            return decided
        }
    }

    func apply(_ order: ChangeOrder, project: Project, by user: User, in tx: Stores) async throws {
        let now = env.now
        let zone = try await PromiseLedger.clientZone(project.accountID, in: tx)
        for item in order.items {
            guard let promiseID = item.promiseID else {
                let promise = Promise(
                    id: env.ids(), projectID: project.id, targetLanguage: item.targetLanguage,
                    deliveryDate: item.deliveryDate!, price: item.price, weightedWords: item.words,
                    services: ["translation"], salesOwnerID: project.salesOwnerID, pmID: project.pmID, createdAt: now)
                try await tx.ledger.addPromises([promise])
                continue
            }
            guard var entry = try await tx.ledger.entry(promiseID, now: now) else { continue }
            let terms = try ChangeOrder.terms(after: item, from: entry.terms)
            let version = PromiseVersion(
                id: env.ids(), promiseID: promiseID, number: entry.promise.version + 1, terms: terms,
                previous: entry.terms, reason: order.reason, cause: .clientChange, changeOrderID: order.id,
                by: user.id, at: now)
            let original =
                try await tx.ledger.versions(of: promiseID).isEmpty
                ? PromiseLedger.original(entry.promise, state: entry.state, id: env.ids()) : nil
            entry.promise.deliveryDate = terms.deliveryDate
            entry.promise.price = terms.price
            entry.state.deliveryDay = terms.deliveryDay
            entry.state.renegotiated = true
            entry.state.cause = .clientChange
            if item.kind == .cancelTarget { entry.state.cancelled = true }
            let status = PromiseStanding.derive(entry.facts(clientZone: zone), now: now).status
            guard try await tx.ledger.applyVersion(version, original: original, status: status, state: entry.state)
            else { throw PromiseRenegotiation.staleVersion(entry.promise.version + 1) }
        }
    }
}
