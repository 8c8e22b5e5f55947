import Foundation
import TandemDomain
import TandemLocalization

/// The words of the codes events keep in their payload (statuses, decisions, causes, instants),
/// in the reader's language and zone, as the arguments of `timeline.event.<kind>`.
enum TimelineWords {
    static func arguments(_ event: ActivityEvent, _ l: Localizer) -> [String: String] {
        var arguments = event.payload
        func word(_ key: String, _ prefix: String) {
            guard let value = event.payload[key], !value.isEmpty, l.has(prefix + value) else { return }
            arguments[key] = l.t(prefix + value)
        }
        func instant(_ key: String) {
            guard let value = event.payload[key], let date = ISO8601DateFormatter().date(from: value) else { return }
            arguments[key] = l.formatDateTime(date)
        }
        switch event.kind {
        case .quoteReviewed: word("decision", "timeline.decision.")
        case .jobMoved:
            word("from", "production.status.")
            word("to", "production.status.")
        case .ideaMoved:
            word("from", "ideas.status.")
            word("to", "ideas.status.")
        case .proposalSigned: word("side", "proposals.side.")
        case .proposalDecided: word("decision", "proposals.decision.")
        case .promiseDelivered:
            word("standing", "promise.status.")
            word("cause", "promise.cause.")
        case .promiseRenegotiated:
            instant("from")
            instant("to")
            word("cause", "promise.cause.")
        case .promiseAtRisk, .promiseBroken: instant("finish")
        default: break
        }
        return arguments
    }

    /// The kinds whose words change with a payload value (`timeline.event.<kind>.<variant>`).
    static func key(_ event: ActivityEvent) -> String {
        let base = "timeline.event.\(event.kind.rawValue)"
        switch event.kind {
        case .ideaMoved where event.payload["to"] == "declined": return base + ".declined"
        case .promiseDelivered where !(event.payload["cause"] ?? "").isEmpty: return base + ".cause"
        case .promiseAtRisk where event.payload["finish"] == nil: return base + ".plain"
        case .jobMoved where !(event.payload["note"] ?? "").isEmpty: return base + ".note"
        case .projectHeld where !(event.payload["reason"] ?? "").isEmpty: return base + ".reason"
        default: return base
        }
    }
}
