import Fluent
import Foundation
import Logging
import TandemDomain
import TandemPersistence
import Vapor

/// What `tandem serve` and `tandem migrate` do; the executable only parses arguments.
public enum TandemServer {
    public struct ServeOptions: Sendable {
        public var hostname: String?
        public var port: Int?
        public var demo: Bool
        public init(hostname: String? = nil, port: Int? = nil, demo: Bool = false) {
            self.hostname = hostname
            self.port = port
            self.demo = demo
        }
    }

    public static func bootstrapLogging(_ config: TandemConfig) {
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                config.logFormat == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Starts the web app and API; returns when the server stops (SIGINT/SIGTERM stop it
    /// gracefully: in-flight requests finish, connections close, the database pool drains).
    public static func serve(config baseConfig: TandemConfig, options: ServeOptions) async throws {
        var config = baseConfig
        if let hostname = options.hostname { config.hostname = hostname }
        if let port = options.port { config.port = port }
        let app = try await Application.make(.init(name: "production", arguments: ["tandem", "serve"]))
        do {
            try await configure(app, context: AppContext(config: config))
            app.logger.info("storage: \(config.databaseLocation)")
            try await app.autoMigrate()
            if options.demo {
                try await DemoSeed.checkDatabaseIsDemoOnly(app.stores)
                let logins = try await DemoSeed.run(
                    on: app.db, hasher: app.password.async, clock: app.tandem.clock, files: app.quoteFiles)
                printBanner(DemoSeed.banner(logins: logins, baseURL: config.baseURL))
            } else if let link = try await app.issueSetupLinkIfNeeded() {
                printBanner(
                    """
                    No users yet. Open this one-time link to create the first admin (valid 24 hours):

                        \(link)
                    """)
            }
            try await app.startCapacity()
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Applies pending migrations, or reverts the last batch (or all of them).
    public static func migrate(config: TandemConfig, revert: Bool, all: Bool) async throws -> String {
        let app = try await Application.make(.init(name: "production", arguments: ["tandem", "migrate"]))
        do {
            try await configure(app, context: AppContext(config: config))
            let message: String
            if revert {
                if all {
                    try await app.migrator.revertAllBatches().get()
                } else {
                    try await app.migrator.revertLastBatch().get()
                }
                message =
                    all
                    ? "Reverted every migration on \(config.databaseLocation)."
                    : "Reverted the last batch of migrations on \(config.databaseLocation)."
            } else {
                try await app.migrator.setupIfNeeded().get()
                try await app.migrator.prepareBatch().get()
                // The scorecards' roll-up is brought up to date too (all of history after V016),
                // so that the server's first scorecard does not wait for it.
                let started = Date()
                let refresh = try await FluentMetricsStore(database: app.db).refreshRollup()
                message =
                    "Migrations are up to date on \(config.databaseLocation)."
                    + (refresh.days == 0
                        ? ""
                        : " Metrics roll-up: \(refresh.days) days computed in "
                            + String(format: "%.1f", Date().timeIntervalSince(started)) + " s.")
            }
            try await app.asyncShutdown()
            return message
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// An error as the console shows it, with the database password (from `DATABASE_URL`)
    /// replaced by `***` wherever a driver's message repeats it.
    public static func consoleMessage(for error: any Error, config: TandemConfig) -> String {
        var text = String(describing: error)
        if let url = config.databaseURL {
            text = text.replacingOccurrences(of: url, with: DatabaseLocation.redacted(url))
            if let password = URLComponents(string: url)?.password, !password.isEmpty {
                text = text.replacingOccurrences(of: password, with: "***")
                if let decoded = password.removingPercentEncoding, !decoded.isEmpty {
                    text = text.replacingOccurrences(of: decoded, with: "***")
                }
            }
        }
        return text
    }

    /// `tandem users reset-link EMAIL`: opens the database, makes the link, closes.
    public static func resetLink(config: TandemConfig, email: String) async throws -> String {
        let app = try await Application.make(.init(name: "production", arguments: ["tandem", "users"]))
        do {
            try await configure(app, context: AppContext(config: config))
            try await app.autoMigrate()
            let link = try await app.resetLink(for: email)
            try await app.asyncShutdown()
            return link
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func printBanner(_ text: String) {
        let line = String(repeating: "─", count: 72)
        FileHandle.standardOutput.write(Data("\n\(line)\n\(text)\n\(line)\n\n".utf8))
    }
}

/// One JSON object per line, for log collectors: time (UTC), level, label, message, metadata
/// (including `request-id`).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "time": ISO8601DateFormatter().string(from: Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = "\(value)"
        }
        if let error = event.error { object["error"] = String(describing: error) }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }
}
