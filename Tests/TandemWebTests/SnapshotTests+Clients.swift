import Foundation
import Testing
import Vapor

@testable import TandemWeb

extension SnapshotTests {
    @Test func accountsListOfADemoRep() async throws {
        try await seeded { app in
            var browser = try await signedIn(app, as: "sofia.sales@lumen.example")
            let page = try await browser.get("/accounts?ownerId=00000000-0000-0000-0000-000000020002")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "accounts.sales.en.html")
        }
    }

    @Test func accountPageInFrench() async throws {
        try await seeded { app in
            var browser = try await signedIn(app, as: "sofia.sales@lumen.example")
            browser.language = "fr"
            let page = try await browser.get("/accounts/00000000-0000-0000-0000-000000030004")
            #expect(page.status == .ok)
            try assertSnapshot(page.body.string, named: "account.sales.fr.html")
        }
    }
}
