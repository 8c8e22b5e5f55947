import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// A small hand-made history for the metrics (docs/metrics.md), in October 2026, base EUR,
/// 1 USD = 0.90 EUR:
///
/// - Acme (EUR, rep A, PM P): project X accepted 5 Oct (opportunity made 10 Sep). Promise X-fr:
///   first version 500 EUR due 12 Oct, renegotiated to 600, delivered 11 Oct at cost 250 (quoted
///   cost 200) — kept. X-de: 400 EUR due 14 Oct, delivered 16 Oct at cost 150 (quoted 150), a
///   justified complaint — broken. Project Z accepted 20 Sep: Z-fr 300 EUR due 4 Oct, delivered
///   3 Oct at cost 120 (quoted 100) — kept (made in September, delivered in October).
/// - Beta (USD, rep B, PM P): project Y accepted 20 Oct: Y-fr 1000 USD due 25 Oct, not delivered
///   (judged broken on 18 Nov; quoted cost 500 EUR); Y-it 200 USD cancelled. Quote L lost 10 Oct.
struct GoalsWorld {
    var env: AppEnvironment
    var clock: ClockBox
    var repA: User
    var repB: User
    var pm: User
    var manager: User
    var promises: [String: Promise.ID]

    var scorecards: Scorecards { Scorecards(env) }
    static func day(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T12:00:00Z")! }
    /// The period of the hand-made data.
    static let october = ScorecardPeriodInput(from: "2026-10-01", to: "2026-10-31")

    static func run(_ body: (GoalsWorld) async throws -> Void) async throws {
        try await withScratchEnvironment { env, clock in try await body(try await make(env, clock: clock)) }
    }

    static func make(_ env: AppEnvironment, clock: ClockBox) async throws -> GoalsWorld {
        clock.now = day("2026-09-10")
        func user(_ email: String, _ roles: Set<Role>) async throws -> User {
            try await env.stores.users.create(
                try NewUser(email: try EmailAddress(email), displayName: email, roles: roles, passwordHash: "plain:pw"),
                id: env.ids(), at: env.now)
        }
        let repA = try await user("anna@lumen.example", [.sales])
        let repB = try await user("bruno@lumen.example", [.sales])
        let pm = try await user("pia@lumen.example", [.pm])
        let manager = try await user("max@lumen.example", [.manager])
        try await env.stores.pipeline.exchangeRates.create(
            ExchangeRate(
                id: env.ids(), currency: .usd, date: try LocalDate(iso: "2026-09-01"), rate: Decimal(string: "0.90")!))
        var b = GoalsBuilder(env: env, pm: pm)
        let acme = try await b.client("Acme", currency: "EUR", rep: repA)
        let beta = try await b.client("Beta", currency: "USD", rep: repB)
        let x = try await b.project("X", acme, accepted: "2026-10-05", lines: [("fr", 500, 200), ("de", 400, 150)])
        b.promise("X-fr", x, "fr", price: 600, due: "2026-10-12", delivered: ("2026-10-11", 250), firstPrice: 500)
        b.promise("X-de", x, "de", price: 400, due: "2026-10-14", delivered: ("2026-10-16", 150), complaint: true)
        let z = try await b.project("Z", acme, accepted: "2026-09-20", lines: [("fr", 300, 100)])
        b.promise("Z-fr", z, "fr", price: 300, due: "2026-10-04", delivered: ("2026-10-03", 120))
        let y = try await b.project("Y", beta, accepted: "2026-10-20", lines: [("fr", 1000, 500)])
        b.promise("Y-fr", y, "fr", price: 1000, due: "2026-10-25")
        b.promise("Y-it", y, "it", price: 200, due: "2026-10-28", cancelled: true)
        try await b.lostQuote(beta, at: "2026-10-10")
        try await b.save()
        try await addReviewsAndJobs(env, x: x.0, y: y.0, z: z.0, pm: pm, manager: manager)
        clock.now = day("2026-11-18")
        return GoalsWorld(
            env: env, clock: clock, repA: repA, repB: repB, pm: pm, manager: manager, promises: b.ids)
    }
}
