import Foundation
import TandemPersistence

/// Every setting Tandem reads from the environment, in one place (listed in `.env.example`
/// and the README). Defaults work on a laptop.
public struct TandemConfig: Sendable, Equatable {
    /// Folder for the SQLite file and imported catalogs (`TANDEM_DATA_DIR`, default `./tandem-data`).
    public var dataDirectory: String
    /// PostgreSQL URL (`DATABASE_URL`); when absent Tandem uses SQLite in the data directory.
    public var databaseURL: String?
    /// Folder holding `Views/`, `Public/`, `Locales/`, `OpenAPI/` (`TANDEM_RESOURCES_DIR`, default `./Resources`).
    public var resourcesDirectory: String
    /// Address the server listens on (`TANDEM_HOST`, default 127.0.0.1; `--hostname` overrides).
    public var hostname: String
    /// Port (`TANDEM_PORT`, default 8080; `--port` overrides).
    public var port: Int
    /// Public base URL used in links printed on the console (`TANDEM_PUBLIC_URL`).
    public var publicURL: String?
    /// Mark cookies `Secure` and give them `__Host-` names (`TANDEM_SECURE_COOKIES`; default: true
    /// unless Tandem listens on a loopback address without an https public URL).
    public var secureCookies: Bool {
        get { secureCookiesSetting ?? publicURL.map { $0.hasPrefix("https://") } ?? !Self.isLoopback(hostname) }
        set { secureCookiesSetting = newValue }
    }
    /// `TANDEM_SECURE_COOKIES` as given; nil decides from the address and the public URL.
    public var secureCookiesSetting: Bool?
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TANDEM_TRUSTED_PROXIES`, CIDRs
    /// separated by commas; default none: the header is ignored).
    public var trustedProxies: [CIDR]
    /// Hours a sign-in lasts (`TANDEM_SESSION_HOURS`, default 12).
    public var sessionHours: Int
    /// bcrypt cost (`TANDEM_BCRYPT_COST`, default 12; 4 to 16).
    public var bcryptCost: Int
    /// `text` or `json` (`TANDEM_LOG_FORMAT`, default text).
    public var logFormat: LogFormat
    /// trace, debug, info, notice, warning, error (`TANDEM_LOG_LEVEL`, default info).
    public var logLevel: String
    /// WeasyPrint's executable for quote PDFs (`TANDEM_PDF_RENDERER`; default: `.venv/bin/weasyprint`
    /// beside the resources folder, then `weasyprint` on `PATH`; `none` serves the print page instead).
    public var pdfRenderer: String?

    /// The largest file a quote accepts, in bytes (`TANDEM_QUOTE_UPLOAD_MB`, default 50 MB):
    /// larger uploads are refused with a 413 naming the limit.
    public var quoteUploadMaxBytes: Int = 50 * 1024 * 1024
    /// Seconds between the live notifications' keep-alive ticks (`TANDEM_LIVE_TICK_SECONDS`, default 20).
    public var liveTickSeconds: Int = 20
    /// Seconds between two runs of quote expiry while the server runs (`TANDEM_QUOTE_EXPIRY_MINUTES`,
    /// default 60 minutes; the first run is at start).
    public var quoteExpirySeconds: Int = 3600
    /// Seconds between two runs of the production watch (jobs past their due, vendors' calendars
    /// against their assignments; `TANDEM_PRODUCTION_WATCH_MINUTES`, default 15; the first run is at start).
    public var productionWatchSeconds: Int = 900
    /// Seconds between two refreshes of the scorecards' roll-up while the server runs (the days
    /// written since; `TANDEM_METRICS_ROLLUP_SECONDS`, default 60; the first is at start).
    public var metricsRollupSeconds: Int = 60

    public enum LogFormat: String, Sendable { case text, json }

    public init(
        dataDirectory: String = "./tandem-data", databaseURL: String? = nil, resourcesDirectory: String = "./Resources",
        hostname: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, secureCookies: Bool? = nil,
        sessionHours: Int = 12, bcryptCost: Int = 12, logFormat: LogFormat = .text, logLevel: String = "info",
        trustedProxies: [CIDR] = []
    ) {
        self.trustedProxies = trustedProxies
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.resourcesDirectory = resourcesDirectory
        self.hostname = hostname
        self.port = port
        self.publicURL = publicURL
        self.secureCookiesSetting = secureCookies
        self.sessionHours = sessionHours
        self.bcryptCost = bcryptCost
        self.logFormat = logFormat
        self.logLevel = logLevel
    }

    /// Reads the environment; throws one error listing every bad variable.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> TandemConfig
    {
        var problems: [String] = []
        var config = TandemConfig()
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
            guard let raw = value(name) else { return nil }
            guard let number = Int(raw), range.contains(number) else {
                problems.append(
                    "\(name)=\(raw): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return number
        }
        if let dir = value("TANDEM_DATA_DIR") { config.dataDirectory = dir }
        if let url = value("DATABASE_URL") {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                config.databaseURL = url
            } else {
                problems.append("DATABASE_URL: expected postgres://user:password@host:5432/database")
            }
        }
        if let dir = value("TANDEM_RESOURCES_DIR") { config.resourcesDirectory = dir }
        if let host = value("TANDEM_HOST") { config.hostname = host }
        if let port = integer("TANDEM_PORT", in: 1...65535) { config.port = port }
        if let url = value("TANDEM_PUBLIC_URL") {
            if url.hasPrefix("http://") || url.hasPrefix("https://") {
                config.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else {
                problems.append("TANDEM_PUBLIC_URL=\(url): expected http(s)://host[:port]")
            }
        }
        if let raw = value("TANDEM_SECURE_COOKIES") {
            switch raw.lowercased() {
            case "1", "true", "yes": config.secureCookies = true
            case "0", "false", "no": config.secureCookies = false
            default: problems.append("TANDEM_SECURE_COOKIES=\(raw): expected true or false")
            }
        }
        if let raw = value("TANDEM_TRUSTED_PROXIES") {
            for item in raw.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                if let cidr = CIDR(item) {
                    config.trustedProxies.append(cidr)
                } else {
                    problems.append(
                        "TANDEM_TRUSTED_PROXIES: “\(item)” is not an address or CIDR such as 10.0.0.0/8 or ::1/128")
                }
            }
        }
        if let hours = integer("TANDEM_SESSION_HOURS", in: 1...(24 * 90)) { config.sessionHours = hours }
        if let cost = integer("TANDEM_BCRYPT_COST", in: 4...16) { config.bcryptCost = cost }
        if let path = value("TANDEM_PDF_RENDERER") { config.pdfRenderer = path }
        if let megabytes = integer("TANDEM_QUOTE_UPLOAD_MB", in: 1...2048) {
            config.quoteUploadMaxBytes = megabytes * 1024 * 1024
        }
        if let seconds = integer("TANDEM_LIVE_TICK_SECONDS", in: 1...300) { config.liveTickSeconds = seconds }
        if let minutes = integer("TANDEM_QUOTE_EXPIRY_MINUTES", in: 1...1440) {
            config.quoteExpirySeconds = minutes * 60
        }
        if let minutes = integer("TANDEM_PRODUCTION_WATCH_MINUTES", in: 1...1440) {
            config.productionWatchSeconds = minutes * 60
        }
        if let seconds = integer("TANDEM_METRICS_ROLLUP_SECONDS", in: 5...86400) {
            config.metricsRollupSeconds = seconds
        }
        if let raw = value("TANDEM_LOG_FORMAT") {
            if let format = LogFormat(rawValue: raw.lowercased()) {
                config.logFormat = format
            } else {
                problems.append("TANDEM_LOG_FORMAT=\(raw): expected text or json")
            }
        }
        if let raw = value("TANDEM_LOG_LEVEL") {
            if ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(raw.lowercased()) {
                config.logLevel = raw.lowercased()
            } else {
                problems.append("TANDEM_LOG_LEVEL=\(raw): expected trace, debug, info, notice, warning or error")
            }
        }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return config
    }

    public var databaseLocation: DatabaseLocation {
        if let databaseURL { return .postgres(url: databaseURL) }
        return .sqliteFile((dataDirectory as NSString).appendingPathComponent("tandem.sqlite"))
    }

    /// Whether `hostname` only accepts connections from this machine.
    public static func isLoopback(_ hostname: String) -> Bool {
        if hostname == "localhost" || hostname == "::1" { return true }
        return CIDR("127.0.0.0/8")!.contains(hostname)
    }

    /// Whether pages are served over https (HSTS is sent then).
    public var servesHTTPS: Bool { publicURL?.hasPrefix("https://") ?? false }

    /// Base URL for links printed on the console.
    public var baseURL: String { publicURL ?? "http://\(hostname == "0.0.0.0" ? "127.0.0.1" : hostname):\(port)" }
}

public struct ConfigError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String {
        "Tandem cannot start; fix these environment variables (see .env.example):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
