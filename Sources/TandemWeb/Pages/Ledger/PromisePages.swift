import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/promises/{id}`: a promise's standing, its versions, deliveries, evaluations and complaints,
/// with the renegotiation and delivery forms.
enum PromisePages {
    struct VersionRow: Encodable {
        var number: Int
        var delivery: String
        var price: String
        var previous: String?
        var cause: String?
        var reason: String
        var by: String
        var at: String
        var late: Bool
    }
    struct DeliveryRow: Encodable {
        var at: String
        var what: String
        var recipient: String
        var cost: String?
        var cause: String?
        var fullScope: Bool
    }
    struct EvaluationRow: Encodable {
        var vendor: String?
        var pair: String
        var penalty: String
        var score: String
        var marks: String
        var comments: String
    }
    struct ComplaintRow: Encodable {
        var received: String
        var severity: String
        var description: String
        var rootCause: String
        var correctiveAction: String
        var justified: Bool
    }
    struct Fact: Encodable {
        var label: String
        var value: String
    }
    struct Form: Encodable {
        var deliveryDate = ""
        var price = ""
        var reason = ""
        var cause = ""
        var what = ""
        var recipient = ""
        var cost = ""
        var deliveredAt = ""
        var lateCause = ""
        var note = ""
    }
    struct Context: Encodable {
        var shell: PageShell
        var title: String
        var projectHref: String
        var ledgerHref: String
        var status: QuoteViews.Badge
        var statusCode: String
        var marginAtRisk: Bool
        var renegotiated: Bool
        var cause: String?
        var facts: [Fact]
        var quality: String
        var versions: [VersionRow]
        var deliveries: [DeliveryRow]
        var evaluations: [EvaluationRow]
        var showVendors: Bool
        var complaints: [ComplaintRow]
        var renegotiateAction: String?
        var deliverAction: String?
        var currency: String
        var baseCurrency: String
        var version: Int
        var causes: [SelectOption]
        var lateCauses: [SelectOption]
        var form: Form
        var errors: FormErrors
        /// The promise's thread (issue #15).
        var thread: ThreadPanel? = nil
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.promise(":id"), use: show)
        routes.post(.promiseRenegotiate(":id"), use: renegotiate)
        routes.post(.promiseDeliver(":id"), use: deliver)
    }

    static func promiseID(_ req: Request) throws -> Promise.ID {
        guard let raw = req.parameters.get("id"), let id = Promise.ID(uuidString: raw) else {
            throw DomainError.promiseNotFound
        }
        return id
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, form: Form(), errors: FormErrors())
    }

    static func name(_ id: User.ID?, _ users: [User.ID: String]) -> String { id.flatMap { users[$0] } ?? "—" }

    static func render(_ req: Request, form: Form, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let ledger = PromiseLedger(req.appEnvironment)
        let entry = try await ledger.entry(try promiseID(req), for: user)
        let users = Dictionary(uniqueKeysWithValues: try await req.stores.users.list().map { ($0.id, $0.displayName) })
        let deliveries = try await req.stores.ledger.deliveries(of: entry.id)
        let complaints = try await req.stores.ledger.complaints(of: entry.id)
        let showVendors = Policy.permits(user, .viewVendors)
        let evaluations = try await req.stores.ledger.evaluations(projectID: entry.promise.projectID).filter {
            $0.pair.target == entry.promise.targetLanguage
        }
        var vendorNames: [VendorProfile.ID: String] = [:]
        if showVendors {
            for id in Set(evaluations.map(\.vendorID)) {
                vendorNames[id] = try await req.stores.vendors.find(id: id)?.name
            }
        }
        let margin = try await ledger.margin(of: entry, delivery: deliveries.last)
        let base = try await req.organisation().baseCurrency
        var facts = [
            Fact(label: l.t("promise.fact.client"), value: entry.accountName),
            Fact(label: l.t("promise.fact.delivery"), value: LedgerViews.delivery(entry.terms, l)),
            Fact(label: l.t("promise.fact.price"), value: l.format(entry.promise.price)),
            Fact(label: l.t("promise.fact.version"), value: String(entry.promise.version)),
            Fact(label: l.t("promise.fact.owner"), value: name(entry.promise.salesOwnerID, users)),
            Fact(label: l.t("promise.fact.pm"), value: name(entry.promise.pmID, users)),
        ]
        if let finish = entry.state.forecast?.expectedFinish {
            facts.append(Fact(label: l.t("promise.fact.expected_finish"), value: l.formatDateTime(finish)))
        }
        if let margin {
            if let expected = margin.expectedMargin {
                facts.append(Fact(label: l.t("promise.fact.expected_margin"), value: l.format(expected.amount)))
            }
            if let actual = margin.actualMargin {
                facts.append(Fact(label: l.t("promise.fact.actual_margin"), value: l.format(actual.amount)))
            }
        }
        let open = entry.state.deliveredAt == nil && !entry.state.cancelled
        var context = Context(
            shell: try await req.shell(
                title: "\(entry.projectName) · \(entry.promise.targetLanguage)", area: .ledger),
            title: "\(entry.projectName) · \(QuoteDocument.languageName(entry.promise.targetLanguage, in: l))",
            projectHref: SiteRoute.project(PathParameter(entry.promise.projectID)).path,
            ledgerHref: SiteRoute.ledger.path + "?projectId=\(entry.promise.projectID)",
            status: LedgerViews.statusBadge(entry.promise.status, l), statusCode: entry.promise.status.rawValue,
            marginAtRisk: entry.state.marginAtRisk, renegotiated: entry.state.renegotiated,
            cause: LedgerViews.cause(entry.state.cause, l), facts: facts,
            quality: l.t("promise.quality.\(QualityVerdict.judge(complaints).rawValue)"),
            versions: try await ledger.versions(of: entry).reversed().map {
                VersionRow(
                    number: $0.number, delivery: LedgerViews.delivery($0.terms, l), price: l.format($0.terms.price),
                    previous: $0.previous.map { "\(LedgerViews.delivery($0, l)) · \(l.format($0.price))" },
                    cause: LedgerViews.cause($0.cause, l), reason: $0.reason,
                    by: $0.number == 1 && $0.by == nil ? l.t("promise.handoff") : name($0.by, users),
                    at: l.formatDateTime($0.at), late: $0.madeAfterDeadline)
            },
            deliveries: deliveries.map {
                DeliveryRow(
                    at: l.formatDateTime($0.deliveredAt), what: $0.what, recipient: $0.recipient,
                    cost: $0.cost.map { l.format($0) }, cause: LedgerViews.cause($0.lateCause, l),
                    fullScope: $0.fullScope)
            },
            evaluations: evaluations.map {
                EvaluationRow(
                    vendor: showVendors ? vendorNames[$0.vendorID] ?? "—" : nil, pair: $0.pair.description,
                    penalty: $0.penaltyPer1000.canonicalString, score: $0.score.canonicalString,
                    marks: "\($0.timeliness) / \($0.communication)", comments: $0.comments)
            },
            showVendors: showVendors,
            complaints: complaints.map {
                ComplaintRow(
                    received: l.formatDateTime($0.receivedAt),
                    severity: l.t("quality.severity.\($0.severity.rawValue)"),
                    description: $0.description, rootCause: $0.rootCause, correctiveAction: $0.correctiveAction,
                    justified: $0.justified)
            },
            renegotiateAction: open && Policy.permits(user, .renegotiatePromise(owner: entry.promise.salesOwnerID))
                ? SiteRoute.promiseRenegotiate(PathParameter(entry.id)).path : nil,
            deliverAction: open && Policy.permits(user, .recordDelivery)
                ? SiteRoute.promiseDeliver(PathParameter(entry.id)).path : nil,
            currency: entry.promise.price.currency.code, baseCurrency: base.code, version: entry.promise.version,
            causes: LedgerViews.causeOptions(selected: form.cause, l),
            lateCauses: LedgerViews.causeOptions(selected: form.lateCause, l), form: form, errors: errors)
        context.thread = await ThreadPanel.forPage(RecordSubject(kind: .promise, id: entry.id.rawValue), req: req)
        return try await req.renderPage("ledger/promise", context, status: status)
    }

    struct RenegotiateForm: Content {
        var deliveryDate: String?
        var price: String?
        var reason: String?
        var cause: String?
        var version: Int?
    }

    @Sendable static func renegotiate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try promiseID(req)
        let input = try req.content.decode(RenegotiateForm.self)
        var form = Form()
        form.deliveryDate = input.deliveryDate ?? ""
        form.price = input.price ?? ""
        form.reason = input.reason ?? ""
        form.cause = input.cause ?? ""
        do {
            let entry = try await PromiseLedger(req.appEnvironment).entry(id, for: user)
            let price = try typedAmount(input.price, field: "price", currency: entry.promise.price.currency)
            _ = try await PromiseLedger(req.appEnvironment).renegotiate(
                id,
                .init(
                    deliveryDate: input.deliveryDate, price: price, reason: input.reason, cause: input.cause,
                    version: input.version),
                by: user)
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await render(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let response = req.redirect(to: SiteRoute.promise(PathParameter(id)).path)
        req.setFlash(response, "promise.renegotiated")
        return response
    }

    /// An amount typed into a form ("1234.50" or "1234,50", not negative) in `currency`; nil when
    /// left blank, a 422 naming `field` otherwise.
    static func typedAmount(_ text: String?, field: String, currency: CurrencyCode) throws -> Money? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let amount = Decimal(canonical: raw.replacingOccurrences(of: ",", with: ".")), amount >= 0 else {
            throw DomainError.invalid(
                field, "error.amount.invalid", ["value": raw], fallback: "“\(raw)” is not an amount.")
        }
        return Money(amount, currency)
    }

    struct DeliverForm: Content {
        var what: String?
        var recipient: String?
        var cost: String?
        var deliveredAt: String?
        var fullScope: String?
        var lateCause: String?
        var note: String?
    }

    @Sendable static func deliver(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try promiseID(req)
        let input = try req.content.decode(DeliverForm.self)
        var form = Form()
        form.what = input.what ?? ""
        form.recipient = input.recipient ?? ""
        form.cost = input.cost ?? ""
        form.deliveredAt = input.deliveredAt ?? ""
        form.lateCause = input.lateCause ?? ""
        form.note = input.note ?? ""
        do {
            let base = try await req.organisation().baseCurrency
            let cost = try typedAmount(input.cost, field: "cost", currency: base)
            _ = try await PromiseLedger(req.appEnvironment).deliver(
                id,
                .init(
                    deliveredAt: localInstant(input.deliveredAt, zone: req.localizer.timeZone), what: input.what,
                    recipient: input.recipient, cost: cost, fullScope: input.fullScope != "false",
                    lateCause: input.lateCause, note: input.note), by: user)
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await render(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let response = req.redirect(to: SiteRoute.promise(PathParameter(id)).path)
        req.setFlash(response, "promise.delivered")
        return response
    }

    /// A `datetime-local` value ("2026-12-04T10:30") in the user's zone, as ISO 8601 UTC.
    static func localInstant(_ raw: String?, zone: TimeZone) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        guard let date = formatter.date(from: raw) else { return raw }
        return ISO8601DateFormatter().string(from: date)
    }
}
