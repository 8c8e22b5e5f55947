import Foundation
import TandemDomain

/// System events on records, for their timelines: features call `record` with one line inside
/// their own transaction (so an event is kept only if the change is). `by` is who acted, nil for
/// the system (a promise turning at risk by itself); `at` defaults to the environment's clock.
public enum ActivityLog {
    public static func record(
        _ kind: ActivityEvent.Kind, on subject: RecordSubject, by actor: User.ID?, payload: [String: String] = [:],
        at: Date? = nil, in stores: Stores, env: AppEnvironment
    ) async throws {
        try await stores.threads.events.record(
            ActivityEvent(
                id: env.ids(), subject: subject, kind: kind, actorId: actor, at: at ?? env.now, payload: payload))
    }

    /// An instant as events keep it in their payload (ISO 8601, UTC); the timeline shows it in the reader's zone.
    public static func instant(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
