import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `SiteRoute` is the only place a path is written: templates take links from their context,
/// handlers register routes from it, and pages render from plain values.
@Suite("One source of paths")
struct RouteTests {
    static func files(under directory: String, suffix: String) -> [URL] {
        let root = repositoryRoot.appendingPathComponent(directory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.path < $1.path }
    }

    /// Lines of `files` matching `pattern`, as "file:line: text".
    static func findings(in files: [URL], matching pattern: String) throws -> [String] {
        var findings: [String] = []
        for url in files {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where line.range(of: pattern, options: .regularExpression) != nil {
                let relative = url.path.replacingOccurrences(of: repositoryRoot.path + "/", with: "")
                findings.append("\(relative):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return findings
    }

    @Test func templatesWriteNoPaths() throws {
        let templates = Self.files(under: "Resources/Views", suffix: ".leaf")
        #expect(templates.contains { $0.lastPathComponent == "layout.leaf" })  // the scan found the templates
        let findings = try Self.findings(in: templates, matching: #"(href|action|src|formaction)\s*=\s*["']?/"#)
        #expect(
            findings.isEmpty,
            "paths typed into templates; take them from the context:\n\(findings.joined(separator: "\n"))")
    }

    @Test func templatesTypeNoPasswordMinimum() throws {
        let templates = Self.files(under: "Resources/Views", suffix: ".leaf")
        let findings = try Self.findings(in: templates, matching: #""min", [0-9]"#)
        #expect(findings.isEmpty, "use passwordMinimum from the context:\n\(findings.joined(separator: "\n"))")
    }

    @Test func handlersRegisterNoLiteralPaths() throws {
        let sources = Self.files(under: "Sources/TandemWeb", suffix: ".swift")
        #expect(sources.count > 5)
        let findings = try Self.findings(
            in: sources, matching: #"(?<!parameters)\.(get|post|put|patch|delete|on|grouped)\((\.[A-Z]+, )?""#)
        #expect(findings.isEmpty, "register routes from SiteRoute or APIRoute:\n\(findings.joined(separator: "\n"))")
    }

    @Test func aRouteGivesItsLinkAndItsRegistrationPattern() {
        let id = User.ID(UUID(uuidString: "3F1C0000-0000-0000-0000-000000000001")!)
        #expect(SiteRoute.user(id).path == "/settings/users/3f1c0000-0000-0000-0000-000000000001")
        #expect(SiteRoute.user(":id").pathComponents == ["settings", "users", .parameter("id")])
        #expect(SiteRoute.userDeactivate(id).path == "/settings/users/\(id)/deactivate")
        #expect(SiteRoute.setup(secret: "abc").path == "/setup/abc")
        #expect(SiteRoute.setup(secret: ":secret").pathComponents == ["setup", .parameter("secret")])
        #expect(SiteRoute.dashboard.path == "/")
        #expect(SiteRoute.dashboard.pathComponents.isEmpty)
        #expect(SiteRoute.area(.settings).path == "/settings")
        #expect(SiteRoute.area(.vendors).path == "/vendors")
        #expect(APIRoute.user(id).path == "/api/v1/users/\(id)")
        #expect(APIRoute.token(":id").pathComponents == ["tokens", .parameter("id")])
    }

    @Test func everyRegisteredPageRouteIsASiteRoute() async throws {
        try await withTandem { app, _ in
            let patterns: [SiteRoute] =
                [
                    .dashboard, .login, .logout, .setup(secret: ":secret"), .invitation(secret: ":secret"), .users,
                    .newUser, .user(":id"), .userDeactivate(":id"), .userReactivate(":id"), .userInvite(":id"),
                    .organisation, .profile, .profileTokens, .revokeToken(":id"), .language, .capacityCheck, .health,
                    .ready, .deadlineCheck,
                    .openAPIDocument,
                ] + Area.allCases.map { .area($0) } + ClientRoutePatterns.pages + VendorRoutePatterns.pages
                + PipelineRoutePatterns.pages + QuoteWebRoutePatterns.pages + PricingRoutePatterns.pages
                + ProductionRoutePatterns.pages + LedgerRoutePatterns.pages + ThreadRoutePatterns.pages
                + TogetherRoutePatterns.pages + GoalsRoutePatterns.pages + GuidanceRoutePatterns.pages
            let known = Set(patterns.map { $0.pathComponents.map(\.description) })
            let api = Set(
                ([
                    APIRoute.me, .users, .user(":id"), .tokens, .token(":id"), .feasibilityChecks, .capacityCheck,
                    .capacityHeatmap,
                ]
                    + ClientRoutePatterns.api + VendorRoutePatterns.api + PipelineRoutePatterns.api
                    + QuoteWebRoutePatterns.api + QuoteRoutePatterns.api + PricingRoutePatterns.api
                    + ProductionRoutePatterns.api + LedgerRoutePatterns.api + ThreadRoutePatterns.api
                    + TogetherRoutePatterns.api + GoalsRoutePatterns.api + GuidanceRoutePatterns.api).map {
                        APIRoute.prefixSegments + $0.pathComponents.map(\.description)
                    })
            for route in app.routes.all {
                let path = route.path.map(\.description)
                #expect(known.contains(path) || api.contains(path), "\(route.method) /\(path.joined(separator: "/"))")
            }
        }
    }

    /// A page renders from a plain context: no request, no database, no signed-in user.
    @Test(arguments: [("en", "Users", "New user"), ("fr", "Utilisateurs", "Nouvel utilisateur")])
    func aPageRendersFromAPlainContext(language: String, title: String, button: String) async throws {
        try await withTandem { app, _ in
            let shell = PageShell(
                title: title, lang: language, csrf: "CSRF-TOKEN", userName: "Ada Admin", userRoles: "Admin",
                organisationName: "Lumen", areas: [.dashboard, .settings], currentArea: .settings)
            let id = User.ID(UUID(uuidString: "00000000-0000-0000-0000-000000000042")!)
            let context = UserPages.ListContext(
                shell: shell,
                rows: [
                    UserPages.Row(
                        id: id.description, name: "Nina Nilsson", email: "nina@lumen.example", roles: "PM",
                        active: true, invited: false, created: "2026-11-18", href: SiteRoute.user(id).path)
                ],
                canManage: true, newHref: SiteRoute.newUser.path)
            let view = try await app.leaf.renderer.render("settings/users", context).get()
            let html = String(buffer: view.data)
            #expect(html.contains(#"<html lang="\#(language)">"#))
            #expect(html.contains("<h1>\(title)</h1>"))
            #expect(html.contains(#"href="/settings/users/new">\#(button)</a>"#))
            #expect(html.contains(#"<a href="/settings/users/00000000-0000-0000-0000-000000000042">Nina Nilsson</a>"#))
            #expect(html.contains(#"href="/settings" aria-current="page""#))
            #expect(html.contains(#"action="/logout""#))
            #expect(html.contains(#"href="/styles.css""#))
            #expect(html.contains(#"value="CSRF-TOKEN""#))
        }
    }

    @Test func passwordHintsUseTheRulesMinimum() async throws {
        try await withTandem { app, _ in
            let shell = PageShell(title: "Invitation", lang: "en", csrf: "", organisationName: "Lumen")
            let context = InvitationPages.Context(
                shell: shell, action: SiteRoute.invitation(secret: "abc").path, name: "Nina",
                email: "nina@lumen.example", errors: FormErrors())
            let html = String(buffer: try await app.leaf.renderer.render("auth/invitation", context).get().data)
            #expect(html.contains("\(PasswordRules.minimumLength) characters"))
            #expect(html.contains(#"action="/invite/abc""#))
        }
    }
}
