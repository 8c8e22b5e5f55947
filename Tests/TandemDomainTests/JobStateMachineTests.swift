import Foundation
import TandemDomain
import Testing

/// Every move from every status, allowed or refused, with and without the facts that change
/// the answer (internal step, no assignment, project on hold, reject to reassign).
@Suite("Job state machine")
struct JobStateMachineTests {
    /// The only allowed moves of a vendor job with an assignment, on a project not on hold.
    static let allowed: [JobStatus: [JobMove: JobStatus]] = [
        .planned: [.offered: .offered, .cancelled: .cancelled],
        .offered: [.accepted: .accepted, .declined: .planned, .cancelled: .cancelled],
        .accepted: [.inProgress: .inProgress, .cancelled: .cancelled],
        .inProgress: [.delivered: .delivered, .cancelled: .cancelled],
        .delivered: [.approved: .approved, .rejected: .inProgress, .cancelled: .cancelled],
        .approved: [:],
        .cancelled: [:],
    ]

    @Test func everyMoveFromEveryStatusIsAllowedOrRefusedAsTheTableSays() throws {
        for status in JobStatus.allCases {
            for move in JobMove.allCases {
                let expected = Self.allowed[status]?[move]
                if let expected {
                    #expect(try JobStateMachine.next(from: status, move, .init()) == expected, "\(status) \(move)")
                } else {
                    #expect(throws: DomainError.self, "\(status) \(move)") {
                        try JobStateMachine.next(from: status, move, .init())
                    }
                    do {
                        _ = try JobStateMachine.next(from: status, move, .init())
                    } catch {
                        #expect(JobStateMachine.isRefusal(error))
                        #expect((error as? DomainError)?.field == "to")
                    }
                }
            }
        }
    }

    @Test func rejectedWorkGoesBackToTheSameVendorOrToPlannedForReassignment() throws {
        #expect(try JobStateMachine.next(from: .delivered, .rejected, .init(reassign: false)) == .inProgress)
        #expect(try JobStateMachine.next(from: .delivered, .rejected, .init(reassign: true)) == .planned)
    }

    @Test func anOfferNeedsAnAssignment() {
        #expect(throws: DomainError.self) {
            try JobStateMachine.next(from: .planned, .offered, .init(hasAssignment: false))
        }
    }

    @Test func aProjectOnHoldRefusesOfferAcceptAndStartButNotTheRest() throws {
        let held = JobStateMachine.Facts(projectOnHold: true)
        for (status, move) in [(JobStatus.planned, JobMove.offered), (.offered, .accepted), (.accepted, .inProgress)] {
            #expect(throws: DomainError.self) { try JobStateMachine.next(from: status, move, held) }
            #expect(!JobStateMachine.allows(move, from: status, held))
        }
        #expect(try JobStateMachine.next(from: .inProgress, .delivered, held) == .delivered)
        #expect(try JobStateMachine.next(from: .offered, .declined, held) == .planned)
        #expect(try JobStateMachine.next(from: .planned, .cancelled, held) == .cancelled)
    }

    @Test func anInternalStepHasNoOfferAndStartsFromPlanned() throws {
        let qa = JobStateMachine.Facts(isInternal: true, hasAssignment: false)
        #expect(throws: DomainError.self) { try JobStateMachine.next(from: .planned, .offered, qa) }
        #expect(try JobStateMachine.next(from: .planned, .inProgress, qa) == .inProgress)
        #expect(
            try JobStateMachine.next(from: .delivered, .rejected, .init(isInternal: true, reassign: true))
                == .inProgress)
        #expect(throws: DomainError.self) { try JobStateMachine.next(from: .planned, .inProgress, .init()) }
    }
}

@Suite("Job schedule and forecast")
struct JobScheduleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var promise: Date { start.addingTimeInterval(10 * 86400) }

    @Test func eightyPercentOfTheSlackIsSpreadOverThePlannedSteps() {
        let ends = [start.addingTimeInterval(2 * 86400), start.addingTimeInterval(4 * 86400)]
        let dues = JobSchedule.dues(ends.map { .init(planEnd: $0, weight: 1) }, start: start, promise: promise)
        // Slack 6 days: step 1 gets 0.8 × 6 × 1/2 = 2.4 days, step 2 gets 4.8 days.
        #expect(dues[0] == ends[0].addingTimeInterval(2.4 * 86400))
        #expect(dues[1] == ends[1].addingTimeInterval(4.8 * 86400))
        #expect(dues[1] < promise)
    }

    @Test func aLatePlanIsNeverDueAfterThePromise() {
        let late = [start.addingTimeInterval(9 * 86400), start.addingTimeInterval(12 * 86400)]
        let dues = JobSchedule.dues(late.map { .init(planEnd: $0, weight: 1) }, start: start, promise: promise)
        #expect(dues == [late[0], promise])
    }

    @Test func withoutAPlanTheWindowIsSharedByEffort() {
        let dues = JobSchedule.dues(
            [.init(planEnd: nil, weight: 3), .init(planEnd: nil, weight: 1)], start: start, promise: promise)
        #expect(dues[0] == start.addingTimeInterval(10 * 86400 * 0.8 * 0.75))
        #expect(dues[1] == start.addingTimeInterval(10 * 86400 * 0.8))
    }

    func job(_ target: String, status: JobStatus, due: Date) throws -> Job {
        Job(
            id: .init(UUID()), projectID: .init(UUID()), sourceLanguage: try LanguageTag("en"),
            targetLanguage: try LanguageTag(target), service: "translation", step: .translation, sequence: 0,
            isInternal: false, words: 1000, weightedWords: 1000, due: due, status: status, createdAt: start)
    }

    @Test func theForecastIsTheLatestOpenFinishAndTheActiveCost() throws {
        let a = try job("fr", status: .accepted, due: start.addingTimeInterval(86400))
        let b = try job("fr", status: .planned, due: start.addingTimeInterval(2 * 86400))
        let done = try job("de", status: .approved, due: start.addingTimeInterval(3 * 86400))
        func assignment(_ job: Job, _ amount: Decimal, due: Date, state: JobAssignment.State = .active) -> JobAssignment
        {
            JobAssignment(
                id: .init(UUID()), jobID: job.id, vendorID: .init(UUID()), words: 500, rate: nil,
                amount: Money(amount, .eur), start: start, due: due, state: state, createdAt: start)
        }
        let forecast = ProjectForecast.derive(
            jobs: [a, b, done],
            assignments: [
                assignment(a, 40, due: start.addingTimeInterval(5 * 86400)), assignment(b, 60, due: b.due),
                assignment(b, 99, due: b.due, state: .released), assignment(done, 10, due: done.due),
            ], currency: .eur)
        #expect(forecast[try LanguageTag("fr")]?.expectedFinish == start.addingTimeInterval(5 * 86400))
        #expect(forecast[try LanguageTag("fr")]?.expectedCost == Money(100, .eur))
        #expect(forecast[try LanguageTag("de")]?.expectedFinish == nil)
        #expect(forecast[try LanguageTag("de")]?.expectedCost == Money(10, .eur))
    }

    @Test func aJobPastItsDueMakesTheStepsAfterItSlipByAsMuch() throws {
        let translation = try job("fr", status: .inProgress, due: start.addingTimeInterval(86400))
        let revision = try job("fr", status: .planned, due: start.addingTimeInterval(3 * 86400))
        let delivered = try job("de", status: .delivered, due: start.addingTimeInterval(86400))
        let late = start.addingTimeInterval(86400 + 7200)  // the translation is two hours late
        let forecast = ProjectForecast.derive(
            jobs: [translation, revision, delivered], assignments: [], currency: .eur, now: late)
        #expect(forecast[try LanguageTag("fr")]?.expectedFinish == revision.due.addingTimeInterval(7200))
        // Delivered and awaiting approval: not late, whatever the clock says.
        #expect(forecast[try LanguageTag("de")]?.expectedFinish == delivered.due)
        // Before the due, or without a clock, the plan stands.
        let onTime = ProjectForecast.derive(jobs: [translation, revision], assignments: [], currency: .eur, now: start)
        #expect(onTime[try LanguageTag("fr")]?.expectedFinish == revision.due)
    }

    @Test func aPurchaseOrderWeighsBandsByTheVendorsGridAndKeepsTheMinimumFee() throws {
        var job = try job("fr", status: .accepted, due: promise)
        job.bands = ["new": BandCount(words: 600), "100": BandCount(words: 400)]
        let terms = PurchaseOrderTerms.price(
            job, words: 1000, rate: Money(Decimal(string: "0.10")!, .eur), grid: .goldenRule,
            minimumFee: Money(30, .eur), currency: .eur)
        #expect(terms.payable == 720)  // 600 × 100 % + 400 × 30 %
        #expect(terms.amount == Money(72, .eur))
        #expect(!terms.minimumApplied)
        let small = PurchaseOrderTerms.price(
            job, words: 100, rate: Money(Decimal(string: "0.10")!, .eur), grid: .goldenRule,
            minimumFee: Money(30, .eur), currency: .eur)
        #expect(small.amount == Money(30, .eur))
        #expect(small.minimumApplied)
    }
}
