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
        if case .sqliteFile(let path) = location {
            // A fresh data directory (`tandem demo`, `tandem migrate`) is made here, as `serve` does.
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
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
        return try await open(location, dropOnShutdown: location, migrate: migrate, logger: quietLogger)
    }

    /// A location for one test: an in-memory SQLite, or a fresh PostgreSQL database copied from
    /// this process's migrated template (`ScratchPostgres`). With `copying`, a copy of that
    /// scratch template instead (a seeded SQLite file or PostgreSQL database; see
    /// `scratchTemplateLocation()`). Pair each call with `dropScratch`.
    public static func scratchLocation(copying source: DatabaseLocation? = nil) async throws -> DatabaseLocation {
        guard let admin = testServerURL else {
            guard case .sqliteFile(let path)? = source else { return .sqliteMemory }
            let copy = FileManager.default.temporaryDirectory
                .appendingPathComponent("tandem-scratch-\(UUID().uuidString).sqlite").path
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            return .sqliteFile(copy)
        }
        await ScratchPostgres.shared.enter()
        do {
            let template: String
            if case .postgres(let url)? = source {
                template = databaseName(of: url)
            } else {
                template = try await ScratchPostgres.shared.template(admin: admin)
            }
            let name = "tandem_test_" + ScratchPostgres.randomSuffix(16)
            try await ScratchPostgres.copy(template, to: name, admin: admin)
            return .postgres(url: ScratchPostgres.url(admin, database: name))
        } catch {
            await ScratchPostgres.shared.leave()
            throw error
        }
    }

    /// A database to fill once and then copy for many tests (`scratchLocation(copying:)`): an
    /// SQLite file, or a PostgreSQL database named as a template of this process (dropped by a
    /// later run once this process has ended). It starts migrated on PostgreSQL, empty on SQLite.
    public static func scratchTemplateLocation() async throws -> DatabaseLocation {
        guard let admin = testServerURL else {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("tandem-scratch-template-\(UUID().uuidString).sqlite").path
            return .sqliteFile(path)
        }
        let migrated = try await ScratchPostgres.shared.template(admin: admin)
        let pid = ProcessInfo.processInfo.processIdentifier
        let name = "tandem_test_tpl_\(pid)_" + ScratchPostgres.randomSuffix(8)
        try await ScratchPostgres.copy(migrated, to: name, admin: admin)
        return .postgres(url: ScratchPostgres.url(admin, database: name))
    }

    /// Drops a scratch database made by `scratchLocation()`: a PostgreSQL database, or an SQLite
    /// file copy; nothing for an in-memory SQLite.
    public static func dropScratch(_ location: DatabaseLocation) async {
        switch location {
        case .sqliteMemory:
            return
        case .sqliteFile(let path):
            guard (path as NSString).lastPathComponent.hasPrefix("tandem-scratch-") else { return }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let url):
            guard let admin = testServerURL else { return }
            let name = databaseName(of: url)
            guard name.hasPrefix("tandem_test_"), !name.hasPrefix("tandem_test_tpl_") else { return }
            try? await withAdminConnection(admin) { sql in
                try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            }
            await ScratchPostgres.shared.leave()
        }
    }

    static var testServerURL: String? {
        guard let url = ProcessInfo.processInfo.environment["TANDEM_TEST_DATABASE_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "tandem.test")
        logger.logLevel = .warning
        return logger
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        if let dropOnShutdown { await Self.dropScratch(dropOnShutdown) }
    }

    static func databaseName(of url: String) -> String {
        String(URLComponents(string: url)?.path.dropFirst() ?? "")
    }

    static func withAdminConnection(_ url: String, _ body: @Sendable (any SQLDatabase) async throws -> Void)
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
