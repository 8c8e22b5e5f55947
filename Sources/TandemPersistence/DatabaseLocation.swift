import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where Tandem keeps its data: an SQLite file (the embedded default) or PostgreSQL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqliteFile(let path): return "SQLite at \(path)"
        case .sqliteMemory: return "SQLite in memory"
        case .postgres(let url): return "PostgreSQL at \(Self.redacted(url))"
        }
    }

    public var databaseID: DatabaseID {
        switch self {
        case .sqliteFile, .sqliteMemory: return .sqlite
        case .postgres: return .psql
        }
    }

    /// Fluent's configuration for this location; throws a readable error for a bad URL.
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            // One connection: SQLite serialises writers anyway, and this avoids SQLITE_BUSY.
            // A request may queue behind other writers on a busy machine: wait up to 30 s.
            return .sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30))
        case .sqliteMemory:
            return .sqlite(.memory, maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30))
        case .postgres(let url):
            do {
                // `?sslmode=disable|prefer|require` is honoured; the default is `prefer`.
                let config = try SQLPostgresConfiguration(url: url)
                // Parallel tests and bursts of requests may queue for a connection: wait up to 30 s.
                return .postgres(
                    configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30))
            } catch {
                throw DatabaseLocationError.badURL(
                    "DATABASE_URL is not a PostgreSQL URL such as postgres://user:password@host:5432/tandem (\(error))")
            }
        }
    }

    /// The URL with its password replaced by `***`, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparseable URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(unparseable URL)"
    }
}

public enum DatabaseLocationError: Error, CustomStringConvertible {
    case badURL(String)
    public var description: String {
        switch self {
        case .badURL(let message): return message
        }
    }
}
