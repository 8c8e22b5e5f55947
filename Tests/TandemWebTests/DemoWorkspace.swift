import Foundation
import TandemDomain
import TandemPersistence
import Vapor

@testable import TandemWeb

/// The demo, seeded once per test process and copied for each test that reads it: seeding
/// analyses and checks quotes and plans projects, which costs far more than copying a database
/// (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL).
actor DemoWorkspace {
    static let shared = DemoWorkspace()
    private var seeded: Task<DatabaseLocation, any Error>?

    func location() async throws -> DatabaseLocation {
        if let seeded { return try await seeded.value }
        let task = Task { try await Self.seed() }
        seeded = task
        return try await task.value
    }

    private static func seed() async throws -> DatabaseLocation {
        let location = try await StandaloneDatabase.scratchTemplateLocation()
        try await runTandem(on: location) { app, clock in
            try await DemoSeed.run(on: app.db, hasher: app.password.async, clock: { clock.now })
        }
        return location
    }
}

/// Like `withTandem`, on a fresh copy of the seeded demo (same pinned clock as the seed).
func withDemoTandem(
    configure adjust: (inout TandemConfig) -> Void = { _ in }, ids: IdentifierGenerator = .random,
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    let template = try await DemoWorkspace.shared.location()
    let location = try await StandaloneDatabase.scratchLocation(copying: template)
    do {
        try await runTandem(on: location, configure: adjust, ids: ids, body)
    } catch {
        await StandaloneDatabase.dropScratch(location)
        throw error
    }
    await StandaloneDatabase.dropScratch(location)
}
