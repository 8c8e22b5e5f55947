import FluentKit
import Foundation
import SQLKit

/// Scratch PostgreSQL databases for tests. Running every migration for every test is most of a
/// test's cost on PostgreSQL, so each process migrates one template database once and each test
/// copies it (`CREATE DATABASE … TEMPLATE`). A gate bounds how many scratch databases exist at
/// once, so a parallel run never exhausts the server's connections.
actor ScratchPostgres {
    static let shared = ScratchPostgres()

    private var migratedTemplate: Task<String, any Error>?
    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let limit = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)

    /// Waits for a free place under the gate.
    func enter() async {
        if open < limit {
            open += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees a place, handing it straight to the next waiter if there is one.
    func leave() {
        if waiting.isEmpty { open -= 1 } else { waiting.removeFirst().resume() }
    }

    /// The name of this process's migrated template, made on first use.
    func template(admin: String) async throws -> String {
        if let migratedTemplate { return try await migratedTemplate.value }
        let task = Task { try await Self.makeTemplate(admin: admin) }
        migratedTemplate = task
        return try await task.value
    }

    private static func makeTemplate(admin: String) async throws -> String {
        let pid = ProcessInfo.processInfo.processIdentifier
        let name = "tandem_test_tpl_\(pid)_" + randomSuffix(8)
        try await StandaloneDatabase.withAdminConnection(admin) { sql in
            try await dropTemplatesOfDeadProcesses(sql)
            try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        }
        let database = try await StandaloneDatabase.open(
            .postgres(url: url(admin, database: name)), dropOnShutdown: nil, migrate: true,
            logger: StandaloneDatabase.quietLogger)
        await database.databases.shutdownAsync()
        return name
    }

    /// Templates left by test processes that ended without cleaning up (killed, crashed).
    private static func dropTemplatesOfDeadProcesses(_ sql: any SQLDatabase) async throws {
        struct Row: Decodable { var datname: String }
        let rows = try await sql.raw("SELECT datname FROM pg_database WHERE datname LIKE 'tandem_test_tpl_%'")
            .all(decoding: Row.self)
        for row in rows {
            let parts = row.datname.split(separator: "_")
            guard parts.count == 5, let pid = Int32(parts[3]), kill(pid, 0) != 0 else { continue }
            try? await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: row.datname) WITH (FORCE)").run()
        }
    }

    /// `CREATE DATABASE … TEMPLATE`, tried again for a moment while the template's last
    /// connection is still closing ("source database is being accessed by other users").
    static func copy(_ template: String, to name: String, admin: String) async throws {
        var attempt = 1
        while true {
            do {
                try await StandaloneDatabase.withAdminConnection(admin) { sql in
                    try await sql.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: template)").run()
                }
                return
            } catch  where attempt < 20 && String(reflecting: error).contains("being accessed by other users") {
                try await Task.sleep(nanoseconds: 100_000_000)
                attempt += 1
            }
        }
    }

    static func url(_ admin: String, database: String) -> String {
        var components = URLComponents(string: admin)!
        components.path = "/" + database
        return components.string!
    }

    static func randomSuffix(_ length: Int) -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(length))
    }
}
