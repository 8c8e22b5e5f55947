import Foundation
import TandemDomain
import TandemLocalization
import TandemPlanning

/// The deadline check form turned into the engine's request: every wrong field at once, each
/// message in the user's language; times are read in the user's time zone.
enum DeadlineForm {
    struct Problems: Error {
        var messages: [(field: String, message: String)] = []
    }

    static func request(from form: DeadlineCheckPages.FormValues, localizer l: Localizer, now: Date) throws
        -> FeasibilityRequest
    {
        var problems = Problems()
        func problem(_ field: String, _ key: String, _ args: [String: MessageArgument] = [:]) {
            problems.messages.append((field, l.t(key, args)))
        }
        let source = try? LanguageTag(form.source.trimmingCharacters(in: .whitespaces))
        if source == nil { problem("source", "capacity.deadline.error.language", ["value": .text(form.source)]) }
        var targets: [LanguageTag] = []
        let targetTexts = form.targets.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        if targetTexts.isEmpty { problem("targets", "capacity.deadline.error.targets_required") }
        for text in targetTexts {
            if let tag = try? LanguageTag(text) {
                targets.append(tag)
            } else {
                problem("targets", "capacity.deadline.error.language", ["value": .text(text)])
            }
        }
        let words = Int(form.words.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: ""))
        if words == nil || words! <= 0 {
            problem("words", "capacity.deadline.error.words", ["value": .text(form.words)])
        }
        let maxVendors = Int(form.maxVendorsPerStep.trimmingCharacters(in: .whitespaces))
        if maxVendors == nil || !(1...10).contains(maxVendors!) {
            problem(
                "maxVendorsPerStep", "capacity.deadline.error.max_vendors", ["value": .text(form.maxVendorsPerStep)])
        }
        let start = form.start.isEmpty ? now : localDateTime(form.start, in: l.timeZone)
        if start == nil { problem("start", "capacity.deadline.error.when", ["value": .text(form.start)]) }
        let deadline = localDateTime(form.deadline, in: l.timeZone)
        if deadline == nil {
            problem("deadline", "capacity.deadline.error.when", ["value": .text(form.deadline)])
        } else if let start, let deadline, deadline <= start {
            problem("deadline", "capacity.deadline.error.deadline_before_start")
        }
        let services = form.workflow.split(separator: "+").map { Service(String($0)) }
        if !DeadlineCheckPages.workflows.contains(form.workflow) {
            problem("workflow", "capacity.deadline.error.workflow")
        }
        guard problems.messages.isEmpty, let source, let words, let maxVendors, let start, let deadline else {
            throw problems
        }
        return FeasibilityRequest(
            start: Instant(start), deadline: Instant(deadline), maxVendorsPerStep: maxVendors,
            targets: targets.map { target in
                TargetRequest(
                    source: source, target: target, steps: services.map { StepRequest(service: $0, words: words) })
            })
    }

    /// `2026-12-07T17:00` (what `<input type="datetime-local">` sends) in `zone`.
    static func localDateTime(_ text: String, in zone: TimeZone) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "T")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count >= 2, (0..<24).contains(time[0]), (0..<60).contains(time[1]) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1])
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day[2]
        else { return nil }
        return date
    }
}
