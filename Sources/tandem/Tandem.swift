import ArgumentParser
import Foundation
import TandemCommands
import TandemDomain
import TandemPlanning
import TandemWeb

@main
struct Tandem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Tandem: one platform for the sales and production teams of a language service provider.",
        discussion: "Configuration comes from environment variables; see .env.example.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Users.self, AnalyzeCommand.self, PlanCommand.self, I18nCommand.self,
            CapacityCommand.self,
        ])
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the web app and the JSON API.")

    @Option(name: .long, help: "Address to listen on (default 127.0.0.1, or TANDEM_HOST).")
    var hostname: String?

    @Option(name: .long, help: "Port to listen on (default 8080, or TANDEM_PORT).")
    var port: Int?

    @Flag(name: .long, help: "Seed a demo workspace (once) and print its logins.")
    var demo = false

    func run() async throws {
        let config = try loadConfig()
        TandemServer.bootstrapLogging(config)
        try await reportingFailures(config) {
            try await TandemServer.serve(config: config, options: .init(hostname: hostname, port: port, demo: demo))
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations, or revert them.")

    @Flag(name: .long, help: "Revert the most recent batch of migrations.")
    var revert = false

    @Flag(name: .long, help: "With --revert: revert every migration (empties the database).")
    var all = false

    func validate() throws {
        if all && !revert { throw ValidationError("--all only goes with --revert.") }
    }

    func run() async throws {
        let config = try loadConfig()
        TandemServer.bootstrapLogging(config)
        try await reportingFailures(config) {
            print(try await TandemServer.migrate(config: config, revert: revert, all: all))
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a large deterministic data set to the database (DATABASE_URL or the data directory).",
        discussion: """
            --scale large: 10,000 vendors and 100,000 bookings, then 1,000,000 projects (about 5,000,000 promises \
            and jobs) and 100,000 opportunities over four years, in batched inserts; prints how long each part took.
            """)

    @Option(name: .long, help: "large (10,000 vendors, 1,000,000 projects) or small (200 vendors, 1,000 projects).")
    var scale: String = "large"

    @Option(name: .long, help: "How many projects the goals' set has (10 per opportunity, 5 promises each).")
    var projects: Int?

    func validate() throws {
        if DemoScale(rawValue: scale) == nil { throw ValidationError("--scale is large or small.") }
        if let projects, projects < 1 { throw ValidationError("--projects is a whole number above 0.") }
    }

    func run() async throws {
        let config = try loadConfig()
        TandemServer.bootstrapLogging(config)
        try await reportingFailures(config) {
            print(
                try await TandemServer.demoScale(
                    config: config, scale: DemoScale(rawValue: scale) ?? .large, projects: projects))
        }
    }
}

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look after user accounts from the server's console.", subcommands: [ResetLink.self, Token.self])

    struct ResetLink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-link",
            abstract: "Print a one-time link (valid 7 days) with which a user sets a new password.",
            discussion: "For when no admin can sign in. Older unused links of the user stop working.")

        @Argument(help: "The e-mail address the user signs in with.")
        var email: String

        func run() async throws {
            let config = try loadConfig()
            TandemServer.bootstrapLogging(config)
            do {
                print(try await TandemServer.resetLink(config: config, email: email))
            } catch let error as DomainError {
                let reason =
                    error.field == "email"
                    ? "“\(email)” is not an e-mail address." : "No active user signs in with “\(email)”."
                FileHandle.standardError.write(Data("error: \(reason) Check the address and try again.\n".utf8))
                throw ExitCode(65)
            } catch {
                try await reportingFailures(config) { throw error }
            }
        }
    }
}

extension Users {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Print a new personal API token for a user, for scripts and first integrations.",
            discussion:
                "The secret is shown once; the user sees the token (not its secret) under Settings → API tokens.")

        @Argument(help: "The e-mail address the user signs in with.")
        var email: String

        @Option(help: "What the token is for, e.g. \"CRM import\".")
        var name: String

        func run() async throws {
            let config = try loadConfig()
            TandemServer.bootstrapLogging(config)
            do {
                print(try await TandemServer.createToken(config: config, email: email, name: name))
            } catch let error as DomainError {
                let reason: String
                switch error.field {
                case "email": reason = "“\(email)” is not an e-mail address. Check the address and try again."
                case nil: reason = "No active user signs in with “\(email)”. Check the address and try again."
                default: reason = error.message
                }
                FileHandle.standardError.write(Data("error: \(reason)\n".utf8))
                throw ExitCode(65)
            } catch {
                try await reportingFailures(config) { throw error }
            }
        }
    }
}

struct CapacityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity", abstract: "Capacity from the database.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the stored vendors and a request as a `tandem plan` file (JSON on standard output).",
            discussion:
                "REQUEST is the body of POST /api/v1/capacity/check. `tandem plan` on the output gives the API's answer."
        )

        @Argument(help: "The request (JSON), as sent to POST /api/v1/capacity/check.")
        var request: String

        func run() async throws {
            let config = try loadConfig()
            TandemServer.bootstrapLogging(config)
            guard let body = FileManager.default.contents(atPath: request) else {
                FileHandle.standardError.write(Data("error: cannot read \(request)\n".utf8))
                throw ExitCode(66)
            }
            try await reportingFailures(config) {
                do {
                    let file = try await CapacityExport.planFile(config: config, request: body)
                    FileHandle.standardOutput.write(file + Data("\n".utf8))
                } catch let error as PlanningInputError {
                    FileHandle.standardError.write(Data("error: request.\(error.field): \(error.message)\n".utf8))
                    throw ExitCode(65)
                }
            }
        }
    }
}

/// Prints a failure without secrets (the database password is redacted) and exits with 1.
func reportingFailures(_ config: TandemConfig, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let message = TandemServer.consoleMessage(for: error, config: config)
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        throw ExitCode(1)
    }
}

func loadConfig() throws -> TandemConfig {
    do { return try TandemConfig.fromEnvironment() } catch let error as ConfigError {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitCode(78)  // EX_CONFIG
    }
}
