import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

@Suite("Account use cases: creating users, the first admin, invitation links")
struct AccountUseCaseTests {
    let harness = UserAdministrationTests()

    @Test func everyWrongFieldOfANewUserIsNamedAtOnce() throws {
        let input = UserAdministration.UserInput(
            displayName: " ", email: "not-an-address", roles: ["sales", "boss"], password: "short")
        let error = try #require(throws: ValidationErrors.self) { try UserAdministration.validate(input) }
        #expect(error.errors.map(\.field) == ["email", "displayName", "roles", "password"])
        #expect(
            error.errors.map(\.key) == [
                "error.email.invalid", "error.name.required", "error.roles.unknown", "error.password.too_short",
            ])
    }

    @Test func aUserWithoutAPasswordGetsALink() async throws {
        try await harness.withEnvironment { env in
            let created = try await UserAdministration(env).create(
                .init(displayName: "Pia", email: "pia@lumen.example", roles: ["pm"], password: nil))
            let secret = try #require(created.invitationSecret)
            #expect(try await Invitations(env).pendingUser(secret: secret).id == created.user.id)
            let accepted = try await Invitations(env).accept(
                secret: secret, password: "pia's own secret", confirmation: "pia's own secret")
            #expect(accepted.id == created.user.id)
            #expect(try await ProfileSettings(env).isCurrentPassword("pia's own secret", of: accepted.id))
            await #expect(throws: DomainError.self) { _ = try await Invitations(env).pendingUser(secret: secret) }
        }
    }

    @Test func aMistypedConfirmationKeepsTheLink() async throws {
        try await harness.withEnvironment { env in
            let created = try await UserAdministration(env).create(
                .init(displayName: "Pia", email: "pia@lumen.example", roles: ["pm"], password: nil))
            let secret = try #require(created.invitationSecret)
            let error = await #expect(throws: ValidationErrors.self) {
                _ = try await Invitations(env).accept(secret: secret, password: "short", confirmation: "shorter")
            }
            #expect(error?.errors.map(\.field) == ["password", "passwordConfirmation"])
            #expect(try await Invitations(env).pendingUser(secret: secret).id == created.user.id)
        }
    }

    @Test func theSetupLinkCreatesOneAdminAndNamesTheOrganisation() async throws {
        try await harness.withEnvironment { env in
            let setup = FirstAdminSetup(env)
            let secret = try #require(try await setup.issueLinkIfNeeded())
            let input = FirstAdminSetup.Input(
                organisationName: "Lumen Language Services", displayName: "Alex", email: "alex@lumen.example",
                password: "a long secret", passwordConfirmation: "a long secret", locale: "fr")
            let admin = try await setup.run(secret: secret, input)
            #expect(admin.roles == [.admin])
            let organisation = try await env.stores.organisation.load()
            #expect(organisation.name == "Lumen Language Services" && organisation.defaultLocale == "fr")
            await #expect(throws: DomainError.self) { _ = try await setup.run(secret: secret, input) }
            #expect(try await env.stores.users.count() == 1)
            #expect(try await setup.issueLinkIfNeeded() == nil)
        }
    }

    @Test func aBadSetupFormNamesEveryFieldAndUsesNoLink() async throws {
        try await harness.withEnvironment { env in
            let setup = FirstAdminSetup(env)
            let secret = try #require(try await setup.issueLinkIfNeeded())
            let error = await #expect(throws: ValidationErrors.self) {
                _ = try await setup.run(
                    secret: secret,
                    .init(
                        organisationName: "", displayName: "Alex", email: "alex@", password: "long enough pw",
                        passwordConfirmation: "long enough pX", locale: "en"))
            }
            #expect(error?.errors.map(\.field) == ["name", "email", "passwordConfirmation"])
            #expect(try await setup.isOpen(secret: secret))
        }
    }
}
