import Foundation
import NIOCore
import TandemDomain
import TandemLocalization
import TandemPersistence
import TandemPlanningText
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Capacity from the stored vendors: the check follows every write, equals `tandem plan` on the
/// exported data, hides vendors from sales, and two instances on one PostgreSQL stay in step.
@Suite("Capacity from the database")
struct CapacityLiveTests {
    static let check = APIRoute.capacityCheck.path

    /// Mon 2026-11-23 08:00 UTC → Wed 17:00: 4,000 words en → fr, translation then revision.
    static let request = """
        {"start": "2026-11-23T08:00:00Z", "deadline": "2026-11-25T17:00:00Z", "maxVendorsPerStep": 1,
         "targets": [{"source": "en", "target": "fr", "steps": [{"service": "translation", "words": 4000},
                                                              {"service": "revision", "words": 4000}]}]}
        """

    /// A vendor as the vendors API takes it (issue #12's contract): Monday to Friday 09:00–17:00.
    static func vendorBody(_ name: String, zone: String = "UTC", service: String, wordsPerHour: Int, price: String)
        -> String
    {
        let day = #"["09:00-17:00"]"#
        return """
            {"name": "\(name)", "timeZone": "\(zone)",
             "workingHours": {"mon": \(day), "tue": \(day), "wed": \(day), "thu": \(day), "fri": \(day)},
             "pairs": [{"source": "en", "target": "fr", "services": {"\(service)": {"wordsPerHour": \(wordsPerHour)}},
                        "rates": [{"service": "\(service)", "unit": "word", "price": {"amount": "\(price)", "currency": "EUR"}}]}]}
            """
    }

    /// Creates a vendor through the API; returns its id.
    static func createVendor(_ app: Application, _ headers: HTTPHeaders, _ body: String) async throws -> String {
        var client = Browser(app)
        let created = try await client.request(.POST, "/api/v1/vendors", json: body, headers: headers)
        #expect(created.status == .created, "\(created.body.string)")
        return try #require(try created.json()["id"] as? String)
    }

    static func addAbsence(_ app: Application, _ headers: HTTPHeaders, vendor: String, from: String, to: String)
        async throws
    {
        var client = Browser(app)
        let added = try await client.request(
            .POST, "/api/v1/vendors/\(vendor)/absences", json: #"{"from": "\#(from)", "to": "\#(to)"}"#,
            headers: headers)
        #expect(added.status == .created, "\(added.body.string)")
    }

    static func verdict(_ app: Application, _ headers: HTTPHeaders, _ body: String = request) async throws -> [String:
        Any]
    {
        var client = Browser(app)
        let answer = try await client.request(.POST, check, json: body, headers: headers)
        #expect(answer.status == .ok, "\(answer.body.string)")
        return try answer.json()
    }

    @Test func theCheckFollowsEachWriteAndEqualsTandemPlanOnTheExport() async throws {
        try await withTandem { app, _ in
            let manager = try await CapacityAPITests.token(app, "vera@lumen.example", roles: [.vendorManager])
            let pm = try await CapacityAPITests.token(app, "paula@lumen.example", roles: [.pm])
            #expect(try await Self.verdict(app, pm)["verdict"] as? String == "red")
            let ana = try await Self.createVendor(
                app, manager,
                Self.vendorBody("Ana Translator", service: "translation", wordsPerHour: 500, price: "0.08"))
            _ = try await Self.createVendor(
                app, manager, Self.vendorBody("Chloé Reviser", service: "revision", wordsPerHour: 1000, price: "0.03"))
            // Translation Mon 09:00–17:00, revision Tue 09:00–13:00: green.
            let green = try await Self.verdict(app, pm)
            #expect(green["verdict"] as? String == "green")
            #expect(green["earliestDelivery"] as? String == "2026-11-24T13:00:00Z")

            // Ana is away Monday and Tuesday: delivery Thursday, after the deadline.
            try await Self.addAbsence(
                app, manager, vendor: ana, from: "2026-11-23T00:00:00Z", to: "2026-11-25T00:00:00Z")
            let red = try await Self.verdict(app, pm)
            #expect(red["verdict"] as? String == "red")
            let reasons = try #require(red["reasons"] as? [[String: Any]])
            #expect(reasons.contains { $0["code"] as? String == "vendor_absent_until" })

            // The same data through `tandem plan`: byte for byte the API's answer.
            var client = Browser(app)
            let api = try await client.request(.POST, Self.check, json: Self.request, headers: pm)
            let file = try await CapacityExport.planFile(app: app, request: Data(Self.request.utf8))
            let localizer = app.localization.catalogs.localizer(locale: "en", timeZone: TimeZone(identifier: "UTC")!)
            let plan = PlanRunner.run(fileContents: file, format: .json, localizer: localizer)
            #expect(plan.exitCode == 0)
            #expect(plan.standardOutput == api.body.string + "\n")
            #expect(await app.capacity.statistics.builds == 1)
        }
    }

    @Test func salesSeesNoVendorAnywhere() async throws {
        try await withTandem { app, _ in
            let manager = try await CapacityAPITests.token(app, "vera@lumen.example", roles: [.vendorManager])
            let sales = try await CapacityAPITests.token(app, "sam@lumen.example", roles: [.sales])
            let ana = try await Self.createVendor(
                app, manager,
                Self.vendorBody("Ana Translator", service: "translation", wordsPerHour: 500, price: "0.08"))
            _ = try await Self.createVendor(
                app, manager, Self.vendorBody("Chloé Reviser", service: "revision", wordsPerHour: 1000, price: "0.03"))
            try await Self.addAbsence(
                app, manager, vendor: ana, from: "2026-11-23T00:00:00Z", to: "2026-11-25T00:00:00Z")
            var client = Browser(app)
            let answer = try await client.request(.POST, Self.check, json: Self.request, headers: sales)
            #expect(answer.status == .ok)
            let text = answer.body.string
            for secret in ["Ana", "Chlo", ana, "0.08", "EUR", "vendor\""] {
                #expect(!text.contains(secret), "\(secret)")
            }
            let reasons = try #require(try answer.json()["reasons"] as? [[String: Any]])
            let absent = try #require(reasons.first { $0["code"] as? String == "vendor_absent_until" })
            #expect((absent["text"] as? String)?.contains("the only eligible vendor is absent") == true)
        }
    }

    /// Two `tandem serve` instances on one PostgreSQL database: a vendor created on one and an
    /// absence added on one change the other's next check.
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["TANDEM_TEST_DATABASE_URL"] != nil,
            "needs PostgreSQL (scripts/test's PostgreSQL step): two processes cannot share SQLite in memory"))
    func twoInstancesOnOnePostgreSQLSeeEachOthersChanges() async throws {
        let location = try await StandaloneDatabase.scratchLocation()
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))
        func instance() async throws -> Application {
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            var config = TandemConfig()
            config.resourcesDirectory = repositoryRoot.appendingPathComponent("Resources").path
            config.dataDirectory =
                FileManager.default.temporaryDirectory.appendingPathComponent("tandem-\(UUID())").path
            config.bcryptCost = 4
            try await configure(app, context: AppContext(config: config, clock: { clock.now }), location: location)
            return app
        }
        let first = try await instance()
        let second = try await instance()
        do {
            try await first.autoMigrate()
            try await second.startCapacity()
            let manager = try await CapacityAPITests.token(first, "vera@lumen.example", roles: [.vendorManager])
            let pm = try await CapacityAPITests.token(first, "paula@lumen.example", roles: [.pm])
            #expect(try await Self.verdict(second, pm)["verdict"] as? String == "red")
            let ana = try await Self.createVendor(
                first, manager,
                Self.vendorBody("Ana Translator", service: "translation", wordsPerHour: 500, price: "0.08"))
            _ = try await Self.createVendor(
                first, manager, Self.vendorBody("Chloé Reviser", service: "revision", wordsPerHour: 1000, price: "0.03")
            )
            #expect(try await Self.verdict(second, pm)["verdict"] as? String == "green")
            try await Self.addAbsence(
                first, manager, vendor: ana, from: "2026-11-23T00:00:00Z", to: "2026-11-25T00:00:00Z")
            #expect(try await Self.verdict(second, pm)["verdict"] as? String == "red")
            // The second instance replayed the changes; it never rebuilt.
            #expect(await second.capacity.statistics.builds == 1)
            #expect(await second.capacity.statistics.incrementalUpdates >= 2)
        } catch {
            try? await first.asyncShutdown()
            try? await second.asyncShutdown()
            await StandaloneDatabase.dropScratch(location)
            throw error
        }
        try await first.asyncShutdown()
        try await second.asyncShutdown()
        await StandaloneDatabase.dropScratch(location)
    }
}
