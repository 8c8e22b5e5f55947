import FluentKit

/// Schema version 1: users, sessions, API tokens, setup links, sign-in throttling, organisation.
/// Shipped migrations are never edited; later versions add files V002_..., V003_...
enum V001 {
    struct CreateUsers: AsyncMigration {
        var name: String { "V001.CreateUsers" }
        func prepare(on database: any Database) async throws {
            try await database.schema("users")
                .id()
                .field("email", .string, .required)
                .field("display_name", .string, .required)
                .field("password_hash", .string)
                .field("roles", .string, .required)
                .field("is_active", .bool, .required)
                .field("locale", .string)
                .field("time_zone", .string)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .unique(on: "email")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("users").delete() }
    }

    struct CreateSessions: AsyncMigration {
        var name: String { "V001.CreateSessions" }
        func prepare(on database: any Database) async throws {
            try await database.schema("sessions")
                .id()
                .field("secret_hash", .string, .required)
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("csrf_token", .string, .required)
                .field("created_at", .datetime, .required)
                .field("expires_at", .datetime, .required)
                .unique(on: "secret_hash")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("sessions").delete() }
    }

    struct CreateAPITokens: AsyncMigration {
        var name: String { "V001.CreateAPITokens" }
        func prepare(on database: any Database) async throws {
            try await database.schema("api_tokens")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("name", .string, .required)
                .field("prefix", .string, .required)
                .field("secret_hash", .string, .required)
                .field("created_at", .datetime, .required)
                .field("last_used_at", .datetime)
                .field("revoked_at", .datetime)
                .unique(on: "secret_hash")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("api_tokens").delete() }
    }

    struct CreateSetupTokens: AsyncMigration {
        var name: String { "V001.CreateSetupTokens" }
        func prepare(on database: any Database) async throws {
            try await database.schema("setup_tokens")
                .id()
                .field("secret_hash", .string, .required)
                .field("expires_at", .datetime, .required)
                .field("used_at", .datetime)
                .field("claim", .string)
                .unique(on: "secret_hash")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("setup_tokens").delete() }
    }

    struct CreateLoginFailures: AsyncMigration {
        var name: String { "V001.CreateLoginFailures" }
        func prepare(on database: any Database) async throws {
            try await database.schema("login_failures")
                .id()
                .field("throttle_key", .string, .required)
                .field("failed_at", .datetime, .required)
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("login_failures").delete() }
    }

    struct CreateOrganisation: AsyncMigration {
        var name: String { "V001.CreateOrganisation" }
        func prepare(on database: any Database) async throws {
            try await database.schema("organisation_settings")
                .id()
                .field("name", .string, .required)
                .field("base_currency", .string, .required)
                .field("time_zone", .string, .required)
                .field("working_days", .string, .required)
                .field("default_locale", .string, .required)
                .field("updated_at", .datetime, .required)
                .create()
            try await database.schema("public_holidays")
                .id()
                .field("day", .string, .required)
                .field("name", .string, .required)
                .unique(on: "day")
                .create()
        }
        func revert(on database: any Database) async throws {
            try await database.schema("public_holidays").delete()
            try await database.schema("organisation_settings").delete()
        }
    }

    /// Which named seed steps (demo data) have run, so each runs once.
    struct CreateSeedRuns: AsyncMigration {
        var name: String { "V001.CreateSeedRuns" }
        func prepare(on database: any Database) async throws {
            try await database.schema("seed_runs")
                .id()
                .field("step", .string, .required)
                .field("ran_at", .datetime, .required)
                .unique(on: "step")
                .create()
        }
        func revert(on database: any Database) async throws { try await database.schema("seed_runs").delete() }
    }

    static let all: [any Migration] = [
        CreateUsers(), CreateSessions(), CreateAPITokens(), CreateSetupTokens(), CreateLoginFailures(),
        CreateOrganisation(), CreateSeedRuns(),
    ]
}
