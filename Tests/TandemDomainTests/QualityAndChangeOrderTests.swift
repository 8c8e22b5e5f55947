import Foundation
import TandemDomain
import Testing

@Suite("Quality scores, complaints and change orders")
struct QualityAndChangeOrderTests {
    static let now = Date(timeIntervalSince1970: 1_797_008_400)

    func evaluation(errors: [ErrorCount], daysAgo: Double = 0, marks: Int = 5) -> QualityEvaluation {
        QualityEvaluation(
            id: .init(UUID()), vendorID: .init(UUID()),
            pair: LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag("fr")),
            projectID: .init(UUID()),
            sampleWords: 1000, errors: errors, timeliness: marks, communication: marks, evaluatedBy: .init(UUID()),
            evaluatedAt: Self.now.addingTimeInterval(-daysAgo * 86_400))
    }

    @Test func penaltyAndScoreFollowTheDocumentedFormula() {
        let e = evaluation(errors: [
            ErrorCount(category: .accuracy, severity: .major, count: 1),
            ErrorCount(category: .fluency, severity: .minor, count: 3),
        ])
        // (5 + 3) points on 1,000 words; translation 100 − 16 = 84; marks 100.
        #expect(e.penaltyPer1000 == 8)
        #expect(e.score == Decimal(string: "87.2")!)
        #expect(evaluation(errors: [], marks: 1).score == 80)
    }

    @Test func olderEvaluationsCountLessWithA180DayHalfLife() {
        #expect(
            QualityScore.weight(of: Self.now.addingTimeInterval(-180 * 86_400), now: Self.now) == Decimal(
                string: "0.5")!)
        let recentGood = evaluation(errors: [])  // 100
        let oldBad = evaluation(errors: [ErrorCount(category: .accuracy, severity: .critical, count: 5)], daysAgo: 180)
        // 100 × 1 + 20 × 0.5 over 1.5 → 73.3
        #expect(oldBad.score == 20)
        #expect(QualityScore.recencyWeighted([recentGood, oldBad], now: Self.now) == 73)
        #expect(QualityScore.recencyWeighted([], now: Self.now) == nil)
    }

    @Test func aPromisesQualityIsJudgedOnItsJustifiedComplaints() {
        func complaint(_ severity: Complaint.Severity, justified: Bool) -> Complaint {
            Complaint(
                id: .init(UUID()), promiseID: .init(UUID()), deliveryID: nil, receivedAt: Self.now, description: "x",
                severity: severity, justified: justified, rootCause: "r", correctiveAction: "a",
                recordedBy: .init(UUID()), recordedAt: Self.now)
        }
        #expect(QualityVerdict.judge([]) == .met)
        #expect(QualityVerdict.judge([complaint(.critical, justified: false)]) == .met)
        #expect(QualityVerdict.judge([complaint(.minor, justified: true)]) == .metWithRemarks)
        #expect(
            QualityVerdict.judge([complaint(.minor, justified: true), complaint(.major, justified: true)]) == .notMet)
    }

    @Test func cancellingBillsTheWorkDoneAndAddingAddsItsPrice() throws {
        let fr = try LanguageTag("fr")
        let cancel = ChangeOrder.Item(
            kind: .cancelTarget, targetLanguage: fr, promiseID: .init(UUID()), words: 2000, price: Money(400, .eur),
            workDonePercent: 25)
        let add = ChangeOrder.Item(
            kind: .addFiles, targetLanguage: fr, promiseID: .init(UUID()), words: 500, price: Money(150, .eur),
            deliveryDate: Self.now)
        #expect(cancel.cancellationFee == Money(100, .eur))
        #expect(cancel.priceChange == Money(-300, .eur))
        let order = ChangeOrder(
            id: .init(UUID()), projectID: .init(UUID()), number: 1, items: [cancel, add], reason: "scope",
            proposedBy: .init(UUID()), proposedAt: Self.now)
        #expect(order.priceChange == Money(-150, .eur))
        let current = PromiseTerms(deliveryDate: Self.now.addingTimeInterval(-60), price: Money(400, .eur))
        #expect(try ChangeOrder.terms(after: cancel, from: current).price == Money(100, .eur))
        let added = try ChangeOrder.terms(after: add, from: current)
        #expect(added.price == Money(550, .eur) && added.deliveryDate == Self.now)
        let agreed = try order.decide(.agreed, by: .init(UUID()), at: Self.now)
        #expect(agreed.status == .agreed)
        #expect(throws: DomainError.self) { try agreed.decide(.withdrawn, by: .init(UUID()), at: Self.now) }
    }
}
