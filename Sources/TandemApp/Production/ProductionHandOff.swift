import Foundation
import TandemDomain
import TandemPlanning

/// Jobs made at hand-off, in the acceptance transaction: one per target × step of the workflow
/// of each analysed line of the chosen option (internal steps, the PM's QA, have no vendor).
/// Due dates come from the plan's step ends (`checks`, the quote's last feasibility check with
/// its own holds taken out) with the slack up to the promise spread over the steps
/// (`JobSchedule`); without a plan, the window is shared by effort. Never after the promise.
public enum ProductionHandOff {
    public static func makeJobs(
        for project: Project, version: QuoteVersion, promises: [Promise], files: [QuoteFile],
        plan: QuoteWorkflowPlan, checks: [QuoteFeasibility.Check], by user: User.ID?, in tx: Stores,
        env: AppEnvironment
    ) async throws -> [Job] {
        let lines = version.lines(of: project.optionID).filter { $0.kind == .analysed }
        var jobs: [Job] = []
        for promise in promises {
            let own = lines.filter { $0.targetLanguage == promise.targetLanguage }
            let planned = checks.flatMap(\.result.targets).first { $0.target == promise.targetLanguage }
            var drafts: [(job: Job, step: JobSchedule.Step)] = []
            var planSteps = planned?.steps ?? []
            for line in own {
                let tallies = QuotePricingStep.tallies(line.bands)
                for step in plan.template(for: line.service).steps {
                    let effort = plan.effort.effort(of: step, tallies: tallies)
                    let words = amount(step, effort: effort, tallies: tallies)
                    if !step.isInternal && words <= 0 { continue }
                    var end: Date?
                    if step.isInternal {
                        end = drafts.last?.step.planEnd.map { $0.addingTimeInterval(hours(step.fixedHours) * 3600) }
                    } else if let index = planSteps.firstIndex(where: { $0.service.rawValue == step.service.rawValue })
                    {
                        end = planSteps.remove(at: index).end.date
                    }
                    let job = Job(
                        id: env.ids(), projectID: project.id, sourceLanguage: version.sourceLanguage,
                        targetLanguage: promise.targetLanguage, service: line.service, step: step.service,
                        sequence: drafts.count, isInternal: step.isInternal, unit: step.unit, effort: step.effort,
                        bands: step.isInternal || step.unit != .word ? [:] : line.bands, words: words,
                        weightedWords: effort.rounded(scale: 2),
                        files: jobFiles(files, target: promise.targetLanguage, internal: step.isInternal),
                        brief: vendorBrief(project.brief), deliverables: deliverables(step, files, promise),
                        due: promise.deliveryDate, createdAt: env.now)
                    let weight = step.isInternal ? Decimal(hours(step.fixedHours)) : effort / 300
                    drafts.append((job, JobSchedule.Step(planEnd: end, weight: weight)))
                }
            }
            let dues = JobSchedule.dues(
                drafts.map(\.step), start: project.acceptedAt, promise: promise.deliveryDate)
            for (i, draft) in drafts.enumerated() {
                var job = draft.job
                job.due = dues[i]
                jobs.append(job)
            }
        }
        let events = jobs.map {
            JobEvent(id: env.ids(), jobID: $0.id, kind: "created", from: nil, to: .planned, at: env.now, by: user)
        }
        try await tx.production.createJobs(jobs, events: events)
        return jobs
    }

    static func hours(_ value: Decimal?) -> Double { NSDecimalNumber(decimal: value ?? 0).doubleValue }

    /// The amount assignments share: words (all but context for revision), pages, minutes.
    static func amount(_ step: WorkflowStep, effort: Decimal, tallies: BandTallies) -> Int {
        switch step.effort {
        case .weightedWords: return QuoteWorkflowPlan.wholeUp(tallies.totalWords)
        case .wordsExceptContext: return QuoteWorkflowPlan.wholeUp(effort)
        case .quantity: return QuoteWorkflowPlan.wholeUp(effort)
        case .fixed: return QuoteWorkflowPlan.wholeUp(effort * 60)
        }
    }

    static func jobFiles(_ files: [QuoteFile], target: LanguageTag, internal: Bool) -> [JobFile] {
        files.filter { !$0.excluded && ($0.targets.isEmpty || $0.targets.contains(target)) }.map {
            JobFile(fileID: $0.id, name: $0.name, role: $0.kind == .document ? .source : .reference)
        }
    }

    /// What a vendor needs of the brief: audience, quality, style and terminology.
    static func vendorBrief(_ brief: ClientBrief?) -> String {
        guard let brief else { return "" }
        return [brief.audience, brief.qualityExpectations, brief.styleAndTerminology].compactMap { text in
            guard let text, !text.isEmpty else { return nil }
            return text
        }.joined(separator: "\n\n")
    }

    static func deliverables(_ step: WorkflowStep, _ files: [QuoteFile], _ promise: Promise) -> [String] {
        let documents = files.filter { !$0.excluded && $0.kind == .document }.map(\.name)
        switch step.effort {
        case .fixed: return ["qa-report"]
        default: return documents.map { "\(promise.targetLanguage.description): \($0)" }
        }
    }
}
