import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `/digest`: the last day's notifications of the kinds a user sends to the digest, by record;
/// and saving the notification preferences shown on the profile page.
enum DigestPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.digest, use: digest)
        routes.post(.notificationPreferences, use: savePreferences)
    }

    struct Group: Encodable {
        var label: String
        var href: String?
        var items: [Line]
    }
    struct Line: Encodable {
        var text: String
        var note: String?
        var when: String
        var read: Bool
    }
    struct Context: Encodable {
        var shell: PageShell
        var groups: [Group]
        var count: Int
        var kinds: [String]
        var preferencesHref: String
        var inboxHref: String
    }

    @Sendable static func digest(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let preferences = NotificationPreferences(req.appEnvironment)
        let found = try await preferences.digest(for: user)
        let names = try await NotificationViews.actorNames(found, req)
        var order: [RecordSubject] = []
        var grouped: [RecordSubject: [InAppNotification]] = [:]
        for n in found {
            if grouped[n.subject] == nil { order.append(n.subject) }
            grouped[n.subject, default: []].append(n)
        }
        let groups = order.map { subject -> Group in
            let items = grouped[subject] ?? []
            return Group(
                label: items.first?.subjectLabel ?? "", href: NotificationViews.href(of: subject),
                items: items.map {
                    Line(
                        text: NotificationViews.text($0, actorName: $0.actorId.flatMap { names[$0] }, l),
                        note: $0.note.isEmpty ? nil : $0.note, when: l.format(dateTime: $0.createdAt), read: $0.isRead)
                })
        }
        let kinds = try await preferences.preferences(of: user).filter(\.digest).map {
            l.t("thread.preferences.kind.\($0.kind.rawValue)")
        }
        let context = Context(
            shell: try await req.shell(title: l.t("digest.title"), area: nil), groups: groups, count: found.count,
            kinds: kinds, preferencesHref: SiteRoute.profile.path + "#notification-preferences",
            inboxHref: SiteRoute.notifications.path)
        return try await req.renderPage("threads/digest", context)
    }

    /// The profile page's form: `inApp.<kind>` and `digest.<kind>` checkboxes for every kind.
    @Sendable static func savePreferences(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let choices = NotificationPreferences.tunable.map {
            NotificationPreference(
                kind: $0, inApp: fields["inApp.\($0.rawValue)"] == "on", digest: fields["digest.\($0.rawValue)"] == "on"
            )
        }
        try await NotificationPreferences(req.appEnvironment).save(choices, for: user.id, by: user)
        let response = req.redirect(to: SiteRoute.profile.path + "#notification-preferences")
        req.setFlash(response, "thread.preferences.saved")
        return response
    }

    /// The rows of the profile page's preferences form.
    struct PreferenceRow: Encodable {
        var kind: String
        var label: String
        var inApp: Bool
        var digest: Bool
    }
    struct PreferencesForm: Encodable {
        var action: String
        var digestHref: String
        var rows: [PreferenceRow]
    }

    static func form(_ req: Request, user: User) async throws -> PreferencesForm {
        let l = req.localizer
        return PreferencesForm(
            action: SiteRoute.notificationPreferences.path, digestHref: SiteRoute.digest.path,
            rows: try await NotificationPreferences(req.appEnvironment).preferences(of: user).map {
                PreferenceRow(
                    kind: $0.kind.rawValue, label: l.t("thread.preferences.kind.\($0.kind.rawValue)"), inApp: $0.inApp,
                    digest: $0.digest)
            })
    }
}
