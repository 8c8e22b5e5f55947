import Foundation
import TandemDomain
import TandemLocalization
import Vapor

/// A notification in words and with its link, for the inbox page and the API alike.
enum NotificationViews {
    /// "Sofia Sales asked for a review of Q-2026-0012 · Nordlicht"; a kind this release does not
    /// know yet reads as a plain update.
    static func text(_ notification: InAppNotification, actorName: String?, _ l: Localizer) -> String {
        let key = "notification.kind.\(notification.kind.rawValue)"
        let actor = actorName ?? l.t("notification.system_actor")
        let subject = notification.subjectLabel.isEmpty ? l.t("notification.a_record") : notification.subjectLabel
        return l.t(l.has(key) ? key : "notification.kind.other", ["actor": .text(actor), "subject": .text(subject)])
    }

    /// The page of the record a notification is about, when this release has one.
    static func href(of subject: RecordSubject) -> String? {
        switch subject.kind.rawValue {
        case RecordSubject.Kind.account.rawValue: return SiteRoute.account(Account.ID(subject.id)).path
        case RecordSubject.Kind.opportunity.rawValue: return SiteRoute.opportunity(Opportunity.ID(subject.id)).path
        case "quote": return SiteRoute.quote(PathParameter(value: subject.id.uuidString.lowercased())).path
        case "project": return SiteRoute.project(PathParameter(value: subject.id.uuidString.lowercased())).path
        case "promise": return SiteRoute.promise(PathParameter(value: subject.id.uuidString.lowercased())).path
        case "job": return SiteRoute.job(PathParameter(value: subject.id.uuidString.lowercased())).path
        case "group": return SiteRoute.together(.group(PathParameter(value: subject.id.uuidString.lowercased()))).path
        case "idea": return SiteRoute.together(.idea(PathParameter(value: subject.id.uuidString.lowercased()))).path
        case "proposal":
            return SiteRoute.together(.proposal(PathParameter(value: subject.id.uuidString.lowercased()))).path
        default: return nil
        }
    }

    /// Display names of the actors of `notifications`.
    static func actorNames(_ notifications: [InAppNotification], _ req: Request) async throws -> [User.ID: String] {
        var names: [User.ID: String] = [:]
        for id in Set(notifications.compactMap(\.actorId)) {
            names[id] = try await req.stores.users.find(id: id)?.displayName
        }
        return names
    }
}
