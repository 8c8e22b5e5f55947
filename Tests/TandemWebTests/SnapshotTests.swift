import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Key pages and endpoints compared with stored snapshots (pinned clock, deterministic demo data).
/// After an intended change, run with TANDEM_RECORD_SNAPSHOTS=1 and review the diff.
@Suite("Snapshots")
struct SnapshotTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/TandemWebTests/__Snapshots__")

    /// Blanks what changes between runs: secrets, tokens and request IDs.
    static func normalise(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in [
            (#"name="_csrf" value="[^"]*""#, #"name="_csrf" value="CSRF""#),
            (#"(Reference|Référence)( ?): [0-9A-Fa-f-]{36}"#, "$1$2: REQUEST-ID"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let file = Self.directory.appendingPathComponent(name)
        let normalised = Self.normalise(actual)
        if ProcessInfo.processInfo.environment["TANDEM_RECORD_SNAPSHOTS"] == "1" {
            try normalised.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        #expect(
            expected != nil, "no snapshot \(name); record it with TANDEM_RECORD_SNAPSHOTS=1",
            sourceLocation: sourceLocation)
        if let expected, expected != normalised {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = normalised.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
            Issue.record(
                "\(name) differs from its snapshot at line \(line + 1):\n- \(line < a.count ? a[line] : "")\n+ \(line < b.count ? b[line] : "")",
                sourceLocation: sourceLocation)
        }
    }

    func seeded(_ body: (Application) async throws -> Void) async throws {
        try await withTandem { app, clock in
            try await DemoSeed.run(on: app.db, hasher: app.password.async, clock: { clock.now })
            try await body(app)
        }
    }

    @Test(arguments: ["en", "fr"])
    func loginPage(language: String) async throws {
        try await seeded { app in
            var browser = Browser(app, language: language)
            try assertSnapshot(try await browser.get("/login").body.string, named: "login.\(language).html")
        }
    }

    @Test func dashboardOfTheDemoAdmin() async throws {
        try await seeded { app in
            var browser = Browser(app)
            _ = try await browser.signIn("admin@lumen.example", password: DemoSeed.password)
            try assertSnapshot(try await browser.get("/").body.string, named: "dashboard.admin.en.html")
        }
    }

    @Test func meEndpoint() async throws {
        try await seeded { app in
            var browser = Browser(app)
            _ = try await browser.signIn("sofia.sales@lumen.example", password: DemoSeed.password)
            let page = try await browser.submit("/settings/profile/tokens", ["name": "snapshot"])
            let range = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
            let me = try await browser.request(
                .GET, "/api/v1/me", headers: ["Authorization": "Bearer \(page.body.string[range])"])
            let object = try JSONSerialization.jsonObject(with: Data(me.body.string.utf8))
            let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            try assertSnapshot(String(decoding: pretty, as: UTF8.self), named: "me.sales.json")
        }
    }
}
