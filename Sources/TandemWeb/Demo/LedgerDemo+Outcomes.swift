import Foundation
import TandemApp
import TandemDomain

extension LedgerDemo {
    /// One historic promise with its outcome, delivery, versions, evaluation and maybe a complaint.
    static func promise(
        _ pair: LanguagePair, project: Project, vendors: [VendorProfile.ID], dice: inout Dice, batch: inout Batch,
        ids: IdentifierGenerator, currency: CurrencyCode
    ) throws {
        let words = Decimal(1_500 + dice.next(30) * 500)
        let price = Money(words * Decimal(string: "0.14")!, currency).rounded
        let promised = project.acceptedAt.addingTimeInterval(Double(5 + dice.next(15)) * 86_400 + 8 * 3600)
        let outcome = Outcome.roll(&dice)
        var terms = PromiseTerms(deliveryDate: promised, price: price)
        let id: Promise.ID = ids()
        var versions: [PromiseVersion] = []
        var state = PromiseState()
        if outcome == .clientChange || outcome == .salesEstimate {
            let original = terms
            terms.deliveryDate = promised.addingTimeInterval(Double(3 + dice.next(5)) * 86_400)
            if outcome == .clientChange { terms.price = (price * Decimal(string: "1.12")!).rounded }
            let cause: BreachCause = outcome == .clientChange ? .clientChange : .salesEstimate
            versions = [
                PromiseVersion(id: ids(), promiseID: id, number: 1, terms: original, by: nil, at: project.acceptedAt),
                PromiseVersion(
                    id: ids(), promiseID: id, number: 2, terms: terms, previous: original,
                    reason: outcome == .clientChange
                        ? "The client added two files to the scope." : "The first estimate left no time for revision.",
                    cause: cause, by: project.salesOwnerID, at: project.acceptedAt.addingTimeInterval(2 * 86_400)),
            ]
            state.renegotiated = true
            state.cause = cause
        }
        let late = outcome == .lateVendor || outcome == .lateProduction
        let delivered =
            late
            ? terms.deliveryDate.addingTimeInterval(Double(4 + dice.next(56)) * 3600)
            : terms.deliveryDate.addingTimeInterval(-Double(1 + dice.next(48)) * 3600)
        let costShare = outcome == .overCost ? Decimal(75 + dice.next(15)) : Decimal(42 + dice.next(16))
        let cost = Money(price.amount * costShare / 100, .eur).rounded
        state.deliveredAt = delivered
        state.marginAtRisk = outcome == .overCost
        if late { state.cause = outcome == .lateVendor ? .vendor : .productionSlip }
        state.forecast = PromiseForecast(expectedFinish: delivered, expectedCost: cost)
        batch.promises.append(
            Promise(
                id: id, projectID: project.id, targetLanguage: pair.target, deliveryDate: terms.deliveryDate,
                price: terms.price, weightedWords: words, services: ["translation"], salesOwnerID: project.salesOwnerID,
                pmID: project.pmID, status: late ? .broken : .kept, version: versions.isEmpty ? 1 : 2,
                createdAt: project.acceptedAt))
        batch.states.append((id, late ? .broken : .kept, state))
        batch.versions += versions
        let delivery = ClientDelivery(
            id: ids(), promiseID: id, projectID: project.id, deliveredAt: delivered,
            what: "\(NSDecimalNumber(decimal: words).intValue) words, translated and revised",
            recipient: "Client portal",
            cost: cost, lateCause: state.cause.flatMap { late ? $0 : nil },
            recordedBy: project.pmID ?? project.salesOwnerID,
            recordedAt: delivered)
        batch.deliveries.append(delivery)
        guard !vendors.isEmpty else { return }
        let vendor = vendors[dice.next(vendors.count)]
        let errors = evaluationErrors(outcome: outcome, dice: &dice)
        batch.evaluations.append(
            QualityEvaluation(
                id: ids(), vendorID: vendor, pair: pair, projectID: project.id, promiseID: id,
                sampleWords: 1_000, errors: errors, timeliness: outcome == .lateVendor ? 2 : 4 + dice.next(2),
                communication: 3 + dice.next(3),
                comments: outcome == .lateVendor ? "Delivered after the agreed time." : "",
                evaluatedBy: project.pmID ?? project.salesOwnerID, evaluatedAt: delivered.addingTimeInterval(-3600)))
        if dice.next(40) == 0 || (errors.contains { $0.severity == .major } && dice.next(3) == 0) {
            batch.complaints.append(
                Complaint(
                    id: ids(), promiseID: id, deliveryID: delivery.id,
                    receivedAt: delivered.addingTimeInterval(3 * 86_400),
                    description: "Inconsistent terminology in the user interface strings.",
                    severity: errors.contains { $0.severity == .major } ? .major : .minor, justified: dice.next(4) != 0,
                    rootCause: "The client's glossary was not attached to the job.",
                    correctiveAction: "Glossary attached to the client's jobs; reviser briefed.",
                    recordedBy: project.pmID ?? project.salesOwnerID,
                    recordedAt: delivered.addingTimeInterval(3 * 86_400)))
        }
    }

    static func evaluationErrors(outcome: Outcome, dice: inout Dice) -> [ErrorCount] {
        var errors = [ErrorCount(category: .fluency, severity: .minor, count: dice.next(4))]
        if dice.next(outcome == .lateVendor ? 3 : 8) == 0 {
            errors.append(ErrorCount(category: .accuracy, severity: .major, count: 1))
        }
        if dice.next(5) == 0 {
            errors.append(ErrorCount(category: .terminology, severity: .minor, count: 1 + dice.next(3)))
        }
        return errors.filter { $0.count > 0 }
    }

    /// The current projects' promises: on track, the first two at risk (their plans end after the promise).
    static func standings(of projects: [Project], stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let env = AppEnvironment(stores: stores, clock: { now }, ids: ids, passwords: QuoteDemo.NoHashing())
        for (index, project) in projects.sorted(by: { $0.id < $1.id }).enumerated() {
            let promises = try await stores.quoteStores.projects.promises(of: project.id)
            var forecast: [LanguageTag: PromiseForecast] = [:]
            for promise in promises {
                let atRisk = index < 2
                forecast[promise.targetLanguage] = PromiseForecast(
                    expectedFinish: promise.deliveryDate.addingTimeInterval(atRisk ? 26 * 3600 : -20 * 3600),
                    expectedCost: (promise.price * Decimal(string: atRisk ? "0.55" : "0.45")!).rounded)
            }
            try await PromiseLedger(env).refresh(projectID: project.id, forecast: forecast, stores: stores, now: now)
        }
    }
}
