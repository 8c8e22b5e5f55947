import Foundation
import TandemDomain

/// System events on records, for their timelines: features call `record` with one line inside
/// their own transaction (so an event is kept only if the change is).
public enum ActivityLog {
    public static func record(
        _ kind: ActivityEvent.Kind, on subject: RecordSubject, by actor: User.ID?, payload: [String: String] = [:],
        in stores: Stores, env: AppEnvironment
    ) async throws {
        try await stores.threads.events.record(
            ActivityEvent(id: env.ids(), subject: subject, kind: kind, actorId: actor, at: env.now, payload: payload))
    }
}
