import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Key pages and endpoints compared with stored snapshots (pinned clock and identifiers,
/// deterministic demo data).
///
/// A missing snapshot is recorded on a developer's machine and fails in CI (`CI` set). After an
/// intended change, record again explicitly with `TANDEM_RECORD_SNAPSHOTS=1 swift test --filter
/// Snapshots` and review the diff in git.
@Suite("Snapshots")
struct SnapshotTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/TandemWebTests/__Snapshots__")
    static let adminID = "00000000-0000-0000-0000-000000020000"
    static let salesID = "00000000-0000-0000-0000-000000020002"

    /// Blanks what changes between runs or machines: CSRF tokens, request IDs, token prefixes,
    /// and the platform's list of time zones (only the selected zone is kept).
    static func normalise(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in [
            (#"name="_csrf" value="[^"]*""#, #"name="_csrf" value="CSRF""#),
            (#"(Reference|Référence)( ?): [0-9A-Fa-f-]{36}"#, "$1$2: REQUEST-ID"),
            (#"<code>tdm_[A-Za-z0-9]+…</code>"#, "<code>tdm_PREFIX…</code>"),
            (#"<option value="([A-Za-z_+\-0-9]+(/[A-Za-z_+\-0-9]+)*)">\1</option>"#, ""),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var recordingRequested: Bool { environment["TANDEM_RECORD_SNAPSHOTS"] == "1" }
    static var isCI: Bool { !["", "0", "false"].contains((environment["CI"] ?? "").lowercased()) }

    func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let file = Self.directory.appendingPathComponent(name)
        let normalised = Self.normalise(actual)
        let expected = try? String(contentsOf: file, encoding: .utf8)
        if Self.recordingRequested || (expected == nil && !Self.isCI) {
            try normalised.write(to: file, atomically: true, encoding: .utf8)
            print("Recorded snapshot \(name); review it before committing.")
            return
        }
        guard let expected else {
            Issue.record(
                "no snapshot \(name) (CI never records one); record it with TANDEM_RECORD_SNAPSHOTS=1",
                sourceLocation: sourceLocation)
            return
        }
        if expected != normalised {
            Issue.record(
                "\(name) differs from its snapshot (- snapshot, + now):\n\(LineDiff.unified(expected, normalised))",
                sourceLocation: sourceLocation)
        }
    }

    func seeded(_ body: (Application) async throws -> Void) async throws {
        try await withDemoTandem(ids: .sequential(startingAt: 900_000)) { app, _ in
            try await body(app)
        }
    }

    func signedIn(_ app: Application, as email: String = "admin@lumen.example") async throws -> Browser {
        var browser = Browser(app)
        let response = try await browser.signIn(email, password: DemoSeed.password)
        #expect(response.status == .seeOther)
        return browser
    }

    // MARK: Pages

    @Test(arguments: ["en", "fr"])
    func loginPage(language: String) async throws {
        try await seeded { app in
            var browser = Browser(app, language: language)
            try assertSnapshot(try await browser.get("/login").body.string, named: "login.\(language).html")
        }
    }

    @Test func loginPageAfterAWrongPassword() async throws {
        try await seeded { app in
            var browser = Browser(app)
            let response = try await browser.signIn("admin@lumen.example", password: "not the password")
            #expect(response.status == .unauthorized)
            try assertSnapshot(response.body.string, named: "login.error.en.html")
        }
    }

    @Test func dashboardOfTheDemoAdmin() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            try assertSnapshot(try await browser.get("/").body.string, named: "dashboard.admin.en.html")
        }
    }

    @Test func usersList() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let page = try await browser.get("/settings/users")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "users.admin.en.html")
        }
    }

    @Test func organisationSettings() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let page = try await browser.get("/settings/organisation")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "organisation.admin.en.html")
        }
    }

    @Test func profileSettings() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let page = try await browser.get("/settings/profile")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "profile.admin.en.html")
        }
    }

    @Test func capacityCheckOfTheWorkedExample() async throws {
        try await seeded { app in
            var browser = try await signedIn(app, as: "paula.project@lumen.example")
            let plan = try String(
                contentsOf: repositoryRoot.appendingPathComponent("Resources/Examples/capacity-check.json"),
                encoding: .utf8)
            let page = try await browser.submit(SiteRoute.capacityCheck.path, ["plan": plan])
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "capacity-check.pm.en.html")
        }
    }

    @Test func deadlineCheckForSales() async throws {
        try await seeded { app in
            var browser = try await signedIn(app, as: "sofia.sales@lumen.example")
            let page = try await browser.submit(
                SiteRoute.deadlineCheck.path,
                [
                    "source": "en", "targets": "fr", "words": "4000", "workflow": "translation+revision",
                    "start": "2026-11-23T09:00", "deadline": "2026-11-25T17:00", "maxVendorsPerStep": "1",
                ])
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "deadline-check.sales.en.html")
        }
    }

    @Test func tokenSettingsWithOneToken() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            #expect(try await browser.submit("/settings/profile/tokens", ["name": "snapshot"]).status == .created)
            let page = try await browser.get("/settings/profile/tokens")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "tokens.admin.en.html")
        }
    }

    @Test func userForm() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let page = try await browser.get("/settings/users/\(Self.salesID)")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "user-form.admin.en.html")
        }
    }

    @Test func userFormWithErrors() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let page = try await browser.submit(
                "/settings/users/new", ["displayName": "Nina", "email": "nina@", "password": "short"])
            #expect(page.status == .unprocessableEntity)
            try assertSnapshot(page.body.string, named: "user-form.errors.en.html")
        }
    }

    // MARK: JSON

    func bearer(_ browser: inout Browser) async throws -> HTTPHeaders {
        let page = try await browser.submit("/settings/profile/tokens", ["name": "snapshot"])
        let range = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return ["Authorization": "Bearer \(page.body.string[range])"]
    }

    func pretty(_ json: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func meEndpoint() async throws {
        try await seeded { app in
            var browser = try await signedIn(app, as: "sofia.sales@lumen.example")
            let headers = try await bearer(&browser)
            let me = try await browser.request(.GET, "/api/v1/me", headers: headers)
            try assertSnapshot(try pretty(me.body.string), named: "me.sales.json")
        }
    }

    @Test func firstPageOfUsers() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let headers = try await bearer(&browser)
            let users = try await browser.request(.GET, "/api/v1/users?limit=2", headers: headers)
            try assertSnapshot(try pretty(users.body.string), named: "users.page1.json")
        }
    }

    @Test func validationErrorBody() async throws {
        try await seeded { app in
            var browser = try await signedIn(app)
            let headers = try await bearer(&browser)
            let response = try await browser.request(
                .POST, "/api/v1/users", json: #"{"email":"nina@","displayName":"","roles":["boss"],"password":"x"}"#,
                headers: headers)
            try assertSnapshot(try pretty(response.body.string), named: "error.invalid.json")
        }
    }
}

/// A line diff for snapshot failures: changed lines with two lines of context, in hunks.
enum LineDiff {
    enum Line: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edit script from `old` to `new` (longest common subsequence of lines).
    static func lines(_ old: [Substring], _ new: [Substring]) -> [Line] {
        let n = old.count
        let m = new.count
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] =
                    old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                result.append(.same(String(old[i])))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(.removed(String(old[i])))
                i += 1
            } else {
                result.append(.added(String(new[j])))
                j += 1
            }
        }
        return result
    }

    /// `@@ line N @@` hunks with `-`/`+` lines and two lines of context around each change.
    static func unified(_ old: String, _ new: String, context: Int = 2) -> String {
        let script = lines(
            old.split(separator: "\n", omittingEmptySubsequences: false),
            new.split(separator: "\n", omittingEmptySubsequences: false))
        let changed = script.indices.filter { if case .same = script[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "(no line differs; check trailing whitespace)" }
        var output: [String] = []
        var shown = -1
        var oldLine = 0
        var lineAt: [Int] = []
        for line in script {
            lineAt.append(oldLine + 1)
            if case .added = line {} else { oldLine += 1 }
        }
        for index in changed {
            let end = min(index + context, script.count - 1)
            guard end > shown else { continue }
            let start = max(index - context, shown + 1)
            if start > shown + 1 || shown < 0 { output.append("@@ line \(lineAt[start]) @@") }
            for k in start...end {
                switch script[k] {
                case .same(let text): output.append("  " + text)
                case .removed(let text): output.append("- " + text)
                case .added(let text): output.append("+ " + text)
                }
                shown = k
            }
        }
        return output.joined(separator: "\n")
    }
}

@Suite("Snapshot diffs")
struct LineDiffTests {
    @Test func aChangedLineShowsWithItsContext() {
        let old = "a\nb\nc\nd\ne\nf\ng"
        let new = "a\nb\nc\nD\ne\nf\ng"
        #expect(LineDiff.unified(old, new) == "@@ line 2 @@\n  b\n  c\n- d\n+ D\n  e\n  f")
    }

    @Test func distantChangesGetTheirOwnHunks() {
        let old = (1...12).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "2\n", with: "two\n").replacingOccurrences(of: "11", with: "eleven")
        let diff = LineDiff.unified(old, new)
        #expect(diff.components(separatedBy: "@@ line").count == 3)
        #expect(diff.contains("- 2\n+ two"))
        #expect(diff.contains("- 11\n+ eleven"))
    }

    @Test func adjacentChangesShareAHunk() {
        let diff = LineDiff.unified("a\nb\nc\nd", "a\nB\nC\nd")
        #expect(diff.components(separatedBy: "@@").count == 3)  // one header
        #expect(diff.contains("- b") && diff.contains("+ C"))
    }
}
