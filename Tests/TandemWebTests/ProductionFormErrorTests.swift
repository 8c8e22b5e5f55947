import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The project page's production forms report a refusal next to the field it concerns, in the
/// form that was sent, with what was typed (not only as a message at the top).
@Suite("Production forms: errors by their field")
struct ProductionFormErrorTests {
    @Test func tooManyWordsAreShownByTheWordsFieldOfThatJob() async throws {
        try await withTandem { app, _ in
            let (_, project) = try await ProductionAPITests.project(app)
            let job = try #require(try await app.stores.production.jobs(of: project.id).first { !$0.isInternal })
            var pm = Browser(app)
            _ = try await pm.signIn("paula@lumen.example")
            let page = "/projects/\(project.id)"
            let vendor = "00000000-0000-0000-00ff-000000000001"
            let refused = try await pm.submit(
                page, to: "/jobs/\(job.id)/assign", ["vendorId": vendor, "words": "999999"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(#"<p class="field-error" id="words-\#(job.id)-error">"#))
            #expect(html.contains(#"name="words" inputmode="numeric" size="7""#) && html.contains(#"value="999999""#))
            // The hand-assignment panel is open and keeps the vendor chosen.
            #expect(html.contains(#"<details class="hand-assign" open>"#))
            #expect(html.contains(#"<option value="\#(vendor)" selected>"#))
            // Nothing else is marked, and nothing was assigned.
            #expect(html.components(separatedBy: "class=\"field-error\"").count == 2)
            #expect(try await app.stores.production.assignments(of: [job.id]).isEmpty)
        }
    }

    @Test func aRefusedMoveIsShownInItsJobsRow() async throws {
        try await withTandem { app, _ in
            let (_, project) = try await ProductionAPITests.project(app)
            let job = try #require(try await app.stores.production.jobs(of: project.id).first { !$0.isInternal })
            var pm = Browser(app)
            _ = try await pm.signIn("paula@lumen.example")
            // An offer needs a vendor: refused, next to the job's moves.
            let refused = try await pm.submit(
                "/projects/\(project.id)", to: "/jobs/\(job.id)/move", ["to": "delivered"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="job-\#(job.id)-error" role="alert">"#))
        }
    }
}
