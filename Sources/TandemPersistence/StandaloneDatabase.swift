import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// A migrated Fluent database without Vapor: for the persistence tests and command-line tools.
/// `scratch(...)` makes a throwaway one: an in-memory SQLite, or a fresh PostgreSQL database
/// (created on the server named by `TANDEM_TEST_DATABASE_URL` and dropped by `shutdown()`).
public final class StandaloneDatabase: Sendable {
    public let databases: Databases
    public let database: any Database
    private let dropOnShutdown: DatabaseLocation?

    init(databases: Databases, database: any Database, dropOnShutdown: DatabaseLocation?) {
        self.databases = databases
        self.database = database
        self.dropOnShutdown = dropOnShutdown
    }

    public static func open(
        _ location: DatabaseLocation, migrate: Bool = true, logger: Logger = Logger(label: "tandem.db")
    ) async throws -> StandaloneDatabase {
        try await open(location, dropOnShutdown: nil, migrate: migrate, logger: logger)
    }

    static func open(_ location: DatabaseLocation, dropOnShutdown: DatabaseLocation?, migrate: Bool, logger: Logger)
        async throws -> StandaloneDatabase
    {
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        databases.use(try location.configuration(), as: location.databaseID, isDefault: true)
        guard let database = databases.database(logger: logger, on: group.any()) else {
            throw DatabaseLocationError.badURL("no database configured")
        }
        if migrate {
            let migrations = Migrations()
            migrations.add(TandemMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: group.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
        return StandaloneDatabase(databases: databases, database: database, dropOnShutdown: dropOnShutdown)
    }

    /// The database tests should use: PostgreSQL when `TANDEM_TEST_DATABASE_URL` is set, else SQLite in memory.
    public static func scratch(migrate: Bool = true) async throws -> StandaloneDatabase {
        let location = try await scratchLocation()
        var logger = Logger(label: "tandem.test")
        logger.logLevel = .warning
        return try await open(location, dropOnShutdown: location, migrate: migrate, logger: logger)
    }

    /// A location for one test: a fresh PostgreSQL database, or an in-memory SQLite.
    public static func scratchLocation() async throws -> DatabaseLocation {
        guard let admin = ProcessInfo.processInfo.environment["TANDEM_TEST_DATABASE_URL"], !admin.isEmpty else {
            return .sqliteMemory
        }
        let name = "tandem_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await withAdminConnection(admin) { sql in
            try await sql.raw("CREATE DATABASE \(unsafeRaw: String(name))").run()
        }
        var components = URLComponents(string: admin)!
        components.path = "/" + name
        return .postgres(url: components.string!)
    }

    /// Drops a scratch PostgreSQL database made by `scratchLocation()`; nothing for SQLite.
    public static func dropScratch(_ location: DatabaseLocation) async {
        guard case .postgres(let url) = location,
            let admin = ProcessInfo.processInfo.environment["TANDEM_TEST_DATABASE_URL"]
        else { return }
        let name = databaseName(of: url)
        guard name.hasPrefix("tandem_test_") else { return }
        try? await withAdminConnection(admin) { sql in
            try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
        }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        if let dropOnShutdown { await Self.dropScratch(dropOnShutdown) }
    }

    static func databaseName(of url: String) -> String {
        String(URLComponents(string: url)?.path.dropFirst() ?? "")
    }

    private static func withAdminConnection(_ url: String, _ body: @Sendable (any SQLDatabase) async throws -> Void)
        async throws
    {
        var logger = Logger(label: "tandem.test.admin")
        logger.logLevel = .warning
        let admin = try await open(.postgres(url: url), dropOnShutdown: nil, migrate: false, logger: logger)
        do {
            guard let sql = admin.database as? any SQLDatabase else {
                throw DatabaseLocationError.badURL("not an SQL database")
            }
            try await body(sql)
        } catch {
            await admin.databases.shutdownAsync()
            throw error
        }
        await admin.databases.shutdownAsync()
    }
}
