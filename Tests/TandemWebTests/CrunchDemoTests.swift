import Foundation
import TandemDomain
import Testing
import Vapor

@testable import TandemWeb

/// The demo's held pair (`demo.v3.crunch`): English→Finnish is planned on time that a pending
/// roll-out is likely to take for two weeks, so a deadline within them is amber (the quote
/// journey relies on it), a deadline after them green, and an unheld pair stays green.
@Suite("Demo: the held English→Finnish pair")
struct CrunchDemoTests {
    static func request(target: String, start: Date, days: Double) -> String {
        let format = ISO8601DateFormatter()
        return """
            {"start": "\(format.string(from: start))", "deadline": "\(format.string(from: start + days * 86_400))",
             "targets": [{"source": "en", "target": "\(target)", "steps": [{"service": "translation", "words": 180},
                                                                        {"service": "revision", "words": 180}]}]}
            """
    }

    @Test func aDeadlineWithinTheRollOutsHoldsIsAmberAndAfterThemGreen() async throws {
        try await withDemoTandem { app, clock in
            let pm = try await CapacityAPITests.token(app, "crunch.pm@lumen.example", roles: [.pm])
            var client = Browser(app)
            func verdict(_ target: String, _ days: Double) async throws -> String? {
                let answer = try await client.request(
                    .POST, APIRoute.capacityCheck.path,
                    json: Self.request(target: target, start: clock.now, days: days),
                    headers: pm)
                #expect(answer.status == .ok, "\(answer.body.string)")
                return try answer.json()["verdict"] as? String
            }
            #expect(try await verdict("fi", 5) == "amber")
            #expect(try await verdict("fi", 21) == "green")
            #expect(try await verdict("sv", 5) == "green")
        }
    }
}
